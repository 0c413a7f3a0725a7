import * as assert from 'assert';
import fc from 'fast-check';
import { LineIndex, buildLineIndex, bytesSource } from '../../src/core/lineIndex';
import { LooseQuery, searchFile } from '../../src/core/looseFind';

const encoder = new TextEncoder();
const syllableArb = fc.constantFrom('nâng', 'cao', 'trình', 'độ', 'Việt', 'Nam', 'UBND', 'a');
/** A run of syllables, each boundary a space or a `_`, as a segmenter writes them. */
const segmentedArb = fc.array(fc.tuple(syllableArb, fc.constantFrom(' ', '_')), { minLength: 1, maxLength: 6 }).map((parts) => parts.map(([s, b], i) => (i === 0 ? s : b + s)).join(''));
/** The same syllables with other boundaries and letter case. */
function resegmented(text: string, flips: boolean[], upper: boolean): string {
  let i = 0;
  const out = text.replace(/[ _]/g, (b) => (flips[i++ % Math.max(1, flips.length)] ? (b === ' ' ? '_' : ' ') : b));
  return upper ? out.toUpperCase() : out;
}

describe('segmentation-insensitive find', () => {
  it('finds nâng_cao in nâng cao and the other way round, whatever the case', () => {
    assert.deepStrictEqual(new LooseQuery('nâng_cao').findAll('cần nâng cao trình_độ'), [{ start: 4, end: 12 }]);
    assert.deepStrictEqual(new LooseQuery('nâng cao').findAll('6 Nâng_cao 6'), [{ start: 2, end: 10 }]);
    assert.deepStrictEqual(new LooseQuery('NÂNG CAO_TRÌNH').findAll('nâng_cao trình_độ'), [{ start: 0, end: 14 }]);
    assert.deepStrictEqual(new LooseQuery('nâng cao').findAll('nângcao'), []);
    assert.strictEqual(LooseQuery.parse(' _ '), undefined);
  });

  it('treats the query as text, not as a pattern', () => {
    assert.deepStrictEqual(new LooseQuery('a.b (c)').findAll('axb c a.b_(c)'), [{ start: 6, end: 13 }]);
  });

  it('finds a decomposed (NFD) spelling, with offsets into the line as it is', () => {
    const line = 'x ' + 'nâng_cao'.normalize('NFD') + ' y';
    const [m] = new LooseQuery('nâng cao').findAll(line);
    assert.strictEqual(line.slice(m.start, m.end), 'nâng_cao'.normalize('NFD'));
  });

  it('a run of syllables is found under any other segmentation and case (property)', () => {
    fc.assert(
      fc.property(segmentedArb, fc.array(fc.boolean(), { maxLength: 6 }), fc.boolean(), fc.string({ maxLength: 5 }), (text, flips, upper, before) => {
        const line = `${before.replace(/[\s_]/g, '')} ${resegmented(text, flips, upper)} .`;
        const matches = new LooseQuery(text).findAll(line);
        assert.ok(matches.length >= 1, `${text} in ${line}`);
        for (const m of matches) assert.strictEqual(m.start < m.end, true);
      }),
      { numRuns: 1000 },
    );
  });

  it('never finds what is not there: every match reads as the query once boundaries are ignored (property)', () => {
    fc.assert(
      fc.property(segmentedArb, fc.array(segmentedArb, { maxLength: 5 }), (query, words) => {
        const line = words.join(' ');
        const key = (s: string) => s.toLowerCase().replace(/[ _\t]+/g, ' ');
        for (const m of new LooseQuery(query).findAll(line)) assert.strictEqual(key(line.slice(m.start, m.end)), key(query));
      }),
      { numRuns: 1000 },
    );
  });

  it('searches a file forward and backward, wrapping around, and stops when cancelled', async () => {
    const lines = Array.from({ length: 300 }, (_, i) => (i % 100 === 42 ? `dòng ${i} nâng cao` : `dòng ${i}`));
    const bytes = encoder.encode(lines.join('\n'));
    const source = bytesSource(bytes);
    const index = new LineIndex(16);
    await buildLineIndex(source, index, async () => undefined);
    const query = new LooseQuery('nâng_cao');
    assert.strictEqual((await searchFile(source, index, query, { fromLine: 0, backward: false }))?.line, 42);
    assert.strictEqual((await searchFile(source, index, query, { fromLine: 42, backward: false }))?.line, 142);
    assert.strictEqual((await searchFile(source, index, query, { fromLine: 250, backward: false }))?.line, 42, 'wraps to the start');
    assert.strictEqual((await searchFile(source, index, query, { fromLine: 142, backward: true }))?.line, 42);
    assert.strictEqual((await searchFile(source, index, query, { fromLine: 10, backward: true }))?.line, 242, 'wraps to the end');
    const found = await searchFile(source, index, query, { fromLine: 0, backward: false });
    assert.deepStrictEqual(found, { line: 42, start: 8, end: 16 });
    assert.strictEqual(await searchFile(source, index, new LooseQuery('không có'), { fromLine: 0, backward: false }), undefined);
  });

  it('agrees with a line-by-line scan on any file and start (property)', async () => {
    const lineArb = fc.oneof(fc.constant('nâng_cao'), fc.constant('Nâng cao x'), fc.constant(''), fc.constant('khác'));
    await fc.assert(
      fc.asyncProperty(fc.array(lineArb, { minLength: 1, maxLength: 40 }), fc.nat(45), fc.boolean(), fc.integer({ min: 1, max: 7 }), async (lines, fromLine, backward, every) => {
        const source = bytesSource(encoder.encode(lines.join('\n')));
        const index = new LineIndex(every);
        await buildLineIndex(source, index, async () => undefined);
        const hits = lines.map((l, i) => (/nâng[ _]cao/i.test(l) ? i : -1)).filter((i) => i >= 0);
        const n = lines.length;
        let expected: number | undefined;
        if (hits.length > 0) {
          const order = backward
            ? Array.from({ length: n }, (_, k) => (((fromLine - 1 - k) % n) + n) % n)
            : Array.from({ length: n }, (_, k) => (fromLine + 1 + k) % n);
          // Beyond the last line, forward starts over at 0; backward from past the end starts at the last line.
          expected = backward && fromLine >= n ? hits[hits.length - 1] : order.find((i) => hits.includes(i));
          if (!backward && fromLine >= n) expected = hits[0];
        }
        const found = await searchFile(source, index, new LooseQuery('nâng cao'), { fromLine, backward });
        assert.strictEqual(found?.line, expected);
      }),
      { numRuns: 400 },
    );
  });

  it('a cancelled search resolves to no match', async () => {
    const bytes = encoder.encode('khác\n'.repeat(600_000) + 'nâng cao');
    const source = bytesSource(bytes);
    const index = new LineIndex(64);
    await buildLineIndex(source, index, async () => undefined);
    const fractions: number[] = [];
    const found = await searchFile(source, index, new LooseQuery('nâng cao'), { fromLine: 0, backward: false, progress: (f) => fractions.push(f), cancelled: () => fractions.length >= 1 });
    assert.strictEqual(found, undefined);
    assert.ok(fractions.length >= 1 && fractions[0] > 0 && fractions[0] < 1);
  });
});

describe('segmentation-insensitive find, the byte look-ahead', () => {
  it('never rules out bytes that hold a match, in any case or spelling (property)', () => {
    const wordArb = fc.constantFrom('nâng', 'NÂNG', 'Nâng', 'cao', 'CAO', 'Kế', 'kế', 'ĐỘ', 'độ', 'ß', 'ẞ', 'ſ', 'K', 'x');
    fc.assert(
      fc.property(fc.array(wordArb, { minLength: 1, maxLength: 3 }), fc.array(wordArb, { maxLength: 8 }), fc.boolean(), (queryWords, lineWords, nfd) => {
        const query = new LooseQuery(queryWords.join(' '));
        let line = [...lineWords, ...queryWords.map((w) => (w === w.toLowerCase() ? w.toUpperCase() : w.toLowerCase()))].join('_');
        if (nfd) line = line.normalize('NFD');
        if (query.test(line)) assert.ok(query.mayMatchBytes(encoder.encode(line)), `${queryWords.join(' ')} in ${line}`);
      }),
      { numRuns: 2000 },
    );
  });

  it('rules out bytes without the query', () => {
    assert.equal(new LooseQuery('nâng_cao').mayMatchBytes(encoder.encode('Chủ_tịch UBND 7 .\n'.repeat(100))), false);
    assert.equal(new LooseQuery('NÂNG cao').mayMatchBytes(encoder.encode('x nâng_CAO y')), true);
  });
});
