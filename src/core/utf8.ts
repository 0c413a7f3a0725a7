// UTF-8 validity with the offset of the first bad byte, so an error message can point at it.

/**
 * The byte offset of the first byte that is not part of a well-formed UTF-8 sequence, or -1.
 * Overlong forms, surrogates and code points above U+10FFFF are errors, as for TextDecoder's fatal mode.
 * A sequence cut off by the end of `bytes` is an error too: callers pass whole lines.
 */
export function findInvalidUtf8(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let i = start;
  while (i < end) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = b === 0xe0 ? 0xa0 : 0x80;
      if (b === 0xed) max = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = b === 0xf0 ? 0x90 : 0x80;
      if (b === 0xf4) max = 0x8f;
    } else {
      return i;
    }
    if (i + need >= end) return i;
    const second = bytes[i + 1];
    if (second < min || second > max) return i;
    for (let k = 2; k <= need; k++) {
      const c = bytes[i + k];
      if (c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/**
 * Whether the start of a file is UTF-16 text, and in which byte order: by its byte order mark
 * (FF FE, FE FF), or by the NUL bytes that ASCII characters leave on one side of every unit.
 * `head` is the file's first bytes (a few hundred are plenty).
 */
export function utf16ByteOrder(head: Uint8Array): 'LE' | 'BE' | undefined {
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return 'LE';
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return 'BE';
  const units = Math.min(head.length, 512) >> 1;
  if (units < 2) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < units; i++) {
    if (head[2 * i] === 0) evenNul++;
    if (head[2 * i + 1] === 0) oddNul++;
  }
  // Latin text in UTF-16 has a NUL in most units, always on the same side; binary data rarely does.
  if (oddNul * 2 >= units && evenNul === 0) return 'LE';
  if (evenNul * 2 >= units && oddNul === 0) return 'BE';
  return undefined;
}
