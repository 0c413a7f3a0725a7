// Problems in a corpus line: the rules behind `segcorpus check` and the editor's diagnostics.
import { Attach, MarkTable, buildMarkTable, isAsciiDigit } from './marks';
import { pairPlaceholders } from './pairs';
import type { NormalizePlan } from './normalize';
import { Message, message, messageText } from './messages';
import { Scheme } from './scheme';
import { SentenceSpan, sentenceOfToken, sentenceSpans } from './sentences';
import { Token } from './tokens';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export type FindingCode =
  | 'unmatched-pair'
  | 'unknown-placeholder'
  | 'glued-placeholder'
  | 'separator-before-final'
  | 'malformed-join'
  | 'likely-sentence-break'
  | 'inconsistent-segmentation';

export const FINDING_CODES: readonly FindingCode[] = [
  'unmatched-pair',
  'unknown-placeholder',
  'glued-placeholder',
  'separator-before-final',
  'malformed-join',
  'likely-sentence-break',
  'inconsistent-segmentation',
];

export interface Finding {
  readonly code: FindingCode;
  readonly severity: Severity;
  /** UTF-16 offsets in the line. */
  readonly start: number;
  readonly end: number;
  /** In English: what the CLI prints. */
  readonly message: string;
  /** The same as a message id and arguments, for the editor to translate; the CLI's byte screen leaves it out. */
  readonly l10n?: Message;
  /** The token the finding is about. */
  readonly tokenIndex: number;
}

/** A rule's severity, or 'off'. */
export type RuleSetting = Severity | 'off';

export const DEFAULT_SEVERITIES: Readonly<Record<FindingCode, RuleSetting>> = {
  'unmatched-pair': 'error',
  'unknown-placeholder': 'warning',
  'glued-placeholder': 'warning',
  'separator-before-final': 'information',
  'malformed-join': 'warning',
  'likely-sentence-break': 'hint',
  // Counted over a whole corpus by core/variations.ts, not by the line checker.
  'inconsistent-segmentation': 'information',
};

/**
 * A separator placeholder followed by a capitalised word: a sentence break if the word is usually
 * written in lower case (see WordStats). `word` is the word as written.
 */
export interface BreakCandidate {
  readonly tokenIndex: number;
  readonly start: number;
  readonly end: number;
  readonly word: string;
}

export interface LineCheck {
  readonly findings: Finding[];
  readonly candidates: BreakCandidate[];
}

const UPPER_START = /^\p{Lu}/u;
const NO_PAIRS: ReturnType<typeof pairPlaceholders> = new Map();
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function isWord(token: Token): boolean {
  return token.kind === 'word' || token.kind === 'compound';
}

/** Letters and digits, as the join check sees them: ASCII ones and anything from U+00C0 on but marks. */
function isJoinable(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
  return c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && (c < 0x2000 || c > 0x206f);
}

// The common case, quickly: every "_" stands alone between two joinable characters.
function wellJoined(text: string): boolean {
  for (let p = text.indexOf('_'); p >= 0; p = text.indexOf('_', p + 1)) {
    if (p === 0 || p === text.length - 1 || !isJoinable(text.charCodeAt(p - 1)) || !isJoinable(text.charCodeAt(p + 1))) return false;
  }
  return true;
}

/** A number, or a digit that stands for one (number, date, or no role): what a date like `23 / 5 / 2024` is made of. */
function isNumberLike(token: Token | undefined): boolean {
  if (!token) return false;
  return token.kind === 'number' || (token.kind === 'placeholder' && token.role !== 'pair' && token.role !== 'separator');
}

/**
 * Whether the lone digit at `index` is a number between slashes (`23 / 5 / 2024`, `5 / 2024`):
 * a date or a fraction written with spaces, not a placeholder the scheme lacks.
 */
function inNumberWithSlashes(tokens: readonly Token[], index: number): boolean {
  if (tokens[index].kind !== 'placeholder') return false;
  const slash = (t: Token | undefined): boolean => t?.text === '/';
  return (slash(tokens[index - 1]) && isNumberLike(tokens[index - 2])) || (slash(tokens[index + 1]) && isNumberLike(tokens[index + 2]));
}

/** A run of "_" in a token that does not join two syllables, and why. */
export interface JoinProblem {
  /** Offsets of the run in the token. */
  readonly start: number;
  readonly end: number;
  /** edge: at the token's start or end; boundary: after sentence-final punctuation, before a capital; punctuation: next to a mark; run: more than one "_". */
  readonly kind: 'edge' | 'boundary' | 'punctuation' | 'run';
}

/** The malformed joins of a token: what the check reports and the repair fixes, from one reading. */
export function joinProblems(text: string, table: MarkTable): JoinProblem[] {
  const problems: JoinProblem[] = [];
  const runs = /_+/g;
  for (let m = runs.exec(text); m; m = runs.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const before = start > 0 ? text[start - 1] : '';
    const after = end < text.length ? text[end] : '';
    if (!before || !after) problems.push({ start, end, kind: 'edge' });
    else if (table.classes.get(before) === Attach.Final && UPPER_START.test(after)) problems.push({ start, end, kind: 'boundary' });
    else if (table.classes.has(before) || table.classes.has(after) || !LETTER_OR_DIGIT.test(before) || !LETTER_OR_DIGIT.test(after)) problems.push({ start, end, kind: 'punctuation' });
    else if (end - start > 1) problems.push({ start, end, kind: 'run' });
  }
  return problems;
}

/** Checks lines against a scheme; reuse one for a whole document. */
export class LineChecker {
  private readonly marks: MarkTable;

  constructor(
    private readonly scheme: Scheme,
    private readonly severities: Readonly<Record<FindingCode, RuleSetting>> = DEFAULT_SEVERITIES,
    /** The normalize plan in use, so pairs read as normalize writes them (default: the scheme's). */
    private readonly plan?: NormalizePlan,
  ) {
    this.marks = buildMarkTable(scheme);
  }

  /** The findings of a line, and its sentence-break candidates (turned into findings by `breakFindings`). */
  check(tokens: readonly Token[]): LineCheck {
    const findings: Finding[] = [];
    const candidates: BreakCandidate[] = [];
    const add = (code: FindingCode, tokenIndex: number, start: number, end: number, l10n: Message): void => {
      const severity = this.severities[code];
      if (severity !== 'off') findings.push({ code, severity, start, end, message: messageText(l10n), l10n, tokenIndex });
    };
    const pairs = tokens.some((t) => t.role === 'pair') ? pairPlaceholders(tokens, this.plan ?? this.scheme) : NO_PAIRS;
    let spans: SentenceSpan[] | undefined;
    tokens.forEach((token, index) => {
      const { start, end, text } = token;
      if (token.digit !== undefined) {
        if (token.role === 'unknown' && !inNumberWithSlashes(tokens, index)) {
          add('unknown-placeholder', index, start, start + 1, message('unknownPlaceholder', token.digit));
        }
        if (token.kind === 'glued') {
          add('glued-placeholder', index, start, end, message('gluedPlaceholder', token.digit, text.slice(1)));
        }
        const link = pairs.get(index);
        if (link && link.partner === undefined) {
          spans ??= sentenceSpans(tokens, this.scheme, this.marks);
          const sentence = sentenceOfToken(spans, index);
          // Say where the would-be partner is missing when the sentence ends before the line does.
          const said = sentence && sentence.lastToken < tokens.length - 1 ? message('unmatchedPairSentenceEnds', token.digit, sentence.end) : message('unmatchedPair', token.digit);
          add('unmatched-pair', index, start, start + 1, said);
        }
        const inRun = index > 0 && tokens[index - 1].kind === 'placeholder' && tokens[index - 1].role === 'separator';
        if (token.role === 'separator' && !inRun && this.beforeFinal(tokens, index, pairs)) {
          add('separator-before-final', index, start, start + 1, message('separatorBeforeFinal', token.digit));
        }
        if (token.role === 'separator' && token.kind === 'placeholder') {
          const next = tokens[index + 1];
          if (next && isWord(next) && UPPER_START.test(next.text)) candidates.push({ tokenIndex: index, start, end, word: next.text });
        }
        return;
      }
      if (token.kind !== 'punctuation') this.gluedToWord(token, index, add);
      if (token.kind === 'compound' || (token.kind === 'other' && text.includes('_'))) this.malformedJoins(token, index, add);
    });
    return { findings, candidates };
  }

  // `x7`, `7x`: a pair or separator placeholder written onto a word (numbers like `G7` can be turned off).
  private gluedToWord(token: Token, index: number, add: (code: FindingCode, i: number, s: number, e: number, m: Message) => void): void {
    const { text, start, end } = token;
    if (text.length < 2 || token.kind === 'number') return;
    const glued = (digitAt: number, neighbourAt: number): boolean => {
      const code = text.charCodeAt(digitAt);
      if (!isAsciiDigit(code) || isAsciiDigit(text.charCodeAt(neighbourAt))) return false;
      const role = this.scheme.placeholders[text[digitAt]]?.role;
      return role === 'pair' || role === 'separator';
    };
    if (glued(text.length - 1, text.length - 2)) {
      add('glued-placeholder', index, start, end, message('gluedPlaceholder', text[text.length - 1], text.slice(0, -1)));
    } else if (glued(0, 1)) {
      add('glued-placeholder', index, start, end, message('gluedPlaceholder', text[0], text.slice(1)));
    }
  }

  private malformedJoins(token: Token, index: number, add: (code: FindingCode, i: number, s: number, e: number, m: Message) => void): void {
    const { text, start } = token;
    if (wellJoined(text)) return;
    for (const bad of joinProblems(text, this.marks)) {
      const seen = `'${text.slice(Math.max(0, bad.start - 1), bad.end + 1)}'`;
      const problem = {
        edge: () => message(bad.start === 0 ? 'joinAtStart' : 'joinAtEnd'),
        boundary: () => message('joinAcrossBoundary', seen),
        punctuation: () => message('joinNextToPunctuation', seen),
        run: () => message('joinRun', text.slice(bad.start, bad.end)),
      }[bad.kind]();
      add('malformed-join', index, start + bad.start, start + bad.end, problem);
    }
  }

  /** Whether the separator at `index` comes right before sentence-final punctuation (closing marks between allowed). */
  private beforeFinal(tokens: readonly Token[], index: number, pairs: ReturnType<typeof pairPlaceholders>): boolean {
    const own = tokens[index];
    if (own.kind === 'glued') return this.marks.classes.get(own.text[1]) === Attach.Final;
    for (let i = index + 1; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.kind === 'placeholder' && t.role === 'separator') continue; // a run: the first is the one reported
      if (t.kind === 'placeholder' && pairs.get(i)?.side === 'close') continue;
      if (t.kind === 'glued' && t.role === 'pair' && pairs.get(i)?.side === 'close') return this.marks.classes.get(t.text[1]) === Attach.Final;
      if (t.kind !== 'punctuation') return false;
      const first = this.marks.classes.get(t.text[0]);
      if (first === Attach.Final) return true;
      if (first !== Attach.Close) return false;
    }
    return false;
  }

  /** The likely-sentence-break findings among `candidates`, by the document's word statistics. */
  breakFindings(candidates: readonly BreakCandidate[], stats: WordStats): Finding[] {
    const severity = this.severities['likely-sentence-break'];
    if (severity === 'off') return [];
    return candidates
      .filter((c) => stats.isLikelyBreak(c.word))
      .map((c) => {
        const l10n = message('likelySentenceBreak', c.word, c.word.toLowerCase());
        return {
        code: 'likely-sentence-break' as const,
        severity,
        start: c.start,
        end: c.end,
        tokenIndex: c.tokenIndex,
        message: messageText(l10n),
        l10n,
        };
      });
  }
}

/** The UTF-16 units below this are looked up in a table by isLowerCase (Latin, Greek, Cyrillic and more); the others are lower-cased. */
const LOWER_TABLE_END = 0x2000;
/** Per UTF-16 unit below LOWER_TABLE_END: 1 when lower-casing changes it. Made on first use (a few ms). */
let changedWhenLowered: Uint8Array | undefined;

/**
 * Whether `text.toLowerCase() === text`. A text is left as it is by lower-casing exactly when each
 * of its characters is (only capitals change, whatever surrounds them), so its units are looked up
 * one by one; a unit past the table's range sends the whole text through toLowerCase().
 */
export function isLowerCase(text: string): boolean {
  if (changedWhenLowered === undefined) {
    changedWhenLowered = new Uint8Array(LOWER_TABLE_END);
    for (let c = 0; c < LOWER_TABLE_END; c++) {
      const unit = String.fromCharCode(c);
      changedWhenLowered[c] = unit.toLowerCase() === unit ? 0 : 1;
    }
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= LOWER_TABLE_END) return text.toLowerCase() === text;
    if (changedWhenLowered[c] === 1) return false;
  }
  return true;
}

/**
 * How often each word is written in lower case, and capitalised in the middle of a clause (after
 * another word). A capitalised word after a separator whose lower-case form is the more frequent
 * starts a sentence: `TP 7 Theo đồng_chí` (theo is lower case elsewhere), not `7 Sở_Nội_vụ`.
 */
export class WordStats {
  private readonly lower = new Map<string, { n: number }>();
  private readonly capitalMid = new Map<string, number>();

  addLine(tokens: readonly Token[]): void {
    let previousIsWord = false;
    for (const token of tokens) {
      const word = isWord(token);
      if (word) {
        const text = token.text;
        // Most words are in lower case: told without making a lower-case copy of each.
        if (isLowerCase(text)) {
          // One look-up for a word seen before (most are): its count is held in an object.
          const seen = this.lower.get(text);
          if (seen !== undefined) seen.n++;
          else this.lower.set(text, { n: 1 });
        }
        else if (previousIsWord && UPPER_START.test(text)) {
          const lower = text.toLowerCase();
          this.capitalMid.set(lower, (this.capitalMid.get(lower) ?? 0) + 1);
        }
      }
      previousIsWord = word;
    }
  }

  isLikelyBreak(word: string): boolean {
    const key = word.toLowerCase();
    if (key === word) return false;
    const lower = this.lower.get(key)?.n ?? 0;
    return lower > 0 && lower > (this.capitalMid.get(key) ?? 0);
  }
}

/** The whole check of a line, sentence-break hints included. */
export function checkLine(tokens: readonly Token[], checker: LineChecker, stats?: WordStats): Finding[] {
  const { findings, candidates } = checker.check(tokens);
  if (!stats || candidates.length === 0) return findings;
  return [...findings, ...checker.breakFindings(candidates, stats)].sort((a, b) => a.start - b.start);
}

/**
 * The likely sentence breaks of a document, from one pass over its lines: the capitalised words
 * after separator placeholders that the document usually writes in lower case. Normalize renders
 * the separator before them as a full stop when asked (inferSentenceBreaks).
 */
export class BreakWords {
  private readonly stats = new WordStats();
  private readonly candidates = new Set<string>();

  addLine(tokens: readonly Token[]): void {
    this.stats.addLine(tokens);
    for (let i = 0; i + 1 < tokens.length; i++) {
      const t = tokens[i];
      const next = tokens[i + 1];
      if (t.kind === 'placeholder' && t.role === 'separator' && isWord(next) && UPPER_START.test(next.text)) this.candidates.add(next.text);
    }
  }

  words(): string[] {
    return [...this.candidates].filter((w) => this.stats.isLikelyBreak(w)).sort();
  }
}
