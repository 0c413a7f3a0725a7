// Generated corpora for the property tests: lines of tokens with varied white space, line endings and a BOM.
import fc from 'fast-check';
import { SAMPLE } from './fixtures';

/**
 * The tokens of corpus lines, weighted: the sample's words, digits (placeholders or not),
 * punctuation, and the odd ones (glued placeholders, stray joiners, NFD, a BOM inside a line).
 * A generator that looks at more passes these to fc.oneof with its own.
 */
export const CORPUS_TOKENS: ReadonlyArray<fc.WeightedArbitrary<string>> = [
  { weight: 6, arbitrary: fc.constantFrom(...new Set(SAMPLE.split(/\s+/).filter((t) => t !== ''))) },
  { weight: 3, arbitrary: fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9') },
  { weight: 2, arbitrary: fc.constantFrom('.', ',', ';', ':', '!', '?', '…', '...', '(', ')', '[', ']', '“', '”', '‘', '’', '«', '»', '"', '/', '-', '–', '%', ').', '?!') },
  { weight: 1, arbitrary: fc.constantFrom('7.', '6.', '7,', '6”', '1.', '5.', '2007', '3,5', '23', 'x7', '_a', 'a_', 'a__b', '___', '_', 'Việt_Nam'.normalize('NFD'), 'hòa', 'QLNN', '\ufeffa') },
];

/** Lines built from `tokenArb` separated by `gapArb`, with a possible leading blank. */
export function linesOf(tokenArb: fc.Arbitrary<string>, gapArb: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(fc.array(fc.tuple(tokenArb, gapArb), { maxLength: 40 }), fc.constantFrom('', ' ', '\t'))
    .map(([pairs, lead]) => lead + pairs.map(([t, g]) => t + g).join('').replace(/[ \t]+$/, (m) => (m.length > 1 ? m : '')));
}

/** Whole texts: 1–12 such lines with LF, CRLF or lone CR endings, maybe a final break, maybe a BOM. */
export function corpusOf(lineArb: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const endingArb = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r');
  return fc
    .tuple(fc.array(fc.tuple(lineArb, endingArb), { minLength: 1, maxLength: 12 }), fc.boolean(), fc.boolean())
    .map(([lines, finalBreak, bom]) => {
      const text = lines.map(([l, e]) => l + e).join('');
      return (bom ? '\ufeff' : '') + (finalBreak ? text : text.replace(/(\r\n|\r|\n)$/, ''));
    });
}
