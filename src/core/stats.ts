// Corpus statistics: tokens, words, compounds, syllables and placeholders per digit.
import { ByteMarks, codePointAt } from './byteText';
import { tokenEnd, viewOf } from './byteTokens';
import { buildMarkTable } from './marks';
import { PlaceholderRole, Scheme, placeholderFor } from './scheme';
import { Token } from './tokens';

export interface CorpusStats {
  lines: number;
  tokens: number;
  /** Word tokens: single syllables and compounds. */
  words: number;
  compounds: number;
  /** Syllables of word tokens (a compound counts each of its syllables). */
  syllables: number;
  /** Placeholder tokens (lone or glued) per digit, the unknown ones included. */
  placeholders: Record<string, number>;
  unknownPlaceholders: number;
  gluedPlaceholders: number;
  punctuation: number;
  numbers: number;
  other: number;
}

export function emptyStats(): CorpusStats {
  return { lines: 0, tokens: 0, words: 0, compounds: 0, syllables: 0, placeholders: {}, unknownPlaceholders: 0, gluedPlaceholders: 0, punctuation: 0, numbers: 0, other: 0 };
}

/** Adds one line's tokens to `stats`. */
export function countLine(stats: CorpusStats, tokens: readonly Token[]): void {
  stats.lines++;
  stats.tokens += tokens.length;
  for (const token of tokens) {
    switch (token.kind) {
      case 'word':
        stats.words++;
        stats.syllables++;
        break;
      case 'compound':
        stats.words++;
        stats.compounds++;
        stats.syllables += token.text.split('_').filter((s) => s.length > 0).length;
        break;
      case 'placeholder':
      case 'glued': {
        const digit = token.digit as string;
        stats.placeholders[digit] = (stats.placeholders[digit] ?? 0) + 1;
        if (token.role === 'unknown') stats.unknownPlaceholders++;
        if (token.kind === 'glued') stats.gluedPlaceholders++;
        break;
      }
      case 'punctuation':
        stats.punctuation++;
        break;
      case 'number':
        stats.numbers++;
        break;
      default:
        stats.other++;
    }
  }
}

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const UNDERSCORE = 0x5f;
const LETTER = /\p{L}/u;
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/** As the tokenizer's isPlainLetter: ASCII and Latin letters up to Latin Extended Additional, but × and ÷. */
function isPlainLetter(c: number): boolean {
  return ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff);
}

/**
 * countLine over UTF-8 bytes, for big files: the same figures, without decoding lines or making a
 * token object per token. Each token is classified as Tokenizer.classify does; only the rare token
 * that starts with neither a letter, a digit nor a mark is decoded (to ask whether it has a letter).
 */
export class ByteStats {
  private readonly marks: ByteMarks;
  /** First characters of marks (code points): a token starting with one may be punctuation. */
  private readonly markStarts = new Set<number>();
  private readonly roles: Array<PlaceholderRole | 'unknown'> = [];

  constructor(scheme: Scheme) {
    const table = buildMarkTable(scheme);
    this.marks = new ByteMarks(table);
    for (const key of table.classes.keys()) this.markStarts.add(key.charCodeAt(0));
    for (let d = 0; d <= 9; d++) this.roles.push(placeholderFor(scheme, String(d))?.role ?? 'unknown');
  }

  /** Adds the lines of a run of whole lines (the last one may lack its line break at the end of the input). */
  addLines(stats: CorpusStats, bytes: Uint8Array): void {
    const n = bytes.length;
    const view = viewOf(bytes);
    let i = 0;
    let lineOpen = false;
    while (i < n) {
      const b = bytes[i];
      if (b === SPACE || b === TAB) {
        lineOpen = true;
        i++;
        continue;
      }
      if (b === LF || b === CR) {
        stats.lines++;
        lineOpen = false;
        i += b === CR && bytes[i + 1] === LF ? 2 : 1;
        continue;
      }
      lineOpen = true;
      const s = i;
      i++;
      i = tokenEnd(bytes, view, i, n);
      this.token(stats, bytes, s, i);
    }
    if (lineOpen) stats.lines++;
  }

  private token(stats: CorpusStats, bytes: Uint8Array, s: number, e: number): void {
    stats.tokens++;
    const first = bytes[s];
    if (first < 0x80 ? ((first | 0x20) >= 0x61 && (first | 0x20) <= 0x7a) : true) {
      const cp = codePointAt(bytes, s);
      if (isPlainLetter(cp) && !this.markStarts.has(cp)) {
        this.word(stats, bytes, s, e);
        return;
      }
    }
    if (first >= 0x30 && first <= 0x39) {
      if (e - s === 1 || this.marks.splits(bytes, s + 1, e)) {
        const digit = String.fromCharCode(first);
        stats.placeholders[digit] = (stats.placeholders[digit] ?? 0) + 1;
        if (this.roles[first - 0x30] === 'unknown') stats.unknownPlaceholders++;
        if (e - s > 1) stats.gluedPlaceholders++;
        return;
      }
      if (isNumber(bytes, s, e)) {
        stats.numbers++;
        return;
      }
    }
    if (this.marks.isLead(first) && this.marks.splits(bytes, s, e)) {
      stats.punctuation++;
      return;
    }
    if (LETTER.test(utf8.decode(bytes.subarray(s, e)))) this.word(stats, bytes, s, e);
    else stats.other++;
  }

  /** A word or compound: its syllables are the runs between underscores. */
  private word(stats: CorpusStats, bytes: Uint8Array, s: number, e: number): void {
    stats.words++;
    let syllables = 0;
    let underscores = 0;
    let inSyllable = false;
    for (let k = s; k < e; k++) {
      if (bytes[k] === UNDERSCORE) {
        underscores++;
        inSyllable = false;
      } else if (!inSyllable) {
        inSyllable = true;
        syllables++;
      }
    }
    if (underscores > 0) {
      stats.compounds++;
      stats.syllables += syllables;
    } else {
      stats.syllables++;
    }
  }
}

/** As the tokenizer's number pattern, /^[0-9]+(?:[.,][0-9]+)*$/, over bytes. */
function isNumber(bytes: Uint8Array, s: number, e: number): boolean {
  let digits = 0;
  for (let k = s; k < e; k++) {
    const c = bytes[k];
    if (c >= 0x30 && c <= 0x39) digits++;
    else if ((c === 0x2e || c === 0x2c) && digits > 0 && k + 1 < e) digits = 0;
    else return false;
  }
  return digits > 0;
}
