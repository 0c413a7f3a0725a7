// Big-file jobs: stream a file (or stdin) through a byte transform, in parallel, into an atomically written output.
import * as fs from 'fs';
import * as path from 'path';
import { isUtf8 } from 'buffer';
import { Readable, pipeline } from 'stream';
import { Worker } from 'worker_threads';
import * as zlib from 'zlib';
import { RecordLineError } from '../core/jsonl';
import { LineChunker } from '../core/lineChunker';
import { findInvalidUtf8, utf16ByteOrder } from '../core/utf8';
import { DEFAULT_MAX_LINE_BYTES } from '../core/inputText';
import { ChunkTransform, TransformSpec, buildTransform } from './chunkTransform';
import { InputError, describe } from './errors';
import { Output } from './output';
import type { WorkerAnswer, WorkerTask } from './worker';
import { say, sayRecordProblem } from '../cli/messages';

export { InputError, describe } from './errors';

export const DEFAULT_CHUNK_SIZE = 4 * 1024 * 1024;
/**
 * The chunks of a reader that works a run of lines at a time in its own thread (check's rules,
 * the consistency count): into a few pooled buffers, each page of which the system maps in the
 * first time it is written (about 10 us a page on a virtual machine). Smaller buffers map fewer
 * pages, for a few more reads.
 */
export const RUN_CHUNK_SIZE = 1024 * 1024;
/**
 * Bytes left free before each chunk read from a file: the line the last chunk ended in goes there,
 * in front of the chunk, instead of the chunk being copied after it (see LineChunker.push). A line
 * longer than this costs that copy, nothing else.
 */
export const ROOM_BYTES = 64 * 1024;
/** The longest line a command accepts (see inputText.ts); SEGCORPUS_MAX_LINE_BYTES changes it (tests use a small value). */
export { DEFAULT_MAX_LINE_BYTES } from '../core/inputText';
const BOM = [0xef, 0xbb, 0xbf];
const LF = 0x0a;
const CR = 0x0d;

export function maxLineBytes(): number {
  return Number(process.env.SEGCORPUS_MAX_LINE_BYTES) || DEFAULT_MAX_LINE_BYTES;
}

/** Refuses a stdin that is a folder (`segcorpus normalize < dir`), which would read as empty. */
export function checkStdin(): void {
  let stat: fs.Stats | undefined;
  try {
    stat = fs.fstatSync(0);
  } catch {
    return; // no stdin at all: reading it reports the problem
  }
  if (stat.isDirectory()) throw new InputError(say('stdinIsFolder'));
}

/** Reads stdin in chunks of about `size` bytes. */
export async function* readStdin(size: number): AsyncGenerator<Buffer> {
  checkStdin();
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    pending.push(chunk);
    pendingBytes += chunk.length;
    if (pendingBytes >= size) {
      yield Buffer.concat(pending, pendingBytes);
      pending = [];
      pendingBytes = 0;
    }
  }
  if (pendingBytes > 0) yield Buffer.concat(pending, pendingBytes);
}

async function openInput(inputPath: string): Promise<fs.promises.FileHandle> {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(inputPath);
  } catch (error) {
    throw new InputError(say('cannotRead', inputPath, describe(error)));
  }
  if (stat.isDirectory()) throw new InputError(say('isDirectory', inputPath));
  try {
    return await fs.promises.open(inputPath, 'r');
  } catch (error) {
    throw new InputError(say('cannotRead', inputPath, describe(error)));
  }
}

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0; // reading it reports the problem
  }
}

/**
 * Checks that a run of whole lines is text: UTF-8 without NUL bytes. `offset` is where the run starts
 * in the input, so the message can point at the byte.
 */
export function checkText(lines: Uint8Array, offset: number, name: string): void {
  // Buffer's indexOf is memchr; a plain Uint8Array's is a slow element-by-element loop.
  const nul = Buffer.from(lines.buffer, lines.byteOffset, lines.length).indexOf(0);
  if (nul >= 0) throw new InputError(say('binaryFile', name, offset + nul));
  if (!isUtf8(lines)) {
    const at = findInvalidUtf8(lines);
    throw new InputError(say('invalidUtf8', name, offset + Math.max(at, 0)));
  }
}

/** Refuses UTF-16 by name rather than as "binary": the fix is a conversion. */
function checkNotUtf16(head: Uint8Array, name: string): void {
  const order = utf16ByteOrder(head);
  if (order) throw new InputError(say('utf16', name, order));
}

/**
 * The line breaks in a run of lines (LF, CRLF and a lone CR each end one line), and the index of
 * the first line longer than `limit` bytes in it, or -1.
 */
export function scanLines(bytes: Uint8Array, limit: number): { breaks: number; tooLong: number } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const n = bytes.length;
  let breaks = 0;
  let tooLong = -1;
  let lineStart = 0;
  // Both found with memchr; the next CR is remembered, so a file with few CRs is not searched twice.
  // One loop without closures: it runs on every chunk of every input, and a closure made per call
  // would make the optimized code of this loop be thrown away and made again.
  let cr = buf.indexOf(CR);
  let lf = buf.indexOf(LF);
  for (;;) {
    const loneCr = cr >= 0 && (lf < 0 || cr < lf) && cr + 1 < n && buf[cr + 1] !== LF;
    let end: number;
    let next: number;
    if (loneCr) {
      end = cr;
      next = cr + 1;
    } else if (lf >= 0) {
      end = lf > 0 && buf[lf - 1] === CR ? lf - 1 : lf;
      next = lf + 1;
    } else {
      // The last line; a CR ending the run ends a line too.
      if (cr >= 0 && cr === n - 1) {
        if (tooLong < 0 && cr - lineStart > limit) tooLong = breaks;
        breaks++;
        lineStart = n;
      }
      if (tooLong < 0 && n - lineStart > limit) tooLong = breaks;
      return { breaks, tooLong };
    }
    if (tooLong < 0 && end - lineStart > limit) tooLong = breaks;
    breaks++;
    lineStart = next;
    if (cr >= 0 && cr < next) cr = buf.indexOf(CR, next);
    if (lf >= 0 && lf < next) lf = buf.indexOf(LF, next);
  }
}

/** A run of whole lines, and whether it follows a lone CR (see LineChunker). */
export interface LineRun {
  readonly bytes: Uint8Array;
  readonly afterLoneCr: boolean;
}

/**
 * The buffers of one job, handed round between reading, the worker threads and writing: a job
 * allocates a few and then reuses them, instead of a fresh one for every chunk read and written
 * (each costs fresh pages from the system and, in the extension host, garbage collections).
 */
export class BufferPool {
  private readonly free: ArrayBufferLike[] = [];
  private readonly mine = new WeakSet<ArrayBufferLike>();

  /**
   * `size`: the bytes of each buffer (a chunk, the room before it, and some growth of its output).
   * `shared`: SharedArrayBuffers, which another thread reads without a copy (check's worker reads
   * the runs of lines the main thread has read).
   */
  constructor(
    readonly size: number,
    readonly shared = false,
  ) {}

  take(): ArrayBufferLike {
    const buffer = this.free.pop() ?? (this.shared ? new SharedArrayBuffer(this.size) : new ArrayBuffer(this.size));
    this.mine.add(buffer);
    return buffer;
  }

  /** Whether `buffer` came from take() (and is not back yet). */
  owns(buffer: ArrayBufferLike): boolean {
    return this.mine.has(buffer);
  }

  /** Takes back a buffer from take() (or one a worker thread hands back for it) once nothing reads it. */
  give(buffer: ArrayBufferLike): void {
    if (buffer.byteLength !== this.size || buffer instanceof SharedArrayBuffer !== this.shared) return;
    this.mine.delete(buffer);
    this.free.push(buffer);
  }
}

/** Bytes from a file or stdin, in chunks. */
interface ByteSource {
  /** The next bytes, or null at the end. */
  next(): Promise<Uint8Array | null>;
  /** How many bytes before each chunk in its buffer are free (see ROOM_BYTES). */
  readonly room: number;
  close(): Promise<void>;
}

async function fileSource(inputPath: string, chunkSize: number, pool: BufferPool | undefined): Promise<ByteSource> {
  const handle = await openInput(inputPath);
  const size = ROOM_BYTES + chunkSize;
  const read = async (): Promise<Uint8Array | null> => {
    const buf = new Uint8Array(pool && pool.size >= size ? pool.take() : new ArrayBuffer(size));
    let n: number;
    try {
      n = (await handle.read(buf, ROOM_BYTES, chunkSize, null)).bytesRead;
    } catch (error) {
      pool?.give(buf.buffer);
      throw new InputError(say('cannotRead', inputPath, describe(error)));
    }
    if (n === 0) pool?.give(buf.buffer);
    return n === 0 ? null : buf.subarray(ROOM_BYTES, ROOM_BYTES + n);
  };
  // One read ahead: the next chunk comes from the disk (or page cache) while this one is worked on.
  let ahead: Promise<Uint8Array | null> | undefined = read();
  ahead.catch(() => undefined); // awaited in next(); this only keeps a failure meanwhile from going unhandled
  return {
    async next() {
      if (ahead === undefined) return null;
      const data = await ahead;
      ahead = data === null ? undefined : read();
      ahead?.catch(() => undefined);
      // The chunker puts the unfinished line before it, in the room left there.
      return data;
    },
    room: ROOM_BYTES,
    async close() {
      await ahead?.catch(() => undefined);
      await handle.close();
    },
  };
}

function stdinSource(chunkSize: number): ByteSource {
  const chunks = readStdin(chunkSize);
  return {
    async next() {
      const { value, done } = await chunks.next();
      return done ? null : value;
    },
    room: 0,
    async close() {
      await chunks.return(undefined);
    },
  };
}

/** gzip's magic bytes: an input that starts with them is decompressed, whatever its name. */
export function isGzip(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

/**
 * Whether a file is gzip, and about how many bytes reading it gives: its size, or for gzip what its
 * trailer says the (last) member decompresses to, when that is more (modulo 4 GiB, as gzip keeps
 * it). Only a regular file is looked into (a FIFO would lose what this read of it); 0 bytes when it
 * cannot be read: reading it reports the problem.
 */
export function sizeToRead(file: string): { readonly bytes: number; readonly gzip: boolean } {
  let fd: number | undefined;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return { bytes: stat.size, gzip: false };
    fd = fs.openSync(file, 'r');
    const size = fs.fstatSync(fd).size;
    const head = new Uint8Array(2);
    if (size < 18 || fs.readSync(fd, head, 0, 2, 0) < 2 || !isGzip(head)) return { bytes: size, gzip: false };
    const trailer = Buffer.alloc(4);
    fs.readSync(fd, trailer, 0, 4, size - 4);
    return { bytes: Math.max(size, trailer.readUInt32LE(0)), gzip: true };
  } catch {
    return { bytes: 0, gzip: false };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** How much zlib decompresses at a time. */
const GUNZIP_PIECE_BYTES = 1024 * 1024;

/**
 * The decompressed bytes of a gzip source (`first` is what was already read of it), in chunks of
 * about `chunkSize` (into `pool`'s buffers, with room before each, when given). zlib streams it:
 * memory stays at a few chunks whatever the ratio, and concatenated members (`cat a.gz b.gz`,
 * pigz) are read one after the other. It decompresses up to a chunk ahead, in the thread pool,
 * while the caller works on the chunk before.
 */
function gunzipSource(first: Uint8Array, raw: ByteSource, chunkSize: number, name: string, pool: BufferPool | undefined): ByteSource {
  // zlib's pieces are big (each is a trip through the event loop, which the caller may hold for a
  // while) and what zlib has ready is kept to about a chunk.
  const gunzip = zlib.createGunzip({ chunkSize: GUNZIP_PIECE_BYTES, readableHighWaterMark: chunkSize } as zlib.ZlibOptions);
  async function* compressed(): AsyncGenerator<Uint8Array> {
    yield first;
    for (;;) {
      const data = await raw.next();
      if (data === null) return;
      yield data;
    }
  }
  // pipeline hands an error on either side to the iterator below, which rethrows it.
  pipeline(Readable.from(compressed()), gunzip, () => undefined);
  const chunks = gunzip[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const room = pool && pool.size >= ROOM_BYTES + chunkSize ? ROOM_BYTES : 0;
  // What did not fit in the last chunk.
  let left: Uint8Array | undefined;
  let ended = false;
  const nextPiece = async (): Promise<Uint8Array | undefined> => {
    if (left) {
      const piece = left;
      left = undefined;
      return piece;
    }
    if (ended) return undefined;
    let step: IteratorResult<Buffer>;
    try {
      step = await chunks.next();
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw new InputError(say('damagedGzip', name, describe(error)));
    }
    if (step.done) {
      ended = true;
      return undefined;
    }
    return step.value;
  };
  return {
    async next() {
      if (room === 0 || !pool) {
        const pending: Uint8Array[] = [];
        let bytes = 0;
        for (let piece = await nextPiece(); piece; piece = bytes < chunkSize ? await nextPiece() : undefined) {
          pending.push(piece);
          bytes += piece.length;
        }
        return bytes === 0 ? null : Buffer.concat(pending, bytes);
      }
      // Into a buffer of the pool, after its room: no copy but this one, and no fresh memory.
      const buf = new Uint8Array(pool.take());
      let bytes = 0;
      while (bytes < chunkSize) {
        const piece = await nextPiece();
        if (!piece) break;
        const take = Math.min(piece.length, chunkSize - bytes);
        buf.set(take === piece.length ? piece : piece.subarray(0, take), room + bytes);
        bytes += take;
        if (take < piece.length) left = piece.subarray(take);
      }
      if (bytes === 0) pool.give(buf.buffer);
      return bytes === 0 ? null : buf.subarray(room, room + bytes);
    },
    room,
    async close() {
      gunzip.destroy();
      await raw.close();
    },
  };
}

/**
 * Reads an input as validated runs of whole lines, the byte order mark split off first. A gzip
 * input (by its magic bytes, file or stdin) is decompressed on the way. Reads are
 * asynchronous, so a signal is handled between two chunks. Memory stays at about one chunk plus
 * the longest line, which may not pass maxLineBytes(). With a `pool`, a file is read into its
 * buffers: give each run's buffer back (pool.owns tells) once done with the run.
 */
export async function* readLines(inputPath: string | undefined, chunkSize: number, onBom: (bom: Uint8Array) => void, pool?: BufferPool): AsyncGenerator<LineRun> {
  const limit = maxLineBytes();
  // Lines are numbered only to report one past the limit. A regular file is read again to number it
  // then; a pipe or stdin cannot be, so its lines are counted as they go by.
  const numberLater = inputPath !== undefined && isRegularFile(inputPath);
  try {
    yield* validatedRuns(inputPath, chunkSize, onBom, pool, limit, !numberLater);
  } catch (error) {
    if (!(error instanceof LongLine)) throw error;
    const line = error.linesBefore !== undefined ? error.linesBefore + error.index + 1 : await numberOfLongLine(inputPath as string, chunkSize, limit);
    throw new InputError(say('lineTooLong', inputPath ?? '<stdin>', line ?? '?', limit));
  }
}

/** A line past the limit: the `index`-th line (from 0) of a run, after `linesBefore` line breaks when they were counted. */
class LongLine extends Error {
  constructor(
    readonly index: number,
    readonly linesBefore: number | undefined,
  ) {
    super('line too long');
  }
}

function isRegularFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false; // opening it says why
  }
}

/**
 * The number of the first line past the limit in a file, read again with its lines counted as they
 * go: a refused line is numbered this way. Undefined when the file no longer has one (it changed).
 */
async function numberOfLongLine(file: string, chunkSize: number, limit: number): Promise<number | undefined> {
  try {
    const runs = validatedRuns(file, chunkSize, () => undefined, undefined, limit, true);
    while (!(await runs.next()).done) {
      // Only counted.
    }
  } catch (error) {
    if (error instanceof LongLine && error.linesBefore !== undefined) return error.linesBefore + error.index + 1;
  }
  return undefined;
}

/**
 * readLines' runs, refusing a line past `limit` as a LongLine (numbered when `count`). A run is
 * scanned line by line only when it is longer than the limit, or when its lines are counted.
 */
async function* validatedRuns(
  inputPath: string | undefined,
  chunkSize: number,
  onBom: (bom: Uint8Array) => void,
  pool: BufferPool | undefined,
  limit: number,
  count: boolean,
): AsyncGenerator<LineRun> {
  const name = inputPath ?? '<stdin>';
  const chunker = new LineChunker();
  let offset = 0;
  let lines = 0;
  const emit = (run: Uint8Array, afterLoneCr = chunker.startsAfterLoneCr): LineRun | undefined => {
    if (run.length === 0) return undefined;
    checkText(run, offset, name);
    offset += run.length;
    // Only a run longer than the limit can hold a line longer than it.
    if (count || run.length > limit) {
      const scan = scanLines(run, limit);
      if (scan.tooLong >= 0) throw new LongLine(scan.tooLong, count ? lines : undefined);
      lines += scan.breaks;
    }
    return { bytes: run, afterLoneCr };
  };
  // A line still coming is refused as soon as it passes the limit, before it is read whole. The
  // unfinished part may start with whole lines that end with a lone CR: the long one is after them.
  const checkPending = (): void => {
    const pending = chunker.pending;
    if (pending.length <= limit) return;
    const scan = scanLines(pending, limit);
    if (scan.tooLong >= 0) throw new LongLine(scan.tooLong, count ? lines : undefined);
  };
  let source = inputPath === undefined ? stdinSource(chunkSize) : await fileSource(inputPath, chunkSize, pool);
  try {
    // The first bytes decide about gzip, a byte order mark and UTF-16: a FIFO may hand them over one at a time.
    let head: Uint8Array = new Uint8Array(0);
    let ended = false;
    const readHead = async (): Promise<void> => {
      while (head.length < 4 && !ended) {
        const data = await source.next();
        if (data === null) ended = true;
        else head = head.length === 0 ? data : Buffer.concat([head, data]);
      }
    };
    await readHead();
    if (isGzip(head)) {
      source = gunzipSource(head, source, chunkSize, name, pool);
      head = new Uint8Array(0);
      await readHead();
    }
    checkNotUtf16(head, name);
    if (head.length >= 3 && head[0] === BOM[0] && head[1] === BOM[1] && head[2] === BOM[2]) {
      onBom(new Uint8Array(head.subarray(0, 3))); // a copy: the buffer is reused
      offset = 3;
      head = head.subarray(3);
    }
    let run = head.length > 0 ? emit(chunker.push(head)) : undefined;
    if (run) yield run;
    checkPending();
    while (!ended) {
      const data = await source.next();
      if (data === null) break;
      run = emit(chunker.push(data, source.room));
      // No line of it kept in place (the chunker copied what it needs): its buffer can go back now.
      if (pool?.owns(data.buffer) && run?.bytes.buffer !== data.buffer) pool.give(data.buffer);
      if (run) yield run;
      checkPending();
    }
  } finally {
    await source.close();
  }
  const run = emit(chunker.end());
  if (run) yield run;
}

/** Refuses an output that is the input: the source file is never changed. */
export function checkNotSameFile(inputPath: string | undefined, outputPath: string | undefined): void {
  if (inputPath === undefined || outputPath === undefined) return;
  const a = path.resolve(inputPath);
  const b = path.resolve(outputPath);
  let same = a === b;
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    same = same || (sa.dev === sb.dev && sa.ino === sb.ino);
  } catch {
    // The output does not exist yet: it cannot be the input.
  }
  if (same) throw new InputError(say('outputOverInput', inputPath));
}

/** A transformed chunk from a worker thread, with the buffers its task took there (input, then output room). */
interface Transformed {
  readonly out: Uint8Array;
  readonly spent: readonly ArrayBuffer[];
}

/** A fixed set of worker threads transforming chunks; results come back in any order, tagged. */
class WorkerPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly waiting: WorkerTask[] = [];
  private readonly resolvers = new Map<number, { resolve: (result: Transformed) => void; reject: (e: Error) => void }>();
  private failure: Error | undefined;

  constructor(size: number, workerPath: string, spec: TransformSpec) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(workerPath, { workerData: spec });
      // Messages posted before the thread has booted wait in its port: no need to wait for it here.
      worker.on('message', (answer: WorkerAnswer) => {
        if ('record' in answer) this.resolvers.get(answer.seq)?.reject(new RecordLineError(answer.record.lineIndex, answer.record.problem, answer.record.l10n));
        else this.resolvers.get(answer.seq)?.resolve(answer);
        this.resolvers.delete(answer.seq);
        this.dispatch(worker);
      });
      worker.on('error', (error) => this.fail(error));
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  /** Transforms a run in a worker; its buffer, and `into`'s, move to the worker and come back with the result. */
  run(seq: number, { bytes: lines, afterLoneCr }: LineRun, into: Uint8Array): Promise<Transformed> {
    if (this.failure) return Promise.reject(this.failure);
    const promise = new Promise<Transformed>((resolve, reject) => this.resolvers.set(seq, { resolve, reject }));
    this.waiting.push({ seq, lines, afterLoneCr, into });
    const worker = this.idle.pop();
    if (worker) this.dispatch(worker);
    return promise;
  }

  private dispatch(worker: Worker): void {
    const next = this.waiting.shift();
    if (!next) {
      this.idle.push(worker);
      return;
    }
    worker.postMessage(next, [next.lines.buffer as ArrayBuffer, ...(next.into ? [next.into.buffer as ArrayBuffer] : [])]);
  }

  private fail(error: Error): void {
    this.failure = error;
    for (const { reject } of this.resolvers.values()) reject(error);
    this.resolvers.clear();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

export interface JobOptions {
  /** Worker threads; 1 transforms in this thread. */
  readonly jobs: number;
  readonly chunkSize?: number;
  /** The bundled worker script (dist/worker.js beside the CLI). */
  readonly workerPath?: string;
  /** gzip the output (a `.gz` name or --gzip). */
  readonly gzip?: boolean;
  /**
   * Transform in worker threads even with one job or a small input: the caller's thread only reads
   * and writes (the editor's extension host, which every extension shares, must stay responsive).
   */
  readonly offThread?: boolean;
  /** Called as the input is read, with the bytes read so far: a progress bar's measure. */
  readonly onProgress?: (bytesRead: number) => void;
  /** Stops the job between two chunks: nothing is written, the temporary file is removed. */
  readonly signal?: AbortSignal;
}

/** What a record line without its field says: the input's name, the line in the whole input, the problem, in the CLI's language. */
export function recordLineMessage(name: string, line: number, error: RecordLineError, passOther: boolean): string {
  return say(passOther ? 'recordLinePassing' : 'recordLine', name, line, sayRecordProblem(error.l10n));
}

/** Counts LFs: JSON Lines records end at LF only. */
function countRecords(bytes: Uint8Array): number {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  let count = 0;
  for (let i = buf.indexOf(LF); i >= 0; i = buf.indexOf(LF, i + 1)) count++;
  return count;
}

/** The record error of a run, named with its line in the whole input. */
function recordError(error: unknown, name: string, firstLine: number, passOther: boolean): unknown {
  if (!(error instanceof RecordLineError)) return error;
  return new InputError(recordLineMessage(name, firstLine + error.lineIndex, error, passOther));
}

/** What a job stopped through its signal throws. */
export class JobCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'JobCancelled';
  }
}

/** The runs of `lines`, with progress reported and the signal looked at between two of them. */
async function* watched(lines: AsyncGenerator<LineRun>, options: JobOptions): AsyncGenerator<LineRun> {
  let read = 0;
  for await (const run of lines) {
    if (options.signal?.aborted) throw new JobCancelled();
    // Taken before the run goes: a worker thread is handed its buffer, which leaves it empty here.
    read += run.bytes.length;
    yield run;
    options.onProgress?.(read);
  }
}

/**
 * Streams `inputPath` (stdin when undefined) through the transform into `outputPath` (stdout when
 * undefined). Output order and bytes are the same whatever the number of jobs: lines are independent
 * and chunks are cut at line breaks.
 */
export async function runFileJob(spec: TransformSpec, inputPath: string | undefined, outputPath: string | undefined, options: JobOptions): Promise<void> {
  checkNotSameFile(inputPath, outputPath);
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const transform: ChunkTransform = buildTransform(spec);
  const output = new Output(outputPath, { gzip: options.gzip ?? false });
  const name = inputPath ?? '<stdin>';
  const passOther = spec.records?.passOther ?? false;
  // JSON Lines errors name the record's line: the lines before each run are counted (records only).
  let recordsBefore = 1;
  const firstLineOf = (run: LineRun): number => {
    const first = recordsBefore;
    if (spec.records) recordsBefore += countRecords(run.bytes);
    return first;
  };
  let workers: WorkerPool | undefined;
  try {
    // Threads pay off only past a couple of chunks; stdin's size is unknown, so it stays in this thread.
    const parallel = options.offThread === true || (options.jobs > 1 && inputPath !== undefined && sizeOf(inputPath) > 2 * chunkSize);
    const bom: Uint8Array[] = [];
    // Buffers for the chunks read and the outputs, reused: room for a chunk, the line before it and
    // some growth (an output that does not fit goes to a fresh array).
    const buffers = new BufferPool(ROOM_BYTES + chunkSize + (chunkSize >> 2));
    const lines = watched(readLines(inputPath, chunkSize, (b) => bom.push(b), buffers), options);
    // Once an output is written, the run's buffer and the output's go back to be read into again;
    // not one a write may still hold (stdout, gzip), nor a run's that did not come from the pool.
    const recycle = (out: Uint8Array, runBuffer: ArrayBufferLike, pooledRun: boolean, into: ArrayBufferLike): void => {
      if (output.writesThrough) {
        // A file's writes are made off this thread: the buffers go back once they are in the file.
        output.written().then(
          () => {
            if (pooledRun) buffers.give(runBuffer);
            buffers.give(into);
          },
          () => undefined, // finish() reports the failure
        );
        return;
      }
      if (pooledRun && runBuffer !== out.buffer) buffers.give(runBuffer);
      if (into !== out.buffer) buffers.give(into);
    };
    if (!parallel) {
      for await (const run of lines) {
        if (bom.length > 0) await output.write(bom.shift() as Uint8Array);
        const firstLine = firstLineOf(run);
        const into = new Uint8Array(buffers.take());
        let out: Uint8Array;
        try {
          out = transform(run.bytes, run.afterLoneCr, into);
        } catch (error) {
          throw recordError(error, name, firstLine, passOther);
        }
        await output.write(out);
        recycle(out, run.bytes.buffer, buffers.owns(run.bytes.buffer), into.buffer);
      }
      if (bom.length > 0) await output.write(bom.shift() as Uint8Array);
    } else {
      const jobs = Math.max(1, options.jobs);
      workers = new WorkerPool(jobs, options.workerPath ?? path.join(__dirname, 'worker.js'), spec);
      type Pending = { result: Promise<Transformed>; firstLine: number; pooledRun: boolean };
      const queue: Pending[] = [];
      let seq = 0;
      const writeNext = async (): Promise<void> => {
        const { result, firstLine, pooledRun } = queue.shift() as Pending;
        let transformed: Transformed;
        try {
          transformed = await result;
        } catch (error) {
          throw recordError(error, name, firstLine, passOther);
        }
        await output.write(transformed.out);
        const [runBuffer, into] = transformed.spent;
        recycle(transformed.out, runBuffer, pooledRun, into);
      };
      for await (const run of lines) {
        if (bom.length > 0) await output.write(bom.shift() as Uint8Array);
        const firstLine = firstLineOf(run);
        // Asked before the buffer moves to the worker (it comes back as another object).
        const pooledRun = buffers.owns(run.bytes.buffer);
        const result = workers.run(seq++, run, new Uint8Array(buffers.take()));
        result.catch(() => undefined); // awaited below, in order; this only keeps an early failure from going unhandled
        queue.push({ result, firstLine, pooledRun });
        // Keep every worker busy with one chunk in hand and one waiting, and no more: flat memory.
        while (queue.length >= jobs * 2) await writeNext();
      }
      if (bom.length > 0) await output.write(bom.shift() as Uint8Array);
      while (queue.length > 0) await writeNext();
    }
    if (options.signal?.aborted) throw new JobCancelled();
    await output.finish();
    output.commit();
  } catch (error) {
    output.abandon();
    throw error;
  } finally {
    await workers?.close();
  }
}
