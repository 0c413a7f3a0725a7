// Generated corpora for the property tests: lines of tokens with varied white space, line endings and a BOM.
import fc from 'fast-check';

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
