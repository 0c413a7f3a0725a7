// The syllables of a corpus line read straight from its UTF-8 bytes, interned to ids that fold case and Unicode form.
//
// Counting variations over hundreds of MB must not build a string or an object per syllable: the
// bytes of a syllable are hashed where they lie and looked up in a table of the distinct forms seen
// so far; only a form never seen before is decoded (once) to find its folded id.
import { codePointAt } from './byteText';

/** What stands before a syllable in its line. */
export const enum Boundary {
  /** White space between two words: `nâng cao`. */
  Space = 0,
  /** The joiner inside a word: `nâng_cao`. */
  Joined = 1,
  /** The line's start, or a token that is not a word (placeholder, punctuation, number, malformed join) in between. */
  Break = 2,
}

const UNDERSCORE = 0x5f;
const FNV_BASIS = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** The syllables of one line; reused from line to line (the arrays only grow). */
export class SyllableLine {
  count = 0;
  /** Folded syllable ids. */
  ids = new Int32Array(256);
  /** Byte offsets of each syllable, from the start of the bytes given to scan(). */
  starts = new Int32Array(256);
  ends = new Int32Array(256);
  /** The boundary before each syllable (see Boundary). */
  before = new Uint8Array(256);
  /** The index of the syllable's token among all the tokens of the line. */
  tokens = new Int32Array(256);

  push(id: number, start: number, end: number, before: Boundary, token: number): void {
    if (this.count === this.ids.length) this.grow();
    const i = this.count++;
    this.ids[i] = id;
    this.starts[i] = start;
    this.ends[i] = end;
    this.before[i] = before;
    this.tokens[i] = token;
  }

  private grow(): void {
    const size = this.ids.length * 2;
    const ids = new Int32Array(size);
    ids.set(this.ids);
    this.ids = ids;
    const starts = new Int32Array(size);
    starts.set(this.starts);
    this.starts = starts;
    const ends = new Int32Array(size);
    ends.set(this.ends);
    this.ends = ends;
    const before = new Uint8Array(size);
    before.set(this.before);
    this.before = before;
    const tokens = new Int32Array(size);
    tokens.set(this.tokens);
    this.tokens = tokens;
  }
}

// Letter or not, per BMP code point, decided once by \p{L}: 0 unknown, 1 letter, 2 not.
const letterCache = new Uint8Array(0x10000);
const LETTER = /\p{L}/u;

function isLetter(cp: number): boolean {
  if (cp < 0x80) return (cp | 0x20) >= 0x61 && (cp | 0x20) <= 0x7a;
  if (cp > 0xffff) return LETTER.test(String.fromCodePoint(cp));
  let known = letterCache[cp];
  if (known === 0) letterCache[cp] = known = LETTER.test(String.fromCharCode(cp)) ? 1 : 2;
  return known === 1;
}

/** What the join check (check.ts, malformed-join) accepts on either side of a `_`: letters and digits, but marks. */
function isJoinable(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x30 && cp <= 0x39) || ((cp | 0x20) >= 0x61 && (cp | 0x20) <= 0x7a);
  return cp >= 0xc0 && cp !== 0xd7 && cp !== 0xf7 && (cp < 0x2000 || cp > 0x206f);
}

/** The code point ending just before `end`. */
function codePointBefore(bytes: Uint8Array, end: number): number {
  let i = end - 1;
  while (i > 0 && (bytes[i] & 0xc0) === 0x80) i--;
  return codePointAt(bytes, i);
}

const decoder = new TextDecoder();

/** How a syllable is compared: lower case, composed (NFC), so `Nâng`, `nâng` and its NFD spelling are one. */
export function foldSyllable(text: string): string {
  return text.normalize('NFC').toLowerCase();
}

/**
 * Interns syllables. Two tables: the raw bytes of every distinct spelling (open addressing over an
 * arena, no string per lookup), and the folded forms those spellings map to.
 */
export class SyllableTable {
  private arena = new Uint8Array(1 << 16);
  private arenaUsed = 0;
  private slots = new Int32Array(1 << 12); // raw id + 1, 0 empty
  private slotHashes = new Int32Array(1 << 12);
  private rawStart = new Int32Array(1 << 10);
  private rawLength = new Int32Array(1 << 10);
  private rawFolded = new Int32Array(1 << 10);
  private rawCount = 0;
  private readonly foldedIds = new Map<string, number>();
  private readonly foldedTexts: string[] = [];

  /** How many distinct folded syllables there are; ids run from 0 to size - 1. */
  get size(): number {
    return this.foldedTexts.length;
  }

  /** The folded text of a syllable id. */
  text(id: number): string {
    return this.foldedTexts[id];
  }

  /** The folded id of a syllable given as text (for lexicon words), interning it. */
  idOfText(text: string): number {
    const folded = foldSyllable(text);
    let id = this.foldedIds.get(folded);
    if (id === undefined) {
      id = this.foldedTexts.length;
      this.foldedIds.set(folded, id);
      this.foldedTexts.push(folded);
    }
    return id;
  }

  /** The folded id of the syllable in bytes[start, end). */
  idOf(bytes: Uint8Array, start: number, end: number): number {
    let hash = FNV_BASIS;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i], FNV_PRIME);
    return this.lookup(bytes, start, end, hash);
  }

  /** idOf() with the FNV-1a hash of the bytes already computed (scan() hashes as it reads). */
  private lookup(bytes: Uint8Array, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    const length = end - start;
    const arena = this.arena;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot];
      if (entry === 0) return this.insert(bytes, start, end, hash, slot);
      if (this.slotHashes[slot] !== hash) continue;
      const raw = entry - 1;
      if (this.rawLength[raw] !== length) continue;
      const at = this.rawStart[raw] - start;
      let k = start;
      while (k < end && arena[at + k] === bytes[k]) k++;
      if (k === end) return this.rawFolded[raw];
    }
  }

  private insert(bytes: Uint8Array, start: number, end: number, hash: number, slot: number): number {
    const length = end - start;
    if (this.arenaUsed + length > this.arena.length) {
      const arena = new Uint8Array(Math.max(this.arena.length * 2, this.arenaUsed + length));
      arena.set(this.arena.subarray(0, this.arenaUsed));
      this.arena = arena;
    }
    this.arena.set(bytes.subarray(start, end), this.arenaUsed);
    if (this.rawCount === this.rawStart.length) {
      this.rawStart = grown(this.rawStart);
      this.rawLength = grown(this.rawLength);
      this.rawFolded = grown(this.rawFolded);
    }
    const raw = this.rawCount++;
    this.rawStart[raw] = this.arenaUsed;
    this.rawLength[raw] = length;
    this.arenaUsed += length;
    const id = this.idOfText(decoder.decode(bytes.subarray(start, end)));
    this.rawFolded[raw] = id;
    this.slots[slot] = raw + 1;
    this.slotHashes[slot] = hash;
    // Keep the table at most half full, so probes stay short.
    if (this.rawCount * 2 > this.slots.length) this.rehash();
    return id;
  }

  private rehash(): void {
    const oldSlots = this.slots;
    const oldHashes = this.slotHashes;
    this.slots = new Int32Array(oldSlots.length * 2);
    this.slotHashes = new Int32Array(oldSlots.length * 2);
    const mask = this.slots.length - 1;
    for (let s = 0; s < oldSlots.length; s++) {
      if (oldSlots[s] === 0) continue;
      let slot = oldHashes[s] & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = oldSlots[s];
      this.slotHashes[slot] = oldHashes[s];
    }
  }

  /**
   * Fills `out` with the syllables of the line in bytes[start, end) (no line break inside; a CR is
   * taken as one). A word token is one that starts with a letter and whose every `_` joins two
   * letters or digits singly, as the join check sees them; any other token breaks the run.
   * Offsets in `out` are relative to `start`.
   */
  scan(bytes: Uint8Array, start: number, end: number, out: SyllableLine): void {
    out.count = 0;
    let i = start;
    let token = -1;
    let previousWasWord = false;
    while (i < end) {
      let b = bytes[i];
      if (b === 0x20 || b === 0x09 || b === 0x0d || b === 0x0a) {
        i++;
        continue;
      }
      token++;
      if (!(((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7a) || (b >= 0x80 && isLetter(codePointAt(bytes, i))))) {
        // Not a word: skip it whole.
        while (i < end && (b = bytes[i]) !== 0x20 && b !== 0x09 && b !== 0x0d && b !== 0x0a) i++;
        previousWasWord = false;
        continue;
      }
      // One read of the token: hash each syllable as it goes, check each `_` where it stands.
      const firstSyllable = out.count;
      let before = previousWasWord ? Boundary.Space : Boundary.Break;
      let syllableStart = i;
      let hash = FNV_BASIS;
      let wellJoined = true;
      for (;;) {
        b = i < end ? bytes[i] : 0x20;
        if (b === 0x20 || b === 0x09 || b === 0x0d || b === 0x0a) break;
        if (b === UNDERSCORE) {
          if (i === syllableStart || !this.joinsAt(bytes, i, end)) wellJoined = false;
          out.push(this.lookup(bytes, syllableStart, i, hash), syllableStart - start, i - start, before, token);
          before = Boundary.Joined;
          syllableStart = i + 1;
          hash = FNV_BASIS;
        } else {
          hash = Math.imul(hash ^ b, FNV_PRIME);
        }
        i++;
      }
      if (i === syllableStart) wellJoined = false; // a `_` at the end
      if (!wellJoined) {
        out.count = firstSyllable;
        previousWasWord = false;
        continue;
      }
      out.push(this.lookup(bytes, syllableStart, i, hash), syllableStart - start, i - start, before, token);
      previousWasWord = true;
    }
  }

  /** Whether the `_` at `at` joins two letters or digits (the syllable before it is not empty). */
  private joinsAt(bytes: Uint8Array, at: number, end: number): boolean {
    if (at + 1 >= end) return false;
    const next = bytes[at + 1];
    if (next === UNDERSCORE || next === 0x20 || next === 0x09 || next === 0x0d || next === 0x0a) return false;
    return isJoinable(codePointBefore(bytes, at)) && isJoinable(codePointAt(bytes, at + 1));
  }
}
function grown(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

/** UTF-16 code units of the UTF-8 bytes in [from, to): turns a byte offset into an editor column. */
export function utf16Length(bytes: Uint8Array, from: number, to: number): number {
  let units = 0;
  for (let i = from; i < to; i++) {
    const b = bytes[i];
    if ((b & 0xc0) !== 0x80) units += b >= 0xf0 ? 2 : 1;
  }
  return units;
}
