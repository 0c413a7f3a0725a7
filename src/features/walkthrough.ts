// Onboarding: the commands behind the Get Started walkthrough: open it, and open its sample corpus as an untitled document.
import * as vscode from 'vscode';
import { LANGUAGE_ID } from './configuration';

export const GET_STARTED = 'segmentedCorpus.getStarted';
export const OPEN_SAMPLE = 'segmentedCorpus.openSample';
/** The walkthrough's id in package.json (contributes.walkthroughs). */
const WALKTHROUGH = 'gettingStarted';

/**
 * The sample ships inside the extension (media/walkthrough/sample.seg) and opens as an untitled
 * copy: a person can try every fix on it without touching a file, in any workspace or none, and on
 * the web host too (read through workspace.fs, not Node's fs).
 */
async function openSample(extensionUri: vscode.Uri): Promise<vscode.TextEditor> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'media', 'walkthrough', 'sample.seg'));
  const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: new TextDecoder().decode(bytes) });
  // From the walkthrough (no text editor active) the sample opens beside it, so both stay in view.
  const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Active : vscode.ViewColumn.Beside;
  return vscode.window.showTextDocument(document, { viewColumn: column, preview: false });
}

export function registerWalkthrough(context: vscode.ExtensionContext): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(OPEN_SAMPLE, () => openSample(context.extensionUri)),
    vscode.commands.registerCommand(GET_STARTED, () =>
      vscode.commands.executeCommand('workbench.action.openWalkthrough', `${context.extension.id}#${WALKTHROUGH}`, false),
    ),
  );
}
