// A status bar item with the word under the cursor and how many syllables it has.
import * as vscode from 'vscode';
import { segmentAround } from '../core/boundaries';
import { CorpusConfiguration, LANGUAGE_ID } from './configuration';

/** Longer words are cut in the status bar (the tooltip has them whole). */
const SHOWN_CHARS = 40;

export class WordStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('segmentedCorpus.word', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly config: CorpusConfiguration) {
    this.item.name = vscode.l10n.t('Segmented Corpus: Word');
    this.subscriptions.push(
      vscode.window.onDidChangeTextEditorSelection((e) => this.update(e.textEditor)),
      vscode.window.onDidChangeActiveTextEditor((editor) => this.update(editor)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        const editor = vscode.window.activeTextEditor;
        if (editor?.document === e.document) this.update(editor);
      }),
      config.onDidChange(() => this.update(vscode.window.activeTextEditor)),
    );
    this.update(vscode.window.activeTextEditor);
  }

  private update(editor: vscode.TextEditor | undefined): void {
    if (!editor || editor !== vscode.window.activeTextEditor) return;
    if (editor.document.languageId !== LANGUAGE_ID) {
      this.item.hide();
      return;
    }
    // A document change reaches us before the selection follows it: the cursor may be past the text.
    const position = editor.document.validatePosition(editor.selection.active);
    const line = editor.document.lineAt(position.line).text;
    // The tokens around the cursor only: moving along a 20,000-character line stays cheap.
    const seg = segmentAround(line, this.config.settingsFor(editor.document).tokenizer, position.character, position.character);
    const word = seg.wordAt(position.character);
    if (!word) {
      this.item.hide();
      return;
    }
    const shown = word.text.length > SHOWN_CHARS ? `${word.text.slice(0, SHOWN_CHARS - 1)}…` : word.text;
    const syllables = word.syllables === 1 ? vscode.l10n.t('1 syllable') : vscode.l10n.t('{0} syllables', word.syllables);
    // `$(` would start an icon in status bar text.
    this.item.text = `${shown.replace(/\$\(/g, '\\$(')} · ${syllables}`;
    this.item.tooltip = `${word.text}: ${syllables}`;
    this.item.show();
  }

  dispose(): void {
    this.subscriptions.forEach((s) => s.dispose());
    this.item.dispose();
  }
}
