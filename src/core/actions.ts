// The fixes behind code actions: each is a title and line edits, never touching a byte outside its target.
import { FindingCode, joinProblems } from './check';
import { Attach, MarkTable, buildMarkTable } from './marks';
import { Message, message, messageText } from './messages';
import { PairLink, pairPlaceholders } from './pairs';
import { TextEdit, restoreEdits } from './restore';
import { PairMarks, Scheme, placeholderFor } from './scheme';
import { SentenceSpan, sentenceOfToken, sentenceSpans } from './sentences';
import { Token } from './tokens';

/**
 * One line read once for a request: its tokens, pair links and sentences, and its restore edits
 * when first asked. Every fix of the line's tokens reads these instead of re-pairing the line
 * (which made a selection's code actions quadratic in its tokens).
 */
export class LineAnalysis {
  readonly pairs: ReadonlyMap<number, PairLink>;
  readonly sentences: readonly SentenceSpan[];
  private restore: TextEdit[] | undefined;

  constructor(
    readonly tokens: readonly Token[],
    readonly scheme: Scheme,
    readonly table: MarkTable = buildMarkTable(scheme),
  ) {
    this.pairs = pairPlaceholders(tokens, scheme);
    this.sentences = sentenceSpans(tokens, scheme, table, this.pairs);
  }

  /** The edits that restore every placeholder of the line. */
  restoreEdits(): readonly TextEdit[] {
    return (this.restore ??= restoreEdits(this.tokens, this.scheme, 0, this.pairs));
  }

  /** The sentence holding token `index`. */
  sentenceOf(index: number): SentenceSpan | undefined {
    return sentenceOfToken(this.sentences, index);
  }
}

export interface Fix {
  /** In English; `l10n` is the same for the editor to translate. */
  readonly title: string;
  readonly l10n: Message;
  /** Edits in line offsets (TextEdit.offset is a UTF-16 offset in the line). */
  readonly edits: readonly TextEdit[];
  /** The default rewrite: what "auto fix" applies. */
  readonly preferred?: boolean;
}

/** A title in English and as a message. */
function titled(m: Message): { title: string; l10n: Message } {
  return { title: messageText(m), l10n: m };
}

function replaceDigit(token: Token, mark: string): TextEdit {
  return { offset: token.start, length: 1, text: mark };
}

function uniquePairs(marks: readonly PairMarks[]): PairMarks[] {
  const seen = new Set<string>();
  return marks.filter((m) => {
    const key = `${m.open}\u0000${m.close}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Rewrites of the placeholder token at `index` (lone or glued): a separator to its mark (preferred) or
 * any alternative; a matched pair to “…” (the scheme's marks, preferred) or each alternative, both
 * ends at once; an unmatched pair end to its own mark.
 */
export function placeholderFixes(line: LineAnalysis, index: number): Fix[] {
  const { tokens, scheme } = line;
  const token = tokens[index];
  if (token.digit === undefined) return [];
  const placeholder = placeholderFor(scheme, token.digit);
  if (placeholder?.role === 'separator') {
    return [placeholder.mark, ...placeholder.alternatives.filter((m) => m !== placeholder.mark)].map((mark, i) => ({
      ...titled(message('replaceWith', String(token.digit), mark)),
      edits: [replaceDigit(token, mark)],
      preferred: i === 0,
    }));
  }
  if (placeholder?.role !== 'pair') return [];
  const link = line.pairs.get(index);
  if (!link) return [];
  const styles = uniquePairs([placeholder.marks, ...placeholder.alternatives]);
  if (link.partner === undefined) {
    return styles.map((m, i) => ({
      ...titled(message('replaceWith', String(token.digit), link.side === 'open' ? m.open : m.close)),
      edits: [replaceDigit(token, link.side === 'open' ? m.open : m.close)],
      preferred: i === 0,
    }));
  }
  const open = tokens[link.side === 'open' ? index : link.partner];
  const close = tokens[link.side === 'open' ? link.partner : index];
  return styles.map((m, i) => ({
    ...titled(message('writePairAs', m.open, m.close)),
    edits: [replaceDigit(open, m.open), replaceDigit(close, m.close)],
    preferred: i === 0,
  }));
}

/** Restores the placeholders of one sentence (pairs as read over the whole line). */
export function restoreSentenceFix(line: LineAnalysis, index: number): Fix | undefined {
  const sentence = line.sentenceOf(index);
  if (!sentence) return undefined;
  const edits = line.restoreEdits().filter((e) => e.offset >= sentence.start && e.offset < sentence.end);
  return edits.length > 0 ? { ...titled(message('restoreSentence')), edits } : undefined;
}

export function restoreLineFix(line: LineAnalysis): Fix | undefined {
  const edits = line.restoreEdits();
  return edits.length > 0 ? { ...titled(message('restoreLine')), edits } : undefined;
}

/** Deletes token `index` with the white space before it (after it, for the first token). */
export function removeTokenFix(tokens: readonly Token[], index: number, title: Message): Fix {
  const token = tokens[index];
  const start = index > 0 ? tokens[index - 1].end : token.start;
  const end = index > 0 ? token.end : index + 1 < tokens.length ? tokens[index + 1].start : token.end;
  return { ...titled(title), edits: [{ offset: start, length: end - start, text: '' }] };
}

/**
 * Closes an unmatched pair opener at the end of its sentence: before the sentence-final mark
 * (and any closing marks before it), or after the sentence's last token.
 */
export function closePairFix(line: LineAnalysis, index: number): Fix | undefined {
  const { tokens, table } = line;
  const token = tokens[index];
  const sentence = line.sentenceOf(index);
  if (!sentence || token.digit === undefined) return undefined;
  let last = sentence.lastToken;
  while (last > index && isTrailingMark(tokens[last], table)) last--;
  if (last === index) return undefined;
  return { ...titled(message('closeAtSentenceEnd', token.digit)), edits: [{ offset: tokens[last].end, length: 0, text: ` ${token.digit}` }] };
}

function isTrailingMark(token: Token, table: MarkTable): boolean {
  if (token.kind === 'glued' || (token.kind === 'placeholder' && token.role === 'separator')) return true;
  if (token.kind !== 'punctuation') return false;
  const cls = table.classes.get(token.text[0]);
  return cls === Attach.Final || cls === Attach.Close || cls === Attach.Separator;
}

/** Splits a glued placeholder from the marks after it: `7.` → `7 .`. */
export function splitGluedFix(token: Token): Fix | undefined {
  if (token.kind !== 'glued') return undefined;
  return { ...titled(message('separateFrom', String(token.digit), token.text.slice(1))), edits: [{ offset: token.start + 1, length: 0, text: ' ' }], preferred: true };
}

/** Separates a placeholder digit written onto a word: `x7` → `x 7`, `7x` → `7 x`. */
export function splitWordGluedFix(token: Token): Fix | undefined {
  const { text } = token;
  if (text.length < 2) return undefined;
  const lastIsDigit = /[0-9]$/.test(text) && !/[0-9]$/.test(text.slice(0, -1));
  const at = lastIsDigit ? text.length - 1 : /^[0-9][^0-9]/.test(text) ? 1 : -1;
  if (at < 0) return undefined;
  return { ...titled(message('separateFrom', text.slice(0, at), text.slice(at))), edits: [{ offset: token.start + at, length: 0, text: ' ' }], preferred: true };
}

/**
 * The repair of malformed joins in a token: stray `_` at the edges go, runs become one `_`, and a
 * `_` next to punctuation (or across a sentence boundary) becomes a space, splitting the token.
 */
export function repairJoinsFix(token: Token, table: MarkTable): Fix | undefined {
  const REPAIR = { edge: '', boundary: ' ', punctuation: ' ', run: '_' } as const;
  const edits: TextEdit[] = joinProblems(token.text, table).map((p) => ({ offset: token.start + p.start, length: p.end - p.start, text: REPAIR[p.kind] }));
  if (edits.length === 0) return undefined;
  return { ...titled(message('repairJoins', token.text)), edits, preferred: true };
}

/** Renders a separator placeholder as a full stop: the likely-sentence-break fix. */
export function sentenceBreakFix(token: Token): Fix {
  return { ...titled(message('endSentenceHere', String(token.digit))), edits: [replaceDigit(token, '.')], preferred: true };
}

/** A fix offered on one token, with the findings on that token it resolves. */
export interface TokenFix {
  readonly fix: Fix;
  /** A quick fix answers a problem or rewrites one placeholder; a rewrite restores a whole span. */
  readonly kind: 'quickfix' | 'rewrite';
  /** The codes of the token's findings this fix resolves (the editor attaches those diagnostics). */
  readonly resolves: readonly FindingCode[];
  /** For a rewrite of the placeholder itself: its index in `placeholderFixes`, to repeat it at other cursors. */
  readonly rewriteIndex?: number;
}

/**
 * Every fix for token `index`, given the codes of the findings on it, in menu order, with the
 * preferred one (what "auto fix" applies) decided here: a problem of the token's own has its own
 * preferred fix, and the plain rewrite of the placeholder to its mark is then only an option.
 * At most one quick fix is preferred.
 */
export function tokenFixes(line: LineAnalysis, index: number, problems: ReadonlySet<FindingCode>): TokenFix[] {
  const { tokens, table } = line;
  const token = tokens[index];
  const out: TokenFix[] = [];
  const quick = (fix: Fix | undefined, resolves: readonly FindingCode[], preferred?: boolean, rewriteIndex?: number): void => {
    if (!fix) return;
    const answered = resolves.filter((c) => problems.has(c));
    out.push({ fix: preferred === undefined ? fix : { ...fix, preferred }, kind: 'quickfix', resolves: answered, ...(rewriteIndex === undefined ? {} : { rewriteIndex }) });
  };
  if (token.digit !== undefined && token.role !== 'unknown') {
    const unmatched = problems.has('unmatched-pair');
    const beforeFinal = problems.has('separator-before-final');
    const glued = problems.has('glued-placeholder');
    const isBreak = problems.has('likely-sentence-break');
    const rewritePreferred = !beforeFinal && !glued && !isBreak;
    const rewrites = placeholderFixes(line, index);
    // A rewrite of an unmatched pair end resolves it too (the mark no longer needs a partner),
    // unless the token is redundant anyway.
    rewrites.forEach((fix, i) => quick(fix, beforeFinal ? [] : ['unmatched-pair'], rewritePreferred ? fix.preferred === true : false, i));
    if (unmatched || (token.role === 'pair' && rewrites.every((f) => f.edits.length === 1))) {
      quick(removeTokenFix(tokens, index, message('removeStray', token.digit)), ['unmatched-pair']);
      quick(closePairFix(line, index), ['unmatched-pair']);
    }
    if (beforeFinal) {
      const title = message('removeRedundant', token.digit);
      // Of a glued `7.` only the digit goes: its marks stay; that fixes both its problems.
      const remove = token.kind === 'glued' ? { ...titled(title), edits: [{ offset: token.start, length: 1, text: '' }] } : removeTokenFix(tokens, index, title);
      quick(remove, ['separator-before-final', 'glued-placeholder'], true);
    }
    const split = splitGluedFix(token);
    quick(split, ['glued-placeholder'], split && beforeFinal ? false : undefined);
    if (isBreak) quick(sentenceBreakFix(token), ['likely-sentence-break']);
    const sentence = restoreSentenceFix(line, index);
    if (sentence) out.push({ fix: sentence, kind: 'rewrite', resolves: [] });
  } else if (token.digit === undefined) {
    const joins = problems.has('malformed-join');
    // A word with both problems: the join repair is the preferred one.
    if (problems.has('glued-placeholder')) quick(splitWordGluedFix(token), ['glued-placeholder'], joins ? false : undefined);
    if (joins) quick(repairJoinsFix(token, table), ['malformed-join']);
  }
  return out;
}
