// Restore over UTF-8 bytes, for big files: the same output as restoreLine, byte for byte.
import { buildMarkTable } from './marks';
import { restoreLine } from './restore';
import { Scheme, placeholderFor } from './scheme';
import { Tokenizer } from './tokens';
import { ByteMarks, ByteOutput, CR, LF, SPACE, TAB, decoder, encoder } from './byteText';

/**
 * Streaming restorer over UTF-8 bytes: placeholders become their marks, everything else stays,
 * copied in long runs; a line without a pair placeholder is never decoded. A line with one is
 * restored by restoreLine, whose pairing (pairPlaceholders) reads the sides as normalize does.
 */
export class ByteRestorer {
  private readonly marks: ByteMarks;
  private readonly tokenizer: Tokenizer;
  /** Per digit: its separator mark; undefined when it has none. */
  private readonly openMark: Array<Uint8Array | undefined> = [];
  /** Per byte: 1 for a pair digit, 2 for another digit with a mark (separator). */
  private readonly digitKind = new Uint8Array(256);
  /** The bytes restoreChunk looks for: LF, CR, then the digits that have a mark. */
  private readonly watched: number[] = [LF, CR];

  constructor(private readonly scheme: Scheme) {
    this.tokenizer = new Tokenizer(scheme);
    this.marks = new ByteMarks(buildMarkTable(scheme));
    for (let d = 0; d <= 9; d++) {
      const p = placeholderFor(scheme, String(d));
      this.openMark.push(p?.role === 'separator' ? encoder.encode(p.mark) : undefined);
      this.digitKind[0x30 + d] = p?.role === 'pair' ? 1 : p?.role === 'separator' ? 2 : 0;
      if (this.digitKind[0x30 + d] !== 0) this.watched.push(0x30 + d);
    }
  }

  restoreChunk(input: Uint8Array): Uint8Array {
    // A mark is at most a few bytes for a one-byte digit; ByteOutput grows when needed.
    const out = new ByteOutput(input.length + (input.length >> 3) + 64);
    // A plain Uint8Array view: a Buffer's subarray (taken for every copied run) costs a constructor call.
    input = new Uint8Array(input.buffer, input.byteOffset, input.length);
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
   * A line with a pair digit: which side each pair mark is on is read from the whole line by the
   * typesetter (pairPlaceholders), in one place, so this line is decoded and restored as a string.
   */
  private pairLine(input: Uint8Array, start: number, end: number, out: ByteOutput): number {
    const line = encoder.encode(restoreLine(decoder.decode(input.subarray(start, end)), this.scheme, this.tokenizer));
    out.bytes(line, 0, line.length);
    return end;
  }
}
