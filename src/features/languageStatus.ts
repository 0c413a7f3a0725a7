// A language status item that tells the user the file is read as a segmented corpus.
import * as vscode from 'vscode';

export function registerLanguageStatus(): vscode.Disposable {
  const item = vscode.languages.createLanguageStatusItem('segmentedCorpus.status', { language: 'segmented-corpus' });
  item.name = vscode.l10n.t('Segmented Corpus');
  item.text = vscode.l10n.t('Segmented corpus');
  item.detail = vscode.l10n.t('placeholders and syllable joiners recognised');
  return item;
}
