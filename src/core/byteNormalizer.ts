// Normalize over UTF-8 bytes, for big files: the same output as normalizeLine, byte for byte.
import { Attach } from './marks';
import { NormalizePlan, normalizeLine, transformText } from './normalize';
import { ENDS_WITH_DIGIT, STARTS_WITH_DIGIT, STRAIGHT_SLOT, Typesetter } from './typesetter';
import { BLANK, BYTE_CLASS, ByteMarks, ByteOutput, CR, EOL, LF, ORDINARY, SPACE, UNDERSCORE, decoder, encoder, isDigitByte } from './byteText';

/**
 * Streaming normalizer over UTF-8 bytes. Give it whole lines (a chunk may end without a line break
 * only at the end of the input).
 */
export class ByteNormalizer {
  private readonly marks: ByteMarks;
  /** Encoded renderings: index 2d for a digit's open mark / separator / word, 2d + 1 for its close mark. */
  private readonly renderings: Uint8Array[] = [];
  private readonly typesetter: Typesetter;
  private readonly join: boolean;
  private out = new ByteOutput(0);
  private src: Uint8Array = new Uint8Array(0);

  /** Bytes that can only start a plain word: not a digit, a mark's first byte, "_" or white space. */
  private readonly wordStart = new Uint8Array(256);
  /** The most output bytes one input byte can give (a placeholder's rendering plus its space). */
  private readonly maxExpansion: number;

  constructor(private readonly plan: NormalizePlan) {
    this.marks = new ByteMarks(plan.marks);
    for (const digit of plan.digits) this.renderings.push(encoder.encode(digit.text), encoder.encode(digit.close));
    for (let b = 0; b < 256; b++) {
      this.wordStart[b] = BYTE_CLASS[b] === ORDINARY && !isDigitByte(b) && !this.marks.isLead(b) ? 1 : 0;
    }
    // A mark may gain a space before it (`-(` → `- (`), so 2, or a placeholder's rendering and a space.
    this.maxExpansion = Math.max(2, ...this.renderings.map((r) => r.length + 1));
    this.typesetter = new Typesetter(plan.options.separatorAtLineEnd === 'keep');
    this.join = plan.options.joinSyllables;
  }

  /** Normalizes a chunk of whole lines; a leading byte order mark is the caller's to keep (see fileJob). */
  normalizeChunk(input: Uint8Array, afterLoneCr = false): Uint8Array {
    if (!this.plan.transformsText && !this.plan.breakWords) {
      // Real text grows little (a `6` becomes a 3-byte quote, a space goes); lines() makes room for
      // the worst case line by line.
      this.out = new ByteOutput(input.length + (input.length >> 3) + 64);
      this.lines(input, 0, input.length, afterLoneCr);
      return this.out.result();
    }
    this.out = new ByteOutput(input.length + 64);
    const n = input.length;
    let i = 0;
    while (i < n) {
      let e = i;
      while (e < n && input[e] !== LF && input[e] !== CR) e++;
      const text = decoder.decode(input.subarray(i, e));
      const before = this.out.length;
      if (this.plan.breakWords) {
        // Sentence-break inference looks at whole words: the string normalizer does the line.
        const line = encoder.encode(normalizeLine(text, this.plan));
        this.out.bytes(line, 0, line.length);
      } else {
        const line = encoder.encode(transformText(text, this.plan));
        this.out.ensure(line.length * this.maxExpansion + 64);
        this.lines(line, 0, line.length, false);
      }
      if (e < n) {
        const ending = input[e] === CR && input[e + 1] === LF ? 2 : 1;
        if (afterLoneCr && input[e] === LF && e > i && this.out.length === before) this.space(); // as in lines()
        afterLoneCr = ending === 1 && input[e] === CR;
        this.out.bytes(input, e, e + ending);
        e += ending;
      }
      i = e;
    }
    return this.out.result();
  }

  /** Normalizes `src[start, end)`: whole lines, their breaks copied as they are. */
  private lines(src: Uint8Array, start: number, end: number, afterLoneCr: boolean): void {
    this.src = src;
    const typesetter = this.typesetter;
    const out = this.out;
    const wordStart = this.wordStart;
    const join = this.join;
    typesetter.startLine();
    let lineStart = start;
    // Where the line's output starts: a line read again (Typesetter.readAgain) is written again from there.
    let lineOut = out.length;
    // Output room is guaranteed for the input up to `roomUntil`: a line's output is at most
    // `maxExpansion` times its length, so the fast path below writes without bounds checks.
    let roomUntil = -1;
    const view = new DataView(src.buffer, src.byteOffset, src.byteLength);
    let outView = new DataView(out.buf.buffer, out.buf.byteOffset, out.buf.byteLength);
    let i = start;
    // One pass per reading of the last line (readAgain); the EOL branch reads again the others.
    for (;;) {
      while (i < end) {
        if (i > roomUntil) {
          const lf = src.indexOf(LF, i);
          roomUntil = lf < 0 || lf >= end ? end : lf;
          out.ensure((roomUntil - i + 1) * this.maxExpansion + 8);
          if (outView.buffer !== out.buf.buffer) outView = new DataView(out.buf.buffer, out.buf.byteOffset, out.buf.byteLength);
        }
        const b = src[i];
        const cls = BYTE_CLASS[b];
        if (cls === BLANK) {
          i++;
          continue;
        }
        if (cls === EOL) {
          typesetter.endLine();
          this.write();
          if (typesetter.readAgain()) {
            out.length = lineOut;
            i = lineStart;
            typesetter.startLine();
            continue;
          }
          const len = b === CR && i + 1 < end && src[i + 1] === LF ? 2 : 1;
          // An empty line between a lone CR and an LF would merge the two breaks into one CRLF.
          if (b === LF && afterLoneCr && typesetter.lineIsEmpty && i > lineStart) this.space();
          afterLoneCr = b === CR && len === 1;
          out.bytes(src, i, i + len);
          i += len;
          lineStart = i;
          lineOut = out.length;
          typesetter.startLine();
          continue;
        }
        if (wordStart[b] === 1) {
          // Fast path: a word starting with a letter. Copy it while finding its end.
          typesetter.settleBeforeLetterWord();
          if (typesetter.opCount > 0) this.write();
          const buf = out.buf;
          let o = out.length;
          if (typesetter.spaceBeforeWord) buf[o++] = SPACE;
          if (join) {
            while (i < end) {
              if (i + 4 <= end) {
                // Four bytes at a time while none is white space, a break or "_" (SWAR: a byte below
                // 0x21 or equal to 0x5f sets its high bit here; bytes from 0x80 up never do).
                const x = view.getInt32(i, true);
                const y = x ^ 0x5f5f5f5f;
                if (((((x - 0x21212121) & ~x) | ((y - 0x01010101) & ~y)) & 0x80808080) === 0) {
                  outView.setInt32(o, x, true);
                  i += 4;
                  o += 4;
                  continue;
                }
              }
              const c = src[i];
              // Bytes above 0x20 are word bytes but "_"; below, only white space and breaks end a token.
              if (c > 0x20) {
                i++;
                if (c !== UNDERSCORE) {
                  buf[o++] = c;
                  continue;
                }
                buf[o++] = SPACE; // a run of joiners is one space
                while (i < end && src[i] === UNDERSCORE) i++;
                continue;
              }
              if (BYTE_CLASS[c] !== ORDINARY) break;
              buf[o++] = c;
              i++;
            }
            if (src[i - 1] === UNDERSCORE) o--; // trailing underscores go
          } else {
            while (i < end) {
              const c = src[i];
              if (c <= 0x20 && BYTE_CLASS[c] !== ORDINARY) break;
              buf[o++] = c;
              i++;
            }
          }
          out.length = o;
          typesetter.wordWritten(isDigitByte(buf[o - 1]));
          continue;
        }
        const s = i;
        i++;
        while (i < end) {
          const k = BYTE_CLASS[src[i]];
          if (k === BLANK || k === EOL) break;
          i++;
        }
        this.token(src, s, i, b);
      }
      typesetter.endLine();
      this.write();
      if (!typesetter.readAgain()) break;
      out.length = lineOut;
      i = lineStart;
      typesetter.startLine();
    }
  }

  private token(src: Uint8Array, s: number, e: number, first: number): void {
    if (isDigitByte(first)) {
      if (e - s === 1 || this.marks.splits(src, s + 1, e)) {
        this.digit(first - 0x30, s);
        this.markRun(src, s + 1, e);
        return;
      }
    } else if (this.marks.isLead(first) && this.marks.splits(src, s, e)) {
      this.markRun(src, s, e);
      return;
    }
    let ws = s;
    let we = e;
    if (this.join) {
      while (ws < we && src[ws] === UNDERSCORE) ws++;
      while (we > ws && src[we - 1] === UNDERSCORE) we--;
      if (ws === we) return;
    }
    const edges = (isDigitByte(src[ws]) ? STARTS_WITH_DIGIT : 0) | (isDigitByte(src[we - 1]) ? ENDS_WITH_DIGIT : 0);
    this.typesetter.push(Attach.None, ws, we, edges);
    this.write();
  }

  private digit(d: number, at: number): void {
    const plan = this.plan.digits[d];
    if (plan.kind === Attach.Open) {
      this.typesetter.pushPair(d, at, -(2 * d + 1), -(2 * d + 2), plan.flags, plan.closeFlags);
    } else if (plan.kind === Attach.Separator) {
      this.typesetter.push(Attach.Separator, at, -(2 * d + 1), plan.flags);
    } else if (plan.text.length > 0) {
      this.typesetter.push(Attach.None, at, -(2 * d + 1), plan.flags);
    }
    this.write();
  }

  private markRun(src: Uint8Array, s: number, e: number): void {
    let i = s;
    while (i < e) {
      const { len, cls, flags } = this.marks.matchAt(src, i, e);
      if (cls === Attach.Straight) this.typesetter.pushPair(STRAIGHT_SLOT, i, i + len, i + len, flags, flags);
      else this.typesetter.push(cls, i, i + len, flags);
      this.write();
      i += len;
    }
  }

  /** Writes the typesetter's ops. */
  private write(): void {
    const typesetter = this.typesetter;
    const ops = typesetter.ops;
    for (let k = 0, n = typesetter.opCount * 4; k < n; k += 4) {
      if (ops[k] === 1) this.space();
      this.put(ops[k + 1], ops[k + 2], ops[k + 3]);
    }
    typesetter.opCount = 0;
  }

  private space(): void {
    const out = this.out;
    out.ensure(1);
    out.buf[out.length++] = SPACE;
  }

  private put(kind: Attach, a: number, b: number): void {
    const out = this.out;
    if (b < 0) {
      // A placeholder's rendering: a few bytes, quicker copied by hand than by TypedArray.set.
      const r = this.renderings[-b - 1];
      out.ensure(r.length);
      const buf = out.buf;
      let o = out.length;
      for (let k = 0; k < r.length; k++) buf[o++] = r[k];
      out.length = o;
      return;
    }
    const src = this.src;
    if (kind !== Attach.None || !this.join) {
      out.bytes(src, a, b);
      return;
    }
    // A word, with underscores joined: the ends were trimmed when the token was read.
    out.ensure(b - a);
    const buf = out.buf;
    let o = out.length;
    for (let k = a; k < b; k++) {
      const c = src[k];
      if (c !== UNDERSCORE) buf[o++] = c;
      else if (src[k - 1] !== UNDERSCORE) buf[o++] = SPACE;
    }
    out.length = o;
  }
}
