// JSON Lines records: find one string field's exact byte span in a line and write a new value in the line's own escaping style.

/**
 * The English of every record problem, by id. The core keeps the English sentence and beside it the
 * id and arguments, so the command line can say it in its own language (src/cli/messages.ts takes
 * these ids into its table) without the core knowing of any.
 */
export const RECORD_PROBLEMS = {
  recordNotObject: 'not a JSON object (it starts with {0})',
  recordNoField: 'no field "{0}"',
  recordNotJson: 'not valid JSON: {0} at column {1}',
  recordTooDeep: 'nested more than {0} levels deep',
  recordFieldTwice: 'field "{0}" appears twice',
  recordFieldNotString: 'field "{0}" is {1}, not a string',
  recordFieldNotObject: 'field "{0}" is {1}, not an object',
  recordStringNotClosed: 'not valid JSON: a string is not closed',
  recordControlCharacter: 'not valid JSON: a raw control character in a string at column {0}',
  recordBadUnicodeEscape: 'not valid JSON: a bad \\u escape at column {0}',
  recordBadEscape: 'not valid JSON: a bad escape at column {0}',
  // Phrases the sentences above take as arguments.
  recordEndOfLine: 'the end of the line',
  jsonObject: 'an object',
  jsonArray: 'an array',
  jsonString: 'a string',
  jsonBoolean: 'a boolean',
  jsonNull: 'null',
  jsonNumber: 'a number',
} as const;

export type RecordProblemId = keyof typeof RECORD_PROBLEMS;

/** A record problem as an id and its arguments; an argument is text as it is, or a phrase of its own. */
export interface RecordProblemText {
  readonly id: RecordProblemId;
  readonly args: ReadonlyArray<string | number | RecordProblemText>;
}

/** The sentence of a problem, each template filled by `fill` (English when none is given). */
export function recordProblemText(p: RecordProblemText, fill: (id: RecordProblemId, args: string[]) => string = english): string {
  return fill(
    p.id,
    p.args.map((a) => (typeof a === 'object' ? recordProblemText(a, fill) : String(a))),
  );
}

function english(id: RecordProblemId, args: string[]): string {
  return RECORD_PROBLEMS[id].replace(/\{(\d+)\}/g, (whole, n: string) => (Number(n) < args.length ? args[Number(n)] : whole));
}

const phrase = (id: RecordProblemId, ...args: Array<string | number | RecordProblemText>): RecordProblemText => ({ id, args });

/** Why a line has no string field to rewrite; `message` is one English sentence without the line number, `l10n` the same as an id. */
export class RecordProblem {
  readonly message: string;

  constructor(readonly l10n: RecordProblemText) {
    this.message = recordProblemText(l10n);
  }
}

function problem(id: RecordProblemId, ...args: Array<string | number | RecordProblemText>): RecordProblem {
  return new RecordProblem(phrase(id, ...args));
}

/** The byte span of the field's string literal, quotes included: `bytes[start, end)`. */
export interface FieldSpan {
  readonly start: number;
  readonly end: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const MAX_DEPTH = 512;

const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
const encoder = new TextEncoder();

function isJsonSpace(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;
}

/** Whether `bytes[start, end)` holds only JSON white space (a blank record line, passed through). */
export function isBlankRecord(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isJsonSpace(bytes[i])) return false;
  return true;
}

/**
 * A strict JSON reader over one line's bytes that notes where the field named by `path` (a key,
 * then keys inside it) is. The whole line is read, so a line that is not JSON is refused rather
 * than half rewritten.
 */
class RecordScanner {
  private i: number;
  found: FieldSpan | undefined;

  constructor(
    private readonly bytes: Uint8Array,
    start: number,
    private readonly end: number,
    private readonly path: readonly Uint8Array[],
    private readonly pathText: readonly string[],
  ) {
    this.i = start;
  }

  scan(): FieldSpan {
    this.skipSpace();
    if (this.bytes[this.i] !== 0x7b || this.i >= this.end) throw problem('recordNotObject', this.describeHere());
    this.object(0, 0);
    this.skipSpace();
    if (this.i < this.end) throw this.unexpected();
    if (!this.found) throw problem('recordNoField', this.pathText.join('.'));
    return this.found;
  }

  private describeHere(): string | RecordProblemText {
    if (this.i >= this.end) return phrase('recordEndOfLine');
    const b = this.bytes[this.i];
    return b >= 0x20 && b < 0x7f ? `'${String.fromCharCode(b)}'` : `byte 0x${b.toString(16).padStart(2, '0')}`;
  }

  private unexpected(): RecordProblem {
    return problem('recordNotJson', this.describeHere(), this.column());
  }

  /** The 1-based column of the current byte, in characters. */
  private column(): number {
    let start = this.i;
    while (start > 0 && this.bytes[start - 1] !== 0x0a) start--;
    return decoder.decode(this.bytes.subarray(start, Math.min(this.i, this.end))).length + 1;
  }

  private skipSpace(): void {
    while (this.i < this.end && isJsonSpace(this.bytes[this.i])) this.i++;
  }

  private expect(b: number): void {
    if (this.i >= this.end || this.bytes[this.i] !== b) throw this.unexpected();
    this.i++;
  }

  /** An object whose keys are matched against path[level] when `level` is still on the path. */
  private object(depth: number, level: number): void {
    if (depth > MAX_DEPTH) throw problem('recordTooDeep', MAX_DEPTH);
    this.items(0x7b, 0x7d, () => {
      const keyStart = this.i;
      this.string();
      const onPath = level >= 0 && this.keyIs(keyStart + 1, this.i - 1, level);
      this.skipSpace();
      this.expect(0x3a);
      this.skipSpace();
      if (onPath && level === this.path.length - 1) {
        const name = this.pathText.join('.');
        if (this.found) throw problem('recordFieldTwice', name);
        if (this.bytes[this.i] !== QUOTE || this.i >= this.end) {
          const at = this.i;
          this.value(depth + 1, -1);
          throw problem('recordFieldNotString', name, kindOf(this.bytes[at]));
        }
        const start = this.i;
        this.string();
        this.found = { start, end: this.i };
      } else if (onPath) {
        if (this.bytes[this.i] !== 0x7b || this.i >= this.end) {
          const at = this.i;
          this.value(depth + 1, -1);
          throw problem('recordFieldNotObject', this.pathText.slice(0, level + 1).join('.'), kindOf(this.bytes[at]));
        }
        this.object(depth + 1, level + 1);
      } else {
        this.value(depth + 1, -1);
      }
    });
  }

  private keyIs(start: number, end: number, level: number): boolean {
    const want = this.path[level];
    const bytes = this.bytes;
    // Most keys have no escapes: compare bytes; else decode the key as JSON does.
    let escaped = false;
    for (let k = start; k < end; k++) if (bytes[k] === BACKSLASH) escaped = true;
    if (escaped) return JSON.parse(decoder.decode(bytes.subarray(start - 1, end + 1))) === this.pathText[level];
    if (end - start !== want.length) return false;
    for (let k = 0; k < want.length; k++) if (bytes[start + k] !== want[k]) return false;
    return true;
  }

  private value(depth: number, level: number): void {
    if (depth > MAX_DEPTH) throw problem('recordTooDeep', MAX_DEPTH);
    const b = this.i < this.end ? this.bytes[this.i] : -1;
    if (b === 0x7b) this.object(depth, level);
    else if (b === 0x5b) this.array(depth);
    else if (b === QUOTE) this.string();
    else if (b === 0x74) this.literal('true');
    else if (b === 0x66) this.literal('false');
    else if (b === 0x6e) this.literal('null');
    else this.number();
  }

  private array(depth: number): void {
    this.items(0x5b, 0x5d, () => this.value(depth + 1, -1));
  }

  /** `open`, items read by `item` (from its first byte) separated by commas, `close`: the frame of objects and arrays. */
  private items(open: number, close: number, item: () => void): void {
    this.expect(open);
    this.skipSpace();
    if (this.i < this.end && this.bytes[this.i] === close) {
      this.i++;
      return;
    }
    for (;;) {
      this.skipSpace();
      item();
      this.skipSpace();
      if (this.i >= this.end || this.bytes[this.i] !== 0x2c) break;
      this.i++;
    }
    this.expect(close);
  }

  private literal(word: string): void {
    for (let k = 0; k < word.length; k++) this.expect(word.charCodeAt(k));
  }

  private number(): void {
    const bytes = this.bytes;
    const digit = (): boolean => this.i < this.end && bytes[this.i] >= 0x30 && bytes[this.i] <= 0x39;
    const digits = (): void => {
      if (!digit()) throw this.unexpected();
      while (digit()) this.i++;
    };
    if (bytes[this.i] === 0x2d && this.i < this.end) this.i++;
    if (this.i < this.end && bytes[this.i] === 0x30) this.i++;
    else digits();
    if (this.i < this.end && bytes[this.i] === 0x2e) {
      this.i++;
      digits();
    }
    if (this.i < this.end && (bytes[this.i] === 0x65 || bytes[this.i] === 0x45)) {
      this.i++;
      if (this.i < this.end && (bytes[this.i] === 0x2b || bytes[this.i] === 0x2d)) this.i++;
      digits();
    }
  }

  private string(): void {
    this.expect(QUOTE);
    const bytes = this.bytes;
    const end = this.end;
    for (;;) {
      // The common bytes in a tight loop; the rest below.
      let i = this.i;
      while (i < end) {
        const c = bytes[i];
        if (c === QUOTE || c === BACKSLASH || c < 0x20) break;
        i++;
      }
      this.i = i;
      if (this.i >= this.end) throw problem('recordStringNotClosed');
      const b = bytes[this.i];
      if (b === QUOTE) {
        this.i++;
        return;
      }
      if (b < 0x20) throw problem('recordControlCharacter', this.column());
      if (b === BACKSLASH) {
        const e = bytes[this.i + 1];
        if (e === 0x75) {
          for (let k = 2; k < 6; k++) if (!isHex(bytes[this.i + k]) || this.i + k >= this.end) throw problem('recordBadUnicodeEscape', this.column());
          this.i += 6;
          continue;
        }
        if (this.i + 1 >= this.end || !'"\\/bfnrt'.includes(String.fromCharCode(e))) throw problem('recordBadEscape', this.column());
        this.i += 2;
        continue;
      }
      this.i++;
    }
  }
}

function isHex(b: number): boolean {
  return (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66);
}

function kindOf(b: number): RecordProblemText {
  if (b === 0x7b) return phrase('jsonObject');
  if (b === 0x5b) return phrase('jsonArray');
  if (b === QUOTE) return phrase('jsonString');
  if (b === 0x74 || b === 0x66) return phrase('jsonBoolean');
  if (b === 0x6e) return phrase('jsonNull');
  return phrase('jsonNumber');
}

/** A field path as given on the command line: `text`, or `meta.text` for a key inside a key. */
export class FieldPath {
  readonly keys: readonly string[];
  private readonly encoded: readonly Uint8Array[];

  constructor(readonly name: string) {
    this.keys = name.split('.');
    this.encoded = this.keys.map((k) => encoder.encode(k));
  }

  /** The span of the field's string literal in the record `bytes[start, end)`; throws RecordProblem. */
  find(bytes: Uint8Array, start: number, end: number): FieldSpan {
    return new RecordScanner(bytes, start, end, this.encoded, this.keys).scan();
  }
}

/** How a string literal escapes what it may: kept when the value is written back. */
export interface EscapeStyle {
  /** Non-ASCII written as \uXXXX (Python's json.dumps default). */
  readonly asciiOnly: boolean;
  /** Hex digits of \u escapes in upper case. */
  readonly upperHex: boolean;
  /** `/` written as `\/` (PHP). */
  readonly slash: boolean;
  /** `<`, `>`, `&` written as \u003c… (Go's encoding/json). */
  readonly html: boolean;
}

/** The escaping style of a JSON string literal `bytes[start, end)` (quotes included). */
export function escapeStyleOf(bytes: Uint8Array, start: number, end: number): EscapeStyle {
  let asciiOnly = false;
  let upperHex = false;
  let slash = false;
  let html = false;
  for (let i = start + 1; i < end - 1; i++) {
    if (bytes[i] !== BACKSLASH) continue;
    const e = bytes[i + 1];
    if (e === 0x2f) slash = true;
    if (e === 0x75) {
      const hex = String.fromCharCode(bytes[i + 2], bytes[i + 3], bytes[i + 4], bytes[i + 5]);
      const code = parseInt(hex, 16);
      if (code >= 0x80) asciiOnly = true;
      if (code === 0x3c || code === 0x3e || code === 0x26) html = true;
      if (/[A-F]/.test(hex)) upperHex = true;
      i += 5;
    } else {
      i++;
    }
  }
  return { asciiOnly, upperHex, slash, html };
}

/** The text of a JSON string literal `bytes[start, end)` (quotes included). */
export function decodeStringLiteral(bytes: Uint8Array, start: number, end: number): string {
  for (let i = start + 1; i < end - 1; i++) if (bytes[i] === BACKSLASH) return JSON.parse(decoder.decode(bytes.subarray(start, end))) as string;
  return decoder.decode(bytes.subarray(start + 1, end - 1));
}

const SHORT_ESCAPES: Record<number, string> = { 0x22: '\\"', 0x5c: '\\\\', 0x08: '\\b', 0x0c: '\\f', 0x0a: '\\n', 0x0d: '\\r', 0x09: '\\t' };

/** `text` as a JSON string literal (quotes included) in the given style. */
export function encodeStringLiteral(text: string, style: EscapeStyle): string {
  const hex = (code: number): string => {
    const digits = code.toString(16).padStart(4, '0');
    return `\\u${style.upperHex ? digits.toUpperCase() : digits}`;
  };
  let out = '"';
  let plainFrom = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let escaped: string | undefined;
    if (c < 0x20 || c === 0x22 || c === 0x5c) escaped = SHORT_ESCAPES[c] ?? hex(c);
    else if (c === 0x2f && style.slash) escaped = '\\/';
    else if ((c === 0x3c || c === 0x3e || c === 0x26) && style.html) escaped = hex(c);
    else if (c >= 0x80 && style.asciiOnly) escaped = hex(c);
    else if (c >= 0xd800 && c <= 0xdfff) {
      // A lone surrogate has no UTF-8 form: escaped, as JSON.stringify does. A pair is written as is.
      const pairs = c <= 0xdbff ? isLow(text.charCodeAt(i + 1)) : false;
      if (pairs) {
        i++;
        continue;
      }
      escaped = hex(c);
    } else if ((c === 0x2028 || c === 0x2029) && style.html) escaped = hex(c);
    if (escaped === undefined) continue;
    out += text.slice(plainFrom, i) + escaped;
    plainFrom = i + 1;
  }
  return out + text.slice(plainFrom) + '"';
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/**
 * A record line that has no string field to rewrite; `lineIndex` counts from the chunk's first line
 * (0), `problem` is the English sentence and `l10n` the same as an id (plain data: it crosses from a
 * worker thread).
 */
export class RecordLineError extends Error {
  constructor(
    readonly lineIndex: number,
    readonly problem: string,
    readonly l10n: RecordProblemText,
  ) {
    super(problem);
    this.name = 'RecordLineError';
  }
}

/** How the records of a JSON Lines input are read: the field to rewrite, and what to do with a line without one. */
export interface RecordOptions {
  /** `text`, or `meta.text` for a key inside a key. */
  readonly field: string;
  /** Write a line without a string field unchanged instead of failing. */
  readonly passOther: boolean;
}

function concat(parts: readonly Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Calls `onRecord(start, end, index)` for every record line of a run of whole lines: records end at
 * LF only (a CR is JSON white space, kept with the line). `end` excludes the LF.
 */
function forEachRecord(bytes: Uint8Array, onRecord: (start: number, end: number, index: number) => void): void {
  const n = bytes.length;
  let start = 0;
  let index = 0;
  while (start < n) {
    let stop = bytes.indexOf(0x0a, start);
    if (stop < 0) stop = n;
    onRecord(start, stop, index++);
    start = stop + 1;
  }
}

/** A rewrite of a run of whole lines that keeps one line per line: the chunk transform of normalize or restore. */
export type LinesRewrite = (lines: Uint8Array) => Uint8Array;

function hasBackslash(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (bytes[i] === BACKSLASH) return true;
  return false;
}

function sameBytes(a: Uint8Array, aStart: number, aEnd: number, b: Uint8Array, bStart: number, bEnd: number): boolean {
  if (aEnd - aStart !== bEnd - bStart) return false;
  for (let k = 0; k < aEnd - aStart; k++) if (a[aStart + k] !== b[bStart + k]) return false;
  return true;
}

/**
 * The bytes of a literal without escapes rewritten: escaped only where JSON requires it (quote,
 * backslash, control characters), which is what a writer that escaped nothing else would do.
 */
function needsEscapes(text: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text[i] < 0x20 || text[i] === QUOTE || text[i] === BACKSLASH) return true;
  return false;
}

function plainLiteral(text: Uint8Array, start: number, end: number): Uint8Array {
  return encoder.encode(encodeStringLiteral(decoder.decode(text.subarray(start, end)), { asciiOnly: false, upperHex: false, slash: false, html: false }));
}

/**
 * Rewrites the field of every record in a run of whole record lines and keeps every other byte:
 * a record whose text the rewrite leaves as it was is copied as it came, escapes and all. A blank
 * line is copied; a line with no string field fails (RecordLineError) unless `passOther`.
 *
 * Most literals have no escapes: their bytes are the text's UTF-8, so they go to the rewrite as one
 * run of lines and come back without decoding. The others are decoded, rewritten and encoded in
 * their own style (see rewriteTexts).
 */
export function rewriteRecords(bytes: Uint8Array, options: RecordOptions, path: FieldPath, rewriteLines: LinesRewrite): Uint8Array {
  const spans: FieldSpan[] = [];
  const plain: boolean[] = [];
  let plainBytes = 0;
  const texts: string[] = [];
  forEachRecord(bytes, (start, end, index) => {
    if (isBlankRecord(bytes, start, end)) return;
    let span: FieldSpan;
    try {
      span = path.find(bytes, start, end);
    } catch (error) {
      if (!(error instanceof RecordProblem)) throw error;
      if (!options.passOther) throw new RecordLineError(index, error.message, error.l10n);
      return;
    }
    spans.push(span);
    const isPlain = !hasBackslash(bytes, span.start + 1, span.end - 1);
    plain.push(isPlain);
    if (isPlain) plainBytes += span.end - span.start - 1;
    else texts.push(decodeStringLiteral(bytes, span.start, span.end));
  });
  if (spans.length === 0) return bytes;
  // The plain texts, a line each (a literal holds no raw line break), through the rewrite at once.
  const batch = new Uint8Array(plainBytes);
  let at = 0;
  for (let k = 0; k < spans.length; k++) {
    if (!plain[k]) continue;
    batch.set(bytes.subarray(spans[k].start + 1, spans[k].end - 1), at);
    at += spans[k].end - spans[k].start - 2;
    batch[at++] = 0x0a;
  }
  const out = plainBytes > 0 ? rewriteLines(batch) : batch;
  const rewritten = rewriteTexts(texts, rewriteLines);
  // Where each changed field's new bytes are: a plain one's in `out` (start, stop), written with
  // its quotes straight into the result; the others (escapes needed) encoded here. One allocation
  // for the result: a chunk holds tens of thousands of records.
  const changed: number[] = [];
  const lineStarts = new Int32Array(spans.length);
  const lineStops = new Int32Array(spans.length);
  const encoded = new Map<number, Uint8Array>();
  let total = bytes.length;
  let outAt = 0;
  let t = 0;
  for (let k = 0; k < spans.length; k++) {
    const span = spans[k];
    if (plain[k]) {
      const lineStart = outAt;
      let stop = out.indexOf(0x0a, lineStart);
      if (stop < 0) stop = out.length;
      outAt = stop + 1;
      if (sameBytes(out, lineStart, stop, bytes, span.start + 1, span.end - 1)) continue;
      if (needsEscapes(out, lineStart, stop)) encoded.set(k, plainLiteral(out, lineStart, stop));
      else {
        lineStarts[k] = lineStart;
        lineStops[k] = stop;
      }
    } else {
      const text = rewritten[t];
      if (text === texts[t++]) continue;
      encoded.set(k, encoder.encode(encodeStringLiteral(text, escapeStyleOf(bytes, span.start, span.end))));
    }
    changed.push(k);
    total += (encoded.get(k)?.length ?? lineStops[k] - lineStarts[k] + 2) - (span.end - span.start);
  }
  if (outAt < out.length) throw new Error('the rewrite gave more lines than it was given');
  if (changed.length === 0) return bytes;
  const result = new Uint8Array(total);
  let from = 0;
  at = 0;
  for (const k of changed) {
    const span = spans[k];
    result.set(bytes.subarray(from, span.start), at);
    at += span.start - from;
    const literal = encoded.get(k);
    if (literal) {
      result.set(literal, at);
      at += literal.length;
    } else {
      result[at++] = QUOTE;
      result.set(out.subarray(lineStarts[k], lineStops[k]), at);
      at += lineStops[k] - lineStarts[k];
      result[at++] = QUOTE;
    }
    from = span.end;
  }
  result.set(bytes.subarray(from), at);
  return result;
}

/**
 * The field's text of every record in a run of whole record lines, one line each (LF), for check
 * and stats: a line break inside a text becomes a space, so columns in the line are columns in the
 * text. A blank line, or one passed over, gives an empty line.
 */
export function recordTexts(bytes: Uint8Array, options: RecordOptions, path: FieldPath): Uint8Array {
  const parts: Uint8Array[] = [];
  let total = 0;
  const newline = new Uint8Array([0x0a]);
  forEachRecord(bytes, (start, end, index) => {
    let text = '';
    if (!isBlankRecord(bytes, start, end)) {
      try {
        const span = path.find(bytes, start, end);
        text = decodeStringLiteral(bytes, span.start, span.end).replace(/[\r\n]/g, ' ');
      } catch (error) {
        if (!(error instanceof RecordProblem)) throw error;
        if (!options.passOther) throw new RecordLineError(index, error.message, error.l10n);
      }
    }
    const encoded = encoder.encode(text);
    parts.push(encoded);
    total += encoded.length;
    if (end < bytes.length) {
      parts.push(newline);
      total++;
    }
  });
  return concat(parts, total);
}

/**
 * Many texts through a rewrite of whole lines (a chunk transform): the texts without a line break
 * go as one run, a line each, and are cut back at the LFs (the rewrite keeps one line per line);
 * a text with line breaks goes alone.
 */
export function rewriteTexts(texts: readonly string[], rewriteLines: LinesRewrite): string[] {
  const out = new Array<string>(texts.length);
  const single: number[] = [];
  for (let i = 0; i < texts.length; i++) {
    if (/[\r\n]/.test(texts[i])) out[i] = decoder.decode(rewriteLines(encoder.encode(texts[i])));
    else single.push(i);
  }
  if (single.length > 0) {
    const joined = decoder.decode(rewriteLines(encoder.encode(single.map((i) => texts[i]).join('\n') + '\n')));
    const lines = joined.split('\n');
    if (lines.length !== single.length + 1) throw new Error(`a rewrite gave ${lines.length - 1} lines for ${single.length}`);
    for (let k = 0; k < single.length; k++) out[single[k]] = lines[k];
  }
  return out;
}
