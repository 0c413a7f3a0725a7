// The output of a rewrite: writes gathered and made off the main thread must land in order, whole, and fail in one line.
import * as assert from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Output, TextOutput } from '../../src/node/output';
import { OutputError } from '../../src/node/errors';

describe('Output', function () {
  this.timeout(60000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'segcorpus-output-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes every piece in order, small and big, awaited or not, and shows the file only on commit (property)', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.oneof(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 900_000, max: 2_500_000 })), fc.boolean()), { maxLength: 12 }), async (pieces) => {
        const target = path.join(dir, `out-${run++}.txt`);
        const output = new Output(target);
        const expected: Uint8Array[] = [];
        let seed = run;
        for (const [size, awaited] of pieces) {
          const bytes = new Uint8Array(size);
          for (let k = 0; k < size; k += 997) bytes[k] = seed++ & 0xff;
          expected.push(bytes);
          // Not awaiting is what a reader's BOM callback does: the next write must still come after it.
          if (awaited) await output.write(bytes);
          else void output.write(bytes);
        }
        await output.finish();
        assert.ok(!fs.existsSync(target), 'nothing under the name before commit');
        output.commit();
        assert.ok(Buffer.from(fs.readFileSync(target)).equals(Buffer.concat(expected)));
        fs.rmSync(target);
      }),
      { numRuns: 25 },
    );
    assert.deepStrictEqual(fs.readdirSync(dir), [], 'no temporary file left');
  });

  it('reports a failed write (a full device) as an OutputError naming it', async () => {
    const output = new Output('/dev/full');
    const big = new Uint8Array(3 * 1024 * 1024);
    await assert.rejects(
      (async () => {
        for (let k = 0; k < 4; k++) await output.write(big);
        await output.finish();
      })(),
      (error: unknown) => error instanceof OutputError && /\/dev\/full/.test(error.message),
    );
    output.abandon();
  });
});

describe('TextOutput', () => {
  /**
   * Runs `body` with process.stdout.write taking what it is given, synchronously as on Linux (a
   * buffer handed back may be used again at once: what it held is copied); returns what it was
   * given, and the copies.
   */
  function taken(body: (out: TextOutput) => void): { given: Buffer[]; pieces: Buffer[] } {
    const given: Buffer[] = [];
    const pieces: Buffer[] = [];
    const write = process.stdout.write;
    process.stdout.write = ((bytes: Buffer, done?: (error?: Error | null) => void) => {
      given.push(bytes);
      pieces.push(Buffer.from(bytes));
      done?.(null);
      return true;
    }) as typeof process.stdout.write;
    try {
      const out = new TextOutput();
      body(out);
      void out.end();
    } finally {
      process.stdout.write = write;
    }
    return { given, pieces };
  }

  it('writes texts and encoded pieces in order, whatever their sizes (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: fc.constantFrom('a', 'ữ', '🙂', '\n'), maxLength: 50_000 }), fc.integer({ min: 0, max: 200_000 })), { maxLength: 10 }), (items) => {
        let expected = '';
        const { pieces } = taken((out) => {
          items.forEach((item, k) => {
            if (typeof item === 'string') {
              out.write(item);
              expected += item;
            } else {
              const text = String(k).repeat(item);
              const bytes = Buffer.from(`[${text}]`);
              out.writeBytes(bytes, 1, bytes.length - 1);
              expected += text;
            }
          });
        });
        assert.strictEqual(Buffer.concat(pieces).toString('utf8'), expected);
      }),
      { numRuns: 60 },
    );
  });

  it('hands a piece longer than its buffer to stdout as it is, not a copy of it', () => {
    const big = Buffer.alloc(3 << 20, 0x61);
    const { given } = taken((out) => {
      out.write('head\n');
      out.writeBytes(big, 5, big.length - 5);
    });
    assert.deepStrictEqual(
      given.map((p) => p.toString('latin1', 0, 4)),
      ['head', 'aaaa'],
    );
    // The same memory: no megabytes copied (and their pages faulted in) at the end of a check.
    assert.strictEqual(given[1].buffer, big.buffer);
    assert.strictEqual(given[1].byteOffset, big.byteOffset + 5);
    assert.strictEqual(given[1].length, big.length - 10);
  });
});
