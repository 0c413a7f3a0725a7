// Settings take effect as soon as they change, without a reload; an invalid scheme falls back to the defaults with a warning.
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, differingOffsets, eventually, fixture, openScratch, openUntitled, resetSettings, run, setSetting, warningsDuring } from './helpers';

/** Runs Normalize Document (beside) on `editor` and returns the text of the editor it opens. */
async function normalizeBeside(editor: vscode.TextEditor): Promise<string> {
  await vscode.window.showTextDocument(editor.document, editor.viewColumn);
  await run('normalizeDocument');
  const result = await eventually(() => {
    const active = vscode.window.activeTextEditor;
    return active && active.document !== editor.document ? active : undefined;
  }, 'the normalize result is active');
  return result.document.getText();
}

/** Restores a fresh untitled copy of `text` and returns the result. */
async function restoreCopy(text: string): Promise<string> {
  const editor = await openUntitled(text);
  await run('restorePunctuationDocument');
  return editor.document.getText();
}

describe('settings', () => {
  let sample: string;
  let normalized: string;
  let restored: string;

  before(async () => {
    [sample, normalized, restored] = await Promise.all(['sample.seg', 'sample.normalized.txt', 'sample.restored.seg'].map(fixture));
  });

  /** The restored fixture with `mark` for every 7 (each placeholder is one character, so offsets line up). */
  function restoredWithSeparator(mark: string): string {
    const sevens = differingOffsets(sample, restored).filter((i) => sample[i] === '7');
    assert.ok(sevens.length > 20);
    return restored.split('').map((c, i) => (sevens.includes(i) ? mark : c)).join('');
  }

  afterEach(async () => {
    await resetSettings();
    await closeAllEditors();
  });

  it('normalize.joinSyllables false keeps the underscores, at once', async () => {
    const source = await openUntitled(sample);
    assert.equal(await normalizeBeside(source), normalized, 'joined by default');

    await setSetting('normalize.joinSyllables', false);
    const kept = await normalizeBeside(source);
    assert.ok(kept.startsWith('“Đặt_hàng” đào_tạo cán_bộ trẻ Ngày 4, Chủ_tịch'), kept.slice(0, 80));
    // Only the joiners differ: underscores where the default output has spaces.
    assert.equal(kept.replace(/_/g, ' '), normalized);
  });

  it('an open clean preview follows a settings change', async () => {
    await openScratch(sample, 'preview-settings');
    await run('openPreviewToSide');
    const preview = await eventually(() => vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'segmented-corpus-preview'), 'the preview is visible');
    assert.equal(preview.document.getText(), normalized);
    await setSetting('normalize.joinSyllables', false);
    await eventually(() => {
      const text = preview.document.getText();
      return text.startsWith('“Đặt_hàng” đào_tạo') && text.replace(/_/g, ' ') === normalized;
    }, 'the preview keeps the underscores', 3_000);
  });

  it('a scheme override is used by the next restore: 7 as ";"', async () => {
    await setSetting('scheme', { '7': { role: 'separator', mark: ';' } });
    const result = await restoreCopy(sample);
    const expected = restoredWithSeparator(';');
    assert.notEqual(expected, restored);
    assert.equal(result, expected);
    assert.ok(result.includes('Ngày 4 ; Chủ_tịch'));
    assert.ok(result.includes('“ Đặt_hàng ”'), 'the pairs keep their default marks');
  });

  it('an invalid scheme falls back to the defaults, with a warning', async () => {
    const warnings = (await warningsDuring(() => setSetting('scheme', { '7': { role: 'comma' } }))).map((w) => w.message);
    assert.equal(await restoreCopy(sample), restored, 'restore uses the default comma');
    assert.equal(warnings.length, 1, `one warning: ${JSON.stringify(warnings)}`);
    assert.match(warnings[0], /segmentedCorpus\.scheme\.7/);
    assert.match(warnings[0], /defaults used/);

    // Back to a valid scheme: no further warning, and the override works again.
    const later = await warningsDuring(() => setSetting('scheme', { '7': { role: 'separator', mark: ';' } }));
    assert.deepEqual(later, []);
    assert.equal(await restoreCopy(sample), restoredWithSeparator(';'));
  });
});
