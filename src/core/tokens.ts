// The tokens of a corpus line, with UTF-16 offsets and what each one is.
import { MarkTable, buildMarkTable, isAsciiDigit, splitMarks } from './marks';
import { tokenBounds } from './lines';
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

  constructor(private readonly scheme: Scheme) {
    this.marks = buildMarkTable(scheme);
  }

  tokenize(line: string): Token[] {
    return tokenBounds(line).map(([start, end]) => this.classify(line, start, end));
  }

  private classify(line: string, start: number, end: number): Token {
    const text = line.slice(start, end);
    const first = text.charCodeAt(0);
    if (isAsciiDigit(first)) {
      if (text.length === 1 || splitMarks(this.marks, line, start + 1, end)) {
        const digit = text[0];
        const role = placeholderFor(this.scheme, digit)?.role ?? 'unknown';
        return { start, end, text, kind: text.length === 1 ? 'placeholder' : 'glued', digit, role };
      }
      if (NUMBER.test(text)) return { start, end, text, kind: 'number' };
    }
    if (splitMarks(this.marks, line, start, end)) return { start, end, text, kind: 'punctuation' };
    if (LETTER.test(text)) return { start, end, text, kind: text.includes('_') ? 'compound' : 'word' };
    return { start, end, text, kind: 'other' };
  }
}

export function tokenize(line: string, scheme: Scheme): Token[] {
  return new Tokenizer(scheme).tokenize(line);
}

/** Whether the token is a placeholder the scheme defines (lone or glued). */
export function isKnownPlaceholder(token: Token): boolean {
  return (token.kind === 'placeholder' || token.kind === 'glued') && token.role !== 'unknown';
}
