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

  /** Makes room for `size` syllables. */
  reserve(size: number): void {
    while (this.ids.length < size) this.grow();
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
  /** The tokens read so far and their syllables; undefined reads every token afresh (what tests compare against). */
  private readonly spellings: Spellings | undefined;
  private readonly scratch = new SyllableLine();
  /** The hash of the token endOfToken() read last. */
  private tokenHash = 0;

  constructor(options: { readonly rememberTokens?: boolean } = {}) {
    this.spellings = options.rememberTokens === false ? undefined : new Spellings();
  }

  /**
   * A table that came from another thread as plain data (structured clone keeps the fields and
   * drops the class): a new table with those fields. Made by the constructor and then given the
   * fields, the objects have the shape the code was optimized for: given a prototype afterwards,
   * they were read about twice as slowly.
   */
  static revive(data: object): SyllableTable {
    const fields = data as { spellings: object | undefined; scratch: object };
    const table = new SyllableTable({ rememberTokens: fields.spellings !== undefined });
    return Object.assign(table, data, {
      spellings: fields.spellings && Object.assign(new Spellings(), fields.spellings),
      scratch: Object.assign(new SyllableLine(), fields.scratch),
    });
  }

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
    [this.slots, this.slotHashes] = doubledTable(this.slots, this.slotHashes);
  }

  /**
   * Fills `out` with the syllables of the line in bytes[start, end) (no line break inside; a CR is
   * taken as one). A word token is one that starts with a letter and whose every `_` joins two
   * letters or digits singly, as the join check sees them; any other token breaks the run.
   * Offsets in `out` are relative to `start`.
   *
   * A corpus repeats its tokens (a few hundred thousand spellings make up hundreds of MB), so each
   * token is hashed whole and looked up among the spellings read before, whose syllables are kept;
   * only a new spelling is read syllable by syllable (readToken).
   */
  scan(bytes: Uint8Array, start: number, end: number, out: SyllableLine): void {
    out.count = 0;
    let i = start;
    let token = -1;
    let previousWasWord = false;
    const spellings = this.spellings;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    while (i < end) {
      const b = bytes[i];
      if (b <= 0x20 && (b === 0x20 || b === 0x09 || b === 0x0d || b === 0x0a)) {
        i++;
        continue;
      }
      token++;
      const from = i;
      i = this.endOfToken(bytes, view, i, end);
      const hash = this.tokenHash;
      const spelling = spellings === undefined ? NOT_KEPT : spellings.find(bytes, view, from, i, hash);
      if (spelling < 0) {
        const firstSyllable = out.count;
        previousWasWord = this.readToken(bytes, from, i, start, out, previousWasWord, token);
        if (spelling === MISSING) spellings!.add(bytes, from, i, hash, out, firstSyllable, from - start);
        continue;
      }
      const n = spellings!.syllableCount[spelling];
      if (n === 0) {
        previousWasWord = false;
        continue;
      }
      if (out.count + n > out.ids.length) out.reserve(out.count + n);
      out.count = putSpelling(spellings!, spelling, n, out, out.count, from - start, previousWasWord, token);
      previousWasWord = true;
    }
  }

  /**
   * scan() of line `l` of `lines`, whose bytes are bytes[start, end): the same syllables, offsets,
   * boundaries and token indexes, with each token's spelling taken from its entry instead of hashed
   * and looked up (a word written out in its entry is read from the bytes, as scan reads it).
   */
  scanSpelled(lines: SpelledLines, l: number, bytes: Uint8Array, start: number, end: number, out: SyllableLine): void {
    const spellings = this.spellings;
    if (spellings === undefined) {
      this.scan(bytes, start, end, out);
      return;
    }
    out.count = 0;
    const entries = lines.entriesOf(l);
    let p = 0;
    const stop = entries.length;
    let i = start;
    let token = -1;
    let previousWasWord = false;
    const syllableCount = spellings.syllableCount;
    // Room for the syllables of every entry at once (a word written out has its ids in its entries too).
    let room = 0;
    for (let q = p; q < stop; q++) {
      const v = entries[q];
      room += v >= 0 ? syllableCount[v] : v < -1 ? -2 - v : 0;
    }
    if (room > out.ids.length) out.reserve(room);
    let c = 0;
    while (p < stop) {
      // The next token: after white space, up to white space (as spell() read it).
      let b = bytes[i];
      while (b <= 0x20 && (b === 0x20 || b === 0x09 || b === 0x0d || b === 0x0a) && i < end) b = bytes[++i];
      token++;
      const from = i;
      for (i++; i < end; i++) {
        b = bytes[i];
        if (b <= 0x20 && (b === 0x20 || b === 0x09 || b === 0x0d || b === 0x0a)) break;
      }
      const v = entries[p++];
      if (v < 0) {
        if (v === SpelledLines.NOT_A_WORD) {
          previousWasWord = false;
        } else {
          // The syllables written out: read again from the bytes, as scan() reads such a token.
          p += -2 - v;
          out.count = c;
          previousWasWord = this.readToken(bytes, from, i, start, out, previousWasWord, token);
          c = out.count;
        }
        continue;
      }
      const n = syllableCount[v];
      if (n === 0) {
        previousWasWord = false;
        continue;
      }
      c = putSpelling(spellings, v, n, out, c, from - start, previousWasWord, token);
      previousWasWord = true;
    }
    out.count = c;
  }

  /**
   * The end of the token starting at bytes[i] (not white space), before `end`; its hash is left in
   * tokenHash. Four bytes at a time while the next four hold no byte up to 0x20 (the white space
   * among them), then byte by byte: the hash depends on the token's bytes only, wherever it stands.
   */
  private endOfToken(bytes: Uint8Array, view: DataView, i: number, end: number): number {
    let hash = FNV_BASIS;
    for (const words = end - 4; i <= words; i += 4) {
      const w = view.getInt32(i, true);
      // Nonzero exactly when some byte of w is below 0x21 (the classic "has less" test).
      if (((w - 0x21212121) & ~w & 0x80808080) !== 0) break;
      hash = Math.imul(hash ^ w, FNV_PRIME);
    }
    for (; i < end; i++) {
      const b = bytes[i];
      if (b <= 0x20 && (b === 0x20 || b === 0x09 || b === 0x0d || b === 0x0a)) break;
      hash = Math.imul(hash ^ b, FNV_PRIME);
    }
    this.tokenHash = hash;
    return i;
  }

  /**
   * Reads the token in bytes[from, to) syllable by syllable into `out` (offsets relative to
   * `lineStart`), as the `token`th of its line; returns whether it is a word.
   */
  private readToken(bytes: Uint8Array, from: number, to: number, lineStart: number, out: SyllableLine, previousWasWord: boolean, token: number): boolean {
    let i = from;
    let b = bytes[i];
    if (!(((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7a) || (b >= 0x80 && isLetter(codePointAt(bytes, i))))) return false;
    // One read of the token: hash each syllable as it goes, check each `_` where it stands.
    const firstSyllable = out.count;
    let before = previousWasWord ? Boundary.Space : Boundary.Break;
    let syllableStart = i;
    let hash = FNV_BASIS;
    let wellJoined = true;
    for (; i < to; i++) {
      b = bytes[i];
      if (b === UNDERSCORE) {
        if (i === syllableStart || !this.joinsAt(bytes, i, to)) wellJoined = false;
        out.push(this.lookup(bytes, syllableStart, i, hash), syllableStart - lineStart, i - lineStart, before, token);
        before = Boundary.Joined;
        syllableStart = i + 1;
        hash = FNV_BASIS;
      } else {
        hash = Math.imul(hash ^ b, FNV_PRIME);
      }
    }
    if (i === syllableStart) wellJoined = false; // a `_` at the end
    if (!wellJoined) {
      out.count = firstSyllable;
      return false;
    }
    out.push(this.lookup(bytes, syllableStart, i, hash), syllableStart - lineStart, i - lineStart, before, token);
    return true;
  }

  /**
   * Appends the line in bytes[start, end) to `into`: each token as the number of its spelling, or,
   * for a token too long (or too many) to remember, as its syllables written out. Counting passes
   * then replay() the line without reading its bytes again. Sets `into.full` when it has no room.
   */
  spell(bytes: Uint8Array, start: number, end: number, into: SpelledLines): void {
    const spellings = this.spellings;
    const scratch = this.scratch;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let i = start;
    while (i < end) {
      const b = bytes[i];
      if (b <= 0x20 && (b === 0x20 || b === 0x09 || b === 0x0d || b === 0x0a)) {
        i++;
        continue;
      }
      const from = i;
      i = this.endOfToken(bytes, view, i, end);
      const hash = this.tokenHash;
      let spelling = spellings === undefined ? NOT_KEPT : spellings.find(bytes, view, from, i, hash);
      if (spelling === MISSING) {
        scratch.count = 0;
        this.readToken(bytes, from, i, from, scratch, false, 0);
        spelling = spellings!.add(bytes, from, i, hash, scratch, 0, 0);
      }
      if (spelling >= 0) {
        into.push(spelling);
        continue;
      }
      scratch.count = 0;
      if (!this.readToken(bytes, from, i, from, scratch, false, 0)) into.push(SpelledLines.NOT_A_WORD);
      else into.pushWritten(scratch.ids, scratch.count);
    }
    into.endLine();
  }

  /**
   * spell() for a line whose tokens normalize.as spell() has already numbered (`numbered[from, to)`,
   * the line's entries, after its head): a number for a token seen before, NEW_SPELLING with
   * the token's bytes for one numbered now (the next number: the numbering is this table's, since
   * both number tokens in the order they first come), NOT_KEPT with its bytes for one too long or
   * too many to number. The same entries, spellings and syllables as spell() from the bytes.
   */
  spellNumbered(bytes: Uint8Array, numbered: Int32Array, from: number, to: number, into: SpelledLines): void {
    const spellings = this.spellings!;
    const scratch = this.scratch;
    for (let k = from; k < to; ) {
      const v = numbered[k];
      if (v >= 0) {
        into.push(v);
        k++;
        continue;
      }
      const s = numbered[k + 1];
      const e = numbered[k + 2];
      k += 3;
      scratch.count = 0;
      const word = this.readToken(bytes, s, e, s, scratch, false, 0);
      if (v === NUMBERED_NEW) {
        this.endOfToken(bytes, new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), s, e);
        into.push(spellings.add(bytes, s, e, this.tokenHash, scratch, 0, 0));
      } else if (!word) {
        into.push(SpelledLines.NOT_A_WORD);
      } else {
        into.pushWritten(scratch.ids, scratch.count);
      }
    }
    into.endLine();
  }

  /** Fills `out` with the syllables of line `l` of `lines` as scan() would from its bytes: ids and boundaries only (no offsets, no token numbers). */
  replay(lines: SpelledLines, l: number, out: SyllableLine): void {
    const tokens = lines.entriesOf(l);
    let p = 0;
    const stop = tokens.length;
    let previousWasWord = false;
    let ids = out.ids;
    let before = out.before;
    let c = 0;
    // A table that remembers no token spells every word out: these are then never read.
    const spellings = this.spellings;
    const syllableCount = spellings === undefined ? NO_BYTES : spellings.syllableCount;
    const first = spellings === undefined ? NO_INTS : spellings.first;
    const poolIds = spellings === undefined ? NO_INTS : spellings.poolIds;
    while (p < stop) {
      const v = tokens[p++];
      if (v === SpelledLines.NOT_A_WORD) {
        previousWasWord = false;
        continue;
      }
      let n: number;
      let source: Int32Array;
      let k: number;
      if (v >= 0) {
        n = syllableCount[v];
        if (n === 0) {
          previousWasWord = false;
          continue;
        }
        source = poolIds;
        k = first[v];
      } else {
        n = -2 - v;
        source = tokens;
        k = p;
        p += n;
      }
      if (c + n > ids.length) {
        out.count = c;
        out.reserve(c + n);
        ids = out.ids;
        before = out.before;
      }
      ids[c] = source[k];
      before[c] = previousWasWord ? Boundary.Space : Boundary.Break;
      for (const last = c + n - 1; c < last; ) {
        ids[++c] = source[++k];
        before[c] = Boundary.Joined;
      }
      c++;
      previousWasWord = true;
    }
    out.count = c;
  }

  /** How many distinct tokens are remembered. */
  get spellingCount(): number {
    return this.spellings?.size ?? 0;
  }

  /**
   * The spellings' syllables as arrays, for a pass that reads many (Variations' counts): per
   * spelling its first entry in `poolIds` and its syllable count (0: not a word). Valid until the
   * next spelling is added; undefined for a table that remembers no token.
   */
  spellingArrays(): { readonly first: Int32Array; readonly syllableCount: Uint8Array; readonly poolIds: Int32Array } | undefined {
    const spellings = this.spellings;
    return spellings && { first: spellings.first, syllableCount: spellings.syllableCount, poolIds: spellings.poolIds };
  }

  /** How many syllables the token of a spelling number (from spell()) has: 0 when it is not a word. */
  syllablesOfSpelling(spelling: number): number {
    return this.spellings!.syllableCount[spelling];
  }

  /** The id of the k-th syllable of a spelling's token. */
  syllableOfSpelling(spelling: number, k: number): number {
    return this.spellings!.poolIds[this.spellings!.first[spelling] + k];
  }

  /** Whether the `_` at `at` joins two letters or digits (the syllable before it is not empty). */
  private joinsAt(bytes: Uint8Array, at: number, end: number): boolean {
    if (at + 1 >= end) return false;
    const next = bytes[at + 1];
    if (next === UNDERSCORE || next === 0x20 || next === 0x09 || next === 0x0d || next === 0x0a) return false;
    return isJoinable(codePointBefore(bytes, at)) && isJoinable(codePointAt(bytes, at + 1));
  }
}
/**
 * Lines of a corpus as their tokens' spelling numbers (SyllableTable.spell), kept so that counting
 * can read every line again without its bytes: a byte or two a token, mostly (see the encoding
 * below), instead of a second and third read and hash of every byte. Kept in blocks (a line never
 * straddles two), so growing copies nothing and wastes at most a block. Bounded: past `maxBytes`
 * it gives up (`full`) and frees its memory.
 *
 * Entries, as written and as read back (entriesOf): a spelling number (>= 0); NOT_A_WORD; or
 * -(2 + n) followed by the ids of the n syllables of a word not remembered. They are kept as bytes,
 * since fresh memory is what keeping them costs most (each page faulted in), and spelling numbers,
 * given in the order tokens first come, are small for the frequent words:
 *   0xxxxxxx                      spelling x (below 0x80)
 *   10xxxxxx yyyyyyyy             spelling 0x80 + (x << 8 | y)
 *   110xxxxx yyyyyyyy zzzzzzzz    spelling 0x4080 + (x << 16 | y << 8 | z)
 *   WIDE_SPELLING, 4 bytes        any other spelling, little-endian
 *   WRITTEN_WORD, 4 bytes n, then n ids of 4 bytes each, little-endian
 *   NOT_A_WORD_BYTE
 * normalize.as countRun() reads the same bytes for the count's walk.
 */
export class SpelledLines {
  /** A token that is not a word (a placeholder, punctuation, a malformed join): it breaks the run. */
  static readonly NOT_A_WORD = -1;
  private readonly blocks: Uint8Array[] = [];
  /** The block being filled, how much of it is, and where the line being spelled starts in it (bytes). */
  private block: Uint8Array;
  private used = 0;
  private lineStart = 0;
  private kept = 0;
  /** Per line: its block, and where its bytes end there. */
  private lineBlocks = new Int32Array(1 << 10);
  private lineEnds = new Int32Array(1 << 10);
  /** entriesOf()'s answer, reused. */
  private decoded = new Int32Array(64);
  /** How many lines are kept. */
  lineCount = 0;
  full = false;

  /**
   * `maxBytes`, `blockSize`: in bytes of the encoding. Blocks are small, since a count copies a
   * block's lines into WebAssembly memory at once, and two threads share a count a block at a time
   * (see WasmCountWalk).
   * `shared`: the blocks are SharedArrayBuffers, which another thread can read without a copy (the
   * CLI's count shares its last runs of lines with the main thread).
   */
  constructor(
    readonly maxBytes = 128 << 20,
    private readonly blockSize = 256 << 10,
    private readonly shared = false,
  ) {
    this.block = this.newBlock(Math.min(blockSize, maxBytes));
    this.blocks.push(this.block);
  }

  private newBlock(length: number): Uint8Array {
    return this.shared ? new Uint8Array(new SharedArrayBuffer(length)) : new Uint8Array(length);
  }

  /** How many bytes the kept lines take, in all blocks. */
  get size(): number {
    return this.full ? 0 : this.kept + this.used - this.lineStart;
  }

  /** Pushes an entry: a spelling number or NOT_A_WORD (a word written out goes by pushWritten). */
  push(entry: number): void {
    if (this.used + MAX_ENTRY_BYTES > this.block.length) {
      const size = entryBytes(entry);
      if (this.used + size > this.block.length && !this.room(size)) return;
    }
    this.used = putEntry(this.block, this.used, entry);
  }

  /**
   * Appends `count` lines already encoded as this keeps them (normalize.as spell() writes lines of
   * spellings seen before so): line k is src[ends[k - 1], ends[k]), the first from `from`. Whole
   * lines are copied as many at a time as a block holds. Returns how many lines it kept: `count`,
   * unless it gave up past its bound (`full`).
   */
  pushEncodedLines(src: Uint8Array, from: number, ends: Int32Array, count: number): number {
    let at = from;
    for (let k = 0; k < count; ) {
      const room = this.block.length - this.used;
      let last = k;
      while (last < count && ends[last] - at <= room) last++;
      if (last === k) {
        // The next line needs a new block.
        if (!this.room(ends[k] - at)) return k;
        continue;
      }
      const base = this.used - at;
      this.block.set(src.subarray(at, ends[last - 1]), this.used);
      for (; k < last; k++) {
        this.used = base + ends[k];
        this.endLine();
      }
      at = ends[last - 1];
    }
    return count;
  }

  pushWritten(ids: Int32Array, n: number): void {
    const size = 5 + 4 * n;
    if (this.used + size > this.block.length && !this.room(size)) return;
    const block = this.block;
    let u = this.used;
    block[u++] = WRITTEN_WORD;
    u = putInt(block, u, n);
    for (let k = 0; k < n; k++) u = putInt(block, u, ids[k]);
    this.used = u;
  }

  endLine(): void {
    if (this.full) return;
    if (this.lineCount === this.lineEnds.length) {
      this.lineEnds = grown(this.lineEnds);
      this.lineBlocks = grown(this.lineBlocks);
    }
    this.lineBlocks[this.lineCount] = this.blocks.length - 1;
    this.lineEnds[this.lineCount++] = this.used;
    this.kept += this.used - this.lineStart;
    this.lineStart = this.used;
  }

  /**
   * Lines that came from another thread as plain data (structured clone: shared blocks stay shared):
   * made SpelledLines again, to be read.
   */
  static revive(data: object): SpelledLines {
    return Object.assign(new SpelledLines(0, 0), data);
  }

  /**
   * The entries of line `l`, read back: a view of an array this reuses, good until the next call.
   */
  entriesOf(l: number): Int32Array {
    const start = this.byteStartOf(l);
    const end = this.byteEndOf(l);
    // At most one entry a byte.
    if (this.decoded.length < end - start) this.decoded = new Int32Array(Math.max(2 * this.decoded.length, end - start));
    const n = decodeEntries(this.blockBytesOf(l), start, end, this.decoded);
    return this.decoded.subarray(0, n);
  }

  /** The block holding line `l`, and where its bytes start and end there (for a reader of the encoding, as normalize.as countRun()). */
  blockBytesOf(l: number): Uint8Array {
    return this.blocks[this.lineBlocks[l]];
  }

  byteStartOf(l: number): number {
    return l > 0 && this.lineBlocks[l - 1] === this.lineBlocks[l] ? this.lineEnds[l - 1] : 0;
  }

  byteEndOf(l: number): number {
    return this.lineEnds[l];
  }

  /**
   * The lines [l, to) as runs that each share a block: per run, its bytes (a view of the block)
   * and its lines' ends in them. One pass over the lines' blocks and a copy of their ends per run
   * (WasmCountWalk copies each run into WebAssembly at once): a call per line cost a 100 MB
   * check 5 ms before its count could start.
   */
  runsOf(l: number, to: number): { entries: Uint8Array[]; ends: Int32Array[] } {
    const entries: Uint8Array[] = [];
    const ends: Int32Array[] = [];
    const blocks = this.lineBlocks;
    while (l < to) {
      const block = blocks[l];
      let next = l + 1;
      while (next < to && blocks[next] === block) next++;
      const start = this.byteStartOf(l);
      const runEnds = this.lineEnds.slice(l, next);
      if (start !== 0) for (let k = 0; k < runEnds.length; k++) runEnds[k] -= start;
      entries.push(this.blocks[block].subarray(start, this.lineEnds[next - 1]));
      ends.push(runEnds);
      l = next;
    }
    return { entries, ends };
  }

  /** Makes room for `n` more bytes in a new block, the line being spelled moved there; or gives up. */
  private room(n: number): boolean {
    if (this.full) return false;
    const line = this.used - this.lineStart;
    if (this.kept + line + n > this.maxBytes) {
      this.full = true;
      this.blocks.length = 0;
      this.block = new Uint8Array(0);
      this.lineBlocks = new Int32Array(0);
      this.lineEnds = new Int32Array(0);
      this.used = this.lineStart = this.kept = this.lineCount = 0;
      return false;
    }
    const next = this.newBlock(Math.max(this.blockSize, 2 * (line + n)));
    next.set(this.block.subarray(this.lineStart, this.used));
    // A block left holding no line (the line being spelled outgrew it) is dropped.
    if (this.lineStart === 0) this.blocks.pop();
    this.blocks.push(next);
    this.block = next;
    this.used = line;
    this.lineStart = 0;
    return true;
  }
}

// SpelledLines' encoding (see there); normalize.as countRun() holds the same constants.
const ONE_BYTE_LIMIT = 0x80;
const TWO_BYTES_LIMIT = ONE_BYTE_LIMIT + (1 << 14);
const THREE_BYTES_LIMIT = TWO_BYTES_LIMIT + (1 << 21);
const WIDE_SPELLING = 0xfd;
const WRITTEN_WORD = 0xfe;
const NOT_A_WORD_BYTE = 0xff;
/** The most bytes an entry other than a word written out takes. */
const MAX_ENTRY_BYTES = 5;

/** How many bytes entry `v` takes, a spelling number or NOT_A_WORD. */
function entryBytes(v: number): number {
  if (v < 0) return 1;
  return v < ONE_BYTE_LIMIT ? 1 : v < TWO_BYTES_LIMIT ? 2 : v < THREE_BYTES_LIMIT ? 3 : 5;
}

function putInt(block: Uint8Array, u: number, v: number): number {
  block[u] = v & 0xff;
  block[u + 1] = (v >> 8) & 0xff;
  block[u + 2] = (v >> 16) & 0xff;
  block[u + 3] = (v >> 24) & 0xff;
  return u + 4;
}

function getInt(block: Uint8Array, u: number): number {
  return block[u] | (block[u + 1] << 8) | (block[u + 2] << 16) | (block[u + 3] << 24);
}

/** Writes entry `v`, a spelling number or NOT_A_WORD, at block[u] (room is there); returns the index after it. */
function putEntry(block: Uint8Array, u: number, v: number): number {
  if (v < 0) {
    block[u] = NOT_A_WORD_BYTE;
    return u + 1;
  }
  if (v < ONE_BYTE_LIMIT) {
    block[u] = v;
    return u + 1;
  }
  if (v < TWO_BYTES_LIMIT) {
    const x = v - ONE_BYTE_LIMIT;
    block[u] = 0x80 | (x >> 8);
    block[u + 1] = x & 0xff;
    return u + 2;
  }
  if (v < THREE_BYTES_LIMIT) {
    const x = v - TWO_BYTES_LIMIT;
    block[u] = 0xc0 | (x >> 16);
    block[u + 1] = (x >> 8) & 0xff;
    block[u + 2] = x & 0xff;
    return u + 3;
  }
  block[u] = WIDE_SPELLING;
  return putInt(block, u + 1, v);
}

/** The entries encoded in block[start, end), into `out` (room for one a byte): returns how many. */
function decodeEntries(block: Uint8Array, start: number, end: number, out: Int32Array): number {
  let w = 0;
  for (let u = start; u < end; ) {
    const b = block[u];
    if (b < 0x80) {
      out[w++] = b;
      u++;
    } else if (b < 0xc0) {
      out[w++] = ONE_BYTE_LIMIT + (((b & 0x3f) << 8) | block[u + 1]);
      u += 2;
    } else if (b < 0xe0) {
      out[w++] = TWO_BYTES_LIMIT + (((b & 0x1f) << 16) | (block[u + 1] << 8) | block[u + 2]);
      u += 3;
    } else if (b === NOT_A_WORD_BYTE) {
      out[w++] = SpelledLines.NOT_A_WORD;
      u++;
    } else if (b === WIDE_SPELLING) {
      out[w++] = getInt(block, u + 1);
      u += 5;
    } else {
      const n = getInt(block, u + 1);
      out[w++] = -2 - n;
      u += 5;
      for (let k = 0; k < n; k++, u += 4) out[w++] = getInt(block, u);
    }
  }
  return w;
}

/**
 * Writes the `n` syllables of spelling `v` (n > 0) into `out` from index `c` (room is there), for
 * the token `token` at `offset` in the line: returns the index after them.
 */
function putSpelling(spellings: Spellings, v: number, n: number, out: SyllableLine, c: number, offset: number, previousWasWord: boolean, token: number): number {
  const { ids, starts, ends, before, tokens } = out;
  const { poolIds, poolStarts, poolEnds } = spellings;
  for (let j = 0, k = spellings.first[v]; j < n; j++, k++, c++) {
    ids[c] = poolIds[k];
    starts[c] = offset + poolStarts[k];
    ends[c] = offset + poolEnds[k];
    before[c] = j > 0 ? Boundary.Joined : previousWasWord ? Boundary.Space : Boundary.Break;
    tokens[c] = token;
  }
  return c;
}

const NO_BYTES = new Uint8Array(0);
const NO_INTS = new Int32Array(0);

/** Spellings.find() when the token is not there but may be added. */
const MISSING = -1;
/** Spellings.find() when the token is not to be remembered (too long, or the table full). */
const NOT_KEPT = -2;
/** In what normalize.as spell() gives: a token numbered now (a token not numbered is NOT_KEPT there too). */
const NUMBERED_NEW = -3;
/** Longer tokens are read afresh each time: rare, and their offsets would not fit a byte. */
const MAX_SPELLING_BYTES = 64;
/** Past this many spellings, new ones are read afresh: memory stays bounded on a corpus of unique tokens. */
const MAX_SPELLINGS = 1 << 20;

/**
 * The distinct tokens of a corpus, by their bytes, each with its syllables (folded ids and byte
 * offsets inside the token; none for a token that is not a word). Open addressing over an arena.
 */
class Spellings {
  private slots = new Int32Array(1 << 12); // spelling + 1, 0 empty
  private slotHashes = new Int32Array(1 << 12);
  private arena = new Uint8Array(1 << 16);
  private arenaView = new DataView(this.arena.buffer);
  private arenaUsed = 0;
  private spellingStart = new Int32Array(1 << 10);
  private spellingLength = new Uint8Array(1 << 10);
  private count = 0;
  get size(): number {
    return this.count;
  }
  /** Per spelling: its first syllable in the pool, and how many (0: not a word). */
  first = new Int32Array(1 << 10);
  syllableCount = new Uint8Array(1 << 10);
  poolIds = new Int32Array(1 << 11);
  poolStarts = new Uint8Array(1 << 11);
  poolEnds = new Uint8Array(1 << 11);
  private poolUsed = 0;

  /** The spelling of the token in bytes[from, to) whose FNV-1a hash is `hash`, or MISSING, or NOT_KEPT. */
  find(bytes: Uint8Array, bytesView: DataView, from: number, to: number, hash: number): number {
    const length = to - from;
    if (length > MAX_SPELLING_BYTES) return NOT_KEPT;
    const mask = this.slots.length - 1;
    const arena = this.arena;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot];
      if (entry === 0) return this.count < MAX_SPELLINGS ? MISSING : NOT_KEPT;
      if (this.slotHashes[slot] !== hash) continue;
      const spelling = entry - 1;
      if (this.spellingLength[spelling] !== length) continue;
      const at = this.spellingStart[spelling] - from;
      let k = from;
      // Four bytes at a time where four remain (unaligned loads), then byte by byte.
      const view = this.arenaView;
      for (const words = to - 3; k < words && view.getInt32(at + k, true) === bytesView.getInt32(k, true); ) k += 4;
      while (k < to && arena[at + k] === bytes[k]) k++;
      if (k === to) return spelling;
    }
  }

  /** Remembers the token in bytes[from, to), whose syllables readToken() left in `line` from index `firstSyllable`, at `offset` in the line. */
  add(bytes: Uint8Array, from: number, to: number, hash: number, line: SyllableLine, firstSyllable: number, offset: number): number {
    const length = to - from;
    if (this.arenaUsed + length > this.arena.length) {
      this.arena = grownBytes(this.arena, this.arenaUsed + length);
      this.arenaView = new DataView(this.arena.buffer);
    }
    this.arena.set(bytes.subarray(from, to), this.arenaUsed);
    if (this.count === this.first.length) {
      this.spellingStart = grown(this.spellingStart);
      this.spellingLength = grownBytes(this.spellingLength, 0);
      this.first = grown(this.first);
      this.syllableCount = grownBytes(this.syllableCount, 0);
    }
    const n = line.count - firstSyllable;
    while (this.poolUsed + n > this.poolIds.length) {
      this.poolIds = grown(this.poolIds);
      this.poolStarts = grownBytes(this.poolStarts, 0);
      this.poolEnds = grownBytes(this.poolEnds, 0);
    }
    const spelling = this.count++;
    this.spellingStart[spelling] = this.arenaUsed;
    this.spellingLength[spelling] = length;
    this.arenaUsed += length;
    this.first[spelling] = this.poolUsed;
    this.syllableCount[spelling] = n;
    for (let k = 0; k < n; k++) {
      const p = this.poolUsed++;
      this.poolIds[p] = line.ids[firstSyllable + k];
      this.poolStarts[p] = line.starts[firstSyllable + k] - offset;
      this.poolEnds[p] = line.ends[firstSyllable + k] - offset;
    }
    const mask = this.slots.length - 1;
    let slot = hash & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = spelling + 1;
    this.slotHashes[slot] = hash;
    // At most half full, so probes stay short.
    if (this.count * 2 > this.slots.length) this.rehash();
    return spelling;
  }

  private rehash(): void {
    [this.slots, this.slotHashes] = doubledTable(this.slots, this.slotHashes);
  }
}

/** A copy at least twice as long (and at least `atLeast`). */
function grownBytes(array: Uint8Array<ArrayBuffer>, atLeast: number): Uint8Array<ArrayBuffer> {
  const bigger = new Uint8Array(Math.max(array.length * 2, atLeast));
  bigger.set(array);
  return bigger;
}

function grown(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

/**
 * An open-addressing table (linear probing; a slot holds 0 when empty) and its slots' hashes, in
 * twice the room: what both tables here do when they pass half full.
 */
function doubledTable(slots: Int32Array<ArrayBuffer>, hashes: Int32Array<ArrayBuffer>): [Int32Array<ArrayBuffer>, Int32Array<ArrayBuffer>] {
  const newSlots = new Int32Array(slots.length * 2);
  const newHashes = new Int32Array(slots.length * 2);
  const mask = newSlots.length - 1;
  for (let s = 0; s < slots.length; s++) {
    if (slots[s] === 0) continue;
    let slot = hashes[s] & mask;
    while (newSlots[slot] !== 0) slot = (slot + 1) & mask;
    newSlots[slot] = slots[s];
    newHashes[slot] = hashes[s];
  }
  return [newSlots, newHashes];
}
