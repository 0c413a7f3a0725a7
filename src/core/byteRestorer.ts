// Restore over UTF-8 bytes, for big files: the same output as restoreLine, byte for byte.
import { NormalizePlan, planNormalize } from './normalize';
import { viewOf } from './byteTokens';
import { BytePairReader, CLOSES, DIGIT, TEXT } from './bytePairs';
import { Scheme, placeholderFor } from './scheme';
import { BYTE_CLASS, ByteMarks, ByteOutput, CR, LF, ORDINARY, SPACE, TAB, encoder, isDigitByte } from './byteText';

/**
 * Streaming restorer over UTF-8 bytes: placeholders become their marks, everything else stays,
 * copied in long runs; no line is decoded whole. A pair placeholder opens or closes as normalize
 * decides: its line's tokens go through the one typesetter, as pairPlaceholders does for restoreLine.
 */
export class ByteRestorer {
  private readonly marks: ByteMarks;
  /** The default plan: pairing reads the context with it, as pairPlaceholders does. */
  private readonly plan: NormalizePlan;
  /** Per digit: its separator mark, or its pair's open mark; undefined when it stays a digit. */
  private readonly openMark: Array<Uint8Array | undefined> = [];
  private readonly closeMark: Array<Uint8Array | undefined> = [];
  /** Bytes that can only start a plain word: not a digit, a mark's first byte, "_" or white space. */
  private readonly wordStart = new Uint8Array(256);
  /** A DataView over the chunk being restored, for tokenEnd. */
  private view = viewOf(new Uint8Array(0));
  /** Per byte: 1 for a pair digit, 2 for another digit with a mark (separator). */
  private readonly digitKind = new Uint8Array(256);
  /** The bytes restoreChunk looks for: LF, CR, then the digits that have a mark. */
  private readonly watched: number[] = [LF, CR];
  private readonly pieces: BytePairReader;
  private readonly open = new Int32Array(10);

  constructor(scheme: Scheme) {
    this.plan = planNormalize(scheme);
    this.marks = new ByteMarks(this.plan.marks);
    for (let d = 0; d <= 9; d++) {
      const p = placeholderFor(scheme, String(d));
      this.openMark.push(p?.role === 'separator' ? encoder.encode(p.mark) : p?.role === 'pair' ? encoder.encode(p.marks.open) : undefined);
      this.closeMark.push(p?.role === 'pair' ? encoder.encode(p.marks.close) : undefined);
      this.digitKind[0x30 + d] = p?.role === 'pair' ? 1 : p?.role === 'separator' ? 2 : 0;
      if (this.digitKind[0x30 + d] !== 0) this.watched.push(0x30 + d);
    }
    for (let b = 0; b < 256; b++) this.wordStart[b] = BYTE_CLASS[b] === ORDINARY && !isDigitByte(b) && !this.marks.isLead(b) ? 1 : 0;
    this.pieces = new BytePairReader(this.plan, this.wordStart);
  }

  restoreChunk(input: Uint8Array): Uint8Array {
    // A mark is at most a few bytes for a one-byte digit; ByteOutput grows when needed.
    const out = new ByteOutput(input.length + (input.length >> 3) + 64);
    // A plain Uint8Array view: a Buffer's subarray (taken for every copied run) costs a constructor call.
    input = new Uint8Array(input.buffer, input.byteOffset, input.length);
    this.view = viewOf(input);
    const n = input.length;
    // Buffer's indexOf is memchr: line ends and digits are found by it, not by a loop over every byte.
    const buf = Buffer.from(input.buffer, input.byteOffset, n);
    const next = new Int32Array(this.watched.length).fill(-1);
    const nextAt = (k: number, from: number): number => {
      if (next[k] < from) {
        const at = buf.indexOf(this.watched[k], from);
        next[k] = at < 0 ? n : at;
      }
      return next[k];
    };
    let i = 0;
    while (i < n) {
      let e = Math.min(nextAt(0, i), nextAt(1, i));
      let pair = false;
      let separator = false;
      for (let k = 2; k < this.watched.length; k++) {
        if (nextAt(k, i) >= e) continue;
        if (this.digitKind[this.watched[k]] === 1) pair = true;
        else separator = true;
      }
      let copied = i;
      if (pair) copied = this.pairLine(input, i, e, out);
      else if (separator) copied = this.separatorLine(input, i, e, out);
      if (e < n) e += input[e] === CR && input[e + 1] === LF ? 2 : 1;
      out.bytes(input, copied, e);
      i = e;
    }
    return out.result();
  }

  /** Writes a mark for the digit at `at`, and the bytes before it; returns where copying goes on. */
  private replace(input: Uint8Array, copied: number, at: number, mark: Uint8Array, out: ByteOutput): number {
    out.bytes(input, copied, at);
    out.bytes(mark, 0, mark.length);
    return at + 1;
  }

  /** A line without pair digits: each separator placeholder (lone or glued) becomes its mark. */
  private separatorLine(input: Uint8Array, start: number, end: number, out: ByteOutput, copied = start): number {
    for (let i = start; i < end; i++) {
      const b = input[i];
      if (this.digitKind[b] !== 2 || (i > start && input[i - 1] !== SPACE && input[i - 1] !== TAB)) continue;
      let e = i + 1;
      while (e < end && input[e] !== SPACE && input[e] !== TAB) e++;
      if (e - i === 1 || this.marks.splits(input, i + 1, e)) copied = this.replace(input, copied, i, this.openMark[b - 0x30] as Uint8Array, out);
      i = e;
    }
    return copied;
  }

  /**
   * A line with a pair digit: which side each pair mark is on is read by the one typesetter (as
   * pairPlaceholders does), from the bytes (BytePairReader).
   */
  private pairLine(input: Uint8Array, start: number, end: number, out: ByteOutput): number {
    const pieces = this.pieces;
    pieces.read(input, this.view, start, end);
    const sides = pieces.sides;
    // As pairPlaceholders: a mark read as closing closes only when one of its digit is open.
    const open = this.open.fill(0);
    let copied = start;
    for (let k = 0; k < pieces.count; k++) {
      const kind = pieces.kind[k];
      if (kind !== DIGIT && kind !== TEXT) continue;
      const s = pieces.start[k];
      const e = pieces.end[k];
      const b = input[s];
      const digitKind = this.digitKind[b];
      if (digitKind === 0 || (e - s > 1 && !this.marks.splits(input, s + 1, e))) continue;
      const d = b - 0x30;
      if (digitKind === 1) {
        const closes = sides[k] === CLOSES && open[d] > 0;
        open[d] += closes ? -1 : 1;
        copied = this.replace(input, copied, s, (closes ? this.closeMark[d] : this.openMark[d]) as Uint8Array, out);
      } else {
        copied = this.replace(input, copied, s, this.openMark[d] as Uint8Array, out);
      }
    }
    return copied;
  }
}
