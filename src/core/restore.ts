// Restore punctuation: each placeholder becomes its scheme's mark; the corpus stays segmented.
import { splitLines } from './lines';
import { PairLink, pairPlaceholders } from './pairs';
import { Scheme, placeholderFor } from './scheme';
import { Token, Tokenizer } from './tokens';

/** A replacement in a line or text: UTF-16 offset and length of what it replaces. */
export interface TextEdit {
  readonly offset: number;
  readonly length: number;
  readonly text: string;
}

/** The mark a placeholder token restores to, or undefined (numbers, dates, unknown digits stay). */
export function restoredMark(token: Token, side: 'open' | 'close' | undefined, scheme: Scheme): string | undefined {
  if (token.digit === undefined) return undefined;
  const placeholder = placeholderFor(scheme, token.digit);
  if (placeholder?.role === 'separator') return placeholder.mark;
  if (placeholder?.role === 'pair') return side === 'close' ? placeholder.marks.close : placeholder.marks.open;
  return undefined;
}

/**
 * The edits that restore the placeholders of one line's tokens: only the digit is replaced, so a
 * glued `7.` becomes `,.` and every other character stays where it was. A caller that has paired
 * the line already passes `pairs`, so the line is paired once.
 */
export function restoreEdits(tokens: readonly Token[], scheme: Scheme, lineOffset = 0, pairs: ReadonlyMap<number, PairLink> = pairPlaceholders(tokens, scheme)): TextEdit[] {
  const edits: TextEdit[] = [];
  tokens.forEach((token, index) => {
    if (token.kind !== 'placeholder' && token.kind !== 'glued') return;
    const mark = restoredMark(token, pairs.get(index)?.side, scheme);
    if (mark !== undefined) edits.push({ offset: lineOffset + token.start, length: 1, text: mark });
  });
  return edits;
}

/** Applies non-overlapping edits to a string. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset);
  const parts: string[] = [];
  let at = 0;
  for (const edit of sorted) {
    parts.push(text.slice(at, edit.offset), edit.text);
    at = edit.offset + edit.length;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

export function restoreLine(line: string, scheme: Scheme, tokenizer = new Tokenizer(scheme)): string {
  return applyEdits(line, restoreEdits(tokenizer.tokenize(line), scheme));
}

/** Restores a whole text; line breaks and a leading byte order mark are kept. */
export function restoreText(text: string, scheme: Scheme): string {
  const tokenizer = new Tokenizer(scheme);
  const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  const lines = splitLines(bom ? text.slice(1) : text);
  return bom + lines.map(({ text: line, ending }) => restoreLine(line, scheme, tokenizer) + ending).join('');
}
