// The byte-level vocabulary of the streaming rewrites: byte values, the UTF-8 codec, marks as byte sequences, a growable output.
//
// Every character the rules look at is ASCII or a fixed UTF-8 sequence (the marks), and UTF-8 never
// puts an ASCII byte or a mark's lead byte inside another character, so the rules can run on bytes
// without decoding. (The byte normalizer itself is WebAssembly: src/wasm/normalize.as.)
import { Attach, MarkTable } from './marks';

export const SPACE = 0x20;
export const TAB = 0x09;
export const LF = 0x0a;
export const CR = 0x0d;
export const UNDERSCORE = 0x5f;

export const encoder = new TextEncoder();
// ignoreBOM: a U+FEFF inside the text is content, not a byte order mark to strip.
export const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

export function isDigitByte(b: number): boolean {
  return b >= 0x30 && b <= 0x39;
}

// What a byte means to a token scanner.
export const ORDINARY = 0;
export const BLANK = 1;
export const EOL = 2;
export const JOINER = 3;
export const BYTE_CLASS = new Uint8Array(256);
BYTE_CLASS[SPACE] = BLANK;
BYTE_CLASS[TAB] = BLANK;
BYTE_CLASS[LF] = EOL;
BYTE_CLASS[CR] = EOL;
BYTE_CLASS[UNDERSCORE] = JOINER;

/** The code point starting at `bytes[i]` (valid UTF-8: the readers check it). */
export function codePointAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i];
  if (b < 0x80) return b;
  if (b < 0xe0) return ((b & 0x1f) << 6) | (bytes[i + 1] & 0x3f);
  if (b < 0xf0) return ((b & 0x0f) << 12) | ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f);
  return ((b & 0x07) << 18) | ((bytes[i + 1] & 0x3f) << 12) | ((bytes[i + 2] & 0x3f) << 6) | (bytes[i + 3] & 0x3f);
}

/** Marks as byte sequences, grouped by their first byte, longest first (the greedy split of marks.ts). */
/** Per byte: the UTF-16 units of the character it starts (0 for a continuation byte, 2 for a four-byte lead). */
const UTF16_UNITS = new Uint8Array(256);
for (let b = 0; b < 256; b++) UTF16_UNITS[b] = (b & 0xc0) === 0x80 ? 0 : b >= 0xf0 ? 2 : 1;

/**
 * UTF-16 code units of the UTF-8 bytes in [from, to): turns a byte offset into an editor column.
 * A long run is read four bytes at a time: its bytes, less the continuation bytes (10xxxxxx), plus
 * one for each four-byte lead (1111xxxx).
 */
export function utf16Length(bytes: Uint8Array, from: number, to: number): number {
  let units = to - from;
  let i = from;
  if (to - from >= 64) {
    const words = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (; i + 4 <= to; i += 4) {
      const x = words.getInt32(i, true);
      units += topBits(x & (x << 1) & (x << 2) & (x << 3) & 0x80808080) - topBits(x & ~(x << 1) & 0x80808080);
    }
  }
  for (; i < to; i++) units += UTF16_UNITS[bytes[i]] - 1;
  return units;
}

/** How many bits are set in a word whose set bits are each a byte's top bit. */
function topBits(x: number): number {
  return x === 0 ? 0 : Math.imul((x >>> 7) & 0x01010101, 0x01010101) >>> 24;
}

export class ByteMarks {
  /** Per first byte, its marks: bytes, and the answer matchAt gives for it (made once: matchAt runs per mark in the text). */
  private readonly byLead: Array<Array<{ bytes: Uint8Array; cls: Attach; match: { readonly len: number; readonly cls: Attach } }> | undefined> = new Array(256);

  constructor(table: MarkTable) {
    for (const [text, cls] of table.classes) {
      const bytes = encoder.encode(text);
      const list = (this.byLead[bytes[0]] ??= []);
      list.push({ bytes, cls, match: { len: bytes.length, cls } });
    }
    for (const list of this.byLead) list?.sort((x, y) => y.bytes.length - x.bytes.length);
  }

  isLead(b: number): boolean {
    return this.byLead[b] !== undefined;
  }

  /** Length and class of the longest mark at `src[i]` before `end`; 0 length when none. */
  matchAt(src: Uint8Array, i: number, end: number): { readonly len: number; readonly cls: Attach } {
    const list = this.byLead[src[i]];
    if (list) {
      outer: for (const mark of list) {
        const { bytes } = mark;
        const len = bytes.length;
        if (i + len > end) continue;
        for (let k = 1; k < len; k++) if (src[i + k] !== bytes[k]) continue outer;
        return mark.match;
      }
    }
    return NO_MATCH;
  }

  /** Whether `src[start, end)` splits entirely into marks. */
  splits(src: Uint8Array, start: number, end: number): boolean {
    let i = start;
    while (i < end) {
      const { len } = this.matchAt(src, i, end);
      if (len === 0) return false;
      i += len;
    }
    return true;
  }
}

const NO_MATCH = { len: 0, cls: Attach.None };

/** A growable output buffer. */
export class ByteOutput {
  buf: Uint8Array;
  length = 0;

  constructor(capacity: number) {
    this.buf = new Uint8Array(Math.max(capacity, 256));
  }

  ensure(extra: number): void {
    const need = this.length + extra;
    if (need <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < need) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  bytes(from: Uint8Array, start: number, end: number): void {
    const n = end - start;
    this.ensure(n);
    const buf = this.buf;
    let o = this.length;
    if (n > 64) {
      buf.set(from.subarray(start, end), o);
      o += n;
    } else {
      for (let k = start; k < end; k++) buf[o++] = from[k];
    }
    this.length = o;
  }

  result(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }
}
