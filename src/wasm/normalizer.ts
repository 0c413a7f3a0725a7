// The byte normalizer of the CLI and its workers: normalize.as compiled to WebAssembly (with the rules of
// src/core/typesetter.ts), the same bytes out as normalizeText, at several times its speed. Node only:
// the editor (desktop and web) normalizes what it shows through the string normalizer.
import { decoder, encoder } from '../core/byteText';
import { NormalizePlan, normalizeBytes, transformText } from '../core/normalize';
import type { SpelledLines } from '../core/syllables';
import type { SpelledWalker, WalkTables } from '../core/variations';

/** The few WebAssembly JS API members used here (the project's lib settings do not declare them). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => WasmModule;
  Instance: new (module: WasmModule, imports: object) => { exports: unknown };
}

/** A compiled normalize.wasm: compile once per thread, instantiate once per plan. */
export type WasmModule = { readonly __wasmModule?: never };

interface Exports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  configBase(): number;
  configure(joinSyllables: number, keepFinalSeparator: number, maxExpansion: number): void;
  normalize(inPtr: number, start: number, end: number, outPtr: number, outPos: number, outCap: number, afterLoneCr: number): number;
  resumeAt(): number;
  resumeAfterLoneCr(): number;
  neededRoom(): number;
  restore(inPtr: number, start: number, end: number, outPtr: number, sidesPtr: number): number;
  screen(inPtr: number, start: number, end: number, outPtr: number, sidesPtr: number, piecesPtr: number, firstLine: number): number;
  screenLineCount(): number;
  spell(inPtr: number, start: number, end: number, outPtr: number, tablePtr: number, encPtr: number): number;
  spellings(): number;
  SPELL_MAX_SPELLINGS: { value: number };
  SPELL_MAX_BYTES: { value: number };
  spellTableBytes(capacity: number, arenaCapacity: number): number;
  growSpellTable(tablePtr: number, capacity: number, arenaCapacity: number): void;
  spellArenaUsed(): number;
  countTables(...pointers: number[]): void;
  countRun(tokens: number, ends: number, lineCount: number, fresh: number, lineMarks: number): number;
  countFinishedLines(): number;
  countVisits(): number;
  countedSpellings(): number;
  restartCounted(): void;
  VISITS_MAX: { value: number };
}

/** What `check`'s screen knows of each digit (normalize.as DIGIT_ROLE): its placeholder's role. */
export const enum DigitRole {
  Unknown = 0,
  Pair = 1,
  Separator = 2,
  Other = 3,
}

/**
 * What screenChunk() found in a chunk: its line count, and per line that has a finding or needs the
 * line checker, [line (from 0), start byte, end byte, n], then n findings as [code, start byte, end
 * byte, start, end, token] (code 1 glued-placeholder, 2 separator-before-final; start and end in
 * UTF-16 units from the line's start; token: how many tokens are before it), or n = -1 for a line
 * left to the line checker.
 */
export interface ScreenedChunk {
  readonly lines: number;
  readonly records: Int32Array;
}

// Plan layout in WebAssembly memory, from configBase(): keep in step with normalize.as.
const LEAD = 0;
const DIGIT_KIND = 1024;
const DIGIT_FLAGS = 1040;
const REND_OFF = 1056;
const REND_LEN = 1136;
const DIGIT_CLOSE_FLAGS = 1216;
const DIGIT_ROLE = 1232;
const DATA = 2048;
/** Room for the plan; the chunk goes after it. */
const CONFIG_BYTES = 64 * 1024;

const PAGE = 64 * 1024;
/** wasm32 addresses: keep every pointer and length a positive i32. */
const MAX_MEMORY = 2 ** 31 - PAGE;
const SPACE = 0x20;
const LF = 0x0a;


/** Compiles normalize.wasm; undefined when this runtime has no WebAssembly or no SIMD. */
export function compileNormalizer(bytes: Uint8Array): WasmModule | undefined {
  const api = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
  if (!api) return undefined;
  try {
    return new api.Module(bytes);
  } catch {
    return undefined;
  }
}

/** The plan as normalize.as reads it, or undefined when it does not fit the fixed layout. */
function encodePlan(plan: NormalizePlan): { bytes: Uint8Array; maxExpansion: number } | undefined {
  const bytes = new Uint8Array(CONFIG_BYTES);
  const view = new DataView(bytes.buffer);
  let at = DATA;
  const room = (n: number): boolean => at + n <= CONFIG_BYTES;
  // Marks grouped by first byte, longest first: the greedy split of ByteMarks.
  const byLead: Array<Array<{ bytes: Uint8Array; cls: number; flags: number }>> = [];
  for (const [text, cls] of plan.marks.classes) {
    const mark = encoder.encode(text);
    if (mark.length === 0) continue; // matches nothing, as in ByteMarks
    if (mark.length > 255) return undefined;
    (byLead[mark[0]] ??= []).push({ bytes: mark, cls, flags: plan.marks.flags.get(text) ?? 0 });
  }
  for (let lead = 0; lead < 256; lead++) {
    const list = byLead[lead];
    if (!list) continue;
    list.sort((x, y) => y.bytes.length - x.bytes.length);
    if (list.length > 255 || !room(1)) return undefined;
    view.setUint32(LEAD + 4 * lead, at, true);
    bytes[at++] = list.length;
    for (const mark of list) {
      if (!room(3 + mark.bytes.length)) return undefined;
      bytes[at++] = mark.bytes.length;
      bytes[at++] = mark.cls;
      bytes[at++] = mark.flags;
      bytes.set(mark.bytes, at);
      at += mark.bytes.length;
    }
  }
  let maxExpansion = 2;
  plan.digits.forEach((digit, d) => {
    bytes[DIGIT_KIND + d] = digit.kind;
    bytes[DIGIT_FLAGS + d] = digit.flags;
    bytes[DIGIT_CLOSE_FLAGS + d] = digit.closeFlags;
  });
  const renderings = plan.digits.flatMap((digit) => [encoder.encode(digit.text), encoder.encode(digit.close)]);
  for (let r = 0; r < renderings.length; r++) {
    const rendering = renderings[r];
    if (!room(rendering.length)) return undefined;
    view.setUint32(REND_OFF + 4 * r, at, true);
    view.setUint32(REND_LEN + 4 * r, rendering.length, true);
    bytes.set(rendering, at);
    at += rendering.length;
    // A placeholder's rendering and a space.
    maxExpansion = Math.max(maxExpansion, rendering.length + 1);
  }
  return { bytes, maxExpansion };
}

export interface WasmNormalizerOptions {
  /**
   * First output room for a chunk, in bytes; by default the worst case. A testing knob: a small one
   * makes every chunk stop at line starts for more room.
   */
  readonly outputBytes?: number;
  /**
   * How many bytes check's screen reads at a time, about (a run of whole lines: a longer line is read
   * alone); by default SCREEN_RUN_BYTES. A testing knob: a small one cuts every chunk into many runs.
   */
  readonly screenRunBytes?: number;
}

/**
 * check's screen reads a chunk a run of lines of about this many bytes at a time, so that the room
 * kept for its records is what they take plus 16 MiB (the worst case of a run: 64 bytes an input
 * byte), instead of 64 times the chunk. The memory WebAssembly grows to counts as the thread's
 * external memory: at 300 MB for a 4 MiB chunk, V8 collected garbage for "external memory pressure"
 * 10-11 times in a check of the 100 MB bench corpus (16 scavenges in all on the main thread); with
 * runs, never (8 scavenges).
 */
export const SCREEN_RUN_BYTES = 256 * 1024;

/** The output out of WebAssembly memory (which the next chunk overwrites): into `into` when it fits. */
function copyOut(output: Uint8Array, into: Uint8Array | undefined): Uint8Array {
  if (!into || into.length < output.length) return output.slice();
  into.set(output);
  return into.subarray(0, output.length);
}

export class WasmNormalizer {
  private readonly exports: Exports;
  private readonly inPtr: number;

  private constructor(
    instance: { exports: unknown },
    private readonly plan: NormalizePlan,
    config: Uint8Array,
    private readonly maxExpansion: number,
    private readonly outputBytes: number | undefined,
    private readonly screenRunBytes: number,
  ) {
    this.exports = instance.exports as Exports;
    const base = this.exports.configBase();
    this.inPtr = base + CONFIG_BYTES;
    this.ensure(this.inPtr + PAGE);
    new Uint8Array(this.exports.memory.buffer).set(config, base);
    this.exports.configure(plan.options.joinSyllables ? 1 : 0, plan.options.separatorAtLineEnd === 'keep' ? 1 : 0, maxExpansion);
  }

  /**
   * A normalizer for `plan`, or undefined when the plan needs the string normalizer (inferred
   * sentence breaks look at words; see normalizeBytes) or there is no module.
   */
  static create(plan: NormalizePlan, module: WasmModule | undefined, options: WasmNormalizerOptions = {}): WasmNormalizer | undefined {
    if (!module || plan.breakWords) return undefined;
    const encoded = encodePlan(plan);
    if (!encoded) return undefined;
    const api = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
    try {
      return new WasmNormalizer(new api.Instance(module, {}), plan, encoded.bytes, encoded.maxExpansion, options.outputBytes, options.screenRunBytes ?? SCREEN_RUN_BYTES);
    } catch {
      return undefined;
    }
  }

  /**
   * Normalizes a chunk of whole lines (a chunk may end without a line break only at the end of the
   * input): a fresh array out, or the start of `into` when the output fits there (a caller that
   * reuses its buffers). A leading byte order mark is the caller's to keep (see fileJob).
   * `afterLoneCr`: the lines follow a lone CR that ended the previous chunk.
   */
  normalizeChunk(input: Uint8Array, afterLoneCr = false, into?: Uint8Array): Uint8Array {
    // NFC and tone style need the letters: done first, on the text (they never touch white space or breaks).
    const bytes = this.plan.transformsText ? encoder.encode(transformText(decoder.decode(input), this.plan)) : input;
    try {
      return this.run(bytes, afterLoneCr, into);
    } catch {
      // Beyond what 32-bit WebAssembly memory can hold (a line of hundreds of MB): the string normalizer.
      return normalizeBytes(input, this.plan, afterLoneCr);
    }
  }

  private run(input: Uint8Array, afterLoneCr: boolean, into: Uint8Array | undefined): Uint8Array {
    const ex = this.exports;
    const n = input.length;
    if (n > MAX_MEMORY / 2) throw new RangeError('chunk too big for WebAssembly memory');
    const inPtr = this.inPtr;
    // The chunk, 16 spaces (the SIMD loop reads 16 bytes at a time and stops at white space), and the output.
    const outPtr = (inPtr + n + 16 + 15) & ~15;
    // Room for the worst case spares the per-line checks; pages never written cost no memory.
    let outCap = this.outputBytes ?? Math.max(Math.min((n + 1) * this.maxExpansion + 64, MAX_MEMORY - outPtr), n + (n >> 3) + 4096);
    this.ensure(outPtr + outCap);
    const memory = new Uint8Array(ex.memory.buffer);
    memory.set(input, inPtr);
    memory.fill(SPACE, inPtr + n, inPtr + n + 16);
    let outLen = 0;
    let start = 0;
    let loneCr = afterLoneCr;
    for (;;) {
      outLen = ex.normalize(inPtr, start, n, outPtr, outLen, outCap, loneCr ? 1 : 0);
      start = ex.resumeAt();
      if (start >= n) break;
      // The next line might not fit: grow the output and go on from its start.
      loneCr = ex.resumeAfterLoneCr() !== 0;
      outCap = Math.max(Math.min(outCap * 2, MAX_MEMORY - outPtr), outLen + ex.neededRoom() + 64);
      this.ensure(outPtr + outCap);
    }
    return copyOut(new Uint8Array(ex.memory.buffer, outPtr, outLen), into);
  }

  /**
   * Restores a chunk of whole lines (placeholders to marks, pair sides as normalize decides them):
   * the bytes ByteRestorer gives, a fresh array out (or the start of `into`, as normalizeChunk).
   * Throws a RangeError past what 32-bit WebAssembly memory holds (the caller then uses
   * ByteRestorer). Only for the default plan of a scheme, which is what restore reads pairs with.
   */
  restoreChunk(input: Uint8Array, into?: Uint8Array): Uint8Array {
    const ex = this.exports;
    const n = input.length;
    const inPtr = this.inPtr;
    // The chunk and 16 spaces; the output (each byte may become a rendering, and 16-byte writes
    // run past the end); a zeroed side byte per input byte.
    const outPtr = (inPtr + n + 16 + 15) & ~15;
    const outCap = (n + 1) * this.maxExpansion + 64;
    const sidesPtr = (outPtr + outCap + 15) & ~15;
    this.ensure(sidesPtr + n + 16);
    const memory = new Uint8Array(ex.memory.buffer);
    memory.set(input, inPtr);
    memory.fill(SPACE, inPtr + n, inPtr + n + 16);
    memory.fill(0, sidesPtr, sidesPtr + n);
    const outLen = ex.restore(inPtr, 0, n, outPtr, sidesPtr);
    return copyOut(new Uint8Array(ex.memory.buffer, outPtr, outLen), into);
  }

  /**
   * Check's screen over a chunk of whole lines: the lines answered on bytes (ByteChecker's findings,
   * none for most) and those left to the line checker (see ScreenedChunk). `roles`: each digit's
   * placeholder role. Only for the default plan of a scheme, which is what check reads pairs with.
   * Throws a RangeError past what 32-bit WebAssembly memory holds (the caller then uses ByteChecker).
   */
  screenChunk(input: Uint8Array, roles: readonly DigitRole[]): ScreenedChunk {
    const ex = this.exports;
    const n = input.length;
    // The runs: each ends after a LF (so never inside a CRLF) at least screenRunBytes from its start, or at the chunk's end.
    const ends: number[] = [];
    let longest = 0;
    for (let start = 0; start < n; ) {
      const lf = start + this.screenRunBytes < n ? input.indexOf(LF, start + this.screenRunBytes - 1) : -1;
      const end = lf < 0 ? n : lf + 1;
      ends.push(end);
      longest = Math.max(longest, end - start);
      start = end;
    }
    const inPtr = this.inPtr;
    // The chunk and 16 spaces; a side byte per input byte (the screen zeroes those it reads); the
    // pieces of a line (12 bytes each, at most one a byte and one more); then the records, each
    // run's after the last one's, with room for the worst case of the next run (16 bytes a line, 24
    // a finding, fewer than two findings a byte).
    const sidesPtr = (inPtr + n + 16 + 15) & ~15;
    const piecesPtr = (sidesPtr + n + 16 + 15) & ~15;
    const outPtr = (piecesPtr + 12 * (longest + 2) + 15) & ~15;
    this.ensure(outPtr); // the records' room: run by run, below
    const memory = new Uint8Array(ex.memory.buffer);
    memory.set(input, inPtr);
    memory.fill(SPACE, inPtr + n, inPtr + n + 16);
    const base = ex.configBase();
    roles.forEach((role, d) => (memory[base + DIGIT_ROLE + d] = role));
    let lines = 0;
    let start = 0;
    let recordsEnd = outPtr;
    for (const end of ends) {
      this.ensure(recordsEnd + 64 * (end - start + 2));
      recordsEnd += ex.screen(inPtr, start, end, recordsEnd, sidesPtr, piecesPtr, lines);
      lines += ex.screenLineCount();
      start = end;
    }
    return { lines, records: new Int32Array(ex.memory.buffer.slice(outPtr, recordsEnd)) };
  }

  private ensure(bytes: number): void {
    ensureMemory(this.exports, bytes);
  }
}

// The room the speller's table starts with: spellings, and bytes of them (it grows).
const SPELL_TABLE_START = 1 << 16;
const SPELL_ARENA_START = 1 << 20;

/** The room a speller's table starts with: spellings, and bytes of them. */
export interface SpellerStart {
  readonly spellings?: number;
  readonly bytes?: number;
}

/** What WasmSpeller.spellChunk() gives for a chunk (see there). */
export interface SpelledChunk {
  readonly numbered: Int32Array;
  readonly encoded: Uint8Array;
}

/**
 * Numbers the tokens of a corpus by their spelling, in WebAssembly (normalize.as spell()): the
 * tokenizing and hashing of SyllableTable.spell at several times its speed, for the consistency
 * count of the CLI. One per table: each keeps the spellings it has numbered, in a table that grows
 * as they come (about 120 MB of WebAssembly memory for the most it numbers, a million).
 */
export class WasmSpeller {
  private readonly exports: Exports;
  private readonly tablePtr: number;
  /** The table's room: spellings, and bytes of them (see normalize.as growSpellTable). */
  private capacity = 0;
  private arenaCapacity = 0;

  private constructor(instance: { exports: unknown }, start: SpellerStart) {
    this.exports = instance.exports as Exports;
    this.tablePtr = (this.exports.configBase() + CONFIG_BYTES + 15) & ~15;
    this.grow(start.spellings ?? SPELL_TABLE_START, start.bytes ?? SPELL_ARENA_START);
  }

  /** Gives the table room for `capacity` spellings and `arenaCapacity` bytes of them. */
  private grow(wanted: number, arenaCapacity: number): void {
    const ex = this.exports;
    // No less than the table's first slots take (4,096: four a spelling of capacity).
    const capacity = Math.max(wanted, 1 << 10);
    this.ensure(this.tablePtr + ex.spellTableBytes(capacity, arenaCapacity) + PAGE);
    ex.growSpellTable(this.tablePtr, capacity, arenaCapacity);
    this.capacity = capacity;
    this.arenaCapacity = arenaCapacity;
  }

  /**
   * A speller, or undefined without a module (then SyllableTable.spell reads the bytes). `start`:
   * the table's first room, smaller in tests so that it grows often.
   */
  static create(module: WasmModule | undefined, start: SpellerStart = {}): WasmSpeller | undefined {
    const instance = instanceOf(module);
    return instance && new WasmSpeller(instance, start);
  }

  /**
   * The tokens of a chunk of whole lines, numbered, line by line (`numbered`): [entries, end,
   * encoded], then the line's entries: per token its spelling number, or -3 (numbered now) or -2
   * (not numbered) each followed by the token's start and end; `end` is the line's end. A line
   * without a token of those two kinds has its spelling numbers in `encoded` too, as SpelledLines
   * keeps them, one line after the other, `encoded` bytes of them; -1 for a line with one (see
   * noteNumbered in variationsFiles.ts). Both are views of WebAssembly memory (`encoded` of all the
   * room there, past what was written), good until the next call. Throws a RangeError past what
   * 32-bit memory holds.
   */
  spellChunk(input: Uint8Array): SpelledChunk {
    const ex = this.exports;
    const n = input.length;
    // Room for every token of the chunk to be new (one byte and a space each, at the least), and
    // for their bytes, up to the most the table numbers: grown before the call, not during it.
    const most = ex.SPELL_MAX_SPELLINGS.value;
    const mostBytes = most * ex.SPELL_MAX_BYTES.value;
    const capacity = Math.min(most, ex.spellings() + (n >> 1) + 1);
    const arenaCapacity = Math.min(mostBytes, ex.spellArenaUsed() + n);
    if (capacity > this.capacity || arenaCapacity > this.arenaCapacity) {
      this.grow(Math.min(most, Math.max(capacity, 2 * this.capacity)), Math.min(mostBytes, Math.max(arenaCapacity, 2 * this.arenaCapacity)));
    }
    const inPtr = (this.tablePtr + ex.spellTableBytes(this.capacity, this.arenaCapacity) + 15) & ~15;
    const outPtr = (inPtr + n + 16 + 15) & ~15;
    const encPtr = outPtr + 8 * (n + 3);
    this.ensure(encPtr + 3 * (n + 3));
    const memory = new Uint8Array(ex.memory.buffer);
    memory.set(input, inPtr);
    memory.fill(SPACE, inPtr + n, inPtr + n + 16);
    const length = ex.spell(inPtr, 0, n, outPtr, this.tablePtr, encPtr);
    return { numbered: new Int32Array(ex.memory.buffer, outPtr, length), encoded: new Uint8Array(ex.memory.buffer, encPtr, 3 * (n + 3)) };
  }

  private ensure(bytes: number): void {
    ensureMemory(this.exports, bytes);
  }
}

/**
 * What a count offers another thread that may count some of its runs of lines (CountShare): the
 * tables as WasmCountWalk copies them in, and per run (lines that share a block of SpelledLines)
 * its entries, a view of a shared block (bytes, as SpelledLines encodes them), and its lines' ends
 * there. `claims`, shared too, says who counts each run: the count's own thread claims runs from
 * the first on, the other from the last down, each run by a compare-and-swap from UNCLAIMED, so
 * each side's runs are a contiguous stretch and the other thread's come after the count's own.
 */
export interface CountJob {
  readonly tables: WalkTables;
  readonly entries: readonly Uint8Array[];
  readonly ends: readonly Int32Array[];
  readonly claims: Int32Array;
  /** The most bytes of entries and lines of a run: the room a walk needs. */
  readonly most: number;
  readonly mostLines: number;
}

export const UNCLAIMED = 0;
export const CLAIMED_BY_COUNT = 1;
export const CLAIMED_BY_HELPER = 2;

/**
 * What one run of lines counted: its occurrences across words as (node, form) pairs, in order;
 * per line, how many pairs come before its end; and its words counted whole as (spelling, count)
 * pairs, in the order the spellings first came in the run.
 */
export interface RunCounts {
  readonly visits: Int32Array;
  readonly lineEnds: Int32Array;
  readonly whole: Int32Array;
}

/** Another thread that counts the last runs of a count while the count's own thread counts the first ones. */
export interface CountShare {
  /** Hands the runs over: the other thread claims (CountJob.claims) and counts what it can. */
  offer(job: CountJob): void;
  /** The counts of run `r`, which the other thread claimed: waits for them; undefined when it could not count it. */
  take(r: number): RunCounts | undefined;
}

/**
 * The corpus count's walk in WebAssembly (normalize.as countRun): TokenWalk.countLine's counts, in
 * the same order, a few times faster, for the CLI's consistency count (Variations.useWalker). With
 * a CountShare (shareWith), another thread counts the last runs of lines when it is free, and
 * their counts are added after this thread's, in the order of the lines: the same counts.
 */
export class WasmCountWalk implements SpelledWalker {
  private share: CountShare | undefined;

  private constructor(private readonly exports: Exports) {}

  /** A walk, or undefined without a module (then TokenWalk counts). */
  static create(module: WasmModule | undefined): WasmCountWalk | undefined {
    const instance = instanceOf(module);
    return instance && new WasmCountWalk(instance.exports as Exports);
  }

  /** Shares the counting of runs of lines held in shared blocks (SpelledLines `shared`) with another thread. */
  shareWith(share: CountShare | undefined): void {
    this.share = share;
  }

  countLines(
    tables: WalkTables,
    spelled: SpelledLines,
    from: number,
    to: number,
    visit: (node: number, form: number) => void,
    addWhole: (spelling: number, count: number) => void,
    endLine?: () => void,
  ): boolean {
    // The runs of lines that share a block of entries, each copied in whole: room for the biggest.
    const { entries, ends } = spelled.runsOf(from, to);
    let most = 0;
    let mostLines = 0;
    for (let r = 0; r < entries.length; r++) {
      most = Math.max(most, entries[r].length);
      mostLines = Math.max(mostLines, ends[r].length);
    }
    const counter = RunCounter.load(this.exports, tables, most, mostLines);
    if (!counter) return false;
    const share = this.share;
    let claims: Int32Array | undefined;
    if (share && entries.length > 1 && typeof SharedArrayBuffer === 'function' && entries.every((run) => run.buffer instanceof SharedArrayBuffer)) {
      claims = new Int32Array(new SharedArrayBuffer(4 * entries.length));
      share.offer({ tables: { ...tables, open: Int32Array.from(tables.open) }, entries, ends, claims, most, mostLines });
    }
    let r = 0;
    for (; r < entries.length; r++) {
      if (claims && Atomics.compareExchange(claims, r, UNCLAIMED, CLAIMED_BY_COUNT) !== UNCLAIMED) break;
      counter.count(entries[r], ends[r], visit, endLine);
    }
    counter.wholeCounts(addWhole);
    // The other thread's runs, in order; one it could not count is counted here.
    for (; r < entries.length; r++) {
      const counts = share?.take(r);
      if (counts) {
        addRunCounts(counts, visit, addWhole, endLine);
      } else {
        counter.count(entries[r], ends[r], visit, endLine);
        counter.wholeCounts(addWhole);
      }
    }
    return true;
  }
}

/** Adds what another thread counted of a run (RunCounts), as if it had been counted here. */
function addRunCounts(counts: RunCounts, visit: (node: number, form: number) => void, addWhole: (spelling: number, count: number) => void, endLine?: () => void): void {
  const { visits, lineEnds, whole } = counts;
  let k = 0;
  // Indexed, not for-of: this runs a few times a count, mostly before it is optimized, where an
  // iterator a line costs (a 100 MB check replays 36,000 lines here, at the end of its count).
  for (let l = 0; l < lineEnds.length; l++) {
    for (const end = 2 * lineEnds[l]; k < end; k += 2) visit(visits[k], visits[k + 1]);
    endLine?.();
  }
  for (let w = 0; w < whole.length; w += 2) addWhole(whole[w], whole[w + 1]);
}

/**
 * The other side of a CountShare: counts the runs of a CountJob from the last down, each it can
 * claim, in an instance of its own. next() counts one (a turn of work for the caller's loop).
 */
export class CountHelper {
  private r: number;

  private constructor(
    private readonly job: CountJob,
    private readonly counter: RunCounter | undefined,
  ) {
    this.r = job.entries.length - 1;
  }

  /** A helper for `job`; one without an instance (no module, no memory) claims runs only to say it cannot count them. */
  static create(module: WasmModule | undefined, job: CountJob): CountHelper {
    const instance = instanceOf(module);
    return new CountHelper(job, instance && RunCounter.load(instance.exports as Exports, job.tables, job.most, job.mostLines));
  }

  /**
   * Claims the last run not claimed yet and counts it: its number and counts (undefined counts when
   * it could not: the count's thread then counts it). Undefined when there is nothing left to claim.
   */
  next(): { readonly run: number; readonly counts: RunCounts | undefined } | undefined {
    const { claims, entries, ends } = this.job;
    if (this.r < 0 || Atomics.compareExchange(claims, this.r, UNCLAIMED, CLAIMED_BY_HELPER) !== UNCLAIMED) return undefined;
    const run = this.r--;
    const counter = this.counter;
    if (!counter) {
      this.r = -1; // the rest is left to the count's thread
      return { run, counts: undefined };
    }
    try {
      const visits = new GrowingInts();
      const lineEnds = new Int32Array(ends[run].length);
      let line = 0;
      counter.count(
        entries[run],
        ends[run],
        (node, form) => visits.push2(node, form),
        () => (lineEnds[line++] = visits.length >> 1),
      );
      const whole = new GrowingInts();
      counter.wholeCounts((spelling, count) => whole.push2(spelling, count));
      return { run, counts: { visits: visits.done(), lineEnds, whole: whole.done() } };
    } catch {
      // Whatever went wrong here, the run is claimed: the count's thread counts it (and the rest).
      this.r = -1;
      return { run, counts: undefined };
    }
  }
}

/** An Int32Array filled two at a time, grown as needed. */
class GrowingInts {
  private ints = new Int32Array(1024);
  length = 0;

  push2(a: number, b: number): void {
    if (this.length + 2 > this.ints.length) {
      const grown = new Int32Array(2 * this.ints.length);
      grown.set(this.ints);
      this.ints = grown;
    }
    this.ints[this.length++] = a;
    this.ints[this.length++] = b;
  }

  /** What was pushed, in an array of its own size. */
  done(): Int32Array {
    return this.ints.slice(0, this.length);
  }
}

/** An instance's memory laid out for a count (the tables copied in, room for the biggest run), counting runs of lines. */
class RunCounter {
  private constructor(
    private readonly ex: Exports,
    private readonly at: readonly number[],
    private readonly spellings: number,
  ) {}

  /** The tables copied into `ex`'s memory, with room for a run of `most` bytes of entries over `mostLines` lines; undefined past what 32-bit memory holds. */
  static load(ex: Exports, tables: WalkTables, most: number, mostLines: number): RunCounter | undefined {
    const base = (ex.configBase() + CONFIG_BYTES + 15) & ~15;
    const { trie, whole } = tables;
    const spellings = whole.length;
    const open = tables.open.length;
    // The layout: each table, then the visits and paths, then a run's entries and line ends.
    const sizes = [
      trie.rootChild.length,
      trie.childBits.length,
      trie.keysParent.length,
      trie.keysSyllable.length,
      trie.values.length,
      (tables.nodeKind.length + 3) >> 2,
      spellings, // syllable counts
      spellings, // first syllables
      tables.poolIds.length,
      spellings, // whole
      spellings, // open from
      spellings, // open count
      open,
      spellings, // whole counts
      spellings, // counted
      2 * ex.VISITS_MAX.value + 128, // visits, paths
      mostLines, // a run's line ends
      mostLines, // each line's mark in the visits
      (most + 3) >> 2, // a run's entries as SpelledLines encodes them (countRun reads them so)
    ];
    const at: number[] = [];
    let end = base;
    for (const size of sizes) {
      at.push(end);
      end += 4 * size + 16;
    }
    try {
      ensureMemory(ex, end);
    } catch (error) {
      if (error instanceof RangeError) return undefined;
      throw error;
    }
    const buffer = ex.memory.buffer;
    const i32 = (k: number, length: number): Int32Array => new Int32Array(buffer, at[k], length);
    i32(0, trie.rootChild.length).set(trie.rootChild);
    i32(1, trie.childBits.length).set(trie.childBits);
    i32(2, trie.keysParent.length).set(trie.keysParent);
    i32(3, trie.keysSyllable.length).set(trie.keysSyllable);
    i32(4, trie.values.length).set(trie.values);
    new Uint8Array(buffer, at[5], tables.nodeKind.length).set(tables.nodeKind);
    i32(6, spellings).set(tables.syllableCount.subarray(0, spellings));
    i32(7, spellings).set(tables.first.subarray(0, spellings));
    i32(8, tables.poolIds.length).set(tables.poolIds);
    i32(9, spellings).set(whole);
    i32(10, spellings).set(tables.openFrom);
    i32(11, spellings).set(tables.openCount);
    i32(12, open).set(tables.open);
    i32(13, spellings).fill(0);
    ex.countTables(at[0], trie.rootChild.length, at[1], at[2], at[3], at[4], trie.values.length, at[5], at[6], at[7], at[8], at[9], at[10], at[11], at[12], at[13], at[14], tables.maxSyllables, at[15]);
    return new RunCounter(ex, at, spellings);
  }

  /**
   * Counts a run of lines: its entries, encoded as SpelledLines keeps them, and its lines' ends in
   * those bytes. normalize.as countRun() reads the entries as they are encoded.
   */
  count(entries: Uint8Array, ends: Int32Array, visit: (node: number, form: number) => void, endLine?: () => void): void {
    const { ex, at } = this;
    new Uint8Array(ex.memory.buffer, at[18], entries.length).set(entries);
    new Int32Array(ex.memory.buffer, at[16], ends.length).set(ends);
    for (let fresh = 1; ; fresh = 0) {
      const done = ex.countRun(at[18], at[16], ends.length, fresh, at[17]);
      const visits = new Int32Array(ex.memory.buffer, at[15], 2 * ex.countVisits());
      const marks = new Int32Array(ex.memory.buffer, at[17], ex.countFinishedLines());
      let k = 0;
      for (let m = 0; m < marks.length; m++) {
        for (const end = 2 * marks[m]; k < end; k += 2) visit(visits[k], visits[k + 1]);
        endLine?.();
      }
      for (; k < visits.length; k += 2) visit(visits[k], visits[k + 1]);
      if (done === 1) break;
    }
  }

  /** Hands over the words counted whole since the last call, per spelling in the order they first came, and starts afresh. */
  wholeCounts(addWhole: (spelling: number, count: number) => void): void {
    const { ex, at } = this;
    const counts = new Int32Array(ex.memory.buffer, at[13], this.spellings);
    for (const v of new Int32Array(ex.memory.buffer, at[14], ex.countedSpellings())) {
      addWhole(v, counts[v]);
      counts[v] = 0;
    }
    ex.restartCounted();
  }
}

/** A fresh instance of the module, or undefined without one (or when it cannot be made). */
function instanceOf(module: WasmModule | undefined): { exports: unknown } | undefined {
  if (!module) return undefined;
  const api = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
  try {
    return new api.Instance(module, {});
  } catch {
    return undefined;
  }
}

/** Grows an instance's memory to at least `bytes`; throws past what 32-bit pointers here allow. */
function ensureMemory(exports: Exports, bytes: number): void {
  if (bytes > MAX_MEMORY) throw new RangeError('chunk too big for WebAssembly memory');
  const memory = exports.memory;
  const have = memory.buffer.byteLength;
  if (bytes > have) memory.grow(Math.ceil((bytes - have) / PAGE));
}
