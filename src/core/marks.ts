// Punctuation marks and how typeset Vietnamese attaches each one to its neighbours.
import { Scheme } from './scheme';

/**
 * How a mark sits between words. The numbers are stable: the byte-level normalizer keeps them in
 * typed arrays.
 */
export const enum Attach {
  /** Not a mark: a word. */
  None = 0,
  /** Attaches to the following word: ( [ { “ ‘ « */
  Open = 1,
  /** Attaches to the preceding word: ) ] } ” ’ » ; : % */
  Close = 2,
  /** Ends a sentence and attaches to the preceding word: . ! ? … */
  Final = 3,
  /** A separator (the comma, and the scheme's separator marks): attaches left, runs collapse. */
  Separator = 4,
  /** Attaches on both sides: / */
  Both = 5,
  /** A dash: attaches on both sides only between two numbers. */
  Dash = 6,
  /** A straight quote: opens and closes alternately within a line. */
  Straight = 7,
}

const BASE_MARKS: ReadonlyArray<readonly [string, Attach]> = [
  ['.', Attach.Final], ['!', Attach.Final], ['?', Attach.Final], ['…', Attach.Final],
  [',', Attach.Separator],
  [';', Attach.Close], [':', Attach.Close], [')', Attach.Close], [']', Attach.Close], ['}', Attach.Close],
  ['”', Attach.Close], ['’', Attach.Close], ['»', Attach.Close], ['%', Attach.Close],
  ['(', Attach.Open], ['[', Attach.Open], ['{', Attach.Open], ['“', Attach.Open], ['‘', Attach.Open], ['«', Attach.Open],
  ['/', Attach.Both],
  ['-', Attach.Dash], ['–', Attach.Dash],
  ['"', Attach.Straight],
];

/** The marks the normalizer recognises, keyed by text; scheme marks are added so a restored file reads the same. */
export interface MarkTable {
  readonly classes: ReadonlyMap<string, Attach>;
  /** Longest mark, in UTF-16 code units, for the greedy split of a token into marks. */
  readonly longest: number;
}

export function buildMarkTable(scheme: Scheme): MarkTable {
  const classes = new Map<string, Attach>(BASE_MARKS);
  for (const placeholder of Object.values(scheme.placeholders)) {
    if (!placeholder) continue;
    if (placeholder.role === 'separator') {
      classes.set(placeholder.mark, Attach.Separator);
    } else if (placeholder.role === 'pair') {
      const { open, close } = placeholder.marks;
      if (open === close) {
        classes.set(open, Attach.Straight);
      } else {
        classes.set(open, Attach.Open);
        classes.set(close, Attach.Close);
      }
    }
  }
  let longest = 1;
  for (const key of classes.keys()) longest = Math.max(longest, key.length);
  return { classes, longest };
}

/** The length of the longest mark starting at `i` in `text` (0 when none does). */
export function markLengthAt(table: MarkTable, text: string, i: number, end: number): number {
  for (let len = Math.min(table.longest, end - i); len > 0; len--) {
    if (table.classes.has(text.slice(i, i + len))) return len;
  }
  return 0;
}

/** Splits `text[start, end)` into marks; undefined when any part is not a mark. */
export function splitMarks(table: MarkTable, text: string, start: number, end: number): number[] | undefined {
  const cuts: number[] = [];
  let i = start;
  while (i < end) {
    const len = markLengthAt(table, text, i, end);
    if (len === 0) return undefined;
    i += len;
    cuts.push(i);
  }
  return cuts;
}

export function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}
