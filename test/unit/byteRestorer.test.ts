// The byte restorer decides pair sides on bytes: it must give restoreLine's output, byte for byte, for any line and scheme.
import * as assert from 'assert';
import fc from 'fast-check';
import { ByteRestorer } from '../../src/core/byteRestorer';
import { restoreLine } from '../../src/core/restore';
import { DEFAULT_SCHEME, Scheme, schemeFromJson } from '../../src/core/scheme';
import { planNormalize } from '../../src/core/normalize';
import { SAMPLE } from './fixtures';
import { wasmFor } from './wasmBuild';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
const SAMPLE_WORDS = [...new Set(SAMPLE.split(' ').filter((t) => !/^[0-9]/.test(t)))];

// Schemes that move the pair and separator roles around, with marks of 1 to 3 bytes, a straight
// quote (open = close) and a separator that is also a pair's mark.
const SCHEMES: Scheme[] = [
  DEFAULT_SCHEME,
  schemeFromJson({ placeholders: { '6': { role: 'pair', open: '(', close: ')' }, '7': { role: 'separator', mark: ';' }, '3': { role: 'pair', open: '«', close: '»' } } }),
  schemeFromJson({ placeholders: { '6': { role: 'pair', open: '"', close: '"' }, '7': { role: 'separator', mark: '—' }, '5': { role: 'separator', mark: ':' } } }),
  schemeFromJson({ placeholders: { '2': { role: 'pair', open: '‘', close: '’' }, '6': { role: 'pair', open: '“', close: '”' }, '7': { role: 'separator', mark: ',' }, '1': { role: 'number' }, '4': { role: 'date' } } }),
];

const tokenArb = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...SAMPLE_WORDS) },
  { weight: 5, arbitrary: fc.constantFrom('0', '1', '2', '3', '4', '5', '6', '7', '8', '9') },
  { weight: 3, arbitrary: fc.constantFrom('.', ',', ';', ':', '!', '?', '…', '(', ')', '“', '”', '‘', '’', '«', '»', '"', '-', '–', '—', '/', '%') },
  { weight: 2, arbitrary: fc.constantFrom('6.', '6”', '7.', '2’', '3»', '6,', '7”.', '6"', '12', '2007', 'x6', '6x', '_a', 'a_', '_', '__', 'A_1', '1_', 'Việt_Nam'.normalize('NFD'), '\ufeffb') },
);
const lineArb = fc.array(fc.tuple(tokenArb, fc.constantFrom(' ', ' ', '  ', '\t')), { maxLength: 30 }).map((parts) => parts.map(([t, g]) => t + g).join('').trimEnd());

describe('byte restorer', () => {
  it('decides pair sides on bytes as restoreLine does, for any line and scheme (differential)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SCHEMES.keys()), fc.array(lineArb, { minLength: 1, maxLength: 6 }), fc.constantFrom('\n', '\r\n', '\r'), (s, lines, ending) => {
        const scheme = SCHEMES[s];
        const restorer = new ByteRestorer(scheme);
        const text = lines.join(ending);
        const got = decoder.decode(restorer.restoreChunk(encoder.encode(text)));
        assert.strictEqual(got, lines.map((l) => restoreLine(l, scheme)).join(ending));
      }),
      { numRuns: 1500 },
    );
  });

  it('restores in WebAssembly as restoreLine does, for any lines and scheme, one instance reused (differential)', () => {
    // One instance per scheme for the whole run: what a chunk leaves in memory must not leak into the next.
    const restorers = SCHEMES.map((scheme) => wasmFor(planNormalize(scheme)));
    fc.assert(
      fc.property(fc.constantFrom(...SCHEMES.keys()), fc.array(lineArb, { minLength: 1, maxLength: 6 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean(), (s, lines, ending, finalBreak) => {
        const scheme = SCHEMES[s];
        const text = lines.join(ending) + (finalBreak ? ending : '');
        const got = decoder.decode(restorers[s].restoreChunk(encoder.encode(text)));
        assert.strictEqual(got, lines.map((l) => restoreLine(l, scheme)).join(ending) + (finalBreak ? ending : ''));
      }),
      { numRuns: 3000 },
    );
  });

  it('restores long lines of plain words in WebAssembly as restoreLine does (the 16-byte skips)', () => {
    const restorer = wasmFor(planNormalize(DEFAULT_SCHEME));
    // Plain words with spaces at every offset of a 16-byte block, then a placeholder, a number or a mark.
    const plainArb = fc.array(fc.constantFrom('a', 'bc', 'Việt_Nam', 'đào_tạo', 'x_y_z', 'A1', 'b_2', 'c__'), { minLength: 0, maxLength: 12 });
    const specialArb = fc.constantFrom('6', '7', '6.', '“', '_a', '12', '-', '1', '6”', '\u0001');
    fc.assert(
      fc.property(fc.array(fc.tuple(plainArb, specialArb, fc.constantFrom(' ', '  ', '\t')), { minLength: 1, maxLength: 8 }), (parts) => {
        const line = parts.map(([words, special, gap]) => [...words, special].join(gap)).join(' ');
        assert.strictEqual(decoder.decode(restorer.restoreChunk(encoder.encode(line + '\n'))), restoreLine(line, DEFAULT_SCHEME) + '\n');
      }),
      { numRuns: 3000 },
    );
  });

  it('restores the pair cases of the format doc', () => {
    const restorer = new ByteRestorer(DEFAULT_SCHEME);
    const restore = (line: string): string => decoder.decode(restorer.restoreChunk(encoder.encode(line)));
    assert.strictEqual(restore('6 Đặt_hàng 6 đào_tạo'), '“ Đặt_hàng ” đào_tạo');
    assert.strictEqual(restore('a 7 6 b 6 7 6 c 6 6.'), 'a , “ b ” , “ c ” “.');
    assert.strictEqual(restore('6 6 a 6 6'), '“ “ a ” ”');
  });
});
