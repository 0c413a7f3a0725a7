// The extension wakes up when a corpus file is opened, and the file is read as a segmented corpus.
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import { loadedFeatures } from './helpers';

const extensionId = 'segmented-corpus.segmented-corpus';

async function eventually(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) assert.fail(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('activation', () => {
  it('opens sample.seg as segmented-corpus and activates the extension', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the integration run opens test/fixtures as its workspace');

    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'sample.seg'));
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'segmented-corpus');

    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is loaded as the extension under development`);
    // Activation is triggered by onLanguage, never by the test itself.
    await eventually(() => extension.isActive, `${extensionId} is active`);
    // The first test of the run: nothing has used the viewer, the statistics or the file jobs yet.
    assert.deepEqual(loadedFeatures().filter((f) => f !== 'consistency'), [], 'activation loads no feature before its first use');
    // The consistency check comes with the first corpus, once activate() has returned.
    await eventually(() => loadedFeatures().includes('consistency'), 'the consistency check is loaded for the corpus');
  });
});
