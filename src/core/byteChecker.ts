// The line check over UTF-8 bytes, for big files: the common findings without decoding, the rest left to LineChecker.
import { Attach, MarkTable, buildMarkTable } from './marks';
import { DEFAULT_SEVERITIES, Finding, FindingCode, RuleSetting } from './check';
import { Message, TEMPLATES, fillTemplate, message } from './messages';
import { PlaceholderRole, Scheme, placeholderFor } from './scheme';
import { tokenEndAndUnderscore, viewOf } from './byteTokens';
import { BytePairReader, CLOSES, DIGIT, LETTERS, LETTERS_DIGIT_END, TEXT } from './bytePairs';
import { planNormalize } from './normalize';
import { BLANK, BYTE_CLASS, ByteMarks, EOL, ORDINARY, UNDERSCORE, codePointAt, decoder, isDigitByte, utf16Length } from './byteText';


/** As check.ts's isJoinable, on the code point. */
function isJoinable(c: number): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
  return c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && (c < 0x2000 || c > 0x206f);
}

/** isJoinable of the character starting at `bytes[i]`, with the lead bytes of Vietnamese letters answered at once. */
function joinableAt(bytes: Uint8Array, i: number): boolean {
  const b = bytes[i];
  if (b < 0x80) return (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7a);
  // C4-DF: U+0100-07FF; E1: U+1000-1FFF (Latin Extended Additional): joinable whatever follows.
  if ((b >= 0xc4 && b <= 0xdf) || b === 0xe1) return true;
  return isJoinable(codePointAt(bytes, i));
}

// What each piece of a screened line is to the separator rule (besides its kind for the pair reader).
/** A run of words (LETTERS, LETTERS_DIGIT_END), a number, or another token that only ends a separator's wait. */
const ENDS_WAIT = 0;
/** A lone pair placeholder. */
const PAIR = 1;
/** A lone separator placeholder. */
const SEPARATOR = 2;
/** A separator placeholder glued to its marks (`7.`). */
const GLUED_SEPARATOR = 3;
/** A run of marks. */
const MARKS = 4;

/** The finding code of a glued placeholder in normalize.as's screen records (2 is separator-before-final). */
const WASM_GLUED_PLACEHOLDER = 1;
/** How many numbers a finding takes in those records. */
export const WASM_FINDING_LENGTH = 6;

/** A finding of the screen before its columns and token are counted: code, byte span (from its token's start), message. */
interface ScreenFinding {
  code: FindingCode;
  at: number;
  to: number;
  message: string;
  l10n: Message;
}

/** Per byte: 1 for what ends a token (white space, line breaks). */
const TOKEN_BREAK = new Uint8Array(256);
for (let b = 0; b < 256; b++) TOKEN_BREAK[b] = BYTE_CLASS[b] === BLANK || BYTE_CLASS[b] === EOL ? 1 : 0;

/** How many tokens of the line starting at `lineStart` start in `bytes[from, to)`. */
function tokenStarts(bytes: Uint8Array, lineStart: number, from: number, to: number): number {
  let n = 0;
  // Without a branch per byte: a token starts where a break is followed by a byte that is none.
  let previousBreaks = from === lineStart ? 1 : TOKEN_BREAK[bytes[from - 1]];
  for (let q = from; q < to; q++) {
    const breaks = TOKEN_BREAK[bytes[q]];
    n += previousBreaks & (breaks ^ 1);
    previousBreaks = breaks;
  }
  return n;
}

/** Whether the "_" at `bytes[k]` of a word (not its first byte) joins badly: at the word's end, or beside a character that is not joinable. */
function badJoin(bytes: Uint8Array, k: number, end: number): boolean {
  if (k + 1 >= end) return true;
  let before = k - 1;
  while ((bytes[before] & 0xc0) === 0x80) before--;
  return !joinableAt(bytes, before) || !joinableAt(bytes, k + 1);
}

/**
 * The end of the word starting at `bytes[i]` (its first byte is no "_"), or -1 when an "_" in it
 * joins badly (badJoin). Four bytes at a time while they hold no white space, line break or "_":
 * most words are letters, and a byte-by-byte look at each would cost most of the check.
 */
export function wordEnd(bytes: Uint8Array, view: DataView, i: number, end: number): number {
  for (;;) {
    while (i + 4 <= end) {
      const x = view.getInt32(i, true);
      const y = x ^ 0x5f5f5f5f;
      const found = (((x - 0x21212121) & ~x) | ((y - 0x01010101) & ~y)) & 0x80808080;
      if (found !== 0) {
        // The lowest flagged byte is exact (a borrow only flags bytes above it): go straight to it.
        i += (31 - Math.clz32(found & -found)) >> 3;
        break;
      }
      i += 4;
    }
    if (i >= end) return end;
    const c = bytes[i];
    if (TOKEN_BREAK[c] === 1) return i;
    if (c === UNDERSCORE && badJoin(bytes, i, end)) return -1;
    i++;
  }
}

/** What a finding says: its message, and the same for translation. */
interface Said {
  readonly message: string;
  readonly l10n: Message;
}

/**
 * Screens lines on bytes. Most lines of a corpus have no finding, or only the common ones (a
 * separator placeholder before a full stop, a glued `7.`), and those are found here without
 * decoding the line or making a token object. A line with anything rarer (an unmatched pair, an
 * unknown digit, a malformed join, a placeholder glued to a word) is answered `undefined`: the
 * caller gives it to LineChecker, so every message stays the one LineChecker writes. Pair
 * placeholders are read on bytes by the one typesetter (BytePairReader, as pairPlaceholders reads
 * them); a line with an unmatched one, a pair glued to marks or a straight quote goes to
 * LineChecker. Default severities only.
 *
 * A line is scanned once: words are checked where they stand and leave only a mark that some came
 * (most tokens are words), the other tokens become the pieces the pair reader reads, and the
 * separator rule then runs over those pieces alone.
 */
export class ByteChecker {
  private readonly table: MarkTable;
  private readonly marks: ByteMarks;
  private readonly roles: Array<PlaceholderRole | 'unknown'> = [];
  /** Per byte: 1 for a digit whose role is pair or separator (what a placeholder glued to a word uses). */
  private readonly markDigit = new Uint8Array(256);
  private readonly wordStart = new Uint8Array(256);
  /** The bytes the view is over: the lines of one run come from one buffer. */
  private viewed: Uint8Array | undefined;
  private view = viewOf(new Uint8Array(0));
  private readonly pairs: BytePairReader;
  /** Open pair placeholders per digit in the line being screened. */
  private readonly open = new Int32Array(10);
  /** What screen findings say, by their kind, digit and marks (see saidOf). */
  private readonly said = new Map<number, Said>();
  /** Lone pair placeholders per digit in the line being screened. */
  private readonly pairCount = new Int32Array(10);
  /** Per piece of the line: what it is to the separator rule (ENDS_WAIT…). */
  private what = new Uint8Array(1024);
  /** Per ASCII character: its class as a mark of its own, or -1 (firstMarkClass without a string per look-up). */
  private readonly asciiClass = new Int8Array(0x80).fill(-1);
  /** Per byte: 1 for what the scan stops at ("_", digits, the first bytes of marks, line breaks). */
  private readonly watched = new Uint8Array(256);
  /** The findings of the line, and the separators waiting for what follows them: reused from line to line. */
  private readonly found: ScreenFinding[] = [];
  /** Per separator waiting: where its finding goes in `found`, and its piece. */
  private waitingInsertAt = new Int32Array(64);
  private waitingPiece = new Int32Array(64);

  /** `severities`: LineChecker's, for the findings answered here. */
  constructor(
    scheme: Scheme,
    private readonly severities: Readonly<Record<FindingCode, RuleSetting>> = DEFAULT_SEVERITIES,
  ) {
    this.table = buildMarkTable(scheme);
    this.marks = new ByteMarks(this.table);
    for (let d = 0; d <= 9; d++) {
      const role = placeholderFor(scheme, String(d))?.role ?? 'unknown';
      this.roles.push(role);
      this.markDigit[0x30 + d] = role === 'pair' || role === 'separator' ? 1 : 0;
    }
    for (let b = 0; b < 256; b++) this.wordStart[b] = BYTE_CLASS[b] === ORDINARY && !isDigitByte(b) && !this.marks.isLead(b) ? 1 : 0;
    for (const [mark, cls] of this.table.classes) if (mark.length === 1 && mark.charCodeAt(0) < 0x80) this.asciiClass[mark.charCodeAt(0)] = cls;
    // Every other byte that is not white space starts a word, and is nothing to a word it is inside.
    for (let b = 0; b < 256; b++) this.watched[b] = this.wordStart[b] === 0 && BYTE_CLASS[b] !== BLANK ? 1 : 0;
    // LineChecker(scheme) reads pairs with the scheme's default plan: so does this.
    this.pairs = new BytePairReader(planNormalize(scheme), this.wordStart);
  }

  /** The findings of the line `bytes[start, end)` (no line break in it), or undefined: ask LineChecker. */
  checkLine(bytes: Uint8Array, start: number, end: number): Finding[] | undefined {
    if (bytes !== this.viewed) {
      this.viewed = bytes;
      this.view = viewOf(bytes);
    }
    return this.readPieces(bytes, start, end) ? this.findings(bytes, start) : undefined;
  }

  /**
   * The scan: checks every word, and lays out the other tokens as pieces (in the pair reader's
   * arrays, and `what`); false as soon as the line needs LineChecker.
   *
   * It stops only at the bytes that can matter (`watched`: "_", digits, the first bytes of marks):
   * a stop inside a token is inside a word (a piece is stepped over whole), where an "_" must join
   * and a pair or separator digit must not end it; a stop at a token's start begins a piece. The
   * words between two pieces only say that some came, and whether the last ends with a digit.
   */
  private readPieces(bytes: Uint8Array, start: number, end: number): boolean {
    const view = this.view;
    const marks = this.marks;
    const watched = this.watched;
    const pieces = this.pairs;
    const pairCount = this.pairCount.fill(0);
    let pairs = false;
    let count = 0;
    // Where the bytes after the last piece start: words between it and the next one make a piece of letters.
    let pieceEnd = start;
    let i = start;
    for (;;) {
      while (i < end && TOKEN_BREAK[bytes[i]] === 1) i++;
      if (i >= end) break;
      const b = bytes[i];
      if (watched[b] === 0) {
        // A word: stepped over four bytes at a time, stopping only at its "_"s.
        const e = wordEnd(bytes, view, i, end);
        if (e < 0) return false;
        // A pair or separator digit glued to the end of a word (`x7`).
        if (e - i >= 2 && this.markDigit[bytes[e - 1]] === 1 && !isDigitByte(bytes[e - 2])) return false;
        i = e;
        continue;
      }
      const s = i;
      const scan = tokenEndAndUnderscore(bytes, view, i + 1, end);
      i = scan.end;
      let what = ENDS_WAIT;
      if (isDigitByte(b) && (i - s === 1 || marks.splits(bytes, s + 1, i))) {
        const role = this.roles[b - 0x30];
        if (role === 'unknown') return false;
        if (role === 'pair') {
          // Glued to its marks (`6.`): rare, left to LineChecker.
          if (i - s > 1) return false;
          pairCount[b - 0x30]++;
          pairs = true;
          what = PAIR;
        } else if (i - s > 1) {
          // Glued: only a separator glued to its marks (`7.`) is common enough to answer here.
          if (role !== 'separator') return false;
          what = GLUED_SEPARATOR;
        } else if (role === 'separator') {
          what = SEPARATOR;
        }
        if (this.hasStraightQuote(bytes, s + 1, i)) return false;
      } else if (marks.isLead(b) && marks.splits(bytes, s, i)) {
        if (this.hasStraightQuote(bytes, s, i)) return false;
        what = MARKS;
      } else if (this.suspiciousWord(bytes, s, i, scan.underscore || b === UNDERSCORE)) {
        // A number, or a word that starts with "_", a digit or a mark's first byte.
        return false;
      }
      if (count + 2 > this.what.length) this.grow(count + 2);
      count = this.letters(bytes, pieceEnd, s, count);
      pieces.kind[count] = i - s === 1 && isDigitByte(b) ? DIGIT : TEXT;
      pieces.start[count] = s;
      pieces.end[count] = i;
      this.what[count] = what;
      count++;
      pieceEnd = i;
    }
    if (count + 1 > this.what.length) this.grow(count + 1);
    count = this.letters(bytes, pieceEnd, end, count);
    pieces.count = count;
    if (pairs) {
      // Each lone pair placeholder opens or closes one: an odd number of a digit leaves one unmatched.
      for (let d = 0; d <= 9; d++) if ((pairCount[d] & 1) === 1) return false;
      pieces.readSides(bytes);
    }
    return true;
  }

  /** Adds the piece of letters for the words in `bytes[from, to)`, if any: the new count of pieces. */
  private letters(bytes: Uint8Array, from: number, to: number, count: number): number {
    let last = to - 1;
    while (last >= from && TOKEN_BREAK[bytes[last]] === 1) last--;
    if (last < from) return count;
    // A word ending in "_" was refused: its last byte is what the pair reader asks about.
    this.pairs.kind[count] = isDigitByte(bytes[last]) ? LETTERS_DIGIT_END : LETTERS;
    this.what[count] = ENDS_WAIT;
    return count + 1;
  }

  /** The separator rule over the pieces just read, and the findings with their columns. */
  private findings(bytes: Uint8Array, start: number): Finding[] | undefined {
    const pieces = this.pairs;
    const sides = pieces.sides;
    const open = this.open.fill(0);
    const found = this.found;
    found.length = 0;
    // Separator placeholders waiting for what follows them: a final mark makes each one redundant.
    let waitingCount = 0;
    let previousIsSeparator = false;
    const count = pieces.count;
    const whats = this.what;
    const starts = pieces.start;
    for (let k = 0; k < count; k++) {
      const what = whats[k];
      const separator = previousIsSeparator;
      previousIsSeparator = false;
      let settles = true;
      let redundant = false;
      if (what === PAIR) {
        const d = bytes[starts[k]] - 0x30;
        // As pairPlaceholders: a mark read as closing closes only when one of its digit is open.
        const closes = sides[k] === CLOSES && open[d] > 0;
        open[d] += closes ? -1 : 1;
        // A closing mark stands between a separator and a final mark as any closing mark does.
        settles = !closes;
      } else if (what === SEPARATOR) {
        if (!separator) {
          if (waitingCount === this.waitingPiece.length) this.growWaiting();
          this.waitingInsertAt[waitingCount] = found.length;
          this.waitingPiece[waitingCount++] = k;
        }
        previousIsSeparator = true;
        settles = false;
      } else if (what === GLUED_SEPARATOR) {
        const s = starts[k];
        const e = pieces.end[k];
        const d = bytes[s] - 0x30;
        const marks = decoder.decode(bytes.subarray(s + 1, e));
        found.push({ code: 'glued-placeholder', at: s, to: e, message: fillTemplate(TEMPLATES.gluedPlaceholder, [String(d), marks]), l10n: message('gluedPlaceholder', String(d), marks) });
        // Right after a lone separator it is part of that one's run, which reports only its first.
        if (!separator && this.firstMarkClass(bytes, s + 1) === Attach.Final) {
          found.push({ code: 'separator-before-final', at: s, to: s + 1, message: separatorMessage(d), l10n: message('separatorBeforeFinal', String(d)) });
        }
      } else if (what === MARKS) {
        settles = false;
        if (waitingCount > 0) {
          const first = this.firstMarkClass(bytes, starts[k]);
          if (first === Attach.Final) settles = redundant = true;
          else settles = first !== Attach.Close;
        }
      }
      if (settles && waitingCount > 0) {
        if (redundant) {
          for (let w = waitingCount - 1; w >= 0; w--) {
            const piece = this.waitingPiece[w];
            const at = starts[piece];
            const digit = bytes[at] - 0x30;
            found.splice(this.waitingInsertAt[w], 0, { code: 'separator-before-final', at, to: at + 1, message: separatorMessage(digit), l10n: message('separatorBeforeFinal', String(digit)) });
          }
        }
        waitingCount = 0;
      }
    }
    // An unmatched pair: LineChecker says where its sentence ends.
    for (let d = 0; d <= 9; d++) if (open[d] > 0) return undefined;
    return this.located(bytes, start);
  }

  /**
   * The findings of a line as the WebAssembly screen gave them (normalize.as screen(): `n` findings
   * from `records[from]`, each as code, byte start, byte end, UTF-16 start and end in the line,
   * tokens before it): the same Finding objects checkLine() makes.
   */
  screenFindings(bytes: Uint8Array, records: Int32Array, from: number, n: number): Finding[] {
    const findings: Finding[] = [];
    for (let k = 0, p = from; k < n; k++, p += WASM_FINDING_LENGTH) {
      const code: FindingCode = records[p] === WASM_GLUED_PLACEHOLDER ? 'glued-placeholder' : 'separator-before-final';
      const severity = this.severities[code];
      if (severity === 'off') continue;
      const said = this.saidOf(code, bytes, records[p + 1], records[p + 2]);
      findings.push({ code, severity, start: records[p + 3], end: records[p + 4], message: said.message, l10n: said.l10n, tokenIndex: records[p + 5] });
    }
    return findings;
  }

  /**
   * What a screen finding says, for the placeholder at bytes[at] (and for a glued one the marks up
   * to `to`): one message shared by every finding that says the same (a corpus repeats a handful),
   * instead of one made for each.
   */
  private saidOf(code: FindingCode, bytes: Uint8Array, at: number, to: number): Said {
    const d = bytes[at] - 0x30;
    const glued = code === 'glued-placeholder';
    // A key of the digit and of marks up to three bytes long; longer ones are said afresh.
    const n = to - at - 1;
    const key = !glued ? d : n <= 3 ? 10 + d + 10 * (n | (bytes[at + 1] << 2) | (n > 1 ? bytes[at + 2] << 10 : 0) | (n > 2 ? bytes[at + 3] << 18 : 0)) : -1;
    const known = this.said.get(key);
    if (known) return known;
    const digit = String(d);
    let said: Said;
    if (glued) {
      const marks = decoder.decode(bytes.subarray(at + 1, to));
      said = { message: fillTemplate(TEMPLATES.gluedPlaceholder, [digit, marks]), l10n: message('gluedPlaceholder', digit, marks) };
    } else {
      said = { message: separatorMessage(d), l10n: message('separatorBeforeFinal', digit) };
    }
    if (key >= 0) this.said.set(key, said);
    return said;
  }

  /** The findings in `found` (in the order of their bytes) with their columns and tokens, severities applied. */
  private located(bytes: Uint8Array, start: number): Finding[] {
    const found = this.found;
    // Offsets in UTF-16 units and token indexes, counted forward once (findings come in the order of their bytes).
    const findings: Finding[] = [];
    let atByte = start;
    let atUnit = 0;
    let tokensBefore = 0;
    for (const f of found) {
      const severity = this.severities[f.code];
      if (severity === 'off') continue;
      if (f.at < atByte) {
        atByte = start;
        atUnit = 0;
        tokensBefore = 0;
      }
      atUnit += utf16Length(bytes, atByte, f.at);
      tokensBefore += tokenStarts(bytes, start, atByte, f.at);
      atByte = f.at;
      findings.push({ code: f.code, severity, start: atUnit, end: atUnit + utf16Length(bytes, f.at, f.to), message: f.message, l10n: f.l10n, tokenIndex: tokensBefore });
    }
    return findings;
  }

  /** The class of the one-character mark that is the character at `bytes[i]`, if there is one. */
  private firstMarkClass(bytes: Uint8Array, i: number): Attach | undefined {
    const b = bytes[i];
    if (b < 0x80) return this.asciiClass[b] < 0 ? undefined : (this.asciiClass[b] as Attach);
    return this.table.classes.get(String.fromCodePoint(codePointAt(bytes, i)));
  }

  private growWaiting(): void {
    const insertAt = new Int32Array(this.waitingPiece.length * 2);
    insertAt.set(this.waitingInsertAt);
    const piece = new Int32Array(this.waitingPiece.length * 2);
    piece.set(this.waitingPiece);
    this.waitingInsertAt = insertAt;
    this.waitingPiece = piece;
  }

  private grow(need: number): void {
    let size = this.what.length * 2;
    while (size < need) size *= 2;
    const what = new Uint8Array(size);
    what.set(this.what);
    this.what = what;
    this.pairs.reserve(size);
  }

  /**
   * Whether a token that is no placeholder may have a finding: a malformed join, or a pair or
   * separator digit at its edge (`x7`, `7x`). Numbers are let through by LineChecker; here they
   * only cost a full check of their line.
   */
  private suspiciousWord(bytes: Uint8Array, s: number, e: number, underscore: boolean): boolean {
    if (e - s >= 2) {
      if (this.markDigit[bytes[e - 1]] === 1 && !isDigitByte(bytes[e - 2])) return true;
      if (this.markDigit[bytes[s]] === 1 && !isDigitByte(bytes[s + 1])) return true;
    }
    if (!underscore) return false;
    for (let k = s; k < e; k++) {
      if (bytes[k] !== UNDERSCORE) continue;
      if (k === s || k === e - 1) return true;
      let before = k - 1;
      while ((bytes[before] & 0xc0) === 0x80) before--;
      if (!joinableAt(bytes, before) || !joinableAt(bytes, k + 1)) return true;
    }
    return false;
  }

  /** Whether `src[s, e)` (a run of marks) holds a straight quote, whose side only the whole line tells. */
  private hasStraightQuote(src: Uint8Array, s: number, e: number): boolean {
    for (let i = s; i < e; ) {
      const { len, cls } = this.marks.matchAt(src, i, e);
      if (cls === Attach.Straight) return true;
      i += len;
    }
    return false;
  }
}

// The message is LineChecker's, from the one template; one string per digit, made once (most lines of a corpus have one).
const SEPARATOR_MESSAGES = Array.from({ length: 10 }, (_, digit) => fillTemplate(TEMPLATES.separatorBeforeFinal, [String(digit)]));

function separatorMessage(digit: number): string {
  return SEPARATOR_MESSAGES[digit];
}
