// The tokens of a corpus line, with UTF-16 offsets and what each one is.
import { MarkTable, buildMarkTable, isAsciiDigit, isMarks } from './marks';
import { PlaceholderRole, Scheme, placeholderFor } from './scheme';

export type TokenKind =
  /** A single syllable: `trẻ`, `UBND`. */
  | 'word'
  /** Syllables joined by `_`: `Chủ_tịch`. */
  | 'compound'
  /** A lone digit: a placeholder of the scheme, or an unknown one. */
  | 'placeholder'
  /** A placeholder digit glued to punctuation: `7.`. */
  | 'glued'
  /** Literal punctuation: `.`, `…`, `“`. */
  | 'punctuation'
  /** A real number: `2007`, `3,5`. */
  | 'number'
  | 'other';

export interface Token {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly kind: TokenKind;
  /** For placeholder and glued tokens: the digit. */
  readonly digit?: string;
  /** For placeholder and glued tokens: the digit's role, or 'unknown' when the scheme lacks it. */
  readonly role?: PlaceholderRole | 'unknown';
}

const NUMBER = /^[0-9]+(?:[.,][0-9]+)*$/;
const LETTER = /\p{L}/u;

/** Tokenizes with a scheme; reuse a Tokenizer for many lines. */
export class Tokenizer {
  private readonly marks: MarkTable;

  /** First characters of marks: a token starting with one may be punctuation. */
  private readonly markStarts = new Set<number>();
  private readonly roles: Array<PlaceholderRole | 'unknown'> = [];

  constructor(scheme: Scheme) {
    this.marks = buildMarkTable(scheme);
    for (const key of this.marks.classes.keys()) this.markStarts.add(key.charCodeAt(0));
    for (let d = 0; d <= 9; d++) this.roles.push(placeholderFor(scheme, String(d))?.role ?? 'unknown');
  }

  tokenize(line: string): Token[] {
    const tokens: Token[] = [];
    const n = line.length;
    let i = 0;
    while (i < n) {
      const c = line.charCodeAt(i);
      if (c === 0x20 || c === 0x09) {
        i++;
        continue;
      }
      const start = i;
      while (i < n) {
        const k = line.charCodeAt(i);
        if (k === 0x20 || k === 0x09) break;
        i++;
      }
      tokens.push(this.classify(line, start, i, c));
    }
    return tokens;
  }

  private classify(line: string, start: number, end: number, first: number): Token {
    const text = line.slice(start, end);
    // Most tokens start with a letter: Latin letters, Vietnamese ones included, are words.
    if (isPlainLetter(first) && !this.markStarts.has(first)) {
      const underscore = text.indexOf('_');
      return { start, end, text, kind: underscore >= 0 ? 'compound' : 'word' };
    }
    if (isAsciiDigit(first)) {
      if (text.length === 1 || isMarks(this.marks, line, start + 1, end)) {
        const digit = text[0];
        return { start, end, text, kind: text.length === 1 ? 'placeholder' : 'glued', digit, role: this.roles[first - 0x30] };
      }
      if (NUMBER.test(text)) return { start, end, text, kind: 'number' };
    }
    if (isMarks(this.marks, line, start, end)) return { start, end, text, kind: 'punctuation' };
    if (LETTER.test(text)) return { start, end, text, kind: text.includes('_') ? 'compound' : 'word' };
    return { start, end, text, kind: 'other' };
  }
}

/** ASCII letters and the Latin letter blocks up to Latin Extended Additional (Vietnamese), but × and ÷. */
function isPlainLetter(c: number): boolean {
  return ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff);
}

export function tokenize(line: string, scheme: Scheme): Token[] {
  return new Tokenizer(scheme).tokenize(line);
}
