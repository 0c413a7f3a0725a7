import * as assert from 'assert';
import fc from 'fast-check';
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
});
