import * as assert from 'assert';
import { pairPartner, pairPlaceholders } from '../../src/core/pairs';
import { DEFAULT_SCHEME } from '../../src/core/scheme';
import { tokenize } from '../../src/core/tokens';

describe('pairs', () => {
  it('links pair placeholders alternately', () => {
    const tokens = tokenize('6 a 6 b 6 c 6', DEFAULT_SCHEME);
    assert.strictEqual(pairPartner(tokens, 0), 2);
    assert.strictEqual(pairPartner(tokens, 2), 0);
    assert.strictEqual(pairPartner(tokens, 4), 6);
    assert.strictEqual(pairPlaceholders(tokens).get(6)?.side, 'close');
  });

  it('leaves the last opener of an odd count unmatched', () => {
    const links = pairPlaceholders(tokenize('6 a 6 b 6 c', DEFAULT_SCHEME));
    assert.deepStrictEqual(links.get(4), { index: 4, side: 'open', partner: undefined });
  });

  it('pairs each digit on its own and counts glued ones', () => {
    const scheme = { placeholders: { ...DEFAULT_SCHEME.placeholders, '8': { role: 'pair' as const, marks: { open: '(', close: ')' }, alternatives: [] } } };
    const tokens = tokenize('6 8 a 6 b 8.', scheme);
    assert.strictEqual(pairPartner(tokens, 0), 3);
    assert.strictEqual(pairPartner(tokens, 1), 5);
  });

  it('ignores separators and unknown digits', () => {
    assert.strictEqual(pairPlaceholders(tokenize('7 5 7', DEFAULT_SCHEME)).size, 0);
  });
});
