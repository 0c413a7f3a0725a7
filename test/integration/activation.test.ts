// The extension wakes up when a corpus file is opened, and the file is read as a segmented corpus.
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, LANGUAGE_ID, eventually, fixtureUri, loadedFeatures } from './helpers';

describe('activation', () => {
  it('opens sample.seg as segmented-corpus and activates the extension', async () => {
    const document = await vscode.workspace.openTextDocument(fixtureUri('sample.seg'));
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, LANGUAGE_ID);

    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is loaded as the extension under development`);
    // Activation is triggered by onLanguage, never by the test itself.
    await eventually(() => extension.isActive, `${EXTENSION_ID} is active`, 10_000);
    // The first test of the run: nothing has used the viewer, the statistics or the file jobs yet.
    assert.deepEqual(loadedFeatures().filter((f) => f !== 'consistency'), [], 'activation loads no feature before its first use');
    // The consistency check comes with the first corpus, once activate() has returned.
    await eventually(() => loadedFeatures().includes('consistency'), 'the consistency check is loaded for the corpus', 10_000);
  });
});
