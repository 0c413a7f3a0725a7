// The walkthrough's commands in the real editor: the sample opens as an untitled corpus document, Get Started opens the walkthrough.
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import { LANGUAGE_ID, closeAllEditors, eventually, fixture } from './helpers';

describe('walkthrough', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await closeAllEditors();
  });

  // Nothing else activates the extension here: running its command does (activation on a contributed command).
  it('opens the sample shipped with the extension as an untitled corpus document', async () => {
    await vscode.commands.executeCommand('segmentedCorpus.openSample');
    const editor = await eventually(() => vscode.window.activeTextEditor, 'the sample is shown');
    assert.equal(editor.document.isUntitled, true, 'an untitled copy: nothing on disk is touched');
    assert.equal(editor.document.languageId, LANGUAGE_ID);
    assert.equal(editor.document.getText(), await fixture('sample.seg'));
  });

  it('Get Started opens the walkthrough, in the Welcome editor', async () => {
    const welcomeTabs = (): number => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.label === 'Welcome').length;
    assert.equal(welcomeTabs(), 0, 'no Welcome editor before');
    await vscode.commands.executeCommand('segmentedCorpus.getStarted');
    // The API names the walkthrough's tab after the editor that shows it (test/e2e/walkthrough.e2e.mjs reads its steps).
    await eventually(() => (welcomeTabs() === 1 ? true : undefined), 'the walkthrough opens');
  });
});
