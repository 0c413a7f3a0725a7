// The vocabulary of a corpus: how often each word is written, the most frequent ones, and how the vocabulary grows with the text.

export interface WordCount {
  readonly word: string;
  readonly count: number;
}

/** Most frequent first; equal counts in code-unit order of the word, so every reader of the same text lists the same words. */
export function byFrequency(a: WordCount, b: WordCount): number {
  return b.count - a.count || (a.word < b.word ? -1 : a.word > b.word ? 1 : 0);
}

/** The `n` most frequent of `entries`. */
export function topOf(entries: Iterable<WordCount>, n: number): WordCount[] {
  return [...entries].sort(byFrequency).slice(0, n);
}

/** Points kept on the growth curve: between half of this and this many, whatever the corpus size. */
export const GROWTH_POINTS = 200;

/**
 * The vocabulary growth curve (types against word tokens, Heaps' law), sampled every `step` words.
 * The corpus size is not known in advance, so the step doubles (and every other point goes) when
 * the curve is full: the points stay at multiples of one step, bounded in number, and the same for
 * the same sequence of words however it was read.
 */
export class GrowthCurve {
  private step = 1;
  private readonly points: Array<[number, number]> = [];

  private next = 1;

  /** After each word token: `words` so far, `types` so far. */
  note(words: number, types: number): void {
    if (words !== this.next) return;
    this.next += this.step;
    this.points.push([words, types]);
    if (this.points.length > GROWTH_POINTS) {
      this.step *= 2;
      this.next = (Math.floor(words / this.step) + 1) * this.step;
      let kept = 0;
      for (const point of this.points) if (point[0] % this.step === 0) this.points[kept++] = point;
      this.points.length = kept;
    }
  }

  /** The points, ending with the last word read (`words`, `types`). */
  curve(words: number, types: number): Array<[number, number]> {
    const last = this.points[this.points.length - 1];
    return words > 0 && (!last || last[0] !== words) ? [...this.points, [words, types]] : this.points.slice();
  }
}

/** The vocabulary of decoded tokens (the editor's and the tests' path). */
export class Vocabulary {
  private readonly counts = new Map<string, { count: number; compound: boolean }>();

  get types(): number {
    return this.counts.size;
  }

  add(word: string, compound: boolean): void {
    const entry = this.counts.get(word);
    if (entry) entry.count++;
    else this.counts.set(word, { count: 1, compound });
  }

  top(n: number, compoundsOnly: boolean): WordCount[] {
    const entries: WordCount[] = [];
    for (const [word, { count, compound }] of this.counts) if (!compoundsOnly || compound) entries.push({ word, count });
    return topOf(entries, n);
  }
}

// FNV-1a over the word's bytes: ByteStats computes it in the loop that reads the word anyway.
export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * The same vocabulary over UTF-8 bytes, for big files: an open-addressing hash table whose keys are
 * byte slices copied into one arena, so a word is decoded only if it ends up among the most frequent.
 */
export class ByteVocabulary {
  private slots = new Int32Array(1 << 12).fill(-1);
  private hashes = new Uint32Array(1 << 11);
  private starts = new Uint32Array(1 << 11);
  private lengths = new Uint32Array(1 << 11);
  private counts = new Uint32Array(1 << 11);
  /** 1 for a compound. */
  private kinds = new Uint8Array(1 << 11);
  private arena = new Uint8Array(1 << 16);
  private arenaLength = 0;
  private size = 0;

  get types(): number {
    return this.size;
  }

  /** Counts the word `bytes[s, e)`, whose FNV-1a hash (unsigned) the caller computed while reading it. */
  addHashed(bytes: Uint8Array, s: number, e: number, h: number, compound: boolean): void {
    const mask = this.slots.length - 1;
    const len = e - s;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot];
      if (id < 0) {
        this.slots[slot] = this.insert(bytes, s, e, h, compound);
        if (this.size * 2 > this.slots.length) this.rehash();
        return;
      }
      if (this.hashes[id] === h && this.lengths[id] === len && this.same(id, bytes, s, len)) {
        this.counts[id]++;
        return;
      }
    }
  }

  top(n: number, compoundsOnly: boolean): WordCount[] {
    // Only the words counted at least as often as the n-th most frequent are decoded.
    const counts: number[] = [];
    for (let id = 0; id < this.size; id++) if (!compoundsOnly || this.kinds[id] === 1) counts.push(this.counts[id]);
    if (counts.length === 0 || n <= 0) return [];
    const sorted = Uint32Array.from(counts).sort();
    const threshold = sorted[Math.max(0, sorted.length - n)];
    const entries: WordCount[] = [];
    for (let id = 0; id < this.size; id++) {
      if (this.counts[id] < threshold || (compoundsOnly && this.kinds[id] !== 1)) continue;
      entries.push({ word: utf8.decode(this.arena.subarray(this.starts[id], this.starts[id] + this.lengths[id])), count: this.counts[id] });
    }
    return topOf(entries, n);
  }

  private same(id: number, bytes: Uint8Array, s: number, len: number): boolean {
    const arena = this.arena;
    const at = this.starts[id];
    for (let k = 0; k < len; k++) if (arena[at + k] !== bytes[s + k]) return false;
    return true;
  }

  private insert(bytes: Uint8Array, s: number, e: number, h: number, compound: boolean): number {
    const id = this.size++;
    if (id === this.hashes.length) {
      const grow = <T extends Uint32Array | Uint8Array>(from: T): T => {
        const to = new (from.constructor as new (n: number) => T)(from.length * 2);
        to.set(from);
        return to;
      };
      this.hashes = grow(this.hashes);
      this.starts = grow(this.starts);
      this.lengths = grow(this.lengths);
      this.counts = grow(this.counts);
      this.kinds = grow(this.kinds);
    }
    const len = e - s;
    if (this.arenaLength + len > this.arena.length) {
      let size = this.arena.length * 2;
      while (size < this.arenaLength + len) size *= 2;
      const next = new Uint8Array(size);
      next.set(this.arena.subarray(0, this.arenaLength));
      this.arena = next;
    }
    this.arena.set(bytes.subarray(s, e), this.arenaLength);
    this.hashes[id] = h;
    this.starts[id] = this.arenaLength;
    this.lengths[id] = len;
    this.counts[id] = 1;
    this.kinds[id] = compound ? 1 : 0;
    this.arenaLength += len;
    return id;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(-1);
    const mask = slots.length - 1;
    for (let id = 0; id < this.size; id++) {
      let slot = this.hashes[id] & mask;
      while (slots[slot] >= 0) slot = (slot + 1) & mask;
      slots[slot] = id;
    }
    this.slots = slots;
  }
}
