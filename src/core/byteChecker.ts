// The line check over UTF-8 bytes, for big files: the common findings without decoding, the rest left to LineChecker.
import { Attach, MarkTable, buildMarkTable } from './marks';
import { DEFAULT_SEVERITIES, Finding, FindingCode, RuleSetting } from './check';
import { Message, TEMPLATES, fillTemplate, message } from './messages';
import { PlaceholderRole, Scheme, placeholderFor } from './scheme';
import { tokenEndAndUnderscore, viewOf } from './byteTokens';
import { BytePairReader, CLOSES, LETTERS_DIGIT_END } from './bytePairs';
import { planNormalize } from './normalize';
import { BYTE_CLASS, ByteMarks, ORDINARY, SPACE, TAB, UNDERSCORE, codePointAt, decoder, isDigitByte } from './byteText';


/** The UTF-16 length of `bytes[from, to)` (valid UTF-8): columns are counted as the editor counts them. */
function utf16Length(bytes: Uint8Array, from: number, to: number): number {
  let units = 0;
  for (let k = from; k < to; k++) {
    const b = bytes[k];
    if ((b & 0xc0) !== 0x80) units += b >= 0xf0 ? 2 : 1;
  }
  return units;
}

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

/**
 * Screens lines on bytes. Most lines of a corpus have no finding, or only the common ones (a
 * separator placeholder before a full stop, a glued `7.`), and those are found here without
 * decoding the line or making a token object. A line with anything rarer (an unmatched pair, an
 * unknown digit, a malformed join, a placeholder glued to a word) is answered `undefined`: the
 * caller gives it to LineChecker, so every message stays the one LineChecker writes. Pair
 * placeholders are read on bytes by the one typesetter (BytePairReader, as pairPlaceholders reads
 * them); a line with an unmatched one, a pair glued to marks or a straight quote goes to
 * LineChecker. Default severities only.
 */
export class ByteChecker {
  private readonly table: MarkTable;
  private readonly marks: ByteMarks;
  private readonly roles: Array<PlaceholderRole | 'unknown'> = [];
  /** Per byte: 1 for a digit whose role is pair or separator (what a placeholder glued to a word uses). */
  private readonly markDigit = new Uint8Array(256);
  private readonly wordStart = new Uint8Array(256);
  private readonly severities: Readonly<Record<FindingCode, RuleSetting>> = DEFAULT_SEVERITIES;
  /** The bytes the view is over: the lines of one run come from one buffer. */
  private viewed: Uint8Array | undefined;
  private view = viewOf(new Uint8Array(0));
  private readonly pairs: BytePairReader;
  /** Open pair placeholders per digit in the line being screened. */
  private readonly open = new Int32Array(10);

  constructor(scheme: Scheme) {
    this.table = buildMarkTable(scheme);
    this.marks = new ByteMarks(this.table);
    for (let d = 0; d <= 9; d++) {
      const role = placeholderFor(scheme, String(d))?.role ?? 'unknown';
      this.roles.push(role);
      this.markDigit[0x30 + d] = role === 'pair' || role === 'separator' ? 1 : 0;
    }
    for (let b = 0; b < 256; b++) this.wordStart[b] = BYTE_CLASS[b] === ORDINARY && !isDigitByte(b) && !this.marks.isLead(b) ? 1 : 0;
    // LineChecker(scheme) reads pairs with the scheme's default plan: so does this.
    this.pairs = new BytePairReader(planNormalize(scheme), this.wordStart);
  }

  /** The findings of the line `bytes[start, end)` (no line break in it), or undefined: ask LineChecker. */
  checkLine(bytes: Uint8Array, start: number, end: number): Finding[] | undefined {
    if (bytes !== this.viewed) {
      this.viewed = bytes;
      this.view = viewOf(bytes);
    }
    const view = this.view;
    const marks = this.marks;
    const found: Array<{ code: FindingCode; at: number; to: number; tokenIndex: number; message: string; l10n: Message }> = [];
    // Separator placeholders waiting for what follows them: a final mark makes each one redundant.
    const waiting: Array<{ insertAt: number; at: number; tokenIndex: number; digit: number }> = [];
    let waitingCount = 0;
    let previousIsSeparator = false;
    const settle = (redundant: boolean): void => {
      if (waitingCount === 0) return;
      if (redundant) {
        for (let k = waitingCount - 1; k >= 0; k--) {
          const w = waiting[k];
          found.splice(w.insertAt, 0, { code: 'separator-before-final', at: w.at, to: w.at + 1, tokenIndex: w.tokenIndex, message: separatorMessage(w.digit), l10n: message('separatorBeforeFinal', String(w.digit)) });
        }
      }
      // A count, not `waiting.length = 0`: setting an array's length is a runtime call, and this runs per token.
      waitingCount = 0;
    };
    let tokenIndex = -1;
    // Pair sides are read from the whole line when its first pair placeholder comes.
    let pairsRead = false;
    let piece = 0;
    let i = start;
    while (i < end) {
      const b = bytes[i];
      if (b === SPACE || b === TAB) {
        i++;
        continue;
      }
      const s = i;
      i++;
      const scan = tokenEndAndUnderscore(bytes, view, i, end);
      i = scan.end;
      const underscore = scan.underscore || b === UNDERSCORE;
      tokenIndex++;
      const separator = previousIsSeparator;
      previousIsSeparator = false;
      if (this.wordStart[b] === 1) {
        if (this.suspiciousWord(bytes, s, i, underscore)) return undefined;
        settle(false);
        continue;
      }
      if (isDigitByte(b) && (i - s === 1 || marks.splits(bytes, s + 1, i))) {
        const d = b - 0x30;
        const role = this.roles[d];
        if (role === 'unknown') return undefined;
        if (role === 'pair') {
          // Glued to its marks (`6.`): rare, left to LineChecker.
          if (i - s > 1) return undefined;
          if (!pairsRead) {
            pairsRead = true;
            this.pairs.read(bytes, view, start, end);
            this.open.fill(0);
          }
          const pieces = this.pairs;
          while (pieces.kind[piece] <= LETTERS_DIGIT_END || pieces.start[piece] < s) piece++;
          // As pairPlaceholders: a mark read as closing closes only when one of its digit is open.
          const closes = pieces.sides[piece] === CLOSES && this.open[d] > 0;
          this.open[d] += closes ? -1 : 1;
          // A closing mark stands between a separator and a final mark as any closing mark does.
          if (!closes) settle(false);
          continue;
        }
        if (i - s > 1) {
          // Glued: only a separator glued to its marks (`7.`) is common enough to answer here.
          if (role !== 'separator') return undefined;
          const marks = decoder.decode(bytes.subarray(s + 1, i));
          found.push({ code: 'glued-placeholder', at: s, to: i, tokenIndex, message: fillTemplate(TEMPLATES.gluedPlaceholder, [String(d), marks]), l10n: message('gluedPlaceholder', String(d), marks) });
          // Right after a lone separator it is part of that one's run, which reports only its first.
          if (!separator && this.table.classes.get(String.fromCodePoint(codePointAt(bytes, s + 1))) === Attach.Final) {
            found.push({ code: 'separator-before-final', at: s, to: s + 1, tokenIndex, message: separatorMessage(d), l10n: message('separatorBeforeFinal', String(d)) });
          }
          settle(false);
        } else if (role === 'separator') {
          if (!separator) waiting[waitingCount++] = { insertAt: found.length, at: s, tokenIndex, digit: d };
          previousIsSeparator = true;
        }
        if (role === 'number' || role === 'date') settle(false);
        if (this.hasStraightQuote(bytes, s + 1, i)) return undefined;
        continue;
      }
      if (marks.isLead(b) && marks.splits(bytes, s, i)) {
        if (waitingCount > 0) {
          const first = this.table.classes.get(String.fromCodePoint(codePointAt(bytes, s)));
          if (first === Attach.Final) settle(true);
          else if (first !== Attach.Close) settle(false);
        }
        if (this.hasStraightQuote(bytes, s, i)) return undefined;
        continue;
      }
      // A number, or a word that starts with "_", a digit or a mark's first byte.
      if (this.suspiciousWord(bytes, s, i, underscore)) return undefined;
      settle(false);
    }
    settle(false);
    // An unmatched pair: LineChecker says where its sentence ends.
    if (pairsRead) for (let d = 0; d <= 9; d++) if (this.open[d] > 0) return undefined;
    // Offsets in UTF-16 units, counted forward once (findings come in order, but a separator's may come first).
    const findings: Finding[] = [];
    let atByte = start;
    let atUnit = 0;
    const unit = (p: number): number => {
      if (p < atByte) return utf16Length(bytes, start, p);
      atUnit += utf16Length(bytes, atByte, p);
      atByte = p;
      return atUnit;
    };
    for (const f of found) {
      const severity = this.severities[f.code];
      if (severity === 'off') continue;
      const startUnit = unit(f.at);
      findings.push({ code: f.code, severity, start: startUnit, end: startUnit + utf16Length(bytes, f.at, f.to), message: f.message, l10n: f.l10n, tokenIndex: f.tokenIndex });
    }
    return findings;
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
