// Clean preview: a read-only virtual document showing the normalized text, following edits and the cursor.
import * as vscode from 'vscode';
import { normalizeText } from '../core/normalize';
import { corpusEditorFor } from './activeCorpus';
import { CLEAN_LANGUAGE_ID, CorpusConfiguration, LANGUAGE_ID } from './configuration';
import { planFor } from './documentPlan';

export const PREVIEW_SCHEME = 'segmented-corpus-preview';

/** The preview URI of a source document: readable path, source URI in the query. */
export function previewUri(source: vscode.Uri): vscode.Uri {
  const name = source.path.split('/').pop() || 'corpus';
  return vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/${name}.clean.txt`, query: source.toString() });
}

function sourceOf(preview: vscode.Uri): vscode.Uri {
  return vscode.Uri.parse(preview.query);
}

class PreviewProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly config: CorpusConfiguration) {
    vscode.workspace.onDidChangeTextDocument((event) => this.schedule(event.document.uri), null, this.subscriptions);
    config.onDidChange(() => this.openPreviews().forEach((uri) => this.changed.fire(uri)), null, this.subscriptions);
    vscode.window.onDidChangeTextEditorSelection((event) => this.reveal(event.textEditor), null, this.subscriptions);
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const target = sourceOf(uri);
    let source = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString());
    // A closed file is read again (a settings change refreshes every open preview); an untitled one is gone.
    if (!source && target.scheme !== 'untitled') source = await vscode.workspace.openTextDocument(target).then((d) => d, () => undefined);
    if (!source) return '';
    return normalizeText(source.getText(), planFor(source, this.config.settingsFor(source)));
  }

  private openPreviews(): vscode.Uri[] {
    return vscode.workspace.textDocuments.filter((d) => d.uri.scheme === PREVIEW_SCHEME).map((d) => d.uri);
  }

  /** Debounced refresh of the preview of an edited source, if one is open. */
  private schedule(source: vscode.Uri): void {
    if (source.scheme === PREVIEW_SCHEME) return;
    const preview = previewUri(source);
    if (!this.openPreviews().some((u) => u.toString() === preview.toString())) return;
    const key = preview.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.changed.fire(preview);
      }, this.config.settingsFor(source).previewDelay),
    );
  }

  /** Lines correspond one to one, so the preview shows the line under the source cursor. */
  private reveal(editor: vscode.TextEditor): void {
    if (editor.document.languageId !== LANGUAGE_ID) return;
    const preview = previewUri(editor.document.uri).toString();
    const line = editor.selection.active.line;
    for (const visible of vscode.window.visibleTextEditors) {
      if (visible.document.uri.toString() !== preview) continue;
      const range = new vscode.Range(line, 0, line, 0);
      visible.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      visible.selection = new vscode.Selection(range.start, range.start);
    }
  }

  dispose(): void {
    this.timers.forEach((t) => clearTimeout(t));
    this.subscriptions.forEach((s) => s.dispose());
    this.changed.dispose();
  }
}

export function registerPreview(config: CorpusConfiguration): vscode.Disposable {
  const provider = new PreviewProvider(config);
  const open = vscode.commands.registerCommand('segmentedCorpus.openPreviewToSide', async (uri?: vscode.Uri) => {
    const source = uri instanceof vscode.Uri ? uri : (await corpusEditorFor('segmentedCorpus.openPreviewToSide'))?.document.uri;
    if (!source) return undefined;
    if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === source.toString())) await vscode.workspace.openTextDocument(source);
    let document = await vscode.workspace.openTextDocument(previewUri(source));
    // A preview VS Code still holds shows its old text until the refresh an edit schedules otherwise.
    provider.changed.fire(document.uri);
    if (document.languageId !== CLEAN_LANGUAGE_ID) document = await vscode.languages.setTextDocumentLanguage(document, CLEAN_LANGUAGE_ID);
    return vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: false });
  });
  return vscode.Disposable.from(vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, provider), provider, open);
}
