// The corpus editor a command works on, or, when VS Code keeps the active corpus file from extensions, why and what works instead.
import * as vscode from 'vscode';
import { NoDocumentAdvice, Offer, adviceWithoutDocument } from '../core/commandLine';
import { LANGUAGE_ID } from './configuration';
import { CHECK_CORPUS_FILES, NORMALIZE_TO_FILE, RESTORE_TO_FILE } from './fileJobsRegistration';
import { OPEN_VIEWER_COMMAND } from './viewerRegistration';
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

/** The file job that does what an editor command does, on the file rather than a document. */
function fileJobFor(commandId: string): { readonly command: string; readonly title: string } | undefined {
  if (commandId === 'segmentedCorpus.normalizeDocument') return { command: NORMALIZE_TO_FILE, title: vscode.l10n.t('Normalize to File…') };
  if (commandId === 'segmentedCorpus.restorePunctuationDocument' || commandId === 'segmentedCorpus.fixAll') return { command: RESTORE_TO_FILE, title: vscode.l10n.t('Restore Punctuation to File…') };
  if (commandId === 'segmentedCorpus.checkWholeFile') return { command: CHECK_CORPUS_FILES, title: vscode.l10n.t('Check Corpus Files') };
  return undefined;
}

/**
 * Shows the advice with one button per offer; when the file is known, first the file job that does
 * the same in the editor (if there is one) and "Open in Viewer" (the viewer reads a file of any
 * size). Resolves to the offer chosen, if any.
 */
export async function showAdvice(advice: NoDocumentAdvice, file?: vscode.Uri, commandId = ''): Promise<Offer | undefined> {
  const job = file ? fileJobFor(commandId) : undefined;
  const openInViewer = vscode.l10n.t('Open in Viewer');
  const offerTitles = advice.offers.map((o) => localized(o.l10n));
  const titles = [...(job ? [job.title] : []), ...(file ? [openInViewer] : []), ...offerTitles];
  const detail = advice.offers.map((o) => o.commandLine).join('\n');
  const chosen = await vscode.window.showWarningMessage(`${localized(advice.l10n)} ${detail}`, ...titles);
  if (job && chosen === job.title) {
    await vscode.commands.executeCommand(job.command, file);
    return undefined;
  }
  if (file && chosen === openInViewer) {
    await vscode.commands.executeCommand(OPEN_VIEWER_COMMAND, file);
    return undefined;
  }
  const offer = advice.offers.find((_offer, i) => offerTitles[i] === chosen);
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
      void showAdvice(advice, file, commandId);
      return undefined;
    }
  }
  const editor = vscode.window.activeTextEditor;
  if (!editor) void vscode.window.showInformationMessage(vscode.l10n.t('Segmented Corpus: open a corpus file first.'));
  return editor;
}
