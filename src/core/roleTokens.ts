// Placeholder colours by the scheme in use: the digits whose role differs from what the grammar assumes, found in a range of a line, and their semantic-token encoding.
import { MarkTable, buildMarkTable, isAsciiDigit, splitMarks } from './marks';
import { DEFAULT_SCHEME, PlaceholderRole, Scheme, placeholderFor } from './scheme';

export type TokenRole = PlaceholderRole | 'unknown';

/**
 * The semantic token types, one per role, in legend order. package.json maps each to the TextMate
 * scope the grammar gives that role, so every theme colours a redefined digit like a default one.
 */
export const ROLE_TOKEN_TYPES = ['placeholderPair', 'placeholderSeparator', 'placeholderNumber', 'placeholderDate', 'placeholderUnknown'] as const;
/** A placeholder glued to punctuation (`7.`): the grammar scopes its digit apart (`….glued.…`). */
export const ROLE_TOKEN_MODIFIERS = ['glued'] as const;

const ROLE_ORDER: readonly TokenRole[] = ['pair', 'separator', 'number', 'date', 'unknown'];

/** One coloured digit: its line, UTF-16 start (the length is always 1), role, and whether punctuation follows it in its token. */
export interface RoleToken {
  readonly line: number;
  readonly start: number;
  readonly role: TokenRole;
  readonly glued: boolean;
}

const SPACE = 0x20;
const TAB = 0x09;
const SLASH = 0x2f;
const isBlank = (c: number): boolean => c === SPACE || c === TAB;

/**
 * Finds the digits the grammar colours wrongly for a scheme. The grammar (syntaxes/) is static: it
 * colours the digits by the default scheme. Where the scheme gives a digit the same role, the
 * grammar's colour is already right, so only the digits whose role differs get a token: with the
 * default scheme nothing is scanned at all, and a request never costs more than one pass over the
 * characters it asks about. Semantic tokens lie on top of the grammar's, so where none is given
 * the grammar's colour stays: the same picture as a token for every digit, for less work.
 */
export class SchemeColouring {
  /** Per digit 0-9: the role to show, or undefined where the grammar already shows it. */
  private readonly shown: Array<TokenRole | undefined> = [];
  private readonly roles: TokenRole[] = [];
  private readonly marks: MarkTable;
  /** Whether any digit differs from the grammar's reading: when not, there is nothing to colour. */
  readonly differs: boolean;

  constructor(scheme: Scheme, grammarScheme: Scheme = DEFAULT_SCHEME) {
    this.marks = buildMarkTable(scheme);
    let differs = false;
    for (let d = 0; d <= 9; d++) {
      const role: TokenRole = placeholderFor(scheme, String(d))?.role ?? 'unknown';
      const grammarRole: TokenRole = placeholderFor(grammarScheme, String(d))?.role ?? 'unknown';
      this.roles.push(role);
      this.shown.push(role === grammarRole ? undefined : role);
      if (role !== grammarRole) differs = true;
    }
    this.differs = differs;
  }

  /**
   * Appends to `out` the tokens of `text` (line number `line`) between `from` and `to`, widened to
   * whole corpus tokens; returns how many characters it looked at. Tokens come in order.
   */
  scanLine(text: string, line: number, from: number, to: number, out: RoleToken[]): number {
    if (!this.differs) return 0;
    let i = Math.max(0, Math.min(from, text.length));
    // Back to the start of the token `from` falls in (not of one that ends right before it).
    if (i < text.length && !isBlank(text.charCodeAt(i))) while (i > 0 && !isBlank(text.charCodeAt(i - 1))) i--;
    const end = Math.min(Math.max(to, i), text.length);
    const started = i;
    while (i < end) {
      const c = text.charCodeAt(i);
      if (isBlank(c)) {
        i++;
        continue;
      }
      const start = i;
      while (i < text.length && !isBlank(text.charCodeAt(i))) i++;
      if (!isAsciiDigit(c)) continue;
      const role = this.shown[c - 0x30];
      if (role === undefined) continue;
      // The tokenizer's reading (tokens.ts): a lone digit, or a digit glued to the scheme's marks.
      const glued = i - start > 1;
      if (glued && !splitMarks(this.marks, text, start + 1, i)) continue;
      // A digit the scheme lacks between a number and a slash (`23 / 5 / 2024`) is part of a date,
      // which `segcorpus check` does not report: not coloured as unknown either.
      if (role === 'unknown' && !glued && this.inNumberWithSlashes(text, start)) continue;
      out.push({ line, start, role, glued });
    }
    return i - started;
  }

  /** As check.ts: a slash on one side of the lone digit at `at`, and beyond it a number or a number-like placeholder. */
  private inNumberWithSlashes(text: string, at: number): boolean {
    const before = tokenBefore(text, at);
    if (before && isSlash(text, before) && this.isNumberLike(text, tokenBefore(text, before.start))) return true;
    const after = tokenAfter(text, at + 1);
    return !!after && isSlash(text, after) && this.isNumberLike(text, tokenAfter(text, after.end));
  }

  private isNumberLike(text: string, span: Span | undefined): boolean {
    if (!span) return false;
    if (span.end - span.start === 1 && isAsciiDigit(text.charCodeAt(span.start))) {
      const role = this.roles[text.charCodeAt(span.start) - 0x30];
      return role !== 'pair' && role !== 'separator';
    }
    return /^[0-9]+(?:[.,][0-9]+)*$/.test(text.slice(span.start, span.end));
  }
}

interface Span {
  readonly start: number;
  readonly end: number;
}

function isSlash(text: string, span: Span): boolean {
  return span.end - span.start === 1 && text.charCodeAt(span.start) === SLASH;
}

/** The token that ends before `at` (a token start or a blank). */
function tokenBefore(text: string, at: number): Span | undefined {
  let end = at;
  while (end > 0 && isBlank(text.charCodeAt(end - 1))) end--;
  if (end === 0) return undefined;
  let start = end;
  while (start > 0 && !isBlank(text.charCodeAt(start - 1))) start--;
  return { start, end };
}

/** The token that starts at or after `at` (a token end or a blank). */
function tokenAfter(text: string, at: number): Span | undefined {
  let start = at;
  while (start < text.length && isBlank(text.charCodeAt(start))) start++;
  if (start === text.length) return undefined;
  let end = start;
  while (end < text.length && !isBlank(text.charCodeAt(end))) end++;
  return { start, end };
}

/**
 * The semantic-token wire format: five integers per token, its line and start relative to the
 * token before (the start only when on the same line), its length, type and modifier bits.
 */
export function encodeRoleTokens(tokens: readonly RoleToken[]): Uint32Array {
  const data = new Uint32Array(tokens.length * 5);
  let line = 0;
  let start = 0;
  tokens.forEach((token, k) => {
    const deltaLine = token.line - line;
    data[k * 5] = deltaLine;
    data[k * 5 + 1] = deltaLine === 0 ? token.start - start : token.start;
    data[k * 5 + 2] = 1;
    data[k * 5 + 3] = ROLE_ORDER.indexOf(token.role);
    data[k * 5 + 4] = token.glued ? 1 : 0;
    line = token.line;
    start = token.start;
  });
  return data;
}

/** Reads the wire format back, as the editor does. */
export function decodeRoleTokens(data: Uint32Array): Array<RoleToken & { readonly length: number }> {
  const tokens: Array<RoleToken & { readonly length: number }> = [];
  let line = 0;
  let start = 0;
  for (let k = 0; k + 4 < data.length; k += 5) {
    line += data[k];
    start = data[k] === 0 ? start + data[k + 1] : data[k + 1];
    tokens.push({ line, start, length: data[k + 2], role: ROLE_ORDER[data[k + 3]], glued: (data[k + 4] & 1) === 1 });
  }
  return tokens;
}
