// Restore over UTF-8 bytes, for big files: the same output as restoreLine, byte for byte.
import { NormalizePlan, PairSideReader, planNormalize } from './normalize';
import { tokenEnd, viewOf } from './byteTokens';
import { Scheme, placeholderFor } from './scheme';
import { BYTE_CLASS, ByteMarks, ByteOutput, CR, LF, ORDINARY, SPACE, TAB, UNDERSCORE, decoder, encoder, isDigitByte } from './byteText';

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
  private readonly reader: PairSideReader;
  /** The pieces of the pair line being read, reused from line to line. */
  private pieceKind = new Uint8Array(1024);
  private pieceStart = new Int32Array(1024);
  private pieceEnd = new Int32Array(1024);
  private readonly open = new Int32Array(10);

  constructor(scheme: Scheme) {
    this.plan = planNormalize(scheme);
    this.marks = new ByteMarks(this.plan.marks);
    this.reader = new PairSideReader(this.plan);
    for (let d = 0; d <= 9; d++) {
      const p = placeholderFor(scheme, String(d));
      this.openMark.push(p?.role === 'separator' ? encoder.encode(p.mark) : p?.role === 'pair' ? encoder.encode(p.marks.open) : undefined);
      this.closeMark.push(p?.role === 'pair' ? encoder.encode(p.marks.close) : undefined);
      this.digitKind[0x30 + d] = p?.role === 'pair' ? 1 : p?.role === 'separator' ? 2 : 0;
      if (this.digitKind[0x30 + d] !== 0) this.watched.push(0x30 + d);
    }
    for (let b = 0; b < 256; b++) this.wordStart[b] = BYTE_CLASS[b] === ORDINARY && !isDigitByte(b) && !this.marks.isLead(b) ? 1 : 0;
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
   * A line with a pair digit. Which side each pair mark is on is read by the one typesetter (as
   * pairPlaceholders does), fed from the bytes without decoding the line: a run of words that
   * start with a letter is one push (only whether its last word ends with a digit matters), a
   * lone digit is pushed as its placeholder, and only the rest (marks, numbers: short) is decoded.
   */
  private pairLine(input: Uint8Array, start: number, end: number, out: ByteOutput): number {
    // The line as pieces: kind (LETTERS, DIGIT, TEXT), start, end; a piece's index is its reference.
    let count = 0;
    let letters = false;
    let lettersEndWithDigit = false;
    let i = start;
    while (i < end) {
      const b = input[i];
      if (b === SPACE || b === TAB) {
        i++;
        continue;
      }
      const s = i;
      i = tokenEnd(input, this.view, i + 1, end);
      if (this.wordStart[b] === 1) {
        let last = i - 1;
        while (input[last] === UNDERSCORE) last--;
        letters = true;
        lettersEndWithDigit = isDigitByte(input[last]);
        continue;
      }
      if (count + 2 > this.pieceKind.length) this.growPieces();
      if (letters) {
        this.pieceKind[count] = lettersEndWithDigit ? LETTERS_DIGIT_END : LETTERS;
        count++;
        letters = false;
      }
      this.pieceKind[count] = i - s === 1 && isDigitByte(b) ? DIGIT : TEXT;
      this.pieceStart[count] = s;
      this.pieceEnd[count] = i;
      count++;
    }
    if (letters) {
      if (count + 1 > this.pieceKind.length) this.growPieces();
      this.pieceKind[count] = lettersEndWithDigit ? LETTERS_DIGIT_END : LETTERS;
      count++;
    }
    const reader = this.reader;
    reader.startText(count);
    do {
      reader.startReading();
      for (let k = 0; k < count; k++) {
        const kind = this.pieceKind[k];
        if (kind === DIGIT) reader.pushPlaceholder(input[this.pieceStart[k]] - 0x30, k);
        else if (kind === TEXT) reader.pushText(decoder.decode(input.subarray(this.pieceStart[k], this.pieceEnd[k])), k);
        else reader.pushLetterWords(kind === LETTERS_DIGIT_END);
      }
    } while (reader.endReading());
    const sides = reader.sides;
    // As pairPlaceholders: a mark read as closing closes only when one of its digit is open.
    const open = this.open.fill(0);
    let copied = start;
    for (let k = 0; k < count; k++) {
      const kind = this.pieceKind[k];
      if (kind !== DIGIT && kind !== TEXT) continue;
      const s = this.pieceStart[k];
      const e = this.pieceEnd[k];
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

  private growPieces(): void {
    const size = this.pieceKind.length * 2;
    const kind = new Uint8Array(size);
    kind.set(this.pieceKind);
    const starts = new Int32Array(size);
    starts.set(this.pieceStart);
    const ends = new Int32Array(size);
    ends.set(this.pieceEnd);
    this.pieceKind = kind;
    this.pieceStart = starts;
    this.pieceEnd = ends;
  }
}

// The pieces of a pair line (ByteRestorer.pairLine).
const LETTERS = 0;
const LETTERS_DIGIT_END = 1;
const DIGIT = 2;
const TEXT = 3;
/** PairSideReader's side of a pair mark that closes. */
const CLOSES = 2;
