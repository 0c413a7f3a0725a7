// Corpus statistics: tokens, words, compounds, syllables, sentences and placeholders per digit, counted over tokens or bytes.
import { ByteMarks, codePointAt } from './byteText';
import { tokenEnd, viewOf } from './byteTokens';
import { Attach, MarkTable, buildMarkTable } from './marks';
import { PlaceholderRole, Scheme, placeholderFor } from './scheme';
import { lastMarkClass } from './sentences';
import { Token } from './tokens';
import { ByteVocabulary, FNV_OFFSET, FNV_PRIME, GrowthCurve } from './vocabulary';

/** What one pass counts, line by line; figures that need the whole vocabulary are StatsTally's. */
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
  /** Sentences with at least one word: a sentence ends at a token ending in `. ! ? …` (a glued `7.` too) or at the end of its line. */
  sentences: number;
  /** sentenceLengths[n]: sentences of n words (index 0 unused). */
  sentenceLengths: number[];
  /** wordLengths[n]: word tokens of n syllables. */
  wordLengths: number[];
}

export function emptyStats(): CorpusStats {
  return { lines: 0, tokens: 0, words: 0, compounds: 0, syllables: 0, placeholders: {}, unknownPlaceholders: 0, gluedPlaceholders: 0, punctuation: 0, numbers: 0, other: 0, sentences: 0, sentenceLengths: [], wordLengths: [] };
}

function tally(histogram: number[], n: number): void {
  while (histogram.length <= n) histogram.push(0);
  histogram[n]++;
}

/** Adds one line's tokens to `stats`; `table` is the scheme's marks (sentence ends are read from it). */
export function countLine(stats: CorpusStats, tokens: readonly Token[], table: MarkTable): void {
  stats.lines++;
  stats.tokens += tokens.length;
  let sentenceWords = 0;
  for (const token of tokens) {
    switch (token.kind) {
      case 'word':
        stats.words++;
        stats.syllables++;
        sentenceWords++;
        tally(stats.wordLengths, 1);
        break;
      case 'compound': {
        const syllables = token.text.split('_').filter((s) => s.length > 0).length;
        stats.words++;
        stats.compounds++;
        stats.syllables += syllables;
        sentenceWords++;
        tally(stats.wordLengths, syllables);
        break;
      }
      case 'placeholder':
      case 'glued': {
        const digit = token.digit as string;
        stats.placeholders[digit] = (stats.placeholders[digit] ?? 0) + 1;
        if (token.role === 'unknown') stats.unknownPlaceholders++;
        if (token.kind === 'glued') {
          stats.gluedPlaceholders++;
          if (sentenceWords > 0 && lastMarkClass(table, token.text) === Attach.Final) sentenceWords = endSentence(stats, sentenceWords);
        }
        break;
      }
      case 'punctuation':
        stats.punctuation++;
        if (sentenceWords > 0 && lastMarkClass(table, token.text) === Attach.Final) sentenceWords = endSentence(stats, sentenceWords);
        break;
      case 'number':
        stats.numbers++;
        break;
      default:
        stats.other++;
    }
  }
  if (sentenceWords > 0) endSentence(stats, sentenceWords);
}

// Which side of a sentence break a closing mark or pair placeholder falls on does not change how many
// words each sentence has: sentences are counted by their words, so the pair reading is not needed.
function endSentence(stats: CorpusStats, words: number): 0 {
  stats.sentences++;
  tally(stats.sentenceLengths, words);
  return 0;
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
  private readonly table: MarkTable;
  /** Per ASCII byte: 1 when that one character is a sentence-final mark. */
  private readonly finalByte = new Uint8Array(128);
  /** Words of the sentence being read. */
  private sentenceWords = 0;
  /**
   * Per code point below U+1F00: 1 when a token starting with it is a word (a plain letter that
   * starts no mark). Read for the first byte of an ASCII token and the code point of a Latin one.
   */
  private readonly wordFirst = new Uint8Array(WORD_FIRST_LIMIT);
  /** Placeholders per digit in the run being read, added to the figures when it ends (a typed array, not object keys, per token). */
  private readonly digitCounts = new Float64Array(10);

  /** With a vocabulary, every word token goes into it (hashed in the loop that counts its syllables) and onto the growth curve. */
  constructor(
    scheme: Scheme,
    private readonly vocabulary?: ByteVocabulary,
    private readonly growth?: GrowthCurve,
  ) {
    const table = buildMarkTable(scheme);
    this.table = table;
    this.marks = new ByteMarks(table);
    for (const [mark, cls] of table.classes) if (mark.length === 1 && mark.charCodeAt(0) < 0x80 && cls === Attach.Final) this.finalByte[mark.charCodeAt(0)] = 1;
    for (const key of table.classes.keys()) this.markStarts.add(key.charCodeAt(0));
    for (let d = 0; d <= 9; d++) this.roles.push(placeholderFor(scheme, String(d))?.role ?? 'unknown');
    for (let c = 0; c < WORD_FIRST_LIMIT; c++) this.wordFirst[c] = isPlainLetter(c) && !this.markStarts.has(c) ? 1 : 0;
  }

  /** Adds the lines of a run of whole lines (the last one may lack its line break at the end of the input). */
  addLines(stats: CorpusStats, bytes: Uint8Array): void {
    const n = bytes.length;
    const view = viewOf(bytes);
    const fast = this.vocabulary === undefined;
    const lengths = stats.wordLengths;
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
        if (this.sentenceWords > 0) this.sentenceWords = endSentence(stats, this.sentenceWords);
        lineOpen = false;
        i += b === CR && bytes[i + 1] === LF ? 2 : 1;
        continue;
      }
      lineOpen = true;
      const s = i;
      i++;
      // Most tokens are words: counted here, in the scan that finds their end (unless the vocabulary
      // wants each one hashed, which word() does).
      if (fast && (b < 0x80 ? this.wordFirst[b] === 1 : b >= 0xc3 && b <= 0xe1 && this.wordFirst[codePointAt(bytes, s)] === 1)) {
        i = wordEnd(bytes, view, i, n);
        const syllables = WORD.underscores === 0 ? 1 : WORD.runs + (bytes[i - 1] === UNDERSCORE ? 0 : 1);
        stats.tokens++;
        stats.words++;
        this.sentenceWords++;
        if (WORD.underscores > 0) stats.compounds++;
        stats.syllables += syllables;
        if (syllables < lengths.length) lengths[syllables]++;
        else tally(lengths, syllables);
        continue;
      }
      i = tokenEnd(bytes, view, i, n);
      this.token(stats, bytes, s, i);
    }
    if (lineOpen) {
      stats.lines++;
      if (this.sentenceWords > 0) this.sentenceWords = endSentence(stats, this.sentenceWords);
    }
    const counts = this.digitCounts;
    for (let d = 0; d <= 9; d++) {
      if (counts[d] === 0) continue;
      const digit = String(d);
      stats.placeholders[digit] = (stats.placeholders[digit] ?? 0) + counts[d];
      counts[d] = 0;
    }
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
        this.digitCounts[first - 0x30]++;
        if (this.roles[first - 0x30] === 'unknown') stats.unknownPlaceholders++;
        if (e - s > 1) {
          stats.gluedPlaceholders++;
          if (this.sentenceWords > 0 && this.endsSentence(bytes, s, e)) this.sentenceWords = endSentence(stats, this.sentenceWords);
        }
        return;
      }
      if (isNumber(bytes, s, e)) {
        stats.numbers++;
        return;
      }
    }
    if (this.marks.isLead(first) && this.marks.splits(bytes, s, e)) {
      stats.punctuation++;
      if (this.sentenceWords > 0 && this.endsSentence(bytes, s, e)) this.sentenceWords = endSentence(stats, this.sentenceWords);
      return;
    }
    if (LETTER.test(utf8.decode(bytes.subarray(s, e)))) this.word(stats, bytes, s, e);
    else stats.other++;
  }

  /** Whether the token (all marks, or a glued placeholder) ends in a sentence-final mark. */
  private endsSentence(bytes: Uint8Array, s: number, e: number): boolean {
    if (e - s === 1) return bytes[s] < 0x80 && this.finalByte[bytes[s]] === 1;
    return lastMarkClass(this.table, utf8.decode(bytes.subarray(s, e))) === Attach.Final;
  }

  /** A word or compound: its syllables are the runs between underscores. */
  private word(stats: CorpusStats, bytes: Uint8Array, s: number, e: number): void {
    stats.words++;
    this.sentenceWords++;
    let syllables = 0;
    let underscores = 0;
    let inSyllable = false;
    let hash = FNV_OFFSET;
    for (let k = s; k < e; k++) {
      const b = bytes[k];
      hash = Math.imul(hash ^ b, FNV_PRIME);
      if (b === UNDERSCORE) {
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
      syllables = 1;
      stats.syllables++;
    }
    const lengths = stats.wordLengths;
    if (syllables < lengths.length) lengths[syllables]++;
    else tally(lengths, syllables);
    const vocabulary = this.vocabulary;
    if (vocabulary) {
      vocabulary.addHashed(bytes, s, e, hash >>> 0, underscores > 0);
      this.growth?.note(stats.words, vocabulary.types);
    }
  }
}

/** Code points from here on are never a plain letter (see isPlainLetter). */
const WORD_FIRST_LIMIT = 0x1f00;

/** What wordEnd found besides the end: one object reused, as this runs once per word. */
const WORD = { underscores: 0, runs: 0 };

/**
 * The end of the word running from `i` (as tokenEnd), counting its underscores and the syllables
 * that end at one (an underscore after a byte that is none): WORD. The word's first byte is at `i - 1`.
 */
function wordEnd(bytes: Uint8Array, view: DataView, i: number, end: number): number {
  let underscores = 0;
  let runs = 0;
  for (;;) {
    // SWAR, as tokenEnd: stop at a byte below 0x21 or an underscore.
    while (i + 4 <= end) {
      const x = view.getInt32(i, true);
      const y = x ^ 0x5f5f5f5f;
      if ((((x - 0x21212121) & ~x) | ((y - 0x01010101) & ~y)) & 0x80808080) break;
      i += 4;
    }
    if (i >= end) break;
    const c = bytes[i];
    if (c <= 0x20 && (c === SPACE || c === TAB || c === LF || c === CR)) break;
    if (c === UNDERSCORE) {
      underscores++;
      if (bytes[i - 1] !== UNDERSCORE) runs++;
    }
    i++;
  }
  WORD.underscores = underscores;
  WORD.runs = runs;
  return i;
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
