import * as assert from 'assert';
import fc from 'fast-check';
import { NormalizeOptions, normalizeLineMapped, planNormalize, withBreakWords } from '../../src/core/normalize';
import { pairPartner, pairPlaceholders } from '../../src/core/pairs';
import { DEFAULT_SCHEME } from '../../src/core/scheme';
import { tokenize } from '../../src/core/tokens';
import { linesOf } from './generators';

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

  it('reads a pair mark before a final mark, a separator or the line end as closing, as normalize does (issue 7)', () => {
    const sides = (line: string): string[] => {
      const tokens = tokenize(line, DEFAULT_SCHEME);
      const links = pairPlaceholders(tokens, DEFAULT_SCHEME);
      return [...links.keys()].sort((a, b) => a - b).map((i) => links.get(i)?.side as string);
    };
    assert.deepStrictEqual(sides('6 Hãy làm ngay 7 6 .'), ['open', 'close']);
    assert.deepStrictEqual(sides('Ông hỏi 7 6 Sao vậy 7 6 ?'), ['open', 'close']);
    assert.deepStrictEqual(sides('dấu hai chấm 6 7 6 sau'), ['open', 'close']);
    assert.deepStrictEqual(sides('6 Tôi không biết 7 6 anh ta đáp 7 6 có_lẽ mai 6 .'), ['open', 'close', 'open', 'close']);
  });

  it('reads pairs with the normalize plan in use, not the default one (issue 7)', () => {
    // With numbers written as nothing, the second 6 follows the separator: the line nests.
    const tokens = tokenize('6 a 7 1 6 b 6', DEFAULT_SCHEME);
    const plan = planNormalize(DEFAULT_SCHEME, { numberPlaceholder: '' });
    assert.strictEqual(normalizeLineMapped('6 a 7 1 6 b 6', plan).text, '“a, “b”');
    assert.deepStrictEqual([0, 4, 6].map((i) => pairPlaceholders(tokens, plan).get(i)?.side), ['open', 'open', 'close']);
    assert.deepStrictEqual([0, 4, 6].map((i) => pairPlaceholders(tokens, DEFAULT_SCHEME).get(i)?.side), ['open', 'close', 'open']);
    // Kept underscores are a word between the separator and the pair mark.
    const kept = planNormalize(DEFAULT_SCHEME, { joinSyllables: false });
    const joiners = tokenize('6 a 7 ___ 6 b 6', DEFAULT_SCHEME);
    assert.strictEqual(normalizeLineMapped('6 a 7 ___ 6 b 6', kept).text, '“a, ___” b “');
    assert.deepStrictEqual([0, 4, 6].map((i) => pairPlaceholders(joiners, kept).get(i)?.side), ['open', 'close', 'open']);
    assert.deepStrictEqual([0, 4, 6].map((i) => pairPlaceholders(joiners, DEFAULT_SCHEME).get(i)?.side), ['open', 'open', 'close']);
  });

  it('property: pairing agrees with normalizeLine under random options (issue 7)', () => {
    const tokenArb = fc.constantFrom('6', '6', '6', '7', '7', '1', '4', '.', '?', ',', '“', '”', '(', ')', '-', ':', '"', '6.', '7.', '6,', 'a', 'Theo', 'b_c', '___', '_', '10', '5');
    const optionsArb: fc.Arbitrary<Partial<NormalizeOptions>> = fc.record({
      joinSyllables: fc.boolean(),
      numberPlaceholder: fc.constantFrom('{digit}', '', '<n>'),
      datePlaceholder: fc.constantFrom('{digit}', ''),
      separatorAtLineEnd: fc.constantFrom<'keep' | 'drop'>('keep', 'drop'),
      quoteMarks: fc.constantFrom<NormalizeOptions['quoteMarks']>('scheme', 'curly', 'guillemets'),
    });
    fc.assert(
      fc.property(linesOf(tokenArb, fc.constant(' ')), optionsArb, fc.boolean(), (line, options, breaks) => {
        const base = planNormalize(DEFAULT_SCHEME, options);
        const plan = breaks ? withBreakWords(base, ['Theo']) : base;
        const { text, tokens: mapped } = normalizeLineMapped(line, plan);
        const tokens = tokenize(line, DEFAULT_SCHEME);
        const links = pairPlaceholders(tokens, plan);
        const [open, close] = [plan.digits[6].text, plan.digits[6].close];
        tokens.forEach((token, i) => {
          if (token.role !== 'pair') return;
          const written = text.slice(mapped[i].outStart, mapped[i].outEnd);
          assert.strictEqual(written.startsWith(links.get(i)?.side === 'close' ? close : open), true, `${line} → ${text}: token ${i} written ${written}`);
        });
      }),
      { numRuns: 500 },
    );
  });
});
