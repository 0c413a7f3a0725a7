// Sentences within a line: what the hover shows and what "this sentence" actions work on.
import { Attach, MarkTable, buildMarkTable } from './marks';
import { PairLink, pairPlaceholders } from './pairs';
import { Scheme } from './scheme';
import { Token } from './tokens';

export interface SentenceSpan {
  /** UTF-16 offsets in the line, from the first token's start to the last token's end. */
  readonly start: number;
  readonly end: number;
  /** Indexes of the first and last token. */
  readonly firstToken: number;
  readonly lastToken: number;
}

/** The class of the mark `text` ends with (what says whether a token ends a sentence). */
export function lastMarkClass(table: MarkTable, text: string): Attach {
  for (let len = Math.min(table.longest, text.length); len > 0; len--) {
    const cls = table.classes.get(text.slice(text.length - len));
    if (cls !== undefined) return cls;
  }
  return Attach.None;
}

/**
 * Splits a line's tokens into sentences. A sentence ends at a token that ends in `. ! ? …` (also a
 * glued `7.`), together with the closing marks and closing pair placeholders right after it.
 * A caller that has paired the line already passes `pairs`, so the line is paired once.
 */
export function sentenceSpans(
  tokens: readonly Token[],
  scheme: Scheme,
  table: MarkTable = buildMarkTable(scheme),
  pairs: ReadonlyMap<number, PairLink> = pairPlaceholders(tokens, scheme),
): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  if (tokens.length === 0) return spans;
  let first = 0;
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i];
    const ends = (token.kind === 'punctuation' || token.kind === 'glued') && lastMarkClass(table, token.text) === Attach.Final;
    i++;
    if (!ends) continue;
    while (i < tokens.length) {
      const next = tokens[i];
      const closesPair = next.kind === 'placeholder' && pairs.get(i)?.side === 'close';
      const closesMark = next.kind === 'punctuation' && [...next.text].every((ch) => table.classes.get(ch) === Attach.Close);
      if (!closesPair && !closesMark) break;
      i++;
    }
    spans.push({ start: tokens[first].start, end: tokens[i - 1].end, firstToken: first, lastToken: i - 1 });
    first = i;
  }
  if (first < tokens.length) {
    spans.push({ start: tokens[first].start, end: tokens[tokens.length - 1].end, firstToken: first, lastToken: tokens.length - 1 });
  }
  return spans;
}

/** The sentence holding token `index`, by binary search: a line can hold thousands of sentences. */
export function sentenceOfToken(spans: readonly SentenceSpan[], index: number): SentenceSpan | undefined {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].lastToken < index) lo = mid + 1;
    else if (spans[mid].firstToken > index) hi = mid - 1;
    else return spans[mid];
  }
  return undefined;
}

/** The sentence holding UTF-16 offset `offset` (a gap between sentences belongs to the one before). */
export function sentenceAt(spans: readonly SentenceSpan[], offset: number): SentenceSpan | undefined {
  let found: SentenceSpan | undefined;
  for (const span of spans) {
    if (span.start > offset) break;
    found = span;
  }
  return found ?? spans[0];
}
