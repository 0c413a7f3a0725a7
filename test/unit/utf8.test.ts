import * as assert from 'assert';
import fc from 'fast-check';
import { utf16Length } from '../../src/core/byteText';
import { findInvalidUtf8 } from '../../src/core/utf8';

const fatal = new TextDecoder('utf-8', { fatal: true });

function validByDecoder(bytes: Uint8Array): boolean {
  try {
    fatal.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

describe('utf8', () => {
  it('agrees with a fatal TextDecoder on any bytes, and points at a byte that starts the bad part', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const at = findInvalidUtf8(bytes);
        assert.strictEqual(at < 0, validByDecoder(bytes));
        if (at >= 0) {
          assert.ok(validByDecoder(bytes.subarray(0, at)), 'everything before the offset is valid');
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts Vietnamese text and rejects overlongs, surrogates and truncation', () => {
    assert.strictEqual(findInvalidUtf8(new TextEncoder().encode('Lê_Thanh_Hải “ ” … 😀')), -1);
    assert.strictEqual(findInvalidUtf8(Uint8Array.from([0x61, 0xc0, 0xaf])), 1);
    assert.strictEqual(findInvalidUtf8(Uint8Array.from([0xed, 0xa0, 0x80])), 0);
    assert.strictEqual(findInvalidUtf8(Uint8Array.from([0x61, 0x62, 0xe1, 0xba])), 2);
    assert.strictEqual(findInvalidUtf8(Uint8Array.from([0xf4, 0x90, 0x80, 0x80])), 0);
  });

  it('measures UTF-8 bytes in UTF-16 units, four bytes at a time or one by one, any range of any bytes', () => {
    const perByte = (bytes: Uint8Array, from: number, to: number): number => {
      let units = 0;
      for (let i = from; i < to; i++) if ((bytes[i] & 0xc0) !== 0x80) units += bytes[i] >= 0xf0 ? 2 : 1;
      return units;
    };
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(), fc.nat(), (bytes, a, b) => {
        const from = bytes.length === 0 ? 0 : a % bytes.length;
        const to = from + (bytes.length === 0 ? 0 : b % (bytes.length - from + 1));
        assert.strictEqual(utf16Length(bytes, from, to), perByte(bytes, from, to));
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const bytes = new TextEncoder().encode(text);
        // A lone surrogate is encoded as U+FFFD, one unit as it was.
        assert.strictEqual(utf16Length(bytes, 0, bytes.length), text.length);
      }),
    );
  });
});
