// Normalize: from a segmented line with placeholders to clean running Vietnamese text.
import { Attach, MarkTable, buildMarkTable, isAsciiDigit, splitMarks } from './marks';
import { Scheme, placeholderFor } from './scheme';
import { ToneStyle, applyToneStyle } from './tone';
import { ENDS_WITH_DIGIT, STARTS_WITH_DIGIT, STRAIGHT_SLOT, Typesetter, defaultAttach } from './typesetter';
import { splitLines, tokenBounds } from './lines';
import { decoder, encoder } from './byteText';

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
  /** The typesetter's flags of `text`: the digit edges of a word, how a mark attaches. */
  readonly flags: number;
  /** For a pair, the flags of the close mark. */
  readonly closeFlags: number;
}

/** Everything normalize needs, computed once and reused for every line. */
export interface NormalizePlan {
  readonly scheme: Scheme;
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
  const marks = buildMarkTable(scheme);
  // A rendering attaches as the mark it writes does (a quote style's marks are in the table too).
  const flagsOf = (mark: string, cls: Attach): number => marks.flags.get(mark) ?? defaultAttach(cls);
  const digits: DigitPlan[] = [];
  for (let d = 0; d <= 9; d++) {
    const digit = String(d);
    const placeholder = placeholderFor(scheme, digit);
    let plan: DigitPlan;
    if (placeholder?.role === 'pair') {
      const [open, close] = full.quoteMarks === 'scheme' ? [placeholder.marks.open, placeholder.marks.close] : QUOTE_MARKS[full.quoteMarks];
      plan = { kind: Attach.Open, text: open, close, flags: flagsOf(open, open === close ? Attach.Straight : Attach.Open), closeFlags: flagsOf(close, open === close ? Attach.Straight : Attach.Close) };
    } else if (placeholder?.role === 'separator') {
      plan = { kind: Attach.Separator, text: placeholder.mark, close: '', flags: flagsOf(placeholder.mark, Attach.Separator), closeFlags: 0 };
    } else {
      const template = placeholder?.role === 'number' ? full.numberPlaceholder : placeholder?.role === 'date' ? full.datePlaceholder : '{digit}';
      const text = template.split('{digit}').join(digit);
      plan = { kind: Attach.None, text, close: '', flags: digitEdgesOf(text), closeFlags: 0 };
    }
    digits.push(plan);
  }
  return {
    scheme,
    options: full,
    marks,
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

// Mark ids in the ops: a placeholder's rendering is referenced as -(2 * digit + 1) for the open or
// word text and -(2 * digit + 2) for the close mark, so `b < 0` tells a rendering from a source range.
function openRef(digit: number): number {
  return -(2 * digit + 1);
}
function closeRef(digit: number): number {
  return -(2 * digit + 2);
}

/** Writes the typesetter's ops as text, noting which token each output range came from. */
class StringSink {
  readonly parts: string[] = [];
  private length = 0;
  /** Token index of each source offset a piece can be referenced by. */
  readonly owner = new Map<number, number>();
  /** Output range of each token index that produced output. */
  readonly ranges = new Map<number, [number, number]>();

  constructor(
    private readonly plan: NormalizePlan,
    private readonly line: string,
    /** Whether to note where each token went (normalizeLine needs only the text). */
    private readonly mapped = true,
  ) {}

  reset(): void {
    this.parts.length = 0;
    this.length = 0;
    this.ranges.clear();
  }

  write(typesetter: Typesetter): void {
    const ops = typesetter.ops;
    for (let k = 0, n = typesetter.opCount * 4; k < n; k += 4) {
      if (ops[k] === 1) {
        this.parts.push(' ');
        this.length += 1;
      }
      this.put(ops[k + 1], ops[k + 2], ops[k + 3]);
    }
    typesetter.opCount = 0;
  }

  private put(kind: Attach, a: number, b: number): void {
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
    this.parts.push(text);
    if (!this.mapped) return;
    const token = this.owner.get(a) ?? -1;
    const start = this.length;
    this.length += text.length;
    const range = this.ranges.get(token);
    if (range) range[1] = this.length;
    else this.ranges.set(token, [start, this.length]);
  }
}

const OPENS = 1;
const CLOSES = 2;

/** The side each pair placeholder was written on, by its reference (a token index): what pairSidesOfTokens reports. */
class SideSink {
  sides: Uint8Array;
  private used: number;

  constructor(
    private readonly plan: NormalizePlan,
    length: number,
  ) {
    this.sides = new Uint8Array(length + 1);
    this.used = length + 1;
  }

  /** Room for references below `length`, reused from text to text. */
  grow(length: number): void {
    if (length + 1 > this.sides.length) this.sides = new Uint8Array(Math.max(length + 1, this.sides.length * 2));
    this.used = length + 1;
  }

  reset(): void {
    this.sides.fill(0, 0, this.used);
  }

  write(typesetter: Typesetter): void {
    const ops = typesetter.ops;
    for (let k = 0, n = typesetter.opCount * 4; k < n; k += 4) {
      const kind = ops[k + 1];
      const b = ops[k + 3];
      // A pair placeholder's rendering (b < 0, not the full stop of a sentence break).
      if ((kind === Attach.Open || kind === Attach.Close) && b < 0 && b !== FULL_STOP_REF && this.plan.digits[(-b - 1) >> 1]?.kind === Attach.Open) {
        this.sides[ops[k + 2]] = kind === Attach.Open ? OPENS : CLOSES;
      }
    }
    typesetter.opCount = 0;
  }
}

/** Drops the ops: for the part of a line before the range being written. */
const NO_OUTPUT = {
  write(typesetter: Typesetter): void {
    typesetter.opCount = 0;
  },
};

interface OpWriter {
  write(typesetter: Typesetter): void;
}

interface OpSink extends OpWriter {
  /** Forgets what was written: the line is typeset again. */
  reset(): void;
}

// Typesetters hold a few typed arrays: reused, not allocated per line (typesetTokens never re-enters).
const LINE_TYPESETTER = new Typesetter();
const PROBE_TYPESETTER = new Typesetter();

/**
 * Runs the tokens `[from, to]` of `source` (token bounds `all`) through a typesetter into `sink`,
 * in the reading the whole line calls for (Typesetter.readAgain); tokens before `from` only tell
 * which pairs are open.
 */
function typesetTokens(source: string, all: ReadonlyArray<readonly [number, number]>, from: number, to: number, plan: NormalizePlan, sink: OpSink, owner: Map<number, number> | undefined): void {
  const keep = plan.options.separatorAtLineEnd === 'keep';
  const run = (typesetter: Typesetter, first: number, last: number, out: OpWriter, mapping: Map<number, number> | undefined): void => {
    for (let index = first; index <= last; index++) {
      pushToken(source, all[index][0], all[index][1], plan, typesetter, out, breakBefore(source, all, index, plan.breakWords), mapping, index);
    }
  };
  const typesetter = LINE_TYPESETTER;
  typesetter.reset(keep);
  if (from <= 0 && to >= all.length - 1) {
    do {
      sink.reset();
      typesetter.startLine();
      run(typesetter, 0, all.length - 1, sink, owner);
      typesetter.endLine();
      sink.write(typesetter);
    } while (typesetter.readAgain());
    return;
  }
  // A part of a line: a pass over the whole line that writes nothing finds its reading, and hands
  // the part's typesetter the pairs the tokens before the part leave open.
  const probe = PROBE_TYPESETTER;
  probe.reset(keep);
  do {
    probe.startLine();
    for (let index = 0; index < all.length; index++) {
      if (index === from) {
        typesetter.useReading(probe.closeAfterSeparator);
        typesetter.continueFrom(probe);
      }
      pushToken(source, all[index][0], all[index][1], plan, probe, NO_OUTPUT, breakBefore(source, all, index, plan.breakWords), undefined, index);
    }
    probe.endLine();
    NO_OUTPUT.write(probe);
  } while (probe.readAgain());
  run(typesetter, from, to, sink, owner);
  typesetter.endLine();
  sink.write(typesetter);
}

/** A lone separator placeholder before a break word ends the sentence. */
function breakBefore(source: string, all: ReadonlyArray<readonly [number, number]>, index: number, breaks: ReadonlySet<string> | undefined): boolean {
  if (breaks === undefined) return false;
  const [start, end] = all[index];
  return end - start === 1 && index + 1 < all.length && breaks.has(source.slice(all[index + 1][0], all[index + 1][1]));
}

/**
 * Normalizes one line (no line break in it), with the same rules, byte for byte, as the streaming
 * byte normalizer (wasm/normalize.as), and tells where each source token went.
 */
export function normalizeLineMapped(line: string, plan: NormalizePlan, range?: TokenRange): NormalizedLine {
  // The transforms never touch white space, so the transformed line has the same tokens in the same order.
  const source = plan.transformsText ? transformText(line, plan) : line;
  const sink = new StringSink(plan, source);
  const all = tokenBounds(source);
  const from = range ? Math.max(0, range.first) : 0;
  const to = range ? Math.min(all.length - 1, range.last) : all.length - 1;
  typesetTokens(source, all, from, to, plan, sink, sink.owner);
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
 * normalizer's own decisions under `plan`, so restore, check and hover agree with what normalize
 * writes. Takes the line as tokens (each token's text at its offset).
 */
export function pairSidesOfTokens(tokens: ReadonlyArray<{ readonly text: string; readonly start: number }>, plan: NormalizePlan): Map<number, 'open' | 'close'> {
  // Each token is pushed as a text of its own, its placeholder digit referenced by the token's index.
  const texts = plan.transformsText ? tokens.map((t) => transformText(t.text, plan)) : undefined;
  const textOf = (i: number): string => (texts ? texts[i] : tokens[i].text);
  const breaks = plan.breakWords;
  const sink = new SideSink(plan, tokens.length);
  const typesetter = LINE_TYPESETTER;
  typesetter.reset(plan.options.separatorAtLineEnd === 'keep');
  do {
    sink.reset();
    typesetter.startLine();
    for (let i = 0; i < tokens.length; i++) {
      const text = textOf(i);
      // As breakBefore: a lone separator placeholder before a break word ends the sentence.
      const breakHere = breaks !== undefined && text.length === 1 && i + 1 < tokens.length && breaks.has(textOf(i + 1));
      pushToken(text, 0, text.length, plan, typesetter, sink, breakHere, undefined, i, i);
    }
    typesetter.endLine();
    sink.write(typesetter);
  } while (typesetter.readAgain());
  const sides = new Map<number, 'open' | 'close'>();
  tokens.forEach((token, i) => {
    const side = sink.sides[i];
    if (side !== 0) sides.set(token.start, side === OPENS ? 'open' : 'close');
  });
  return sides;
}

/**
 * pairSidesOfTokens for a front end that walks its own tokens (the byte restorer): it pushes them
 * one by one and reads the side each pair placeholder took, by the reference it gave. A run of
 * words that start with a letter is one push (pushLetterWords): the rules only see such a word's
 * place and whether it ends with a digit, and the next word of the run changes nothing else.
 * The default plan's pieces only (no sentence-break words, no text transforms): what restore reads with.
 */
export class PairSideReader {
  private readonly typesetter = new Typesetter();
  private readonly sink: SideSink;

  constructor(private readonly plan: NormalizePlan) {
    this.sink = new SideSink(plan, 0);
  }

  /** Side of reference `ref` after the last reading: 1 opens, 2 closes, 0 none. */
  get sides(): Uint8Array {
    return this.sink.sides;
  }

  /** A new text whose references run below `count`. */
  startText(count: number): void {
    this.sink.grow(count);
    this.typesetter.reset(this.plan.options.separatorAtLineEnd === 'keep');
  }

  /** A reading of the text from its start (the text is read again while endReading says so). */
  startReading(): void {
    this.sink.reset();
    this.typesetter.startLine();
  }

  /** One or more words in a row that start with a letter; whether the last ends with a digit. */
  pushLetterWords(endsWithDigit: boolean): void {
    this.typesetter.settleBeforeLetterWord();
    this.sink.write(this.typesetter);
    this.typesetter.wordWritten(endsWithDigit);
  }

  /** A token that is one placeholder digit. */
  pushPlaceholder(digit: number, ref: number): void {
    pushDigit(digit, ref, this.plan, this.typesetter);
    this.sink.write(this.typesetter);
  }

  /** Any other token, as text. */
  pushText(text: string, ref: number): void {
    pushToken(text, 0, text.length, this.plan, this.typesetter, this.sink, false, undefined, ref, ref);
  }

  /** Ends a reading; true when the text must be read again from its start. */
  endReading(): boolean {
    this.typesetter.endLine();
    this.sink.write(this.typesetter);
    return this.typesetter.readAgain();
  }
}

// Each push is written out at once: the typesetter holds the ops of one push only. `digitRef`: what
// a leading placeholder digit is referenced by, its offset unless the caller says otherwise.
function pushToken(line: string, start: number, end: number, plan: NormalizePlan, typesetter: Typesetter, sink: OpWriter, breakHere: boolean, owner: Map<number, number> | undefined, index: number, digitRef = start): void {
  owner?.set(start, index);
  if (breakHere && plan.digits[line.charCodeAt(start) - 0x30]?.kind === Attach.Separator) {
    typesetter.push(Attach.Final, start, FULL_STOP_REF, plan.marks.flags.get('.') ?? 0);
    sink.write(typesetter);
    return;
  }
  const first = line.charCodeAt(start);
  if (isAsciiDigit(first)) {
    const cuts = end - start === 1 ? [] : splitMarks(plan.marks, line, start + 1, end);
    if (cuts) {
      pushDigit(first - 0x30, digitRef, plan, typesetter);
      sink.write(typesetter);
      pushMarks(line, start + 1, cuts, plan, typesetter, sink, owner, index);
      return;
    }
  } else {
    const cuts = splitMarks(plan.marks, line, start, end);
    if (cuts) {
      pushMarks(line, start, cuts, plan, typesetter, sink, owner, index);
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
  sink.write(typesetter);
}

function pushDigit(digit: number, at: number, plan: NormalizePlan, typesetter: Typesetter): void {
  const d = plan.digits[digit];
  if (d.kind === Attach.Open) {
    typesetter.pushPair(digit, at, openRef(digit), closeRef(digit), d.flags, d.closeFlags);
  } else if (d.kind === Attach.Separator) {
    typesetter.push(Attach.Separator, at, openRef(digit), d.flags);
  } else if (d.text.length > 0) {
    typesetter.push(Attach.None, at, openRef(digit), d.flags);
  }
}

function pushMarks(line: string, from: number, cuts: number[], plan: NormalizePlan, typesetter: Typesetter, sink: OpWriter, owner: Map<number, number> | undefined, index: number): void {
  let s = from;
  for (const e of cuts) {
    owner?.set(s, index);
    const mark = line.slice(s, e);
    const cls = plan.marks.classes.get(mark) as Attach;
    const flags = plan.marks.flags.get(mark) as number;
    if (cls === Attach.Straight) typesetter.pushPair(STRAIGHT_SLOT, s, e, e, flags, flags);
    else typesetter.push(cls, s, e, flags);
    sink.write(typesetter);
    s = e;
  }
}

export function normalizeLine(line: string, plan: NormalizePlan): string {
  const source = plan.transformsText ? transformText(line, plan) : line;
  const sink = new StringSink(plan, source, false);
  const all = tokenBounds(source);
  typesetTokens(source, all, 0, all.length - 1, plan, sink, undefined);
  return sink.parts.join('');
}

/**
 * Normalizes one line of a text, knowing the breaks around it. A line emptied between a lone CR and
 * an LF cannot be written empty (the CR and the LF would read as one CRLF and merge two lines), so
 * it stays as it came (after the Unicode transforms, as the byte normalizer sees it): no byte is
 * invented and the line count is kept.
 */
function normalizeLineBetween(line: string, plan: NormalizePlan, previousEnding: string, ending: string): string {
  const normalized = normalizeLine(line, plan);
  if (normalized === '' && line !== '' && previousEnding === '\r' && ending.startsWith('\n')) return plan.transformsText ? transformText(line, plan) : line;
  return normalized;
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
    out.push(normalizeLineBetween(line, plan, previousEnding, ending), ending);
    previousEnding = ending;
  }
  return out.join('');
}

/**
 * Normalizes whole lines of UTF-8 (line breaks copied, a leading byte order mark left to the caller)
 * through the string normalizer: the WebAssembly normalizer's stand-in where it cannot serve (a
 * plan inferring sentence breaks, small chunks, no WebAssembly), with the same output.
 * `afterLoneCr`: the lines follow a lone CR that ended the previous chunk.
 */
export function normalizeBytes(input: Uint8Array, plan: NormalizePlan, afterLoneCr = false): Uint8Array {
  const out: string[] = [];
  let previousEnding = afterLoneCr ? '\r' : '';
  for (const { text: line, ending } of splitLines(decoder.decode(input))) {
    out.push(normalizeLineBetween(line, plan, previousEnding, ending), ending);
    previousEnding = ending;
  }
  return encoder.encode(out.join(''));
}
