// Sentences within a line: where they end, and finding the one at an offset or holding a token.
import * as assert from 'assert';
import fc from 'fast-check';
import { DEFAULT_SCHEME } from '../../src/core/scheme';
import { sentenceAt, sentenceOfToken, sentenceSpans } from '../../src/core/sentences';
import { tokenize } from '../../src/core/tokens';
import { SAMPLE } from './fixtures';
import { linesOf } from './generators';

function sentences(line: string): string[] {
  return sentenceSpans(tokenize(line, DEFAULT_SCHEME), DEFAULT_SCHEME).map((s) => line.slice(s.start, s.end));
}

describe('sentences', () => {
  it('splits at final punctuation, keeping closing marks and closing pairs with it', () => {
    assert.deepStrictEqual(sentences('a 7 b . 6 c ? 6 d … ” e'), ['a 7 b .', '6 c ? 6', 'd … ”', 'e']);
  });

  it('splits the sample in four, the last ending with the glued 7.', () => {
    const parts = sentences(SAMPLE);
    assert.strictEqual(parts.length, 4);
    assert.ok(parts[0].endsWith('tổ_chức 7 .'));
    assert.ok(parts[1].startsWith('Sau_khi') && parts[1].endsWith('6 7 7 7 .'));
    assert.ok(parts[3].startsWith('Cho_đến_nay') && parts[3].endsWith('6 7.'));
  });

  it('finds the sentence at an offset', () => {
    const line = 'a b . c d';
    const spans = sentenceSpans(tokenize(line, DEFAULT_SCHEME), DEFAULT_SCHEME);
    assert.strictEqual(sentenceAt(spans, 0)?.firstToken, 0);
    assert.strictEqual(sentenceAt(spans, 5)?.firstToken, 0); // the gap belongs to the sentence before
    assert.strictEqual(sentenceAt(spans, 7)?.firstToken, 3);
    assert.deepStrictEqual(sentenceSpans([], DEFAULT_SCHEME), []);
  });

  it('finds the sentence holding each token: the one span whose tokens include it', () => {
    const tokenArb = fc.constantFrom('a', 'b_c', '.', '?', '…', '”', '6', '7', '7.', '1');
    fc.assert(
      fc.property(linesOf(tokenArb, fc.constant(' ')), (line) => {
        const tokens = tokenize(line, DEFAULT_SCHEME);
        const spans = sentenceSpans(tokens, DEFAULT_SCHEME);
        tokens.forEach((_, i) => assert.strictEqual(sentenceOfToken(spans, i), spans.find((s) => s.firstToken <= i && i <= s.lastToken)));
        assert.strictEqual(sentenceOfToken(spans, -1), undefined);
        assert.strictEqual(sentenceOfToken(spans, tokens.length), undefined);
      }),
    );
  });
});
