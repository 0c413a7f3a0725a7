// A saved document's lines read from its file for the count thread: split and measured as the editor splits and measures them, whatever the read size.
import * as assert from 'assert';
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LineBlock } from '../../src/core/blockCount';
import { readFileLineBlocks, sameLines } from '../../src/node/fileLineBlocks';

/** The editor's lines of a text: split on CRLF, CR or LF. */
const editorLines = (text: string): string[] => text.split(/\r\n|\r|\n/);

function readBack(file: string, readBytes?: number): { lines: string[]; lengths: number[] } | undefined {
  const blocks: LineBlock[] = [];
  const read = readFileLineBlocks(file, (block) => blocks.push(block), readBytes);
  if (!read) return undefined;
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const lines: string[] = [];
  for (const { bytes, starts, ends } of blocks) for (let k = 0; k < starts.length; k++) lines.push(decoder.decode(bytes.subarray(starts[k], ends[k])));
  return { lines, lengths: Array.from(read.lengths.subarray(0, read.count)) };
}

describe('file line blocks (the count thread reading a saved document)', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'segcorpus-lines-'));
  });
  afterEach(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('splits where the editor does, drops the byte order mark, and measures lines in UTF-16 units', () => {
    const file = path.join(tmp, 'a.seg');
    fs.writeFileSync(file, '\ufeffnâng_cao 7 .\r\nđể\rx 𠀀y\n\nend');
    const read = readBack(file);
    assert.deepStrictEqual(read?.lines, ['nâng_cao 7 .', 'để', 'x 𠀀y', '', 'end']);
    assert.deepStrictEqual(read?.lengths, [12, 2, 5, 0, 3]);
  });

  it('gives the last, empty line of a file that ends with a line break, and one empty line for an empty file', () => {
    const file = path.join(tmp, 'a.seg');
    fs.writeFileSync(file, 'a\r\n');
    assert.deepStrictEqual(readBack(file)?.lines, ['a', '']);
    fs.writeFileSync(file, '');
    assert.deepStrictEqual(readBack(file)?.lines, ['']);
  });

  it('refuses a file that is not UTF-8 (the editor decoded it some other way)', () => {
    const file = path.join(tmp, 'a.seg');
    fs.writeFileSync(file, Buffer.from([0x61, 0x0a, 0xe2, 0x28, 0xa1, 0x0a]));
    assert.strictEqual(readBack(file), undefined);
  });

  it('reads any text as the editor splits it, whatever the read size (CRLF and characters cut between reads)', () => {
    const piece = fc.constantFrom('a', 'â', 'ệ', '_', ' ', '7', '𠀀', '\r', '\n', '\r\n', '\ufeff');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.boolean(), fc.integer({ min: 1, max: 9 }), (pieces, bom, readBytes) => {
        const text = pieces.join('');
        const file = path.join(tmp, 'p.seg');
        const written = (bom ? '\ufeff' : '') + text;
        fs.writeFileSync(file, written);
        // The editor drops one byte order mark, the file's first character.
        const expected = editorLines(written.startsWith('\ufeff') ? written.slice(1) : written);
        const read = readBack(file, readBytes);
        assert.deepStrictEqual(read?.lines, expected);
        assert.deepStrictEqual(read?.lengths, expected.map((l) => l.length));
      }),
      { numRuns: 300 },
    );
  });

  it('tells the document\'s lines from others by their count and lengths', () => {
    const file = path.join(tmp, 'a.seg');
    fs.writeFileSync(file, 'nâng_cao\nx');
    const read = readFileLineBlocks(file, () => undefined);
    assert.ok(read);
    assert.ok(sameLines(read, Int32Array.from([8, 1])));
    assert.ok(!sameLines(read, Int32Array.from([8, 2])), 'a line of another length');
    assert.ok(!sameLines(read, Int32Array.from([8, 1, 0])), 'another line count');
    // The same bytes decoded one byte a character (as a single-byte encoding would): longer lines.
    assert.ok(!sameLines(read, Int32Array.from([Buffer.byteLength('nâng_cao'), 1])));
  });
});
