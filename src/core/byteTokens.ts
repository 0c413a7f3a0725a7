// Finding where a token ends in UTF-8 bytes, four bytes at a time: the inner loop of the byte restorer, checker and stats.

/** A DataView over `bytes`, for tokenEnd. */
export function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * The end of the token running from `i`: the first space, tab, CR or LF at or after `i`, or `end`.
 * Other control bytes belong to the token, as the tokenizer has it.
 */
export function tokenEnd(bytes: Uint8Array, view: DataView, i: number, end: number): number {
  // SWAR: a byte below 0x21 sets its high bit in (x - 0x21212121) & ~x; bytes from 0x80 up never do.
  while (i + 4 <= end) {
    const x = view.getInt32(i, true);
    if (((x - 0x21212121) & ~x & 0x80808080) !== 0) break;
    i += 4;
  }
  for (let c = bytes[i]; i < end && (c > 0x20 || (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d)); c = bytes[++i]);
  return i;
}

/** Like tokenEnd, and whether the token holds a "_" (the checker's malformed-join screen). */
export function tokenEndAndUnderscore(bytes: Uint8Array, view: DataView, i: number, end: number): { end: number; underscore: boolean } {
  let underscore = false;
  for (;;) {
    while (i + 4 <= end) {
      const x = view.getInt32(i, true);
      const y = x ^ 0x5f5f5f5f;
      if ((((x - 0x21212121) & ~x) | ((y - 0x01010101) & ~y)) & 0x80808080) break;
      i += 4;
    }
    const c = bytes[i];
    if (i >= end || (c <= 0x20 && (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d))) break;
    if (c === 0x5f) underscore = true;
    i++;
  }
  RESULT.end = i;
  RESULT.underscore = underscore;
  return RESULT;
}

// One result object reused: this runs once per token.
const RESULT = { end: 0, underscore: false };
