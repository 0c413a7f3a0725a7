// Generated corpora for the property tests: lines of tokens with varied white space, line endings and a BOM.
import fc from 'fast-check';
import { SAMPLE } from './fixtures';
import { SpelledLines } from '../../src/core/syllables';

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

/**
 * An entry of SpelledLines as a list: a spelling number of any size the encoding tells apart,
 * NOT_A_WORD, or a word written out (its head, then its ids).
 */
export function entryArb(): fc.Arbitrary<number[]> {
  const spelling = fc.oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0x80, max: 0x407f }), fc.integer({ min: 0x4080, max: 0x20407f }), fc.integer({ min: 0x204080, max: 0x7fffffff }), fc.constantFrom(0x7f, 0x80, 0x407f, 0x4080, 0x20407f, 0x204080));
  const written = fc.array(fc.integer({ min: 0, max: 0x7fffffff }), { maxLength: 5 }).map((ids) => [-2 - ids.length, ...ids]);
  return fc.oneof({ weight: 6, arbitrary: spelling.map((v) => [v]) }, { weight: 1, arbitrary: fc.constant([SpelledLines.NOT_A_WORD] as number[]) }, { weight: 1, arbitrary: written });
}

/** Appends a line of entries (entryArb's) to `spelled`, entry by entry. */
function pushEntries(spelled: SpelledLines, line: number[][]): void {
  for (const entry of line) {
    if (entry.length > 1 || entry[0] < SpelledLines.NOT_A_WORD) spelled.pushWritten(Int32Array.from(entry.slice(1)), entry.length - 1);
    else spelled.push(entry[0]);
  }
  spelled.endLine();
}

/**
 * Appends lines of entries (entryArb's) to `spelled`: line l entry by entry, or (`encoded[l]`) as
 * bytes already encoded, the lines in a row so in one pushEncodedLines() call (as noteNumbered
 * appends the lines that normalize.as spell() encoded), from `skip` bytes into the source.
 */
export function pushLines(spelled: SpelledLines, lines: number[][][], encoded: boolean[], skip = 0): void {
  for (let l = 0; l < lines.length; ) {
    if (!encoded[l]) {
      pushEntries(spelled, lines[l++]);
      continue;
    }
    const source = new SpelledLines();
    let m = l;
    for (; m < lines.length && encoded[m]; m++) pushEntries(source, lines[m]);
    const bytes = source.blockBytesOf(0).subarray(0, source.byteEndOf(m - l - 1));
    const src = new Uint8Array(skip + bytes.length);
    src.set(bytes, skip);
    const ends = Int32Array.from({ length: m - l }, (_, k) => skip + source.byteEndOf(k));
    if (spelled.pushEncodedLines(src, skip, ends, m - l) !== m - l) throw new Error('lines past the bound');
    l = m;
  }
}
