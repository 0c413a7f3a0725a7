// The segmentation of a line as syllables and the boundaries between them, and the edits that join, split or flip them.
//
// Between two neighbouring syllables there is a boundary: a run of white space (two words) or a
// run of `_` (one word; more than one `_` is a malformed joiner, still one boundary). Editing the
// segmentation replaces whole boundaries and nothing else, so every other character of the line
// stays where it is. Only letters meet at a boundary: placeholders, punctuation, numbers and stray
// underscores (`_a`, `a_`, `._Taylor`) are never part of one, so nothing is joined to them and they
// are never split off.
//
// Use: `segmentLine(line, tokenizer)` (or `segmentAround` for the tokens near a cursor) gives a
// Segmentation: its `boundaries`, `words` and `syllables()` (each with the boundary after it);
// `segmentationEdits` gives the edits of a command at any number of cursors and selections.
import { TextEdit } from './restore';
import { Token, Tokenizer } from './tokens';

/** `space`: two words (a run of spaces and tabs); `joiner`: one word (a run of `_`). */
export type BoundaryKind = 'space' | 'joiner';

/** The characters between two neighbouring syllables, as UTF-16 offsets in the line. */
export interface Boundary {
  readonly start: number;
  readonly end: number;
  readonly kind: BoundaryKind;
}

/**
 * A syllable of a word: the text between two boundaries, or between a boundary and the word's edge
 * (so it keeps what is glued to that edge: `a.`, `_a`).
 */
export interface Syllable {
  readonly start: number;
  readonly end: number;
  /** The boundary to the next syllable; undefined at the end of a run (line end, or a placeholder, punctuation or number next). */
  readonly next: Boundary | undefined;
}

/** A word of the line (a word or compound token) and how many syllables its joiners make. */
export interface SegmentedWord {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly syllables: number;
}

/**
 * The boundaries of a run of consecutive tokens of a line, in order. Only the run is read, so a
 * caller that knows where it works (a cursor, a selection) segments a window, not the whole line:
 * see `segmentAround`. A boundary at the run's outer edge is not known (its neighbour is outside).
 */
export class Segmentation {
  /** Every boundary, ordered by offset; they never overlap. */
  readonly boundaries: readonly Boundary[];
  /** The word tokens, ordered by offset. */
  readonly words: readonly SegmentedWord[];

  constructor(
    readonly line: string,
    tokens: readonly Token[],
  ) {
    const boundaries: Boundary[] = [];
    const words: SegmentedWord[] = [];
    let previous: Token | undefined;
    for (const token of tokens) {
      const isWord = token.kind === 'word' || token.kind === 'compound';
      if (isWord && previous && endsSyllable(line, previous.end) && startsSyllable(line, token.start)) {
        boundaries.push({ start: previous.end, end: token.start, kind: 'space' });
      }
      if (isWord) {
        let joiners = 0;
        if (token.kind === 'compound') {
          for (let p = line.indexOf('_', token.start); p >= 0 && p < token.end; ) {
            let q = p + 1;
            while (q < token.end && line.charCodeAt(q) === 0x5f) q++;
            if (p > token.start && q < token.end && endsSyllable(line, p) && startsSyllable(line, q)) {
              boundaries.push({ start: p, end: q, kind: 'joiner' });
              joiners++;
            }
            p = line.indexOf('_', q);
          }
        }
        words.push({ start: token.start, end: token.end, text: token.text, syllables: joiners + 1 });
      }
      previous = isWord ? token : undefined;
    }
    this.boundaries = boundaries;
    this.words = words;
  }

  /** The boundary the offset touches (a cursor right before, inside or right after it). */
  boundaryAt(offset: number): Boundary | undefined {
    const i = firstEndingAtOrAfter(this.boundaries, offset);
    const b = this.boundaries[i];
    return b && b.start <= offset ? b : undefined;
  }

  /** The boundaries lying wholly inside [from, to]. */
  boundariesWithin(from: number, to: number): Boundary[] {
    const found: Boundary[] = [];
    for (let i = firstEndingAtOrAfter(this.boundaries, from); i < this.boundaries.length && this.boundaries[i].end <= to; i++) {
      if (this.boundaries[i].start >= from) found.push(this.boundaries[i]);
    }
    return found;
  }

  /**
   * The boundaries between the syllables a range overlaps: both syllables next to the boundary
   * hold a character of [from, to). Selecting `ng ca` of `nâng cao` covers its space; selecting
   * only the space covers nothing.
   */
  boundariesBetweenSyllablesOf(from: number, to: number): Boundary[] {
    const found: Boundary[] = [];
    for (let i = firstEndingAtOrAfter(this.boundaries, from + 1); i < this.boundaries.length && this.boundaries[i].end < to; i++) {
      if (this.boundaries[i].start > from) found.push(this.boundaries[i]);
    }
    return found;
  }

  /** The word the offset touches (a cursor at its start, inside, or at its end). */
  wordAt(offset: number): SegmentedWord | undefined {
    const word = this.words[firstEndingAtOrAfter(this.words, offset)];
    return word && word.start <= offset ? word : undefined;
  }

  /** The joiners inside a word. */
  joinersOf(word: SegmentedWord): Boundary[] {
    return this.boundariesWithin(word.start, word.end);
  }

  /** The space boundary right after the word (its next word), or undefined when something else follows. */
  spaceAfter(word: SegmentedWord): Boundary | undefined {
    const b = this.boundaries[firstEndingAtOrAfter(this.boundaries, word.end + 1)];
    return b && b.start === word.end && b.kind === 'space' ? b : undefined;
  }

  /** The space boundary right before the word. */
  spaceBefore(word: SegmentedWord): Boundary | undefined {
    const b = this.boundaries[firstEndingAtOrAfter(this.boundaries, word.start)];
    return b && b.end === word.start && b.kind === 'space' ? b : undefined;
  }

  /**
   * The syllables of every word, in order, each with the boundary that follows it. A run of
   * syllables linked by `next` is what segmentation can regroup; its pattern of spaces and joiners
   * is how it is segmented here (`nâng cao_trình_độ`: space, joiner, joiner).
   */
  syllables(): Syllable[] {
    const syllables: Syllable[] = [];
    let i = 0;
    for (const word of this.words) {
      while (i < this.boundaries.length && this.boundaries[i].end <= word.start) i++;
      let start = word.start;
      for (; i < this.boundaries.length && this.boundaries[i].end < word.end; i++) {
        syllables.push({ start, end: this.boundaries[i].start, next: this.boundaries[i] });
        start = this.boundaries[i].end;
      }
      const after = this.boundaries[i];
      syllables.push({ start, end: word.end, next: after && after.start === word.end ? after : undefined });
    }
    return syllables;
  }

  /** The number of syllables of the words: joining or splitting never changes it. */
  get syllableCount(): number {
    return this.words.reduce((sum, w) => sum + w.syllables, 0);
  }
}

/** The index of the first of `spans` (in order, none overlapping) that ends at or after `offset`; their length when none does. */
function firstEndingAtOrAfter(spans: ReadonlyArray<{ readonly end: number }>, offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (spans[mid].end < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Segments a whole line. */
export function segmentLine(line: string, tokenizer: Tokenizer): Segmentation {
  return new Segmentation(line, tokenizer.tokenize(line));
}

/**
 * Segments only the tokens around [from, to] (and one token beyond each end, so the boundaries
 * next to them are known): the work is the size of the range, not of the line. Tokens are split on
 * white space alone, so tokenizing the window gives the line's own tokens there.
 */
export function segmentAround(line: string, tokenizer: Tokenizer, from: number, to: number): Segmentation {
  const start = tokenStartBefore(line, tokenStartBefore(line, Math.max(0, from)));
  const end = tokenEndAfter(line, tokenEndAfter(line, Math.min(line.length, to)));
  const tokens = tokenizer.tokenize(line.slice(start, end)).map((t) => ({ ...t, start: t.start + start, end: t.end + start }));
  return new Segmentation(line, tokens);
}

/** The start of the token holding `offset`, or of the one before when `offset` is in a gap or at a token's start. */
function tokenStartBefore(line: string, offset: number): number {
  let i = offset;
  while (i > 0 && isGap(line.charCodeAt(i - 1))) i--;
  while (i > 0 && !isGap(line.charCodeAt(i - 1))) i--;
  return i;
}

/** The end of the token at or after `offset` (the line's length when there is none). */
function tokenEndAfter(line: string, offset: number): number {
  let i = offset;
  while (i < line.length && isGap(line.charCodeAt(i))) i++;
  while (i < line.length && !isGap(line.charCodeAt(i))) i++;
  return i;
}

function isGap(c: number): boolean {
  return c === 0x20 || c === 0x09;
}

const LETTER = /\p{L}/u;
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;

/** Whether a syllable ends right before `offset`: a letter, or a combining mark (NFD `hò`). */
function endsSyllable(line: string, offset: number): boolean {
  const c = line.charCodeAt(offset - 1);
  if (c < 0x80 || isLatinLetter(c)) return isLatinLetter(c);
  const low = c >= 0xdc00 && c <= 0xdfff && offset >= 2;
  return LETTER_OR_MARK.test(low ? line.slice(offset - 2, offset) : line[offset - 1]);
}

/** Whether a syllable starts at `offset`: a letter (a split must leave tokens that read as words). */
function startsSyllable(line: string, offset: number): boolean {
  const c = line.charCodeAt(offset);
  if (c < 0x80 || isLatinLetter(c)) return isLatinLetter(c);
  return LETTER.test(String.fromCodePoint(line.codePointAt(offset) ?? c));
}

/** ASCII letters and the Latin blocks Vietnamese is written with (but × and ÷): the common case without a regular expression. */
function isLatinLetter(c: number): boolean {
  return ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff);
}

/** The edit that makes a boundary a single `_`, or none when it already is one. */
export function joinEdit(b: Boundary): TextEdit | undefined {
  return b.kind === 'joiner' && b.end - b.start === 1 ? undefined : { offset: b.start, length: b.end - b.start, text: '_' };
}

/** The edit that makes a joiner one space; none for a space. */
export function splitEdit(b: Boundary): TextEdit | undefined {
  return b.kind === 'joiner' ? { offset: b.start, length: b.end - b.start, text: ' ' } : undefined;
}

/** The edit that flips a boundary: a space (or tab, or run of them) becomes `_`, a joiner becomes one space. */
export function toggleEdit(b: Boundary): TextEdit {
  return { offset: b.start, length: b.end - b.start, text: b.kind === 'joiner' ? ' ' : '_' };
}

/** Joins the syllables a range overlaps into one word (each run between placeholders or punctuation, when there are some). */
export function joinRange(seg: Segmentation, from: number, to: number): TextEdit[] {
  return edits(seg.boundariesBetweenSyllablesOf(from, to).map(joinEdit));
}

/** Splits every joiner lying inside [from, to]. */
export function splitRange(seg: Segmentation, from: number, to: number): TextEdit[] {
  return edits(seg.boundariesWithin(from, to).map(splitEdit));
}

/** Flips every boundary lying inside [from, to]. */
export function toggleRange(seg: Segmentation, from: number, to: number): TextEdit[] {
  return seg.boundariesWithin(from, to).map(toggleEdit);
}

/** At a cursor on a joiner, splits that joiner only; elsewhere in a word, splits all its joiners. */
export function splitAt(seg: Segmentation, offset: number): TextEdit[] {
  const b = seg.boundaryAt(offset);
  if (b?.kind === 'joiner') return edits([splitEdit(b)]);
  const word = seg.wordAt(offset);
  return word ? edits(seg.joinersOf(word).map(splitEdit)) : [];
}

/** Flips the boundary the cursor touches. */
export function toggleAt(seg: Segmentation, offset: number): TextEdit[] {
  const b = seg.boundaryAt(offset);
  return b ? [toggleEdit(b)] : [];
}

/**
 * Joins the word at the cursor with the next word (`direction` 1) or the previous one (-1). A cursor
 * in a run of white space between two words joins those two.
 */
export function joinNeighbour(seg: Segmentation, offset: number, direction: 1 | -1): TextEdit[] {
  const word = seg.wordAt(offset);
  const b = word ? (direction === 1 ? seg.spaceAfter(word) : seg.spaceBefore(word)) : seg.boundaryAt(offset);
  return b && b.kind === 'space' ? edits([joinEdit(b)]) : [];
}

function edits(list: ReadonlyArray<TextEdit | undefined>): TextEdit[] {
  return list.filter((e): e is TextEdit => e !== undefined);
}

/** What a segmentation command does at each cursor or selection. */
export type SegmentationOperation = 'join' | 'joinPrevious' | 'split' | 'toggle';

/** A cursor (from === to) or a selection, as offsets in the line. */
export interface LineRange {
  readonly from: number;
  readonly to: number;
}

/**
 * The edits of one command over any number of cursors and selections of a line, as the editor's
 * commands define them: Join Words joins a selection's syllables, or at a cursor the word with the
 * next one (`joinPrevious`: the previous one); Split Word splits the joiners of a selection, or at
 * a cursor the word (or only the joiner the cursor is on); Toggle Boundary flips the boundaries of
 * a selection or the one at a cursor. Edits that two ranges ask for alike are made once; the result
 * is ordered by offset and never overlaps (every edit replaces one whole boundary), whatever the
 * order of the ranges.
 */
export function segmentationEdits(seg: Segmentation, operation: SegmentationOperation, ranges: readonly LineRange[]): TextEdit[] {
  const byOffset = new Map<number, TextEdit>();
  for (const { from, to } of ranges) {
    const empty = from === to;
    let found: TextEdit[];
    switch (operation) {
      case 'join':
        found = empty ? joinNeighbour(seg, from, 1) : joinRange(seg, from, to);
        break;
      case 'joinPrevious':
        found = empty ? joinNeighbour(seg, from, -1) : joinRange(seg, from, to);
        break;
      case 'split':
        found = empty ? splitAt(seg, from) : splitRange(seg, from, to);
        break;
      case 'toggle':
        found = empty ? toggleAt(seg, from) : toggleRange(seg, from, to);
        break;
    }
    // Two ranges on one boundary ask for the same edit (each is a function of the boundary alone).
    for (const edit of found) byOffset.set(edit.offset, edit);
  }
  return [...byOffset.values()].sort((a, b) => a.offset - b.offset);
}

/** A run of words that a join would make one word, with the edits that do it. */
export interface JoinedWord {
  /** Offsets of the new word in the line (the first word's start, the last one's end). */
  readonly start: number;
  readonly end: number;
  /** The new word: `nâng_cao` for `nâng cao`. */
  readonly text: string;
  readonly edits: TextEdit[];
}

/**
 * What joining the words a range overlaps gives, when they can make one word: at least two words,
 * with a space boundary between each and the next (no placeholder, punctuation or number among
 * them). Malformed joiners inside them become a single `_` too.
 */
export function joinedWord(seg: Segmentation, from: number, to: number): JoinedWord | undefined {
  const words = seg.words.filter((w) => w.start < to && w.end > from);
  if (words.length < 2) return undefined;
  const first = words[0];
  const last = words[words.length - 1];
  const spaces = seg.boundariesWithin(first.end, last.start);
  if (spaces.length !== words.length - 1 || spaces.some((b, i) => b.kind !== 'space' || b.start !== words[i].end)) return undefined;
  const joins = edits(seg.boundariesWithin(first.start, last.end).map(joinEdit));
  let text = '';
  let at = first.start;
  for (const e of joins) {
    text += seg.line.slice(at, e.offset) + e.text;
    at = e.offset + e.length;
  }
  text += seg.line.slice(at, last.end);
  return { start: first.start, end: last.end, text, edits: joins };
}
