// Restore over UTF-8 bytes, for big files: the same output as restoreLine, byte for byte.
import { Attach } from './marks';
import { NormalizePlan, pairCloses, planNormalize } from './normalize';
import { Scheme, placeholderFor } from './scheme';
import { ENDS_WITH_DIGIT, PieceSink, STARTS_WITH_DIGIT, Typesetter } from './typesetter';
import { tokenEnd, viewOf } from './byteTokens';
import { BYTE_CLASS, ByteMarks, ByteOutput, CR, LF, ORDINARY, SPACE, TAB, UNDERSCORE, encoder, isDigitByte } from './byteText';

/** The restorer only asks the typesetter where pairs open; nothing is written. */
const SILENT: PieceSink = { space: () => undefined, put: () => undefined };

/**
 * Streaming restorer over UTF-8 bytes: placeholders become their marks, everything else stays,
 * copied in long runs. A pair placeholder opens or closes as normalize decides (pairPlaceholders
 * reads the same decisions): the tokens of a line holding one are fed to a silent Typesetter, as
 * the byte normalizer feeds its own, and pairCloses gives the side. No line is decoded.
 */
export class ByteRestorer {
  private readonly marks: ByteMarks;
  /** The default plan: pairing reads the context with it, as pairPlaceholders does. */
  private readonly plan: NormalizePlan;
  /** Per digit: its separator mark, or its pair's open mark; undefined when it stays a digit. */
  private readonly openMark: Array<Uint8Array | undefined> = [];
  private readonly closeMark: Array<Uint8Array | undefined> = [];
  /** Per byte: 1 for a pair digit, 2 for another digit with a mark (separator). */
  private readonly digitKind = new Uint8Array(256);
  /** Bytes that can only start a plain word: not a digit, a mark's first byte, "_" or white space. */
  private readonly wordStart = new Uint8Array(256);
  private readonly typesetter: Typesetter;
  private readonly pairSeen = new Uint8Array(11);
  /** The bytes restoreChunk looks for: LF, CR, then the digits that have a mark. */
  private readonly watched: number[] = [LF, CR];
  private view = viewOf(new Uint8Array(0));

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
    this.typesetter = new Typesetter(SILENT, this.plan.options.separatorAtLineEnd === 'keep');
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

  /** A line with a pair digit: every token goes through the silent typesetter, which decides the sides. */
  private pairLine(input: Uint8Array, start: number, end: number, out: ByteOutput): number {
    const view = this.view;
    const typesetter = this.typesetter;
    const marks = this.marks;
    typesetter.startLine();
    this.pairSeen.fill(0);
    // Past the line's last pair digit the typesetter has nothing left to decide: only separators remain.
    let lastPair = end - 1;
    while (this.digitKind[input[lastPair]] !== 1) lastPair--;
    let copied = start;
    let i = start;
    while (i < end) {
      if (i > lastPair) return this.separatorLine(input, i, end, out, copied);
      const b = input[i];
      if (b === SPACE || b === TAB) {
        i++;
        continue;
      }
      const s = i;
      i++;
      i = tokenEnd(input, view, i, end);
      if (this.wordStart[b] === 1) {
        // The common case, as in the byte normalizer's fast path: a word that starts with a letter.
        typesetter.settleBeforeLetterWord();
        let last = i - 1;
        while (input[last] === UNDERSCORE) last--;
        typesetter.wordWritten(isDigitByte(input[last]));
        continue;
      }
      if (isDigitByte(b)) {
        if (i - s === 1 || marks.splits(input, s + 1, i)) {
          const mark = this.digit(b - 0x30, s);
          if (mark) copied = this.replace(input, copied, s, mark, out);
          this.markRun(input, s + 1, i);
          continue;
        }
      } else if (marks.isLead(b) && marks.splits(input, s, i)) {
        this.markRun(input, s, i);
        continue;
      }
      // Any other word, as pushToken reads it once its syllables are joined (edge underscores go).
      let ws = s;
      let we = i;
      while (ws < we && input[ws] === UNDERSCORE) ws++;
      while (we > ws && input[we - 1] === UNDERSCORE) we--;
      if (ws === we) continue;
      const edges = (isDigitByte(input[ws]) ? STARTS_WITH_DIGIT : 0) | (isDigitByte(input[we - 1]) ? ENDS_WITH_DIGIT : 0);
      typesetter.push(Attach.None, 0, 0, edges);
    }
    return copied;
  }

  /** Feeds a placeholder digit to the typesetter; returns the mark it restores to, if any. */
  private digit(d: number, at: number): Uint8Array | undefined {
    const plan = this.plan.digits[d];
    if (plan.kind === Attach.Open) {
      const closing = pairCloses(this.pairSeen, d, this.typesetter);
      this.typesetter.push(closing ? Attach.Close : Attach.Open, at, 0, 0);
      return closing ? this.closeMark[d] : this.openMark[d];
    }
    if (plan.kind === Attach.Separator) {
      this.typesetter.push(Attach.Separator, at, 0, 0);
      return this.openMark[d];
    }
    if (plan.text.length > 0) this.typesetter.push(Attach.None, at, 0, plan.digitEdges);
    return undefined;
  }

  private markRun(src: Uint8Array, s: number, e: number): void {
    let i = s;
    while (i < e) {
      const { len, cls } = this.marks.matchAt(src, i, e);
      let kind = cls;
      if (kind === Attach.Straight) kind = pairCloses(this.pairSeen, 10, this.typesetter) ? Attach.Close : Attach.Open;
      this.typesetter.push(kind, i, i + len, 0);
      i += len;
    }
  }
}
