// Cutting a byte stream into runs of whole lines: pushRuns (what the file job reads with) against push.
import * as assert from 'assert';
import fc from 'fast-check';
import { LineChunker } from '../../src/core/lineChunker';

const encoder = new TextEncoder();

describe('LineChunker', () => {
  const textArb = fc
    .array(fc.tuple(fc.constantFrom('', 'a', 'Việt_Nam', '6 x 6', '  ', '7.'), fc.constantFrom('\n', '\r\n', '\r', '', ' ')), { maxLength: 30 })
    .map((parts) => parts.map(([t, b]) => t + b).join(''));
  const sizesArb = fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 5 });

  it('gives the bytes push gives, in runs of whole lines, each saying whether it follows a lone CR (property)', () => {
    fc.assert(
      fc.property(textArb, sizesArb, (text, sizes) => {
        const bytes = encoder.encode(text);
        const byPush = new LineChunker();
        const byRuns = new LineChunker();
        const pushed: number[] = [];
        const runs: Array<{ bytes: Uint8Array; afterLoneCr: boolean }> = [];
        let at = 0;
        for (let k = 0; at < bytes.length; k++) {
          const chunk = bytes.subarray(at, at + sizes[k % sizes.length]);
          pushed.push(...byPush.push(chunk));
          runs.push(...byRuns.pushRuns(chunk));
          at += chunk.length;
        }
        pushed.push(...byPush.end());
        const last = byRuns.end();
        if (last.length > 0) runs.push({ bytes: last, afterLoneCr: byRuns.startsAfterLoneCr });
        assert.deepStrictEqual([...runs.flatMap((r) => [...r.bytes])], pushed);
        let before = 0;
        for (const [k, run] of runs.entries()) {
          assert.ok(run.bytes.length > 0);
          const end = run.bytes[run.bytes.length - 1];
          if (k < runs.length - 1) assert.ok(end === 0x0a || end === 0x0d, 'a run ends with a line break');
          // A run follows a lone CR when the byte before it is a CR (one of a CRLF is never cut).
          assert.strictEqual(run.afterLoneCr, before === 0x0d, `run ${k}`);
          before = end;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('does not copy a chunk to join it to the line left from the one before: its other lines are a view of it', () => {
    const chunker = new LineChunker();
    chunker.push(encoder.encode('a b\nunfinished'));
    const chunk = encoder.encode(' line\nsecond\nthird\nfour');
    const runs = chunker.pushRuns(chunk);
    assert.deepStrictEqual(
      runs.map((r) => new TextDecoder().decode(r.bytes)),
      ['unfinished line\n', 'second\nthird\n'],
    );
    assert.strictEqual(runs[1].bytes.buffer, chunk.buffer);
  });
});
