// The corpus editor a command works on, or, when VS Code keeps the active corpus file from extensions, why and what works instead.
import * as vscode from 'vscode';
import { NoDocumentAdvice, Offer, adviceWithoutDocument } from '../core/commandLine';
import { LANGUAGE_ID } from './configuration';
import { localized } from './coreMessages';

const EXTENSION_ID = 'segmented-corpus.segmented-corpus';

/** The file extensions of the corpus language, as the manifest declares them. */
function corpusExtensions(): string[] {
  const languages = (vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON?.contributes?.languages ?? []) as Array<{ id: string; extensions?: string[] }>;
  return languages.filter((l) => l.id === LANGUAGE_ID).flatMap((l) => l.extensions ?? []);
}

/** The file of the active tab when it is a text file extensions were not given a document of. */
function activeFileWithoutDocument(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  if (!(input instanceof vscode.TabInputText)) return undefined;
  const uri = input.uri.toString();
  return vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri) ? undefined : input.uri;
}

/** What each offer does when chosen; a file job (issue 9) is one more case here. */
async function carryOut(offer: Offer): Promise<void> {
  switch (offer.kind) {
    case 'copyCommandLine':
      await vscode.env.clipboard.writeText(offer.commandLine);
      vscode.window.setStatusBarMessage(`$(check) ${vscode.l10n.t('Copied: {0}', offer.commandLine)}`, 5000);
      return;
  }
}

/** Shows the advice with one button per offer; resolves to the offer chosen, if any. */
export async function showAdvice(advice: NoDocumentAdvice): Promise<Offer | undefined> {
  const titles = advice.offers.map((o) => localized(o.l10n));
  const detail = advice.offers.map((o) => o.commandLine).join('\n');
  const chosen = await vscode.window.showWarningMessage(`${localized(advice.l10n)} ${detail}`, ...titles);
  const offer = advice.offers.find((_offer, i) => titles[i] === chosen);
  if (offer) await carryOut(offer);
  return offer;
}

/**
 * The editor command `commandId` works on: the active text editor. When the active tab holds a
 * corpus file VS Code gave extensions no document of (over its 50-million-character sync limit),
 * says so and offers the command line instead of doing nothing; with no editor at all, asks for a
 * corpus file.
 */
export async function corpusEditorFor(commandId: string): Promise<vscode.TextEditor | undefined> {
  const file = activeFileWithoutDocument();
  if (file) {
    const bytes = await vscode.workspace.fs.stat(file).then((s) => s.size, () => undefined);
    const advice = adviceWithoutDocument(commandId, { path: file.scheme === 'file' ? file.fsPath : file.path, bytes }, corpusExtensions());
    if (advice) {
      void showAdvice(advice);
      return undefined;
    }
  }
  const editor = vscode.window.activeTextEditor;
  if (!editor) void vscode.window.showInformationMessage(vscode.l10n.t('Segmented Corpus: open a corpus file first.'));
  return editor;
}
