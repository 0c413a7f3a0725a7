// The output of a rewrite: writes gathered and made off the main thread must land in order, whole, and fail in one line.
import * as assert from 'assert';
import fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Output } from '../../src/node/output';
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
