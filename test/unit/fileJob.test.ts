// What readLines learns of each run of lines before handing it over: how many line breaks, and where a line passes the length limit.
import * as assert from 'assert';
import fc from 'fast-check';
import { scanLines } from '../../src/node/fileJob';

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
