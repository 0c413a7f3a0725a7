import * as assert from 'assert';
import { pairPartner, pairPlaceholders } from '../../src/core/pairs';
import { DEFAULT_SCHEME } from '../../src/core/scheme';
import { tokenize } from '../../src/core/tokens';

describe('pairs', () => {
  it('links pair placeholders alternately', () => {
    const tokens = tokenize('6 a 6 b 6 c 6', DEFAULT_SCHEME);
    assert.strictEqual(pairPartner(tokens, 0, DEFAULT_SCHEME), 2);
    assert.strictEqual(pairPartner(tokens, 2, DEFAULT_SCHEME), 0);
    assert.strictEqual(pairPartner(tokens, 4, DEFAULT_SCHEME), 6);
    assert.strictEqual(pairPlaceholders(tokens, DEFAULT_SCHEME).get(6)?.side, 'close');
  });

  it('leaves the last opener of an odd count unmatched', () => {
    const links = pairPlaceholders(tokenize('6 a 6 b 6 c', DEFAULT_SCHEME), DEFAULT_SCHEME);
    assert.deepStrictEqual(links.get(4), { index: 4, side: 'open', partner: undefined });
  });

  it('pairs each digit on its own and counts glued ones', () => {
    const scheme = { placeholders: { ...DEFAULT_SCHEME.placeholders, '8': { role: 'pair' as const, marks: { open: '(', close: ')' }, alternatives: [] } } };
    const tokens = tokenize('6 8 a 6 b 8.', scheme);
    assert.strictEqual(pairPartner(tokens, 0, scheme), 3);
    assert.strictEqual(pairPartner(tokens, 1, scheme), 5);
  });

  it('reads direction from the context: nested pairs open after an opener or a separator', () => {
    // “(Tái) biên dịch toàn bộ” with every pair mark a 6.
    const nested = tokenize('6 6 Tái 6 biên_dịch toàn_bộ 6', DEFAULT_SCHEME);
    assert.deepStrictEqual([0, 1, 3, 6].map((i) => pairPartner(nested, i, DEFAULT_SCHEME)), [6, 3, 1, 0]);
    // (xem Phần 4.1, “control”),
    const after = tokenize('6 xem Phần 1 7 6 control 6 6 7', DEFAULT_SCHEME);
    assert.deepStrictEqual([0, 5, 7, 8].map((i) => pairPartner(after, i, DEFAULT_SCHEME)), [8, 7, 5, 0]);
    // The sample's “…”, “…”: a 6 after a separator opens, a 6 after a word closes the open one.
    const list = tokenize('đề_án 7 6 Thí_điểm TPHCM 6 7 6 Đẩy_mạnh thị_trấn 6 7 7 7 .', DEFAULT_SCHEME);
    assert.deepStrictEqual([2, 5, 7, 10].map((i) => pairPlaceholders(list, DEFAULT_SCHEME).get(i)?.side), ['open', 'close', 'open', 'close']);
  });

  it('ignores separators and unknown digits', () => {
    assert.strictEqual(pairPlaceholders(tokenize('7 5 7', DEFAULT_SCHEME), DEFAULT_SCHEME).size, 0);
  });
});
