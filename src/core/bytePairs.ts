// Which side each pair placeholder of a line takes, read from UTF-8 bytes by the one typesetter: for the byte restorer and checker.
import { NormalizePlan, PairSideReader } from './normalize';
import { tokenEnd } from './byteTokens';
import { SPACE, TAB, UNDERSCORE, decoder, isDigitByte } from './byteText';

// The pieces of a line.
/** A run of words that start with a letter; the last does not end with a digit. */
export const LETTERS = 0;
/** The same, the last word ending with a digit. */
export const LETTERS_DIGIT_END = 1;
/** A token that is one digit. */
export const DIGIT = 2;
/** Any other token (marks, numbers, a digit glued to marks, a word starting with "_"). */
export const TEXT = 3;
/** The side of a pair mark that closes, in `sides`. */
export const CLOSES = 2;

const ASCII = Array.from({ length: 0x80 }, (_, b) => String.fromCharCode(b));

/**
 * Reads a line as pieces and feeds them to the typesetter (PairSideReader, as pairPlaceholders does
 * for a token list) without decoding the line: a run of words that start with a letter is one push
 * (only whether its last word ends with a digit matters), a lone digit is pushed as its placeholder,
 * and only the rest (marks, numbers: short) is decoded. Piece k is token k of the line that does not
 * start with a letter, once the runs of letter words are left out.
 */
export class BytePairReader {
  private readonly reader: PairSideReader;
  /** The pieces of the line last read: kind, start and end byte. */
  kind = new Uint8Array(1024);
  start = new Int32Array(1024);
  end = new Int32Array(1024);
  count = 0;

  /** `wordStart`: per byte, 1 when it can only start a plain word (not a digit, a mark's first byte, "_" or white space). */
  constructor(
    plan: NormalizePlan,
    private readonly wordStart: Uint8Array,
  ) {
    this.reader = new PairSideReader(plan);
  }

  /** Per piece of the line last read: 1 opens, CLOSES closes, 0 for a piece that is no pair mark. */
  get sides(): Uint8Array {
    return this.reader.sides;
  }

  /** Reads the line `input[start, end)` (no line break in it); `view` is a DataView over `input`. */
  read(input: Uint8Array, view: DataView, start: number, end: number): void {
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
      i = tokenEnd(input, view, i + 1, end);
      if (this.wordStart[b] === 1) {
        let last = i - 1;
        while (input[last] === UNDERSCORE) last--;
        letters = true;
        lettersEndWithDigit = isDigitByte(input[last]);
        continue;
      }
      if (count + 2 > this.kind.length) this.grow();
      if (letters) {
        this.kind[count++] = lettersEndWithDigit ? LETTERS_DIGIT_END : LETTERS;
        letters = false;
      }
      this.kind[count] = i - s === 1 && isDigitByte(b) ? DIGIT : TEXT;
      this.start[count] = s;
      this.end[count] = i;
      count++;
    }
    if (letters) {
      if (count + 1 > this.kind.length) this.grow();
      this.kind[count++] = lettersEndWithDigit ? LETTERS_DIGIT_END : LETTERS;
    }
    this.count = count;
    this.readSides(input);
  }

  /**
   * Reads the sides of the pieces already in `kind`, `start`, `end` and `count` (a caller that
   * scans the line itself, as ByteChecker does, fills them as read() would): `sides`.
   */
  readSides(input: Uint8Array): void {
    const count = this.count;
    const reader = this.reader;
    reader.startText(count);
    do {
      reader.startReading();
      for (let k = 0; k < count; k++) {
        const kind = this.kind[k];
        if (kind === DIGIT) reader.pushPlaceholder(input[this.start[k]] - 0x30, k);
        else if (kind === TEXT) reader.pushText(this.text(input, this.start[k], this.end[k]), k);
        else reader.pushLetterWords(kind === LETTERS_DIGIT_END);
      }
    } while (reader.endReading());
  }

  /** `input[s, e)` as a string; a one-byte piece (a full stop) from a table, without a decoder call. */
  private text(input: Uint8Array, s: number, e: number): string {
    if (e - s === 1 && input[s] < 0x80) return ASCII[input[s]];
    return decoder.decode(input.subarray(s, e));
  }

  /** Room for at least `n` pieces. */
  reserve(n: number): void {
    while (n > this.kind.length) this.grow();
  }

  private grow(): void {
    const size = this.kind.length * 2;
    const kind = new Uint8Array(size);
    kind.set(this.kind);
    const starts = new Int32Array(size);
    starts.set(this.start);
    const ends = new Int32Array(size);
    ends.set(this.end);
    this.kind = kind;
    this.start = starts;
    this.end = ends;
  }
}
