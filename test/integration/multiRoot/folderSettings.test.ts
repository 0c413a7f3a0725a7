// A folder of a multi-root workspace with its own .vscode/settings.json: its documents follow them, its neighbour's do not.
//
// The workspace (a temp copy of test/workspaces/multi-root, written to freely) has two folders
// holding the same line: news/ with no settings of its own, letters/ whose settings make 7 a
// semicolon, an unmatched pair a hint and turn the hover off.
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import { SECTION, closeAllEditors, corpusDiagnostics, eventually, extensionActive, hoverMarkdown, markdownText, resetSettings, run, setSetting } from '../helpers';

function folder(name: string): vscode.WorkspaceFolder {
  const found = vscode.workspace.workspaceFolders?.find((f) => f.name === name);
  assert.ok(found, `the multi-root workspace has a folder ${name}`);
  return found;
}

let fileCount = 0;

/**
 * A new corpus file in the folder, a copy of the folder's own (<folder>.seg), shown: each use gets a
 * file of its own, so no test sees another's edits (a closed document lingers in the extension host).
 */
async function openIn(folderName: string): Promise<vscode.TextEditor> {
  const root = folder(folderName).uri;
  const text = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(root, `${folderName}.seg`));
  const uri = vscode.Uri.joinPath(root, `copy-${++fileCount}.seg`);
  await vscode.workspace.fs.writeFile(uri, text);
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  await extensionActive();
  return editor;
}

/** Restores every placeholder of a new file of the folder (in the editor only) and returns the text. */
async function restored(folderName: string): Promise<string> {
  const editor = await openIn(folderName);
  await run('restorePunctuationDocument');
  await eventually(() => !editor.document.getText().includes(' 7 '), `the placeholders of ${folderName}/ are restored`);
  return editor.document.getText();
}

/** The mark the line's first separator placeholder was restored to (it stands between "qua" and "Sở_Nội_vụ"). */
function separatorOf(text: string): string {
  const match = /thời_gian qua (\S+) Sở_Nội_vụ/.exec(text);
  assert.ok(match, `a restored separator in: ${text}`);
  return match[1];
}

describe('folder settings in a multi-root workspace', function () {
  // Each test writes and opens up to four files through the remote file system: seconds each under load.
  this.timeout(45_000);

  before(async function () {
    // The first corpus opened activates the extension: on a busy machine that alone can take most of a test's 20 s.
    this.timeout(90_000);
    assert.ok(vscode.workspace.workspaceFile, 'the run opens a .code-workspace');
    assert.equal(vscode.workspace.workspaceFolders?.length, 2);
    await openIn('news');
    await closeAllEditors();
  });

  afterEach(async () => {
    await resetSettings();
    await closeAllEditors();
  });

  it("restore uses the document's folder scheme: 7 is ';' in letters/, ',' in news/", async () => {
    assert.equal(separatorOf(await restored('letters')), ';');
    assert.equal(separatorOf(await restored('news')), ',');
  });

  it("a folder's severity applies to its documents only", async () => {
    const news = await openIn('news');
    const letters = await openIn('letters');
    const severityOf = (uri: vscode.Uri) => corpusDiagnostics(uri).find((d) => d.code === 'unmatched-pair')?.severity;
    // Under load the first check of a file can take seconds to reach the problems list.
    assert.equal(await eventually(() => severityOf(news.document.uri), 'news.seg has its unmatched pair', 15_000), vscode.DiagnosticSeverity.Error);
    assert.equal(await eventually(() => severityOf(letters.document.uri), 'letters.seg has its unmatched pair', 15_000), vscode.DiagnosticSeverity.Hint);
  });

  it("a folder's hover.enabled false turns the hover off there only", async () => {
    const news = await openIn('news');
    const at = new vscode.Position(0, news.document.getText().indexOf('Sở_Nội_vụ') + 1);
    const shown = await eventually(async () => (await hoverMarkdown(news.document.uri, at)).map((m) => markdownText(m)).find((m) => m.includes('Sở Nội vụ')), 'news.seg has a hover');
    assert.ok(shown.startsWith('Sau khi tổng kết'), shown);
    const letters = await openIn('letters');
    assert.deepEqual(await hoverMarkdown(letters.document.uri, at), []);
  });

  it('a user setting reaches the folder without its own value; the folder keeps its override', async () => {
    await setSetting('scheme', { 7: { role: 'separator', mark: ':' } });
    assert.equal(separatorOf(await restored('news')), ':');
    assert.equal(separatorOf(await restored('letters')), ';');
  });

  it("a change to one folder's settings is seen at once, there only", async () => {
    const letters = folder('letters');
    // Both folders' settings are in use (and cached) before the change.
    assert.equal(separatorOf(await restored('letters')), ';');
    assert.equal(separatorOf(await restored('news')), ',');
    await closeAllEditors();
    const config = vscode.workspace.getConfiguration(SECTION, letters.uri);
    const before = config.inspect('scheme')?.workspaceFolderValue;
    try {
      await config.update('scheme', { 7: { role: 'separator', mark: '–' } }, vscode.ConfigurationTarget.WorkspaceFolder);
      // The folder's settings file is written, then read back: wait until the extension host has the new value.
      await eventually(() => (vscode.workspace.getConfiguration(SECTION, letters.uri).inspect<Record<string, { mark?: string }>>('scheme')?.workspaceFolderValue?.['7']?.mark === '–'), 'the folder setting is in force');
      assert.equal(separatorOf(await restored('letters')), '–');
      assert.equal(separatorOf(await restored('news')), ',');
    } finally {
      await vscode.workspace.getConfiguration(SECTION, letters.uri).update('scheme', before, vscode.ConfigurationTarget.WorkspaceFolder);
    }
  });
});
