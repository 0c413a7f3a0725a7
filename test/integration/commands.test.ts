// The palette commands on real editors: normalize, restore punctuation, copy the cleaned sentence; each edit one undo step.
import * as assert from 'assert/strict';
import * as vscode from 'vscode';
import {
  closeAllEditors, differingOffsets, eventually, fixture, openSample, openUntitled, resetSettings, run, sentences, setSetting, undo,
} from './helpers';

describe('commands', () => {
  let sample: string;
  let normalized: string;
  let restored: string;

  before(async () => {
    [sample, normalized, restored] = await Promise.all(['sample.seg', 'sample.normalized.txt', 'sample.restored.seg'].map(fixture));
  });

  afterEach(async () => {
    await resetSettings();
    await closeAllEditors();
  });

  describe('normalizeDocument', () => {
    it('opens the normalized text in a new editor beside the corpus, leaving the corpus as it was', async () => {
      const source = await openSample();
      await run('normalizeDocument');
      const result = await eventually(() => {
        const active = vscode.window.activeTextEditor;
        return active && active.document !== source.document ? active : undefined;
      }, 'the result editor is active');
      assert.equal(result.document.getText(), normalized);
      assert.equal(result.document.isUntitled, true, 'a new, unsaved document');
      assert.equal(result.document.languageId, 'segmented-corpus-clean', 'clean text, not a corpus');
      assert.notEqual(result.viewColumn, source.viewColumn, 'beside, not in place of, the corpus');
      assert.ok(vscode.window.visibleTextEditors.some((e) => e.document === source.document), 'the corpus stays visible');
      assert.equal(source.document.getText(), sample);
      assert.equal(source.document.isDirty, false);
    });

    it('with normalize.target inPlace replaces the text, and one undo brings the original back', async () => {
      await setSetting('normalize.target', 'inPlace');
      const editor = await openUntitled(sample);
      await run('normalizeDocument');
      assert.equal(editor.document.getText(), normalized);
      assert.equal(vscode.window.activeTextEditor?.document, editor.document, 'no other editor was opened');
      assert.equal(vscode.window.tabGroups.all.flatMap((g) => g.tabs).length, 1, 'still one tab');
      await undo(editor.document);
      assert.equal(editor.document.getText(), sample);
    });
  });

  describe('normalizeSelection', () => {
    it('normalizes every selection, and one undo brings them all back', async () => {
      const editor = await openUntitled(sample);
      const first = '6 Đặt_hàng 6 đào_tạo';
      const second = 'Nhà_nước 6 QLNN 6 khỏi';
      const range = (needle: string) => {
        const start = sample.indexOf(needle);
        assert.ok(start >= 0, needle);
        return new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(start + needle.length));
      };
      editor.selections = [range(first), range(second)];
      await run('normalizeSelection');
      const expected = sample.replace(first, '“Đặt hàng” đào tạo').replace(second, 'Nhà nước “QLNN” khỏi');
      assert.notEqual(expected, sample);
      assert.equal(editor.document.getText(), expected);
      await undo(editor.document);
      assert.equal(editor.document.getText(), sample, 'one undo step for both selections');
    });
  });

  describe('restorePunctuationDocument', () => {
    it('turns the placeholders into punctuation, and one undo brings them back', async () => {
      const editor = await openUntitled(sample);
      await run('restorePunctuationDocument');
      assert.equal(editor.document.getText(), restored);
      await undo(editor.document);
      assert.equal(editor.document.getText(), sample);
    });
  });

  describe('restorePunctuationSelection', () => {
    it('with several selections touches only the placeholders inside them, in one undo step', async () => {
      const editor = await openUntitled(sample);
      // Every placeholder becomes one character, so the restored fixture lines up with the sample
      // character for character: inside a selection expect the restored character, outside the original.
      const changed = differingOffsets(sample, restored);
      const spans = ['6 Đặt_hàng 6 đào_tạo', 'Ngày 4 7 Chủ_tịch', 'cơ_chế 6 một_cửa 7 một dấu 6 ở'].map((needle) => {
        const start = sample.indexOf(needle);
        assert.ok(start >= 0, needle);
        return [start, start + needle.length] as const;
      });
      editor.selections = spans.map(([start, end]) => new vscode.Selection(editor.document.positionAt(start), editor.document.positionAt(end)));
      await run('restorePunctuationSelection');

      const inside = (offset: number) => spans.some(([start, end]) => start <= offset && offset < end);
      const expected = sample.split('').map((c, i) => (inside(i) ? restored[i] : c)).join('');
      // A sanity check on the oracle itself: 6 placeholders restored, many more left alone.
      assert.equal(changed.filter(inside).length, 6);
      assert.ok(changed.filter((i) => !inside(i)).length > 50);
      assert.equal(editor.document.getText(), expected);
      await undo(editor.document);
      assert.equal(editor.document.getText(), sample);
    });
  });

  describe('copyCleanedSentence', () => {
    it('puts the cleaned sentence at the cursor on the clipboard', async () => {
      const editor = await openSample();
      for (const [needle, sentence] of [['Chủ_tịch', 0], ['Sở_Nội_vụ đã', 1], ['Phát_biểu', 2]] as const) {
        await vscode.env.clipboard.writeText('(nothing yet)');
        const at = editor.document.positionAt(sample.indexOf(needle) + 2);
        editor.selection = new vscode.Selection(at, at);
        await run('copyCleanedSentence');
        assert.equal(await vscode.env.clipboard.readText(), sentences(normalized)[sentence], `cursor in "${needle}"`);
      }
    });
  });
});
