// Big-file jobs: stream a file (or stdin) through a byte transform, in parallel, into an atomically written output.
import * as fs from 'fs';
import * as path from 'path';
import { isUtf8 } from 'buffer';
import { Worker } from 'worker_threads';
import { LineChunker } from '../core/lineChunker';
import { findInvalidUtf8 } from '../core/utf8';
import { ChunkTransform, TransformSpec, buildTransform } from './chunkTransform';

/** Bad input or a bad request: the CLI reports it and exits with status 2. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

export const DEFAULT_CHUNK_SIZE = 4 * 1024 * 1024;
const BOM = [0xef, 0xbb, 0xbf];

/** Reads stdin in chunks of about `size` bytes. */
async function* readStdin(size: number): AsyncGenerator<Buffer> {
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

function openInput(inputPath: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(inputPath);
  } catch (error) {
    throw new InputError(`cannot read ${inputPath}: ${describe(error)}`);
  }
  if (stat.isDirectory()) throw new InputError(`${inputPath} is a directory, not a corpus file`);
  try {
    return fs.openSync(inputPath, 'r');
  } catch (error) {
    throw new InputError(`cannot read ${inputPath}: ${describe(error)}`);
  }
}

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0; // reading it reports the problem
  }
}

export function describe(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e && e.code === 'ENOENT') return 'no such file';
  if (e && e.code === 'EACCES') return 'permission denied';
  return e && e.message ? e.message : String(error);
}

/**
 * Checks that a run of whole lines is text: UTF-8 without NUL bytes. `offset` is where the run starts
 * in the input, so the message can point at the byte.
 */
export function checkText(lines: Uint8Array, offset: number, name: string): void {
  // Buffer's indexOf is memchr; a plain Uint8Array's is a slow element-by-element loop.
  const nul = Buffer.from(lines.buffer, lines.byteOffset, lines.length).indexOf(0);
  if (nul >= 0) throw new InputError(`${name}: binary file (NUL byte at offset ${offset + nul}); a corpus is UTF-8 text`);
  if (!isUtf8(lines)) {
    const at = findInvalidUtf8(lines);
    throw new InputError(`${name}: invalid UTF-8 at byte offset ${offset + Math.max(at, 0)}; convert the file to UTF-8 first`);
  }
}

/**
 * Reads an input as validated runs of whole lines, the byte order mark split off first.
 * Memory stays at about one chunk plus the longest line.
 */
/** A run of whole lines, and whether it follows a lone CR (see LineChunker). */
export interface LineRun {
  readonly bytes: Uint8Array;
  readonly afterLoneCr: boolean;
}

export async function* readLines(inputPath: string | undefined, chunkSize: number, onBom: (bom: Uint8Array) => void): AsyncGenerator<LineRun> {
  const name = inputPath ?? '<stdin>';
  const chunker = new LineChunker();
  let offset = 0;
  let first = true;
  const emit = (lines: Uint8Array): LineRun | undefined => {
    if (lines.length === 0) return undefined;
    checkText(lines, offset, name);
    offset += lines.length;
    return { bytes: lines, afterLoneCr: chunker.startsAfterLoneCr };
  };
  const skipBom = (chunk: Buffer): Buffer => {
    if (!first) return chunk;
    first = false;
    if (chunk.length >= 3 && chunk[0] === BOM[0] && chunk[1] === BOM[1] && chunk[2] === BOM[2]) {
      onBom(chunk.subarray(0, 3));
      offset = 3;
      return chunk.subarray(3);
    }
    return chunk;
  };
  if (inputPath === undefined) {
    for await (const chunk of readStdin(chunkSize)) {
      const run = emit(chunker.push(skipBom(chunk)));
      if (run) yield run;
    }
  } else {
    const fd = openInput(inputPath);
    try {
      for (;;) {
        // Read behind the unfinished line carried over, so no chunk is ever copied to join them.
        const pending = chunker.pending;
        // A line longer than a chunk doubles the read, so carrying it costs linear time, not quadratic.
        const size = Math.max(chunkSize, pending.length);
        const buf = Buffer.allocUnsafeSlow(pending.length + size);
        buf.set(pending);
        const n = fs.readSync(fd, buf, pending.length, size, null);
        if (n === 0) break;
        const data = buf.subarray(0, pending.length + n);
        const run = emit(pending.length > 0 ? chunker.push(data, true) : chunker.push(skipBom(data)));
        if (run) yield run;
      }
    } finally {
      fs.closeSync(fd);
    }
  }
  const run = emit(chunker.end());
  if (run) yield run;
}

/** Where output goes: stdout, or a temporary file renamed over the target only when all went well. */
export class Output {
  private fd = -1;
  private readonly temp: string | undefined;
  private done = false;

  constructor(private readonly target: string | undefined) {
    if (target === undefined) return;
    const dir = path.dirname(path.resolve(target));
    if (!fs.existsSync(dir)) throw new InputError(`cannot write ${target}: folder ${dir} does not exist`);
    this.temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
    try {
      this.fd = fs.openSync(this.temp, 'wx');
    } catch (error) {
      throw new InputError(`cannot write ${target}: ${describe(error)}`);
    }
  }

  async write(bytes: Uint8Array): Promise<void> {
    if (bytes.length === 0) return;
    if (this.fd >= 0) {
      let at = 0;
      while (at < bytes.length) at += fs.writeSync(this.fd, bytes, at, bytes.length - at);
      return;
    }
    if (!process.stdout.write(bytes)) await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
  }

  /** Makes the output visible under its name (atomically, for a file). */
  commit(): void {
    if (this.done) return;
    this.done = true;
    if (this.fd < 0 || this.temp === undefined || this.target === undefined) return;
    // Atomic, not durable: rename makes the whole file appear at once; an fsync would cost as much
    // as the job itself on a big corpus, and no other text tool (sed, sort -o) pays it either.
    fs.closeSync(this.fd);
    this.fd = -1;
    fs.renameSync(this.temp, this.target);
  }

  /** Removes the temporary file: a failed or interrupted run leaves no output file. */
  abandon(): void {
    if (this.done) return;
    this.done = true;
    if (this.fd >= 0) fs.closeSync(this.fd);
    this.fd = -1;
    if (this.temp !== undefined) fs.rmSync(this.temp, { force: true });
  }
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
  if (same) throw new InputError(`refusing to write the output over the input ${inputPath}: choose another -o`);
}

/** A fixed set of worker threads transforming chunks; results come back in any order, tagged. */
class WorkerPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly waiting: Array<{ seq: number; lines: Uint8Array; afterLoneCr: boolean }> = [];
  private readonly resolvers = new Map<number, { resolve: (out: Uint8Array) => void; reject: (e: Error) => void }>();
  private failure: Error | undefined;

  constructor(size: number, workerPath: string, spec: TransformSpec) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(workerPath, { workerData: spec });
      // Messages posted before the thread has booted wait in its port: no need to wait for it here.
      worker.on('message', (message: { seq: number; out: Uint8Array }) => {
        this.resolvers.get(message.seq)?.resolve(message.out);
        this.resolvers.delete(message.seq);
        this.dispatch(worker);
      });
      worker.on('error', (error) => this.fail(error));
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  run(seq: number, { bytes: lines, afterLoneCr }: LineRun): Promise<Uint8Array> {
    if (this.failure) return Promise.reject(this.failure);
    const promise = new Promise<Uint8Array>((resolve, reject) => this.resolvers.set(seq, { resolve, reject }));
    this.waiting.push({ seq, lines, afterLoneCr });
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
    worker.postMessage(next, [next.lines.buffer as ArrayBuffer]);
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
  const output = new Output(outputPath);
  const cleanup = (): void => {
    output.abandon();
    process.exit(130);
  };
  process.once('SIGINT', cleanup);
  process.once('SIGTERM', cleanup);
  let pool: WorkerPool | undefined;
  try {
    // Threads pay off only past a couple of chunks; stdin's size is unknown, so it stays in this thread.
    const parallel = options.jobs > 1 && inputPath !== undefined && sizeOf(inputPath) > 2 * chunkSize;
    const bom: Uint8Array[] = [];
    const lines = readLines(inputPath, chunkSize, (b) => bom.push(b));
    if (!parallel) {
      for await (const run of lines) {
        if (bom.length > 0) await output.write(bom.shift() as Uint8Array);
        await output.write(transform(run.bytes, run.afterLoneCr));
      }
      if (bom.length > 0) await output.write(bom.shift() as Uint8Array);
    } else {
      pool = new WorkerPool(options.jobs, options.workerPath ?? path.join(__dirname, 'worker.js'), spec);
      const queue: Array<Promise<Uint8Array>> = [];
      let seq = 0;
      for await (const run of lines) {
        if (bom.length > 0) await output.write(bom.shift() as Uint8Array);
        const result = pool.run(seq++, run);
        result.catch(() => undefined); // awaited below, in order; this only keeps an early failure from going unhandled
        queue.push(result);
        // Keep every worker busy with one chunk in hand and one waiting, and no more: flat memory.
        while (queue.length >= options.jobs * 2) await output.write(await (queue.shift() as Promise<Uint8Array>));
      }
      if (bom.length > 0) await output.write(bom.shift() as Uint8Array);
      for (const pending of queue) await output.write(await pending);
    }
    output.commit();
  } catch (error) {
    output.abandon();
    throw error;
  } finally {
    process.removeListener('SIGINT', cleanup);
    process.removeListener('SIGTERM', cleanup);
    await pool?.close();
  }
}
