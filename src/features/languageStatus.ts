// A language status item that tells the user the file is read as a segmented corpus.
import * as vscode from 'vscode';

export function registerLanguageStatus(): vscode.Disposable {
  const item = vscode.languages.createLanguageStatusItem('segmentedCorpus.status', { language: 'segmented-corpus' });
  item.name = 'Segmented Corpus';
  item.text = 'Segmented corpus';
  item.detail = 'placeholders and syllable joiners recognised';
  return item;
}
