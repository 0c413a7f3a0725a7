// What readLines learns of each run of lines before handing it over (how many line breaks, where a line passes the length limit), and how it reads gzip.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import fc from 'fast-check';
import { BufferPool, ROOM_BYTES, readLines, scanLines, sizeToRead } from '../../src/node/fileJob';
import { say } from '../../src/cli/messages';

/** The same, byte by byte: LF, CRLF and a lone CR (a CR at the run's end too) each end one line. */
function scanByBytes(bytes: Uint8Array, limit: number): { breaks: number; tooLong: number } {
  let breaks = 0;
  let tooLong = -1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    const end = i === bytes.length || bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a);
    if (!end) continue;
    const length = (i > 0 && bytes[i] === 0x0a && bytes[i - 1] === 0x0d ? i - 1 : i) - start;
    if (tooLong < 0 && length > limit) tooLong = breaks;
    if (i < bytes.length) breaks++;
    start = i + 1;
  }
  return { breaks, tooLong };
}

describe('scanLines', () => {
  it('counts the breaks and finds the first line past the limit as a byte-by-byte reading does, CR, LF and CRLF alike (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(0x0d, 0x0a, 0x61, 0x20), { maxLength: 80 }), fc.integer({ min: 0, max: 8 }), (bytes, limit) => {
        const run = Uint8Array.from(bytes);
        assert.deepStrictEqual(scanLines(run, limit), scanByBytes(run, limit));
      }),
      { numRuns: 5000 },
    );
  });

  it('reads a run that is a view into a bigger buffer only within its bounds', () => {
    const buffer = Uint8Array.from([0x0a, 0x61, 0x0d, 0x0a, 0x61, 0x61, 0x61, 0x0d, 0x0a]);
    assert.deepStrictEqual(scanLines(buffer.subarray(1, 7), 2), { breaks: 1, tooLong: 1 });
  });
});

describe('reading gzip', () => {
  let dir: string;
  before(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'segcorpus-gz-'))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives the same runs of lines from a gzip file as from the text, into pooled buffers or not, whatever the chunk size (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.stringMatching(/^[a-zđ_ 67\r]{0,40}$/), { maxLength: 60 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 64, max: 300 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 3 }),
        fc.boolean(),
        async (lines, times, chunkSize, pooled, members, slow) => {
          const text = Buffer.from(lines.join('\n').repeat(times));
          // Several members, as pigz and `cat a.gz b.gz` write them.
          const cuts = [0, ...Array.from({ length: members - 1 }, (_, k) => Math.floor(((k + 1) * text.length) / members)), text.length];
          const file = path.join(dir, 'in.gz');
          fs.writeFileSync(file, Buffer.concat(cuts.slice(1).map((end, k) => zlib.gzipSync(text.subarray(cuts[k], end)))));
          const pool = pooled ? new BufferPool(ROOM_BYTES + chunkSize) : undefined;
          const runs: Buffer[] = [];
          for await (const run of readLines(file, chunkSize, () => undefined, pool)) {
            // Each run comes whole, and its buffer may be read into again once it is copied out.
            runs.push(Buffer.from(run.bytes));
            if (pool?.owns(run.bytes.buffer)) pool.give(run.bytes.buffer);
            // A slow reader: zlib goes on meanwhile, and hands over more than a chunk at once.
            if (slow) await new Promise((resolve) => setTimeout(resolve, 1));
          }
          assert.deepStrictEqual(Buffer.concat(runs), text);
          for (const run of runs.slice(0, -1)) assert.ok(run[run.length - 1] === 0x0a || run[run.length - 1] === 0x0d, 'a run ends with a line break');
        },
      ),
      { numRuns: 40 },
    );
  });

  it('sizeToRead: a gzip file at the size it decompresses to, a plain one at its size; a FIFO is not opened', () => {
    const text = Buffer.from('nâng_cao trình_độ 7 .\n'.repeat(5000));
    const gz = path.join(dir, 'c.seg.gz');
    fs.writeFileSync(gz, zlib.gzipSync(text));
    assert.deepStrictEqual(sizeToRead(gz), { bytes: text.length, gzip: true });
    const plain = path.join(dir, 'c.seg');
    fs.writeFileSync(plain, text);
    assert.deepStrictEqual(sizeToRead(plain), { bytes: text.length, gzip: false });
    assert.deepStrictEqual(sizeToRead(path.join(dir, 'none')), { bytes: 0, gzip: false });
    const fifo = path.join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    // Opening a FIFO with no writer would block: returning at all shows it was not opened.
    assert.deepStrictEqual(sizeToRead(fifo), { bytes: 0, gzip: false });
  });
});

describe('numbering a line past the limit', () => {
  let dir: string;
  let limitBefore: string | undefined;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'segcorpus-long-'));
    limitBefore = process.env.SEGCORPUS_MAX_LINE_BYTES;
    process.env.SEGCORPUS_MAX_LINE_BYTES = '40';
  });
  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    if (limitBefore === undefined) delete process.env.SEGCORPUS_MAX_LINE_BYTES;
    else process.env.SEGCORPUS_MAX_LINE_BYTES = limitBefore;
  });

  /** The message readLines refuses `file` with, or undefined. */
  const refusal = async (file: string, chunkSize: number, pooled: boolean): Promise<string | undefined> => {
    const pool = pooled ? new BufferPool(ROOM_BYTES + chunkSize) : undefined;
    try {
      for await (const run of readLines(file, chunkSize, () => undefined, pool)) if (pool?.owns(run.bytes.buffer)) pool.give(run.bytes.buffer);
    } catch (error) {
      return (error as Error).message;
    }
    return undefined;
  };

  it("numbers it in a file read again as a byte-by-byte count does, whatever the chunks, breaks, byte order mark or gzip (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.stringMatching(/^[a-z _]{0,38}$/), { maxLength: 40 }),
        fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 40, maxLength: 40 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 41, max: 300 }),
        fc.integer({ min: 8, max: 200 }),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        async (lines, breaks, at, longLength, chunkSize, bom, gzip, pooled) => {
          const all = [...lines];
          all.splice(Math.min(at, all.length), 0, 'x'.repeat(longLength));
          const text = Buffer.from((bom ? '\ufeff' : '') + all.map((line, k) => line + breaks[k % breaks.length]).join(''));
          const file = path.join(dir, gzip ? 'in.gz' : 'in.seg');
          fs.writeFileSync(file, gzip ? zlib.gzipSync(text) : text);
          const expected = scanByBytes(text.subarray(bom ? 3 : 0), 40).tooLong + 1;
          assert.strictEqual(await refusal(file, chunkSize, pooled), say('lineTooLong', file, expected, 40));
        },
      ),
      { numRuns: 300 },
    );
  });
});
