import * as assert from 'assert';
import { DEFAULT_SCHEME } from '../../src/core/scheme';
import { tokenize } from '../../src/core/tokens';
import { SAMPLE } from './fixtures';

function kinds(line: string): string[] {
  return tokenize(line, DEFAULT_SCHEME).map((t) => `${t.text}:${t.kind}${t.role ? `/${t.role}` : ''}`);
}

describe('tokens', () => {
  it('tells each kind apart', () => {
    assert.deepStrictEqual(kinds('6 Đặt_hàng 6 trẻ UBND 7 1 4 5 7. . … 2007 3,5 kinh_tế-xã_hội #'), [
      '6:placeholder/pair',
      'Đặt_hàng:compound',
      '6:placeholder/pair',
      'trẻ:word',
      'UBND:word',
      '7:placeholder/separator',
      '1:placeholder/number',
      '4:placeholder/date',
      '5:placeholder/unknown',
      '7.:glued/separator',
      '.:punctuation',
      '…:punctuation',
      '2007:number',
      '3,5:number',
      'kinh_tế-xã_hội:compound',
      '#:other',
    ]);
  });

  it('gives UTF-16 offsets that slice back to the token', () => {
    const line = '\tLê_Thanh_Hải   đã  dự 7 ';
    for (const t of tokenize(line, DEFAULT_SCHEME)) assert.strictEqual(line.slice(t.start, t.end), t.text);
    assert.deepStrictEqual(
      tokenize(line, DEFAULT_SCHEME).map((t) => [t.start, t.end]),
      [[1, 13], [16, 18], [20, 22], [23, 24]],
    );
  });

  it('counts the sample as the format doc does: 149 compounds', () => {
    const tokens = tokenize(SAMPLE, DEFAULT_SCHEME);
    assert.strictEqual(tokens.filter((t) => t.kind === 'compound').length, 149);
    assert.strictEqual(tokens.filter((t) => t.digit === '6').length, 22);
    assert.strictEqual(tokens.filter((t) => t.digit === '7').length, 52); // 51 lone and the final glued `7.`
  });

  it('reads NFD text as words', () => {
    const nfd = 'Việt_Nam một'.normalize('NFD');
    assert.deepStrictEqual(tokenize(nfd, DEFAULT_SCHEME).map((t) => t.kind), ['compound', 'word']);
  });

  it('gives no tokens for an empty or blank line', () => {
    assert.deepStrictEqual(tokenize('', DEFAULT_SCHEME), []);
    assert.deepStrictEqual(tokenize(' \t ', DEFAULT_SCHEME), []);
  });
});
