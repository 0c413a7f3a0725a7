// Cutting a byte stream into runs of whole lines: push with room before the chunk (what the file job reads with) against push without.
import * as assert from 'assert';
import fc from 'fast-check';
import { LineChunker } from '../../src/core/lineChunker';

const encoder = new TextEncoder();

describe('LineChunker', () => {
  const textArb = fc
    .array(fc.tuple(fc.constantFrom('', 'a', 'Việt_Nam', '6 x 6', '  ', '7.'), fc.constantFrom('\n', '\r\n', '\r', '', ' ')), { maxLength: 30 })
    .map((parts) => parts.map(([t, b]) => t + b).join(''));
  const sizesArb = fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 5 });

  it('gives the runs push gives without room, each following a lone CR alike, whatever the room (property)', () => {
    fc.assert(
      fc.property(textArb, sizesArb, fc.integer({ min: 0, max: 16 }), (text, sizes, room) => {
        const bytes = encoder.encode(text);
        const plain = new LineChunker();
        const inPlace = new LineChunker();
        const buffer = new Uint8Array(room + 12);
        let at = 0;
        for (let k = 0; at < bytes.length; k++) {
          const chunk = bytes.subarray(at, at + sizes[k % sizes.length]);
          buffer.fill(0xaa);
          buffer.set(chunk, room);
          const expected = [...plain.push(chunk)];
          const got = [...inPlace.push(buffer.subarray(room, room + chunk.length), room)];
          assert.deepStrictEqual(got, expected);
          assert.strictEqual(inPlace.startsAfterLoneCr, plain.startsAfterLoneCr);
          at += chunk.length;
        }
        assert.deepStrictEqual([...inPlace.end()], [...plain.end()]);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives a line that ended with a CR at the end of a chunk once the next chunk shows no LF follows, instead of holding it', () => {
    const chunker = new LineChunker();
    // Each chunk a line ending with a CR: without a LF after it, the CR ended the line.
    assert.deepStrictEqual([...chunker.push(encoder.encode('abcdefg\r'))], []);
    assert.deepStrictEqual([...chunker.push(encoder.encode('hijklmn\r'))], [...encoder.encode('abcdefg\r')]);
    assert.strictEqual(chunker.startsAfterLoneCr, false);
    assert.deepStrictEqual([...chunker.pending], [...encoder.encode('hijklmn\r')]);
    assert.deepStrictEqual([...chunker.push(encoder.encode('opq'))], [...encoder.encode('hijklmn\r')]);
    assert.strictEqual(chunker.startsAfterLoneCr, true);
    // A CRLF cut between two chunks stays whole.
    assert.deepStrictEqual([...chunker.push(encoder.encode('\r'))], [...encoder.encode('')]);
    assert.deepStrictEqual([...chunker.push(encoder.encode('\nr'))], [...encoder.encode('opq\r\n')]);
    assert.deepStrictEqual([...chunker.end()], [...encoder.encode('r')]);
  });

  it('puts the line left from the chunk before into the room in front of the chunk instead of copying the chunk', () => {
    const chunker = new LineChunker();
    chunker.push(encoder.encode('a b\nunfinished'));
    const buffer = new Uint8Array(64);
    const chunk = encoder.encode(' line\nsecond\nthird\nfour');
    buffer.set(chunk, 32);
    const lines = chunker.push(buffer.subarray(32, 32 + chunk.length), 32);
    assert.strictEqual(new TextDecoder().decode(lines), 'unfinished line\nsecond\nthird\n');
    assert.strictEqual(lines.buffer, buffer.buffer);
  });
});
