// Fix all: the source.fixAll.segmented-corpus action, the Fix All command and editor.codeActionsOnSave restore every placeholder.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as vscode from 'vscode';
import {
  closeAllEditors, codeActions, deleteCorpusFiles, eventually, fixture, openCorpusFile, resetSettings, run, setLanguageSetting, undo,
} from './helpers';

const FIX_ALL = 'source.fixAll.segmented-corpus';

function wholeDocument(document: vscode.TextDocument): vscode.Range {
  return new vscode.Range(new vscode.Position(0, 0), document.lineAt(document.lineCount - 1).range.end);
}

describe('fix all', () => {
  let sample: string;
  let restored: string;

  before(async () => {
    [sample, restored] = await Promise.all(['sample.seg', 'sample.restored.seg'].map(fixture));
    assert.notEqual(sample, restored);
  });

  afterEach(async () => {
    await resetSettings();
    await closeAllEditors();
    await deleteCorpusFiles();
  });

  it(`${FIX_ALL} is one action that turns the sample into sample.restored.seg`, async () => {
    const editor = await openCorpusFile(sample);
    const document = editor.document;
    const actions = await codeActions(document.uri, wholeDocument(document), FIX_ALL);
    assert.deepEqual(actions.map((a) => [a.title, a.kind?.value]), [['Restore every placeholder (Segmented Corpus)', FIX_ALL]]);
    // The same action answers the general "Fix All" (source.fixAll), and from a cursor anywhere.
    const general = await codeActions(document.uri, new vscode.Range(0, 3, 0, 3), vscode.CodeActionKind.SourceFixAll.value);
    assert.deepEqual(general.map((a) => a.kind?.value), [FIX_ALL]);
    // It is a source action: not among the quick fixes.
    assert.deepEqual((await codeActions(document.uri, new vscode.Range(0, 0, 0, 1), vscode.CodeActionKind.QuickFix.value)).filter((a) => a.kind?.value === FIX_ALL), []);

    const edit = actions[0].edit;
    assert.ok(edit);
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    assert.equal(document.getText(), restored);
    await undo(document);
    assert.equal(document.getText(), sample, 'one undo step');
  });

  it('the Fix All command does the same on the active editor', async () => {
    const editor = await openCorpusFile(sample);
    assert.equal(await run('fixAll'), true);
    assert.equal(editor.document.getText(), restored);
    await undo(editor.document);
    assert.equal(editor.document.getText(), sample, 'one undo step');
  });

  it('editor.codeActionsOnSave { "source.fixAll.segmented-corpus": "explicit" } restores a file as it is saved', async () => {
    // Without the setting a save writes the text as it is. (The files are new ones in the temp folder.)
    const plain = await openCorpusFile('', 'save-plain');
    assert.ok(await plain.edit((edit) => edit.insert(new vscode.Position(0, 0), sample)));
    assert.equal(await plain.document.save(), true);
    assert.equal(fs.readFileSync(plain.document.uri.fsPath, 'utf8'), sample, 'saved as typed without codeActionsOnSave');

    await setLanguageSetting('editor', 'codeActionsOnSave', { [FIX_ALL]: 'explicit' });
    const editor = await openCorpusFile('', 'save-fixall');
    assert.equal(editor.document.languageId, 'segmented-corpus');
    // The document must be dirty for a save to run at all: type the sample in.
    assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), sample)));
    assert.equal(editor.document.isDirty, true);
    assert.equal(await editor.document.save(), true);
    await eventually(() => !editor.document.isDirty, 'the document is saved');
    assert.equal(editor.document.getText(), restored, 'the editor shows the restored text');
    assert.equal(fs.readFileSync(editor.document.uri.fsPath, 'utf8'), restored, 'the file on disk is restored');
  });
});
