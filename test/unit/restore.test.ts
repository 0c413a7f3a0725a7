import * as assert from 'assert';
import { applyEdits, restoreEdits, restoreLine, restoreText } from '../../src/core/restore';
import { DEFAULT_SCHEME, schemeFromJson } from '../../src/core/scheme';
import { tokenize } from '../../src/core/tokens';
import { SAMPLE, fixture } from './fixtures';

describe('restore punctuation', () => {
  it('rewrites the sample as checked by eye', () => {
    assert.strictEqual(restoreText(SAMPLE, DEFAULT_SCHEME), fixture('sample.restored.seg'));
    assert.ok(fixture('sample.restored.seg').startsWith('“ Đặt_hàng ” đào_tạo cán_bộ trẻ Ngày 4 , Chủ_tịch'));
  });

  it('gives edits, not a string: offset, length and mark of each placeholder', () => {
    const line = '6 Đặt_hàng 6 đào_tạo 7 1 7.';
    assert.deepStrictEqual(restoreEdits(tokenize(line, DEFAULT_SCHEME), DEFAULT_SCHEME), [
      { offset: 0, length: 1, text: '“' },
      { offset: 11, length: 1, text: '”' },
      { offset: 21, length: 1, text: ',' },
      { offset: 25, length: 1, text: ',' },
    ]);
    assert.deepStrictEqual(restoreEdits(tokenize(line, DEFAULT_SCHEME), DEFAULT_SCHEME, 100)[0].offset, 100);
  });

  it('keeps spacing, underscores, numbers, dates and unknown digits', () => {
    assert.strictEqual(restoreLine('a\t6  b_c 6 1 4 5 9', DEFAULT_SCHEME), 'a\t“  b_c ” 1 4 5 9');
  });

  it('uses the scheme it is given', () => {
    const scheme = schemeFromJson({ '6': { role: 'pair', open: '(', close: ')' }, '3': { role: 'separator', mark: ';' } });
    assert.strictEqual(restoreLine('6 QLNN 6 3 7', scheme), '( QLNN ) ; 7');
  });

  it('keeps line endings and a byte order mark', () => {
    assert.strictEqual(restoreText('\ufeff6 a 6\r\n7\rb 7\n', DEFAULT_SCHEME), '\ufeff“ a ”\r\n,\rb ,\n');
  });

  it('applies edits in any order', () => {
    assert.strictEqual(applyEdits('abc', [{ offset: 2, length: 1, text: 'Z' }, { offset: 0, length: 1, text: 'X' }]), 'XbZ');
  });
});
