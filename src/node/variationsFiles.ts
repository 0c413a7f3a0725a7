// Variations counted over corpus files, and the findings of each file from its bytes: shared by the CLI's main thread and its consistency worker.
import * as fs from 'fs';
import { parseLexicon } from '../core/lexicon';
import { SpelledLines } from '../core/syllables';
import { Variations } from '../core/variations';
import { BufferPool, DEFAULT_CHUNK_SIZE, InputError, ROOM_BYTES, RUN_CHUNK_SIZE, describe, readLines } from './fileJob';
import { say } from '../cli/messages';
import { normalizerModule } from '../wasm/module';
import { CountShare, SpelledChunk, WasmCountWalk, WasmSpeller } from '../wasm/normalizer';

export interface ConsistencyArgs {
  readonly lexicon: string | undefined;
  readonly minCount: number | undefined;
  readonly minShare: number | undefined;
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * Calls `onLine(start, end)` for every line of a run of whole lines, cut as core/lines.ts splitLines
 * cuts text (LF, CRLF or a lone CR), so line numbers agree with the other findings of `check`.
 */
export function forEachLineOf(bytes: Uint8Array, onLine: (start: number, end: number) => void): void {
  // Buffer's indexOf is memchr; CRs are looked for only as far as the next one.
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const n = buffer.length;
  let cr = buffer.indexOf(CR);
  let start = 0;
  while (start < n) {
    let stop = buffer.indexOf(LF, start);
    if (stop < 0) stop = n;
    if (cr >= 0 && cr < start) cr = buffer.indexOf(CR, start);
    if (cr >= 0 && cr < stop) {
      onLine(start, cr);
      start = cr + 1 < n && buffer[cr + 1] === LF ? cr + 2 : cr + 1;
    } else {
      onLine(start, stop);
      start = stop + 1;
    }
  }
}

async function eachLine(file: string, onLine: (bytes: Uint8Array, start: number, end: number) => void): Promise<void> {
  for await (const run of readLines(file, DEFAULT_CHUNK_SIZE, () => undefined)) {
    const bytes = run.bytes;
    forEachLineOf(bytes, (start, end) => onLine(bytes, start, end));
  }
}

/**
 * A file's runs of whole lines, read here. Nothing is kept of a run once the next is asked for: the
 * chunks' buffers are used again.
 */
export async function* readRuns(file: string): AsyncGenerator<Uint8Array> {
  const pool = new BufferPool(ROOM_BYTES + RUN_CHUNK_SIZE);
  for await (const run of readLines(file, RUN_CHUNK_SIZE, () => undefined, pool)) {
    yield run.bytes;
    if (pool.owns(run.bytes.buffer)) pool.give(run.bytes.buffer);
  }
}

/** Pass one over a file's runs of lines with its tokens numbered by `speller` (noteCompoundsSpelling's work). */
async function eachNumberedLine(runs: AsyncIterable<Uint8Array>, speller: { use: WasmSpeller | undefined }, variations: Variations, spelled: SpelledLines): Promise<void> {
  for await (const bytes of runs) {
    // In pieces of whole lines that stay in the cache while their numbers are copied out.
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    for (let at = 0; at < buffer.length; ) {
      let stop = buffer.length;
      if (stop - at > NUMBERED_PIECE_BYTES) {
        const lf = buffer.indexOf(LF, at + NUMBERED_PIECE_BYTES - 1);
        if (lf >= 0) stop = lf + 1;
      }
      numberPiece(bytes.subarray(at, stop), speller, variations, spelled);
      at = stop;
    }
  }
}

/** How much of a run the speller numbers at a time. */
const NUMBERED_PIECE_BYTES = 256 * 1024;

function numberPiece(bytes: Uint8Array, speller: { use: WasmSpeller | undefined }, variations: Variations, spelled: SpelledLines): void {
  let numbered: SpelledChunk | undefined;
  try {
    numbered = speller.use?.spellChunk(bytes);
  } catch (error) {
    // Beyond what 32-bit WebAssembly memory holds: the bytes are read here from now on, since
    // the numbering goes on from what this table has numbered.
    if (!(error instanceof RangeError)) throw error;
    speller.use = undefined;
  }
  if (numbered === undefined) forEachLineOf(bytes, (start, end) => variations.noteCompoundsSpelling(bytes, start, end, spelled));
  else noteNumbered(bytes, numbered, variations, spelled);
}

/**
 * Pass one over the lines of `bytes` whose tokens WasmSpeller.spellChunk numbered (see there):
 * noteCompoundsSpelling's work. Lines of spellings seen before, in a row, go to the spelled lines
 * in one go (their encoding copied as it is); the others one by one. Returns how many lines there were.
 */
export function noteNumbered(bytes: Uint8Array, chunk: SpelledChunk, variations: Variations, spelled: SpelledLines): number {
  const { numbered, encoded } = chunk;
  const seen = seenLines.ready(numbered.length / 3);
  let start = 0;
  let lines = 0;
  let e = 0;
  let seenFrom = 0;
  let seenCount = 0;
  const noteSeen = (): void => {
    if (seenCount > 0) variations.noteSeenLines(bytes, seen.starts, seen.ends, encoded, seenFrom, seen.encodedEnds, seenCount, spelled);
    seenCount = 0;
  };
  for (let p = 0; p < numbered.length; lines++) {
    const from = p + 3;
    const to = from + numbered[p];
    const end = numbered[p + 1];
    const encodedBytes = numbered[p + 2];
    if (encodedBytes < 0) {
      noteSeen();
      variations.noteCompoundsNumbered(bytes, start, end, numbered, from, to, spelled);
    } else {
      if (seenCount === 0) seenFrom = e;
      e += encodedBytes;
      seen.starts[seenCount] = start;
      seen.ends[seenCount] = end;
      seen.encodedEnds[seenCount++] = e;
    }
    start = end < bytes.length && bytes[end] === CR && bytes[end + 1] === LF ? end + 2 : end + 1;
    p = to;
  }
  noteSeen();
  return lines;
}

/** noteNumbered's lists of the lines in a row of spellings seen before, reused from chunk to chunk. */
const seenLines = {
  starts: new Int32Array(0),
  ends: new Int32Array(0),
  encodedEnds: new Int32Array(0),
  /** Room for `lines` lines. */
  ready(lines: number) {
    if (this.starts.length < lines) {
      const n = Math.max(lines, 2 * this.starts.length);
      this.starts = new Int32Array(n);
      this.ends = new Int32Array(n);
      this.encodedEnds = new Int32Array(n);
    }
    return this;
  },
};

function loadLexicon(file: string): string[] {
  try {
    return parseLexicon(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new InputError(say('cannotReadLexicon', file, describe(error)));
  }
}

/** The variations of some files, and which of their lines hold a disagreement when that is known without reading them again. */
export interface CountedFiles {
  readonly variations: Variations;
  /**
   * Per file, the 1-based numbers of its lines holding an occurrence against a majority, in order;
   * undefined when the lines were too many to keep (then every line must be judged).
   */
  readonly disagreeing: ReadonlyArray<readonly number[]> | undefined;
  /** With `disagreeing`: every line spelled, and where each file's lines start among them (judging reads the spellings there). */
  readonly spelled?: { readonly lines: SpelledLines; readonly firstLines: readonly number[] };
}

/** How countFiles reads and counts, when not as it does by default. */
export interface CountOptions {
  /** SpelledLines' bound (its default unless a test asks for less). */
  readonly maxSpelledBytes?: number;
  /** Another thread that counts some of the runs of lines (see WasmCountWalk.shareWith). */
  readonly share?: CountShare;
  /** Each file's runs of whole lines for the first pass, files in order: readRuns() unless another thread reads them. */
  readonly runsOf?: (index: number, file: string) => AsyncIterable<Uint8Array>;
}

/**
 * Counts the variations of all `files` (paths; stdin must have been spooled to a file). The bytes
 * are read once: that pass finds the compounds and keeps every line as its tokens' spelling numbers
 * (SpelledLines), which the counting pass, and with `findDisagreeing` the pass that finds the lines
 * to judge, read instead of the bytes. Past SpelledLines' bound the files are read again instead.
 */
export async function countFiles(files: readonly string[], args: ConsistencyArgs, findDisagreeing: boolean, options: CountOptions = {}): Promise<CountedFiles> {
  const { maxSpelledBytes, share } = options;
  const runsOf = options.runsOf ?? ((_index: number, file: string) => readRuns(file));
  const thresholds: { minCount?: number; minShare?: number } = {};
  if (args.minCount !== undefined) thresholds.minCount = args.minCount;
  if (args.minShare !== undefined) thresholds.minShare = args.minShare;
  const variations = new Variations(thresholds);
  if (args.lexicon !== undefined) for (const word of loadLexicon(args.lexicon)) variations.addLexiconWord(word);
  // SEGCORPUS_SPELLED_BLOCK_BYTES is a testing knob: smaller blocks, so more runs of lines to share.
  const blockBytes = Number(process.env.SEGCORPUS_SPELLED_BLOCK_BYTES) || undefined;
  // Shared blocks when another thread may count some of the lines (see WasmCountWalk.shareWith).
  const spelled = new SpelledLines(maxSpelledBytes, blockBytes, share !== undefined);
  const fileLines: number[] = [];
  // The tokens numbered in WebAssembly when it can (the same spellings, several times faster).
  const speller = { use: process.env.SEGCORPUS_WASM === '0' ? undefined : WasmSpeller.create(normalizerModule()) };
  // And counted there (the same counts, in the same order).
  if (speller.use) {
    const walker = WasmCountWalk.create(normalizerModule());
    walker?.shareWith(share);
    variations.useWalker(walker);
  }
  for (const [index, file] of files.entries()) {
    const runs = runsOf(index, file);
    if (speller.use) await eachNumberedLine(runs, speller, variations, spelled);
    else for await (const bytes of runs) forEachLineOf(bytes, (start, end) => variations.noteCompoundsSpelling(bytes, start, end, spelled));
    fileLines.push(spelled.lineCount);
  }
  if (spelled.full) {
    for (const file of files) await eachLine(file, (bytes, start, end) => variations.count(bytes, start, end));
    return { variations, disagreeing: undefined };
  }
  // What the count sees is kept when the lines to judge are wanted: finding them then reads no line again.
  variations.countSpelled(spelled, 0, spelled.lineCount, findDisagreeing);
  if (!findDisagreeing) return { variations, disagreeing: undefined };
  const disagreeing: number[][] = files.map(() => []);
  let file = 0;
  for (const line of variations.disagreeingLines(spelled)) {
    while (line >= fileLines[file]) file++;
    disagreeing[file].push(line - (file === 0 ? 0 : fileLines[file - 1]) + 1);
  }
  return { variations, disagreeing, spelled: { lines: spelled, firstLines: [0, ...fileLines.slice(0, -1)] } };
}

/** The variations of all `files`, counted (see countFiles). */
export async function countVariations(files: readonly string[], args: ConsistencyArgs): Promise<Variations> {
  return (await countFiles(files, args, false)).variations;
}

/**
 * What check's worker asks of the main thread once the counts are in: judge these lines of each
 * file (1-based, ascending), with a copy of the counts (Variations.transferable() data).
 */
export interface JudgeRequest {
  readonly type: 'judge';
  readonly variations: object;
  readonly lines: ReadonlyArray<readonly number[]>;
  /** The spelled lines (SpelledLines data, its blocks shared) and where each file's lines start among them, when they can come along. */
  readonly spelled?: { readonly lines: object; readonly firstLines: readonly number[] };
}

/** A file's `inconsistent-segmentation` findings, in line order; columns are UTF-16 offsets. */
export interface FileFindings {
  readonly lines: number[];
  readonly starts: number[];
  readonly ends: number[];
  readonly tokens: number[];
  readonly messages: string[];
}

/**
 * The findings of the file at `index` of the files counted, or undefined when it has none. Reads
 * the file only when it holds a disagreement, and then judges only the lines that do.
 */
export async function findingsOfFile(counted: CountedFiles, files: readonly string[], index: number): Promise<FileFindings | undefined> {
  if (counted.disagreeing === undefined) return counted.variations.hasDisagreements() ? fileFindings(counted.variations, files[index]) : undefined;
  const lines = counted.disagreeing[index];
  const spelled = counted.spelled && { lines: counted.spelled.lines, first: counted.spelled.firstLines[index] };
  return lines.length === 0 ? undefined : fileFindings(counted.variations, files[index], lines, spelled);
}

/**
 * Reads a file's bytes once and judges its lines against the counts: every line, or only those
 * numbered in `only` (ascending). Line numbers are 1-based. With `spelled`, the file's lines as the
 * count spelled them (its line `first` is the file's first), whose spellings judging reads instead
 * of hashing each token again.
 */
export async function fileFindings(variations: Variations, file: string, only?: readonly number[], spelled?: { readonly lines: SpelledLines; readonly first: number }): Promise<FileFindings> {
  const found: FileFindings = { lines: [], starts: [], ends: [], tokens: [], messages: [] };
  let lineNumber = 0;
  let next = 0;
  await eachLine(file, (bytes, start, end) => {
    lineNumber++;
    if (only !== undefined) {
      if (only[next] !== lineNumber) return;
      next++;
    }
    // Spelled when counted (the same table): the spellings are read there instead of hashed again.
    const disagreements = spelled ? variations.disagreementsSpelled(spelled.lines, spelled.first + lineNumber - 1, bytes, start, end) : variations.disagreements(bytes, start, end);
    for (const d of disagreements) {
      const f = variations.describe(bytes, start, d);
      found.lines.push(lineNumber);
      found.starts.push(f.start);
      found.ends.push(f.end);
      found.tokens.push(f.tokenIndex);
      found.messages.push(f.message);
    }
  });
  return found;
}
