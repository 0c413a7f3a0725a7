// Whether a text looks like a word-segmented Vietnamese corpus, judged from its beginning: what opens a .txt file as one.

/** How much of a text is read: the first 64 K characters, whatever the document's size. */
export const DETECT_HEAD_CHARS = 64 * 1024;

/** What the decision is made of; every share is between 0 and 1. */
export interface DetectionFeatures {
  /** Whitespace-separated tokens read. */
  readonly tokens: number;
  /** Tokens with a letter in them. */
  readonly wordTokens: number;
  /** Letter runs (syllables: the parts of a token between `_`, `-` and punctuation). */
  readonly syllables: number;
  /** Share of the syllables that have the shape of a Vietnamese syllable (onset, rime, coda). */
  readonly vietnameseShare: number;
  /** Share of the syllables carrying a Vietnamese diacritic (tone mark, ă â ê ô ơ ư, đ). */
  readonly markedShare: number;
  /** Share of the word tokens that join Vietnamese-shaped syllables with `_`: `Chủ_tịch`. */
  readonly compoundShare: number;
  /** Share of the `_`-joined tokens whose parts are not all Vietnamese-shaped: `max_value`, `dh_make`. */
  readonly identifierShare: number;
  /** Share of the tokens that are one ASCII digit standing alone: the placeholders `6`, `7`, `1`. */
  readonly placeholderShare: number;
  /** Code punctuation (`{ } ; = < > | \ $` and a `(` glued to a name) per token. */
  readonly codeDensity: number;
  /** Fields separators (a comma glued on both sides, a tab) per line. */
  readonly fieldsPerLine: number;
}

export interface Detection {
  readonly segmented: boolean;
  readonly features: DetectionFeatures;
}

/**
 * The measured rule's thresholds, set on the labelled set that `npm run eval:detect` builds
 * (scripts/eval/detect*.mjs; figures from it). What separates is the share of compounds: 12-54 %
 * of the word tokens of segmented files (5th percentile 15 %), at most 0.9 % in any other file
 * (a stray `dh_make` in a manual). The other features guard the cases that share would miss:
 * Vietnamese identifiers in code (`so_luong = 1;`), tables, text too short to tell.
 */
export const DETECT_THRESHOLDS = {
  /** Fewer syllables than this is too little to tell: a title, a line being typed. */
  minSyllables: 12,
  /** Vietnamese shapes: 0.9 in prose, 0.7 in a technical manual, 0.1-0.25 in English or code. */
  minVietnameseShare: 0.5,
  /** Diacritics: 0.6-0.9 in Vietnamese, 0 in English; 0.2 leaves room for text without tone marks. */
  minMarkedShare: 0.2,
  /** 5x the most any unsegmented file has, a third of what most segmented files have. */
  minCompoundShare: 0.05,
  /** Placeholders standing alone (3-20 % of the tokens of a placeholder corpus) halve the compounds needed. */
  minCompoundShareWithPlaceholders: 0.025,
  minPlaceholderShare: 0.03,
  /** snake_case: code and manuals have 64-100 % of their joined tokens so, segmented text none. */
  maxIdentifierShare: 0.2,
  /** Code: 0.05-0.8 code marks a token; segmented manuals that quote commands reach 0.05. */
  maxCodeDensity: 0.1,
  /** CSV and TSV: 0.9 or more separators a line; segmented text has none glued. */
  maxFieldsPerLine: 0.5,
} as const;

// Letter tables over the BMP up to Greek Extended (Vietnamese lives in Latin-1, Latin Extended-A/B
// and Latin Extended Additional): the lower-case toneless letter, or 0; whether it bears a diacritic.
const TABLE_SIZE = 0x1f00;
const BASE = new Uint16Array(TABLE_SIZE);
const MARKED = new Uint8Array(TABLE_SIZE);
const VOWELS = 'aăâeêioôơuưy';
const TONES = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
for (const vowel of VOWELS + VOWELS.toUpperCase()) {
  const base = vowel.toLowerCase();
  for (const tone of TONES) {
    const letter = (vowel + tone).normalize('NFC').charCodeAt(0);
    BASE[letter] = base.charCodeAt(0);
    if (tone !== '' || !'aeiouy'.includes(base)) MARKED[letter] = 1;
  }
}
for (const letter of 'đĐ') {
  BASE[letter.charCodeAt(0)] = 'đ'.charCodeAt(0);
  MARKED[letter.charCodeAt(0)] = 1;
}
for (let c = 0x41; c <= 0x5a; c++) BASE[c] = c + 0x20;
for (let c = 0x61; c <= 0x7a; c++) if (BASE[c] === 0) BASE[c] = c;

const code = (letter: string) => letter.charCodeAt(0);
// What a base letter can be in a syllable, as bits of a table (the detector's inner loop reads it per letter).
const VOWEL = 1;
const ONSET = 2;
const CODA = 4;
const ROLE = new Uint8Array(TABLE_SIZE);
for (const letter of VOWELS) ROLE[code(letter)] |= VOWEL;
for (const letter of 'bcdđghklmnprstvx') ROLE[code(letter)] |= ONSET;
for (const letter of 'cmnpt') ROLE[code(letter)] |= CODA;
const [C, G, H, I, K, N, P, Q, R, T, U] = [...'cghiknpqrtu'].map(code);

/** The toneless lower-case Vietnamese letter of a character, or 0 when it is not one. */
function baseOf(c: number): number {
  return c < TABLE_SIZE ? BASE[c] : 0;
}

/** ng nh ch gh gi kh ph qu th tr: two letters that open a syllable. */
function isDoubleOnset(first: number, second: number): boolean {
  switch (first) {
    case N:
      return second === G || second === H;
    case C:
    case K:
    case P:
    case T:
      return second === H || (first === T && second === R);
    case G:
      return second === H || second === I;
    case Q:
      return second === U;
    default:
      return false;
  }
}

/** Vowels then a coda (c ch m n ng nh p t) over base letters text[from, end). */
function isRime(text: string, from: number, end: number): boolean {
  let k = from;
  while (k < end && (ROLE[baseOf(text.charCodeAt(k))] & VOWEL) !== 0) k++;
  const vowels = k - from;
  if (vowels < 1 || vowels > 3) return false;
  const coda = end - k;
  if (coda === 0) return true;
  const first = baseOf(text.charCodeAt(k));
  if (coda === 1) return (ROLE[first] & CODA) !== 0;
  if (coda !== 2) return false;
  const second = baseOf(text.charCodeAt(k + 1));
  return (first === C && second === H) || (first === N && (second === G || second === H));
}

/**
 * Whether text[start, end), a run of letters, has the shape of a Vietnamese syllable: an onset
 * (b c ch d đ g gh gi h k kh l m n ng ngh nh p ph qu r s t th tr v x, or none), one to three
 * vowels, a coda. Tone marks and case do not matter. Each possible onset is tried (gì is g + ì).
 */
function isSyllable(text: string, start: number, end: number): boolean {
  const length = end - start;
  if (length > 7) return false;
  for (let k = start; k < end; k++) if (baseOf(text.charCodeAt(k)) === 0) return false;
  if (isRime(text, start, end)) return true;
  const first = baseOf(text.charCodeAt(start));
  if (length >= 2 && (ROLE[first] & ONSET) !== 0 && isRime(text, start + 1, end)) return true;
  if (length >= 3) {
    const second = baseOf(text.charCodeAt(start + 1));
    if (isDoubleOnset(first, second) && isRime(text, start + 2, end)) return true;
    if (first === N && second === G && length >= 4 && baseOf(text.charCodeAt(start + 2)) === H && isRime(text, start + 3, end)) return true;
  }
  return false;
}

/** Whether `word`, letters only, has the shape of a Vietnamese syllable (any case, tone, NFC or NFD). */
export function isVietnameseSyllable(word: string): boolean {
  const composed = word.normalize('NFC');
  return composed.length > 0 && isSyllable(composed, 0, composed.length);
}

const UNDERSCORE = 0x5f;
const CODE_MARK = new Uint8Array(128);
for (const mark of '{};=<>|\\$') CODE_MARK[code(mark)] = 1;

function isSpace(c: number): boolean {
  // U+FEFF (a BOM) and U+00A0 count as white space, as they do for \s.
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0b || c === 0x0c || c === 0xa0 || c === 0xfeff || c === 0x3000 || (c >= 0x2000 && c <= 0x200b);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** A letter of any script (only Vietnamese ones are looked at closely; the rest need telling from punctuation). */
function isLetter(c: number): boolean {
  if (c < TABLE_SIZE && BASE[c] !== 0) return true;
  return c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && !(c >= 0x2000 && c <= 0x2bff) && !(c >= 0x3000 && c <= 0x303f) && c !== 0xfeff;
}

/**
 * Reads the features of the first DETECT_HEAD_CHARS characters of `text`. One pass over the
 * characters, nothing allocated per token, so 64 K take well under 5 ms.
 */
export function detectionFeatures(text: string): DetectionFeatures {
  return toFeatures(count(headOf(text)));
}

/** The first DETECT_HEAD_CHARS characters, without a token the limit cuts, composed (NFC). */
function headOf(text: string): string {
  let head = text.length > DETECT_HEAD_CHARS ? text.slice(0, DETECT_HEAD_CHARS) : text;
  // A token cut by the 64 K limit is not judged.
  if (head.length < text.length && !isSpace(text.charCodeAt(head.length))) {
    let cut = head.length;
    while (cut > 0 && !isSpace(head.charCodeAt(cut - 1))) cut--;
    head = head.slice(0, cut);
  }
  // Decomposed (NFD) text spells the same syllables: compose it so the letter table applies.
  if (/[\u0300-\u036f]/.test(head)) head = head.normalize('NFC');
  return head;
}

interface Counts {
  tokens: number;
  wordTokens: number;
  syllables: number;
  vietnamese: number;
  marked: number;
  compounds: number;
  joined: number;
  placeholders: number;
  codeMarks: number;
  fieldMarks: number;
  lines: number;
}

// Counting and dividing are two functions so that the loop is optimized on its own: with the
// divisions after it in one function, V8 compiled the loop mid-call (on-stack replacement) and
// threw the code away at the divisions on every call (seen with --trace-deopt), 3-4x slower.
function count(head: string): Counts {
  let tokens = 0;
  let wordTokens = 0;
  let syllables = 0;
  let vietnamese = 0;
  let marked = 0;
  let compounds = 0;
  let joined = 0;
  let placeholders = 0;
  let codeMarks = 0;
  let fieldMarks = 0;
  let lines = 1;

  const n = head.length;
  let i = 0;
  while (i < n) {
    const c = head.charCodeAt(i);
    if (isSpace(c)) {
      if (c === 0x0a) lines++;
      else if (c === 0x09) fieldMarks++;
      i++;
      continue;
    }
    // One token: [start, end).
    const start = i;
    while (i < n && !isSpace(head.charCodeAt(i))) i++;
    const end = i;
    tokens++;
    if (end - start === 1 && isDigit(c)) {
      placeholders++;
      continue;
    }
    // Its syllables: letter runs, separated by `_`, `-` or anything else.
    let letters = false;
    let parts = 0;
    let shapedParts = 0;
    let underscores = 0;
    let k = start;
    while (k < end) {
      const ch = head.charCodeAt(k);
      if (ch < 128 && CODE_MARK[ch] === 1) codeMarks++;
      else if (ch === 0x28 && k > start && (isLetter(head.charCodeAt(k - 1)) || head.charCodeAt(k - 1) === UNDERSCORE)) codeMarks++;
      else if (ch === 0x2c && k > start && k + 1 < end) fieldMarks++;
      if (!isLetter(ch)) {
        if (ch === UNDERSCORE && k > start && k + 1 < end && isLetter(head.charCodeAt(k - 1)) && isLetter(head.charCodeAt(k + 1))) underscores++;
        k++;
        continue;
      }
      letters = true;
      let hasMark = false;
      const runStart = k;
      while (k < end && isLetter(head.charCodeAt(k))) {
        const lc = head.charCodeAt(k);
        if (lc < TABLE_SIZE && MARKED[lc] === 1) hasMark = true;
        k++;
      }
      // A letter run glued to a digit (`ext4`, `utf8`) is a name, not a syllable.
      const glued = (k < end && isDigit(head.charCodeAt(k))) || (runStart > start && isDigit(head.charCodeAt(runStart - 1)));
      parts++;
      syllables++;
      if (!glued && isSyllable(head, runStart, k)) {
        shapedParts++;
        vietnamese++;
        if (hasMark) marked++;
      }
    }
    if (!letters) continue;
    wordTokens++;
    if (underscores > 0) {
      joined++;
      if (shapedParts === parts) compounds++;
    }
  }

  return { tokens, wordTokens, syllables, vietnamese, marked, compounds, joined, placeholders, codeMarks, fieldMarks, lines };
}

function toFeatures({ tokens, wordTokens, syllables, vietnamese, marked, compounds, joined, placeholders, codeMarks, fieldMarks, lines }: Counts): DetectionFeatures {
  const share = (part: number, total: number) => (total === 0 ? 0 : part / total);
  return {
    tokens,
    wordTokens,
    syllables,
    vietnameseShare: share(vietnamese, syllables),
    markedShare: share(marked, syllables),
    compoundShare: share(compounds, wordTokens),
    identifierShare: share(joined - compounds, joined),
    placeholderShare: share(placeholders, tokens),
    codeDensity: share(codeMarks, tokens),
    fieldsPerLine: fieldMarks / lines,
  };
}

/** The rule over the features (see DETECT_THRESHOLDS). */
export function isSegmentedCorpus(features: DetectionFeatures): boolean {
  const t = DETECT_THRESHOLDS;
  if (features.syllables < t.minSyllables) return false;
  if (features.vietnameseShare < t.minVietnameseShare || features.markedShare < t.minMarkedShare) return false;
  if (features.identifierShare > t.maxIdentifierShare) return false;
  if (features.codeDensity > t.maxCodeDensity || features.fieldsPerLine > t.maxFieldsPerLine) return false;
  const minCompounds = features.placeholderShare >= t.minPlaceholderShare ? t.minCompoundShareWithPlaceholders : t.minCompoundShare;
  return features.compoundShare >= minCompounds;
}

/** Whether the first 64 K characters of `text` look like a segmented corpus, with the features that decided. */
export function detectSegmentedCorpus(text: string): Detection {
  const features = detectionFeatures(text);
  return { segmented: isSegmentedCorpus(features), features };
}
