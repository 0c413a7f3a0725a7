// Syllables read from bytes: the remembered tokens, and lines kept as spellings, give what reading every token afresh gives; with properties.
import * as assert from 'assert';
import fc from 'fast-check';
import { SpelledLines, SyllableLine, SyllableTable } from '../../src/core/syllables';
import { SAMPLE } from './fixtures';
import { entryArb, pushLines } from './generators';

const encoder = new TextEncoder();

/** What a scan found, with folded texts instead of ids (two tables may number syllables differently). */
function scanned(table: SyllableTable, bytes: Uint8Array, start: number, end: number): Array<[string, number, number, number, number]> {
  const line = new SyllableLine();
  table.scan(bytes, start, end, line);
  return Array.from({ length: line.count }, (_, k) => [table.text(line.ids[k]), line.starts[k], line.ends[k], line.before[k], line.tokens[k]]);
}

describe('syllables', () => {
  it('reads the sample the same with and without remembered tokens, the second time too', () => {
    const bytes = encoder.encode(SAMPLE);
    const remembering = new SyllableTable();
    const afresh = new SyllableTable({ rememberTokens: false });
    const first = scanned(remembering, bytes, 0, bytes.length);
    assert.ok(first.length > 100);
    assert.deepStrictEqual(first, scanned(afresh, bytes, 0, bytes.length));
    assert.deepStrictEqual(scanned(remembering, bytes, 0, bytes.length), first);
  });

  it('reads a token too long to remember, and one made of many syllables', () => {
    const long = Array.from({ length: 40 }, () => 'nâng').join('_');
    const bytes = encoder.encode(`a ${long} b ${long}_ c_d`);
    const remembering = new SyllableTable();
    const found = scanned(remembering, bytes, 0, bytes.length);
    assert.deepStrictEqual(found, scanned(new SyllableTable({ rememberTokens: false }), bytes, 0, bytes.length));
    assert.strictEqual(found.length, 1 + 40 + 1 + 2);
    assert.deepStrictEqual(scanned(remembering, bytes, 0, bytes.length), found);
  });

  it('remembers a token once wherever it stands: any alignment, before white space or at the line end', () => {
    const table = new SyllableTable();
    const line = new SyllableLine();
    const tokens = ['nâng_cao', 'trình_độ_x', 'abcdefgh', 'a', '7', 'xy\u0001zw_q'];
    for (let pad = 0; pad < 8; pad++) {
      for (const gap of [' ', '\t', '\r']) {
        const bytes = encoder.encode(' '.repeat(pad) + tokens.join(gap));
        table.scan(bytes, 0, bytes.length, line);
      }
    }
    assert.strictEqual(table.spellingCount, tokens.length);
  });

  it('remembered tokens give what reading afresh gives, on any line, at any offset (property)', () => {
    // Letters in both Unicode forms and cases, digits, marks, joiners in every place a join can be malformed,
    // control characters (read four bytes at a time, a token's hash must not depend on where they fall).
    const piece = fc.constantFrom('a', 'B', 'nâng', 'NÂNG', 'na\u0302ng', 'cao', 'Đặt', 'đặt', '1', '7', '6', '.', ',', '“', '_', '__', 'x1', '9a', 'ß', '𝒳', '\u00d7', '…', 'e\u0301', 'x\u0001y', '\u001f', 'nghiêng', '\u007f');
    const token = fc.array(piece, { minLength: 1, maxLength: 5 }).map((p) => p.join(''));
    const gap = fc.constantFrom(' ', '  ', '\t', '\r', ' \t ');
    const line = fc.array(fc.tuple(token, gap), { maxLength: 16 }).map((ts) => ts.map(([t, g]) => t + g).join(''));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), fc.nat(7), (lines, pad) => {
        const remembering = new SyllableTable();
        const afresh = new SyllableTable({ rememberTokens: false });
        for (const text of [...lines, ...lines]) {
          // Scanned inside a larger buffer: offsets are relative to the line's start.
          const bytes = encoder.encode(' '.repeat(pad) + text + '\n');
          assert.deepStrictEqual(scanned(remembering, bytes, pad, bytes.length - 1), scanned(afresh, bytes, pad, bytes.length - 1));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a line kept as spellings replays to the syllables and boundaries its bytes scan to (property)', () => {
    const piece = fc.constantFrom('a', 'nâng', 'NÂNG', 'cao', '1', '7', '.', '_', 'x1', 'e\u0301', 'trình_độ_trình_độ_trình_độ_trình_độ_trình_độ_trình_độ_trình_độ_x');
    const token = fc.array(piece, { minLength: 1, maxLength: 4 }).map((p) => p.join(''));
    const line = fc.array(fc.tuple(token, fc.constantFrom(' ', '\t', '  ')), { maxLength: 16 }).map((ts) => ts.map(([t, g]) => t + g).join(''));
    fc.assert(
      // Small blocks: lines move to a new block, some outgrow one.
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), fc.boolean(), fc.integer({ min: 1, max: 40 }), (lines, rememberTokens, blockSize) => {
        const table = new SyllableTable({ rememberTokens });
        const spelled = new SpelledLines(undefined, blockSize);
        const encoded = lines.map((text) => encoder.encode(text));
        for (const bytes of encoded) table.spell(bytes, 0, bytes.length, spelled);
        assert.strictEqual(spelled.lineCount, lines.length);
        const fromBytes = new SyllableLine();
        const replayed = new SyllableLine();
        encoded.forEach((bytes, l) => {
          table.scan(bytes, 0, bytes.length, fromBytes);
          table.replay(spelled, l, replayed);
          assert.strictEqual(replayed.count, fromBytes.count);
          assert.deepStrictEqual(replayed.ids.subarray(0, replayed.count), fromBytes.ids.subarray(0, fromBytes.count));
          assert.deepStrictEqual(replayed.before.subarray(0, replayed.count), fromBytes.before.subarray(0, fromBytes.count));
        });
      }),
      { numRuns: 300 },
    );
  });

  it('a spelled line scans to what its bytes scan to, with its spellings read from its entries: syllables, offsets, boundaries, tokens (property)', () => {
    // Marks and control bytes inside tokens, malformed joins (not words), tokens too long to remember (written out).
    const piece = fc.constantFrom('a', 'nâng', 'NÂNG', 'cao', '1', '7', '.', '_', '__', 'x1', 'e\u0301', 'x\u0001y', '“', 'trình_độ_trình_độ_trình_độ_trình_độ_trình_độ_trình_độ_trình_độ_x');
    const token = fc.array(piece, { minLength: 1, maxLength: 4 }).map((p) => p.join(''));
    const line = fc.array(fc.tuple(fc.constantFrom('', ' ', '\t'), token, fc.constantFrom(' ', '\t', '  ', '')), { maxLength: 16 }).map((ts) => ts.map(([g, t, h]) => g + t + h).join(' '));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 40 }), fc.nat(5), (lines, blockSize, pad) => {
        const table = new SyllableTable();
        const spelled = new SpelledLines(undefined, blockSize);
        // Inside a bigger buffer, as a file's chunk holds a line: offsets from the line's start.
        const encoded = lines.map((text) => encoder.encode(' '.repeat(pad) + text + '\n'));
        for (const bytes of encoded) table.spell(bytes, pad, bytes.length - 1, spelled);
        const fromBytes = new SyllableLine();
        const fromEntries = new SyllableLine();
        const rows = (l: SyllableLine): number[][] => Array.from({ length: l.count }, (_, k) => [l.ids[k], l.starts[k], l.ends[k], l.before[k], l.tokens[k]]);
        encoded.forEach((bytes, l) => {
          table.scanSpelled(spelled, l, bytes, pad, bytes.length - 1, fromEntries);
          table.scan(bytes, pad, bytes.length - 1, fromBytes);
          assert.deepStrictEqual(rows(fromEntries), rows(fromBytes));
        });
      }),
      { numRuns: 400 },
    );
  });

  it('keeps any entries and reads them back: spellings of every size, words written out, not-words, any block size (property)', () => {
    const lines = fc.array(fc.array(entryArb(), { maxLength: 12 }), { minLength: 1, maxLength: 12 });
    fc.assert(
      // Each line pushed entry by entry, or as encoded bytes with the lines in a row, as the two writers of SpelledLines do.
      fc.property(lines, fc.integer({ min: 1, max: 48 }), fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), fc.boolean(), fc.nat(7), (entries, blockSize, encoded, shared, skip) => {
        const spelled = new SpelledLines(undefined, blockSize, shared);
        pushLines(spelled, entries, encoded, skip);
        assert.strictEqual(spelled.lineCount, entries.length);
        entries.forEach((line, l) => assert.deepStrictEqual([...spelled.entriesOf(l)], line.flat()));
      }),
      { numRuns: 500 },
    );
  });

  it('hands any range of its lines over as runs that each share a block, with the bytes and end of every line in them (property)', () => {
    const lines = fc.array(fc.array(entryArb(), { maxLength: 12 }), { minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(lines, fc.integer({ min: 1, max: 48 }), fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }), fc.nat(7), fc.nat(), fc.nat(), (entries, blockSize, encoded, skip, a, b) => {
        const spelled = new SpelledLines(undefined, blockSize);
        pushLines(spelled, entries, encoded, skip);
        // Any range, from inside a block too (an editor counts a few lines at a time).
        const from = a % (spelled.lineCount + 1);
        const to = from + (b % (spelled.lineCount + 1 - from));
        const { entries: runs, ends } = spelled.runsOf(from, to);
        assert.strictEqual(runs.length, ends.length);
        let l = from;
        runs.forEach((run, r) => {
          assert.ok(ends[r].length > 0, 'a run has lines');
          // One block a run, and the next run in another.
          assert.strictEqual(run.buffer, spelled.blockBytesOf(l).buffer);
          if (r + 1 < runs.length) assert.notStrictEqual(spelled.blockBytesOf(l + ends[r].length), spelled.blockBytesOf(l + ends[r].length - 1));
          ends[r].forEach((end, k) => {
            const line = run.subarray(k === 0 ? 0 : ends[r][k - 1], end);
            const block = spelled.blockBytesOf(l + k);
            assert.deepStrictEqual([...line], [...block.subarray(spelled.byteStartOf(l + k), spelled.byteEndOf(l + k))]);
          });
          assert.strictEqual(ends[r][ends[r].length - 1], run.length);
          l += ends[r].length;
        });
        assert.strictEqual(l, to);
      }),
      { numRuns: 500 },
    );
  });

  it('gives up keeping lines past its bound, and frees what it kept', () => {
    const table = new SyllableTable();
    const spelled = new SpelledLines(8);
    const bytes = encoder.encode('một hai ba bốn năm');
    table.spell(bytes, 0, bytes.length, spelled);
    assert.strictEqual(spelled.full, false);
    table.spell(bytes, 0, bytes.length, spelled);
    assert.strictEqual(spelled.full, true);
    assert.strictEqual(spelled.lineCount, 0);
    assert.strictEqual(spelled.size, 0);
  });
});
