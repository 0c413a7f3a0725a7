// The clean preview: a read-only document beside the corpus with the normalized text, following edits and the cursor.
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, deleteCorpusFiles, eventually, fixture, openCorpusFile, openSample, openScratch, resetSettings, run, setSetting } from './helpers';

const PREVIEW_SCHEME = 'segmented-corpus-preview';

/** The preview editor on screen, once there is one. */
function previewEditor(): Promise<vscode.TextEditor> {
  return eventually(() => vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === PREVIEW_SCHEME), 'a clean preview is visible');
}

describe('clean preview', () => {
  let normalized: string;

  before(async () => {
    normalized = await fixture('sample.normalized.txt');
  });

  afterEach(async () => {
    await resetSettings();
    await closeAllEditors();
    await deleteCorpusFiles();
  });

  it('opens beside the corpus with the normalized text, keeping the focus on the corpus', async () => {
    const source = await openSample();
    await run('openPreviewToSide');
    const preview = await previewEditor();
    assert.equal(preview.document.getText(), normalized);
    assert.notEqual(preview.viewColumn, source.viewColumn, 'to the side');
    assert.equal(vscode.window.activeTextEditor?.document, source.document, 'the focus stays on the corpus');
    assert.ok(preview.document.uri.path.endsWith('sample.seg.clean.txt'), preview.document.uri.toString());
    assert.equal(preview.document.languageId, 'segmented-corpus-clean');
  });

  it('follows edits to the corpus', async () => {
    const sample = await fixture('sample.seg');
    const source = await openScratch(sample, 'preview-edits');
    await run('openPreviewToSide');
    const preview = await previewEditor();
    assert.equal(preview.document.getText(), normalized);

    const edited = await source.edit((edit) => edit.insert(new vscode.Position(0, 0), '6 Xin_chào 6 '));
    assert.ok(edited);
    const expected = `“Xin chào” ${normalized}`;
    // The preview waits segmentedCorpus.preview.delay (300 ms by default) after the last edit.
    await eventually(() => preview.document.getText() === expected, 'the preview shows the edit', 3_000);

    // A second edit, the way a person types: the preview follows again.
    await source.edit((edit) => edit.insert(new vscode.Position(0, 0), 'Chào . '));
    await eventually(() => preview.document.getText() === `Chào. ${expected}`, 'the preview shows the second edit', 3_000);
  });

  it('follows the cursor to the same line', async () => {
    const source = await openScratch('Dòng_một 7 a .\nDòng_hai .\nDòng_ba 6 b 6 .\n');
    await run('openPreviewToSide');
    const preview = await previewEditor();
    assert.equal(preview.document.getText(), 'Dòng một, a.\nDòng hai.\nDòng ba “b”.\n');
    for (const line of [2, 1, 0]) {
      source.selection = new vscode.Selection(line, 3, line, 3);
      await eventually(() => preview.selection.active.line === line, `the preview's cursor is on line ${line}`);
    }
  });

  it('shows the current text at once when opened again on a preview VS Code still holds', async () => {
    // VS Code keeps a preview document while its tab is open, or after the corpus's editor closes.
    // Opened again, the preview must show the corpus as it is now, not the text it held until the
    // refresh an edit schedules (a long preview.delay keeps that one out of the picture).
    await setSetting('preview.delay', 10_000);
    const source = await openCorpusFile('Cũ 7 cũ .', 'preview-again');
    await run('openPreviewToSide');
    const held = await previewEditor();
    assert.equal(held.document.getText(), 'Cũ, cũ.');

    const whole = new vscode.Range(0, 0, 0, source.document.lineAt(0).text.length);
    assert.ok(await source.edit((edit) => edit.replace(whole, 'Mới 6 mới 6 .')));
    assert.equal(held.document.getText(), 'Cũ, cũ.', 'precondition: the preview waits preview.delay after an edit');

    await run('openPreviewToSide');
    const preview = await previewEditor();
    assert.equal(preview.document.uri.toString(), held.document.uri.toString(), 'the preview held is the one shown');
    await eventually(() => preview.document.getText() === 'Mới “mới”.', 'the preview shows the new text', 2_000).catch(() =>
      assert.fail(`the preview shows ${JSON.stringify(preview.document.getText())} instead of "Mới “mới”.": ` +
        'openPreviewToSide showed the already loaded preview document without refreshing it'));
  });
});
