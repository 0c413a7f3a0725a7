// Normalize: from a segmented line with placeholders to clean running Vietnamese text.
import { Attach, MarkTable, buildMarkTable, isAsciiDigit, splitMarks } from './marks';
import { Scheme, placeholderFor } from './scheme';
import { ToneStyle, applyToneStyle } from './tone';
import { ENDS_WITH_DIGIT, PieceSink, STARTS_WITH_DIGIT, Typesetter } from './typesetter';
import { splitLines, tokenBounds } from './lines';

const UNDERSCORE = 0x5f;

export interface NormalizeOptions {
  /** Join the syllables of a word with spaces (`Chủ_tịch` → `Chủ tịch`); false keeps the underscores. */
  readonly joinSyllables: boolean;
  /** How a number placeholder is written: `{digit}` stands for the placeholder digit; empty drops it. */
  readonly numberPlaceholder: string;
  /** How a date placeholder is written, likewise. */
  readonly datePlaceholder: string;
  /** Compose the text to NFC first; 'keep' leaves the Unicode form as it is. */
  readonly unicode: 'keep' | 'nfc';
  /** Move tone marks in open oa/oe/uy syllables; 'keep' leaves them. */
  readonly toneStyle: ToneStyle;
  /**
   * A separator that ends a line (no sentence-final mark after it): 'keep' writes its mark, 'drop'
   * leaves it out. Real prose ends paragraphs with colons before lists, so the default keeps it.
   */
  readonly separatorAtLineEnd: 'keep' | 'drop';
  /** The marks pair placeholders are written with: the scheme's, or one style for every pair. */
  readonly quoteMarks: QuoteMarks;
  /**
   * End the sentence at likely breaks (a separator before a capitalised word the document usually
   * writes in lower case). Needs the document's break words: see withBreakWords and BreakWords.
   */
  readonly inferSentenceBreaks: boolean;
}

export type QuoteMarks = 'scheme' | 'curly' | 'straight' | 'guillemets';

const QUOTE_MARKS: Record<Exclude<QuoteMarks, 'scheme'>, readonly [string, string]> = {
  curly: ['“', '”'],
  straight: ['"', '"'],
  guillemets: ['«', '»'],
};

export const DEFAULT_NORMALIZE_OPTIONS: NormalizeOptions = {
  joinSyllables: true,
  numberPlaceholder: '{digit}',
  datePlaceholder: '{digit}',
  unicode: 'keep',
  toneStyle: 'keep',
  separatorAtLineEnd: 'keep',
  quoteMarks: 'scheme',
  inferSentenceBreaks: false,
};

/** What a placeholder digit becomes in normalized text, decided once per scheme and options. */
export interface DigitPlan {
  /** Attach.None for a word-like rendering (number, date, unknown), Attach.Separator, or Attach.Open for a pair. */
  readonly kind: Attach;
  /** Separator mark or rendered word; for a pair, the open mark. */
  readonly text: string;
  /** For a pair, the close mark. */
  readonly close: string;
  readonly digitEdges: number;
}

/** Everything normalize needs, computed once and reused for every line. */
export interface NormalizePlan {
  readonly options: NormalizeOptions;
  readonly marks: MarkTable;
  /** Indexed by digit 0-9. */
  readonly digits: readonly DigitPlan[];
  /** Whether lines must be decoded and transformed before the rules run (NFC, tone style). */
  readonly transformsText: boolean;
  /**
   * Words before which a separator placeholder ends the sentence instead (rendered `.`): the
   * document's likely sentence breaks (see BreakWords in check.ts). Undefined: no inference.
   */
  readonly breakWords?: ReadonlySet<string>;
}

/** The plan with sentence-break inference for one document's break words. */
export function withBreakWords(plan: NormalizePlan, words: Iterable<string>): NormalizePlan {
  return { ...plan, breakWords: new Set(words) };
}

// The sink's reference for the full stop an inferred sentence break writes.
const FULL_STOP_REF = -1000;

/** A settings problem, named by its key as in SchemeProblem. */
export interface OptionProblem {
  readonly key: string;
  readonly message: string;
}

const CHOICES: Partial<Record<keyof NormalizeOptions, readonly string[]>> = {
  unicode: ['keep', 'nfc'],
  toneStyle: ['keep', 'old', 'new'],
  separatorAtLineEnd: ['keep', 'drop'],
  quoteMarks: ['scheme', 'curly', 'straight', 'guillemets'],
};

/**
 * Reads normalize options from untrusted settings: known keys with valid values are taken, anything
 * else is reported (and left at its default). `prefix` names the keys in the problems.
 */
export function readNormalizeOptions(raw: Readonly<Record<string, unknown>>, prefix = ''): { options: Partial<NormalizeOptions>; problems: OptionProblem[] } {
  const options: Record<string, unknown> = {};
  const problems: OptionProblem[] = [];
  for (const key of Object.keys(DEFAULT_NORMALIZE_OPTIONS) as Array<keyof NormalizeOptions>) {
    const value = raw[key];
    if (value === undefined || value === null) continue;
    const expected = typeof DEFAULT_NORMALIZE_OPTIONS[key];
    const choices = CHOICES[key];
    if (typeof value !== expected) {
      problems.push({ key: prefix + key, message: `${JSON.stringify(value)} is not a ${expected}` });
    } else if (choices && !choices.includes(value as string)) {
      problems.push({ key: prefix + key, message: `${JSON.stringify(value)} is not one of ${choices.join(', ')}` });
    } else {
      options[key] = value;
    }
  }
  return { options: options as Partial<NormalizeOptions>, problems };
}

export function digitEdgesOf(text: string): number {
  if (text.length === 0) return 0;
  return (isAsciiDigit(text.charCodeAt(0)) ? STARTS_WITH_DIGIT : 0) | (isAsciiDigit(text.charCodeAt(text.length - 1)) ? ENDS_WITH_DIGIT : 0);
}

export function planNormalize(scheme: Scheme, options: Partial<NormalizeOptions> = {}): NormalizePlan {
  const full: NormalizeOptions = { ...DEFAULT_NORMALIZE_OPTIONS, ...options };
  const digits: DigitPlan[] = [];
  for (let d = 0; d <= 9; d++) {
    const digit = String(d);
    const placeholder = placeholderFor(scheme, digit);
    let plan: DigitPlan;
    if (placeholder?.role === 'pair') {
      const [open, close] = full.quoteMarks === 'scheme' ? [placeholder.marks.open, placeholder.marks.close] : QUOTE_MARKS[full.quoteMarks];
      plan = { kind: Attach.Open, text: open, close, digitEdges: 0 };
    } else if (placeholder?.role === 'separator') {
      plan = { kind: Attach.Separator, text: placeholder.mark, close: '', digitEdges: 0 };
    } else {
      const template = placeholder?.role === 'number' ? full.numberPlaceholder : placeholder?.role === 'date' ? full.datePlaceholder : '{digit}';
      const text = template.split('{digit}').join(digit);
      plan = { kind: Attach.None, text, close: '', digitEdges: digitEdgesOf(text) };
    }
    digits.push(plan);
  }
  return {
    options: full,
    marks: buildMarkTable(scheme),
    digits,
    transformsText: full.unicode === 'nfc' || full.toneStyle !== 'keep',
  };
}

/** The Unicode transforms that run before the rules, when the options ask for them. */
export function transformText(text: string, plan: NormalizePlan): string {
  let out = text;
  if (plan.options.unicode === 'nfc') out = out.normalize('NFC');
  if (plan.options.toneStyle !== 'keep') out = applyToneStyle(out, plan.options.toneStyle);
  return out;
}

/** A word as normalize writes it: with joining on, underscore runs become one space and edge runs go. */
export function joinWord(word: string, joinSyllables: boolean): string {
  return joinSyllables ? word.replace(/^_+|_+$/g, '').replace(/_+/g, ' ') : word;
}

/** Indexes of the first and last token to normalize, as in SentenceSpan. */
export interface TokenRange {
  readonly first: number;
  readonly last: number;
}

const NO_OUTPUT: PieceSink = { space: () => undefined, put: () => undefined };

/** One source token's place in the normalized line: used to bold the hovered word. */
export interface MappedToken {
  /** Offsets of the token in the source line. */
  readonly sourceStart: number;
  readonly sourceEnd: number;
  /** Offsets of what it became in the output; equal when the token was dropped. */
  readonly outStart: number;
  readonly outEnd: number;
}

export interface NormalizedLine {
  readonly text: string;
  readonly tokens: readonly MappedToken[];
}

// Mark ids in the sink: a placeholder's rendering is referenced as -(2 * digit + 1) for the open or
// word text and -(2 * digit + 2) for the close mark, so `b < 0` tells a rendering from a source range.
function openRef(digit: number): number {
  return -(2 * digit + 1);
}
function closeRef(digit: number): number {
  return -(2 * digit + 2);
}

class StringSink implements PieceSink {
  readonly parts: string[] = [];
  private length = 0;
  /** Token index of each source offset a piece can be referenced by. */
  readonly owner = new Map<number, number>();
  /** Output range of each token index that produced output. */
  readonly ranges = new Map<number, [number, number]>();

  constructor(
    private readonly plan: NormalizePlan,
    private readonly line: string,
  ) {}

  space(): void {
    this.parts.push(' ');
    this.length += 1;
  }

  put(kind: Attach, a: number, b: number): void {
    let text: string;
    if (b === FULL_STOP_REF) {
      text = '.';
    } else if (b < 0) {
      const ref = -b - 1;
      const digit = this.plan.digits[ref >> 1];
      text = (ref & 1) === 0 ? digit.text : digit.close;
    } else {
      text = this.line.slice(a, b);
      if (kind === Attach.None) text = joinWord(text, this.plan.options.joinSyllables);
    }
    const token = this.owner.get(a) ?? -1;
    const start = this.length;
    this.parts.push(text);
    this.length += text.length;
    const range = this.ranges.get(token);
    if (range) range[1] = this.length;
    else this.ranges.set(token, [start, this.length]);
  }
}

/**
 * Normalizes one line (no line break in it), with the same rules, byte for byte, as the streaming
 * normalizer in byteNormalizer.ts, and tells where each source token went.
 */
export function normalizeLineMapped(line: string, plan: NormalizePlan, range?: TokenRange): NormalizedLine {
  // The transforms never touch white space, so the transformed line has the same tokens in the same order.
  const source = plan.transformsText ? transformText(line, plan) : line;
  const sink = new StringSink(plan, source);
  const typesetter = new Typesetter(sink, plan.options.separatorAtLineEnd === 'keep');
  typesetter.startLine();
  const pairSeen = new Uint8Array(11); // per digit, and index 10 for the straight quote
  const all = tokenBounds(source);
  const from = range ? Math.max(0, range.first) : 0;
  const to = range ? Math.min(all.length - 1, range.last) : all.length - 1;
  if (from > 0) {
    // Tokens before the range only tell which pairs are open: run them through a typesetter that writes nothing.
    const silent = new Typesetter(NO_OUTPUT);
    silent.startLine();
    for (let index = 0; index < from; index++) pushToken(source, all[index][0], all[index][1], index, plan, silent, pairSeen, undefined, false);
  }
  const breaks = plan.breakWords;
  for (let index = from; index <= to; index++) {
    const [start, end] = all[index];
    // A lone separator placeholder before a break word ends the sentence.
    const breakHere = breaks !== undefined && end - start === 1 && index + 1 < all.length && breaks.has(source.slice(all[index + 1][0], all[index + 1][1]));
    pushToken(source, start, end, index, plan, typesetter, pairSeen, sink.owner, breakHere);
  }
  typesetter.endLine();
  const bounds = all.slice(from, to + 1);
  const original = source === line ? bounds : tokenBounds(line).slice(from, to + 1);
  let last = 0;
  const tokens = original.map(([sourceStart, sourceEnd], i): MappedToken => {
    const index = from + i;
    const range = sink.ranges.get(index);
    if (range) last = range[1];
    return { sourceStart, sourceEnd, outStart: range ? range[0] : last, outEnd: range ? range[1] : last };
  });
  return { text: sink.parts.join(''), tokens };
}

/**
 * Which pair placeholders of a line open and which close, keyed by their UTF-16 offset: the
 * normalizer's own decisions (see pairCloses), so restore, check and hover agree with it. Takes
 * the line as tokens (each token's text at its offset).
 */
export function pairSidesOfTokens(tokens: ReadonlyArray<{ readonly text: string; readonly start: number }>, plan: NormalizePlan): Map<number, 'open' | 'close'> {
  const sides = new Map<number, 'open' | 'close'>();
  const typesetter = new Typesetter(NO_OUTPUT, plan.options.separatorAtLineEnd === 'keep');
  typesetter.startLine();
  const pairSeen = new Uint8Array(11);
  // Each token is pushed as a line of its own text: its pair digit, if any, is at offset 0 there.
  const own = new Map<number, 'open' | 'close'>();
  tokens.forEach((token, index) => {
    pushToken(token.text, 0, token.text.length, index, plan, typesetter, pairSeen, undefined, false, own);
    const side = own.get(0);
    if (side !== undefined) {
      sides.set(token.start, side);
      own.clear();
    }
  });
  return sides;
}

function pushToken(
  line: string,
  start: number,
  end: number,
  index: number,
  plan: NormalizePlan,
  typesetter: Typesetter,
  pairSeen: Uint8Array,
  owner: Map<number, number> | undefined,
  breakHere: boolean,
  sides?: Map<number, 'open' | 'close'>,
): void {
  owner?.set(start, index);
  if (breakHere && plan.digits[line.charCodeAt(start) - 0x30]?.kind === Attach.Separator) {
    typesetter.push(Attach.Final, start, FULL_STOP_REF, 0);
    return;
  }
  const first = line.charCodeAt(start);
  if (isAsciiDigit(first)) {
    const cuts = end - start === 1 ? [] : splitMarks(plan.marks, line, start + 1, end);
    if (cuts) {
      pushDigit(first - 0x30, start, plan, typesetter, pairSeen, sides);
      pushMarks(line, start + 1, cuts, plan, typesetter, pairSeen, owner, index);
      return;
    }
  } else {
    const cuts = splitMarks(plan.marks, line, start, end);
    if (cuts) {
      pushMarks(line, start, cuts, plan, typesetter, pairSeen, owner, index);
      return;
    }
  }
  // What the word's edges are once its syllables are joined (edge underscores go): no string is built.
  let from = start;
  let to = end - 1;
  if (plan.options.joinSyllables) {
    while (from <= to && line.charCodeAt(from) === UNDERSCORE) from++;
    while (to >= from && line.charCodeAt(to) === UNDERSCORE) to--;
    if (from > to) return;
  }
  const edges = (isAsciiDigit(line.charCodeAt(from)) ? STARTS_WITH_DIGIT : 0) | (isAsciiDigit(line.charCodeAt(to)) ? ENDS_WITH_DIGIT : 0);
  typesetter.push(Attach.None, start, end, edges);
}

/**
 * Whether the pair mark of `slot` (a digit, or 10 for the straight quote) closes here, counting the
 * open ones: it opens where the typesetter says a pair must open (line start, after a separator or
 * an opener: nesting), and otherwise closes the innermost open one, or opens when none is.
 * The byte front ends (byteNormalizer.ts, wasm/normalize.as) decide the same way.
 */
export function pairCloses(open: Uint8Array, slot: number, typesetter: Typesetter): boolean {
  const count = open[slot];
  const closing = count > 0 && !typesetter.pairOpensHere;
  open[slot] = closing ? count - 1 : count + 1;
  return closing;
}

function pushDigit(digit: number, at: number, plan: NormalizePlan, typesetter: Typesetter, pairSeen: Uint8Array, sides?: Map<number, 'open' | 'close'>): void {
  const d = plan.digits[digit];
  if (d.kind === Attach.Open) {
    const closing = pairCloses(pairSeen, digit, typesetter);
    sides?.set(at, closing ? 'close' : 'open');
    typesetter.push(closing ? Attach.Close : Attach.Open, at, closing ? closeRef(digit) : openRef(digit), 0);
  } else if (d.kind === Attach.Separator) {
    typesetter.push(Attach.Separator, at, openRef(digit), 0);
  } else if (d.text.length > 0) {
    typesetter.push(Attach.None, at, openRef(digit), d.digitEdges);
  }
}

function pushMarks(
  line: string,
  from: number,
  cuts: number[],
  plan: NormalizePlan,
  typesetter: Typesetter,
  pairSeen: Uint8Array,
  owner: Map<number, number> | undefined,
  index: number,
): void {
  let s = from;
  for (const e of cuts) {
    owner?.set(s, index);
    let cls = plan.marks.classes.get(line.slice(s, e)) as Attach;
    if (cls === Attach.Straight) cls = pairCloses(pairSeen, 10, typesetter) ? Attach.Close : Attach.Open;
    typesetter.push(cls, s, e, 0);
    s = e;
  }
}

export function normalizeLine(line: string, plan: NormalizePlan): string {
  return normalizeLineMapped(line, plan).text;
}

/**
 * Normalizes a whole text: every line on its own, line breaks (LF, CRLF, CR) kept as they are, and a
 * leading byte order mark kept.
 */
export function normalizeText(text: string, plan: NormalizePlan): string {
  const bom = text.charCodeAt(0) === 0xfeff ? '\ufeff' : '';
  const out: string[] = [bom];
  let previousEnding = '';
  for (const { text: line, ending } of splitLines(bom ? text.slice(1) : text)) {
    let normalized = normalizeLine(line, plan);
    // A line emptied between a lone CR and an LF would merge the two breaks into one CRLF: keep a space.
    if (normalized === '' && line !== '' && previousEnding === '\r' && ending.startsWith('\n')) normalized = ' ';
    out.push(normalized, ending);
    previousEnding = ending;
  }
  return out.join('');
}
