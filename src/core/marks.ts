// Punctuation marks and how typeset Vietnamese attaches each one to its neighbours.
import { MarkAttach, Scheme } from './scheme';
import { ATTACH_AFTER, ATTACH_BEFORE, ATTACH_BITS, ATTACH_BY_SIDE, Attach, GLUE_NUMBERS, defaultAttach } from './typesetter';

// The class of a mark lives with the rules that read it (typesetter.ts); the corpus code names it from here.
export { Attach };

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

/** Marks that, between two numbers, attach on both sides (`3 - 5`, `10 : 30`), whatever else they do. */
const GLUES_NUMBERS = new Set(['-', '–', ':']);

const ATTACH_SETTINGS: Record<MarkAttach, number> = {
  before: ATTACH_BEFORE,
  after: ATTACH_AFTER,
  both: ATTACH_BEFORE | ATTACH_AFTER,
  neither: 0,
};

/** The marks the normalizer recognises, keyed by text; scheme marks are added so a restored file reads the same. */
export interface MarkTable {
  readonly classes: ReadonlyMap<string, Attach>;
  /** How each mark sits between words: the typesetter's ATTACH_* and GLUE_NUMBERS flags. */
  readonly flags: ReadonlyMap<string, number>;
  /** Longest mark, in UTF-16 code units, for the greedy split of a token into marks. */
  readonly longest: number;
  /** The marks of one UTF-16 unit, by code: looked up without making a string (most marks are). */
  readonly singles: ReadonlySet<number>;
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
  const flags = new Map<string, number>();
  for (const [mark, cls] of classes) flags.set(mark, defaultAttach(cls) | (GLUES_NUMBERS.has(mark) ? GLUE_NUMBERS : 0));
  for (const [mark, setting] of Object.entries(scheme.attach ?? {})) {
    const known = flags.get(mark);
    if (known !== undefined && setting) flags.set(mark, (known & ~(ATTACH_BITS | ATTACH_BY_SIDE)) | ATTACH_SETTINGS[setting]);
  }
  let longest = 1;
  for (const key of classes.keys()) longest = Math.max(longest, key.length);
  const singles = new Set<number>();
  for (const key of classes.keys()) if (key.length === 1) singles.add(key.charCodeAt(0));
  return { classes, flags, longest, singles };
}

/** The length of the longest mark starting at `i` in `text` (0 when none does). */
export function markLengthAt(table: MarkTable, text: string, i: number, end: number): number {
  const most = Math.min(table.longest, end - i);
  for (let len = most; len > 1; len--) {
    if (table.classes.has(text.slice(i, i + len))) return len;
  }
  return most > 0 && table.singles.has(text.charCodeAt(i)) ? 1 : 0;
}

/** Whether `text[start, end)` is marks only (splitMarks without the cuts). */
export function isMarks(table: MarkTable, text: string, start: number, end: number): boolean {
  for (let i = start; i < end; ) {
    const len = markLengthAt(table, text, i, end);
    if (len === 0) return false;
    i += len;
  }
  return true;
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
