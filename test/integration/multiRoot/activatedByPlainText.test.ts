// Runs first in the multi-root run: a plain .txt activates the extension (onLanguage:plaintext, for auto-detect), and that alone must not search or count the workspace's corpora.
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/extension.shared';
import { EXTENSION_ID, eventually, loadedFeatures } from '../helpers';

describe('activated by a plain .txt', () => {
  it('counts nothing until a corpus is opened, then counts the workspace', async () => {
    const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
    assert.ok(extension);
    assert.equal(extension.isActive, false, 'this test opens the run\'s first document');
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(root);
    const notes = vscode.Uri.joinPath(root, 'notes.txt');
    await vscode.workspace.fs.writeFile(notes, new TextEncoder().encode('Shopping list\nmilk, eggs, bread\n'));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(notes));
    await eventually(() => extension.isActive, `${EXTENSION_ID} is active (activated by the .txt)`, 10_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual(loadedFeatures(), [], 'a .txt loads none of the features loaded on first use, the consistency check included');
    const { consistency } = extension.exports;
    // Time for the work activation used to schedule (the workspace's corpora searched and counted).
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.equal(consistency.counting, false, 'nothing is counted for a .txt');
    assert.equal(consistency.timings.count, 0);

    const news = vscode.workspace.workspaceFolders?.find((f) => f.name === 'news');
    assert.ok(news);
    const corpus = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(news.uri, 'news.seg'));
    await vscode.window.showTextDocument(corpus);
    await eventually(() => consistency.counting, 'counting starts with the first corpus', 10_000);
    await consistency.settled();
    assert.ok(consistency.members(corpus).length > 0, 'the corpus is counted');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
