// Stats over bytes must count what countLine counts over tokens, for any corpus and scheme.
import * as assert from 'assert';
import fc from 'fast-check';
import { splitLines } from '../../src/core/lines';
import { DEFAULT_SCHEME, Scheme, schemeFromJson } from '../../src/core/scheme';
import { ByteStats, countLine, emptyStats } from '../../src/core/stats';
import { StatisticsTally } from '../../src/core/corpusStatistics';
import { buildMarkTable } from '../../src/core/marks';
import { Tokenizer } from '../../src/core/tokens';
import { SAMPLE } from './fixtures';

const encoder = new TextEncoder();
const SCHEMES: Scheme[] = [
  DEFAULT_SCHEME,
  schemeFromJson({ placeholders: { '6': { role: 'pair', open: '(', close: ')' }, '7': { role: 'separator', mark: ';' }, '3': { role: 'pair', open: 'Đ', close: 'đ' } } }),
  schemeFromJson({ placeholders: { '6': { role: 'pair', open: '"', close: '"' }, '7': { role: 'separator', mark: 'x' }, '5': { role: 'number' } } }),
];
const tokenArb = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...new Set(SAMPLE.split(' '))) },
  { weight: 3, arbitrary: fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9') },
  { weight: 3, arbitrary: fc.constantFrom('.', ',', '…', '...', '(', ')', '“', '”', '"', '-', '%', '×', '÷', '7.', '6.', '6”', '12', '2007', '3,5', '1.', '1..2', ',5', '5,', 'x7', 'xy', '7x') },
  { weight: 2, arbitrary: fc.constantFrom('_a', 'a_', 'a__b', '___', '_', 'A_1', '1_', 'Việt_Nam'.normalize('NFD'), 'Đà_Nẵng', 'ạ', 'ǿ', 'ɐ', 'Ωmega', '日本', '\ufeffa', '🙂', 'đ_x', 'x\u0001y', 'Ɀ') },
  { weight: 1, arbitrary: fc.string({ maxLength: 4 }).filter((s) => !/[\s]/.test(s)) },
);
const lineArb = fc.array(fc.tuple(tokenArb, fc.constantFrom(' ', '  ', '\t', '')), { maxLength: 20 }).map((parts) => parts.map(([t, g]) => t + (g || ' ')).join(''));
const textArb = fc.tuple(fc.array(fc.tuple(lineArb, fc.constantFrom('\n', '\r\n', '\r')), { maxLength: 6 }), lineArb).map(([lines, last]) => lines.map(([l, e]) => l + e).join('') + last);

describe('byte stats', () => {
  it('counts what countLine counts over the tokenizer’s tokens, for any text and scheme (differential)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SCHEMES.keys()), textArb, (s, text) => {
        const scheme = SCHEMES[s];
        const expected = emptyStats();
        const tokenizer = new Tokenizer(scheme);
        const lines = splitLines(text);
        if (lines[lines.length - 1].text === '') lines.pop();
        const table = buildMarkTable(scheme);
        for (const line of lines) countLine(expected, tokenizer.tokenize(line.text), table);
        const got = emptyStats();
        new ByteStats(scheme).addLines(got, encoder.encode(text));
        assert.deepStrictEqual(got, expected);
      }),
      { numRuns: 1500 },
    );
  });

  it('gives the same statistics from decoded lines and from bytes, for any texts read one after another (differential)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SCHEMES.keys()), fc.array(textArb, { minLength: 1, maxLength: 3 }), fc.integer({ min: 0, max: 6 }), (s, texts, top) => {
        const scheme = SCHEMES[s];
        const fromLines = new StatisticsTally(scheme, { top, problems: true });
        const fromBytes = new StatisticsTally(scheme, { top, problems: true });
        for (const text of texts) {
          const lines = splitLines(text);
          if (lines[lines.length - 1].text === '') lines.pop();
          for (const line of lines) fromLines.addLine(line.text);
          fromBytes.addLines(encoder.encode(text));
        }
        assert.deepStrictEqual(fromBytes.result(), fromLines.result());
      }),
      { numRuns: 1000 },
    );
  });
});
