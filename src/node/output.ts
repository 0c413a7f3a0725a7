// Where a rewrite's output goes: stdout, a file written atomically, or a device or FIFO written directly.
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { InputError, OutputError, describe } from './errors';
import { removeUnlessDone } from './leftovers';
import { say } from '../cli/messages';

/**
 * Where `target` finally points: symlinks are followed, also when the last one points at a file
 * that does not exist yet, so the output replaces the link's target and the link stays a link.
 */
function finalTarget(target: string): string {
  let at = path.resolve(target);
  for (let hops = 0; hops < 40; hops++) {
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(at);
    } catch {
      return at;
    }
    if (!stat.isSymbolicLink()) return at;
    const dir = path.dirname(at);
    let realDir = dir;
    try {
      realDir = fs.realpathSync(dir);
    } catch {
      // An unresolvable folder is reported when the temporary file cannot be made in it.
    }
    at = path.resolve(realDir, fs.readlinkSync(at));
  }
  throw new InputError(say('symlinkLoop', target));
}

/** Resolves on `event`, or when the stream closes without it (after an error). */
function settled(stream: zlib.Gzip, event: 'drain' | 'end'): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = (): void => {
      stream.off(event, done);
      stream.off('close', done);
      resolve();
    };
    stream.on(event, done);
    stream.on('close', done);
  });
}

/** Writes to a file are gathered up to this size: one call per chunk of a job, few for many small pieces. */
const WRITE_BYTES = 1024 * 1024;

/** fs.write of `bytes` from `at` on, as a promise of how many bytes it wrote. */
function writeAt(fd: number, bytes: Uint8Array, at: number): Promise<number> {
  return new Promise((resolve, reject) => fs.write(fd, bytes, at, bytes.length - at, null, (error, written) => (error ? reject(error) : resolve(written))));
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

/**
 * The output of a rewrite. A regular file (new or existing) is written to a temporary file beside
 * it and renamed over it only when all went well, keeping an existing file's permissions; a
 * failed or interrupted run leaves it as it was. A character device, FIFO or socket (`/dev/null`,
 * a named pipe) is opened and written directly: renaming over it would replace the device node.
 */
export class Output {
  private fd = -1;
  private gzip: zlib.Gzip | undefined;
  private failure: Error | undefined;
  private temp: string | undefined;
  private mode: number | undefined;
  private real: string | undefined;
  private done = false;
  private forget: () => void = () => undefined;
  /** The write to the file under way, if any: it goes on in libuv's threads while the next chunk is made. */
  private writing: Promise<void> | undefined;
  /** What was written since the last write to the file started: Uint8Arrays the callers leave unchanged. */
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;

  constructor(
    private readonly target: string | undefined,
    options: { gzip: boolean } = { gzip: false },
  ) {
    this.open();
    if (options.gzip) this.startGzip();
  }

  /** Whether `target` names a gzip file: the output is then compressed without --gzip. */
  static namesGzip(target: string | undefined): boolean {
    return target !== undefined && /\.gz$/i.test(target);
  }

  private open(): void {
    const target = this.target;
    if (target === undefined) return;
    if (target === '') throw new InputError(say('emptyOutputName'));
    if (/[/\\]$/.test(target) || path.basename(target) === '.' || path.basename(target) === '..') {
      throw new InputError(say('outputNamesFolder', target));
    }
    const real = finalTarget(target);
    const stat = statOrUndefined(real);
    if (stat?.isDirectory()) throw new InputError(say('outputIsFolder', target));
    if (stat && !stat.isFile()) {
      try {
        this.fd = fs.openSync(real, 'w');
      } catch (error) {
        throw new OutputError(say('cannotWrite', target, describe(error)));
      }
      return;
    }
    const dir = path.dirname(real);
    if (!statOrUndefined(dir)?.isDirectory()) throw new InputError(say('outputFolderMissing', target, dir));
    this.real = real;
    this.mode = stat ? stat.mode & 0o7777 : undefined;
    const temp = path.join(dir, `.${path.basename(real)}.${process.pid}.${Date.now().toString(36)}.tmp`);
    try {
      this.fd = fs.openSync(temp, 'wx');
    } catch (error) {
      throw new OutputError(say('cannotWrite', target, describe(error)));
    }
    this.temp = temp;
    this.forget = removeUnlessDone(() => this.abandon());
  }

  /**
   * Compression runs in zlib's thread pool while the next chunk is transformed: the stream takes
   * two chunks before it asks to wait. Its output goes where plain bytes go, with the same errors.
   */
  private startGzip(): void {
    const gzip = zlib.createGzip({ writableHighWaterMark: 8 * 1024 * 1024 } as zlib.ZlibOptions);
    // zlib does not fail on data it compresses; should it fail anyway, the run fails, in one line.
    gzip.on('error', (error) => {
      this.failure ??= new OutputError(this.target !== undefined ? say('cannotCompress', this.target, describe(error)) : say('cannotCompressStdout', describe(error)));
    });
    gzip.on('data', (chunk: Buffer) => {
      if (this.done || this.failure) return;
      if (this.fd >= 0) {
        try {
          this.writeFd(chunk);
        } catch (error) {
          this.failure = error as Error;
        }
      } else if (!process.stdout.write(chunk)) {
        gzip.pause();
        process.stdout.once('drain', () => gzip.resume());
      }
    });
    this.gzip = gzip;
  }

  private writeFd(bytes: Uint8Array): void {
    try {
      let at = 0;
      while (at < bytes.length) at += fs.writeSync(this.fd, bytes, at, bytes.length - at);
    } catch (error) {
      throw new OutputError(say('cannotWrite', String(this.target), describe(error)));
    }
  }

  /**
   * Whether written() tells when the bytes given so far are in the file (a file or device): then
   * the caller may reuse their buffers once it resolves. Stdout and gzip keep them for an unknown time.
   */
  get writesThrough(): boolean {
    return this.fd >= 0 && this.gzip === undefined;
  }

  /**
   * Resolves once every byte given to write() so far is written (writesThrough outputs): writes are
   * gathered and made off this thread, so a buffer is still read after write() returns. Rejects as
   * the write that failed; finish() reports that failure.
   */
  written(): Promise<void> {
    if (this.pendingBytes > 0) void this.writePending();
    return this.writing ?? Promise.resolve();
  }

  async write(bytes: Uint8Array): Promise<void> {
    if (bytes.length === 0) return;
    if (this.failure) throw this.failure;
    const gzip = this.gzip;
    if (gzip) {
      if (!gzip.write(bytes)) await settled(gzip, 'drain');
      if (this.failure) throw this.failure;
      return;
    }
    if (this.fd >= 0) {
      // Gathered into big writes, made off this thread one after another (in order, at most one
      // waiting behind the one under way); a failure surfaces at a later write or at finish().
      // Queued before any wait, so a write not awaited keeps its place; a big piece goes alone, not
      // copied into one with what came before it.
      const before = bytes.length >= WRITE_BYTES && this.pendingBytes > 0 ? this.writePending() : undefined;
      this.pending.push(bytes);
      this.pendingBytes += bytes.length;
      const after = this.pendingBytes >= WRITE_BYTES ? this.writePending() : undefined;
      await before;
      await after;
      return;
    }
    // Errors on stdout (a closed pipe, a full disk) arrive as its 'error' event: see the CLI's main.
    if (!process.stdout.write(bytes)) await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
  }

  /** Starts writing what was gathered, after the write under way: the promise of that one (to wait for, so at most one waits behind it). */
  private writePending(): Promise<void> | undefined {
    const bytes = this.pending.length === 1 ? this.pending[0] : Buffer.concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    const previous = this.writing;
    const next = (previous ?? Promise.resolve()).then(() => this.writeFdLater(bytes));
    next.catch(() => undefined); // awaited by a later write or finish(); this only keeps it from going unhandled meanwhile
    this.writing = next;
    return previous;
  }

  /** Writes `bytes` to the file off this thread (the caller keeps them unchanged until it is done). */
  private async writeFdLater(bytes: Uint8Array): Promise<void> {
    const fd = this.fd;
    try {
      let at = 0;
      while (at < bytes.length) at += await writeAt(fd, bytes, at);
    } catch (error) {
      throw new OutputError(say('cannotWrite', String(this.target), describe(error)));
    }
  }

  /** Writes what a compressed output still holds (its last block and trailer); call before commit. */
  async finish(): Promise<void> {
    if (this.pendingBytes > 0) await this.writePending();
    await this.writing;
    const gzip = this.gzip;
    if (gzip) {
      // 'end': the last compressed bytes have been handed on, not just taken in.
      const ended = settled(gzip, 'end');
      gzip.end();
      await ended;
    }
    if (this.failure) throw this.failure;
  }

  /** Makes the output visible under its name (atomically, for a file); after finish(). */
  commit(): void {
    if (this.done) return;
    this.done = true;
    this.forget();
    if (this.fd < 0) return;
    const fd = this.fd;
    this.fd = -1;
    try {
      // Atomic, not durable: rename makes the whole file appear at once; an fsync would cost as much
      // as the job itself on a big corpus, and no other text tool (sed, sort -o) pays it either.
      if (this.mode !== undefined) fs.fchmodSync(fd, this.mode);
      fs.closeSync(fd);
      if (this.temp !== undefined && this.real !== undefined) fs.renameSync(this.temp, this.real);
    } catch (error) {
      if (this.temp !== undefined) fs.rmSync(this.temp, { force: true });
      throw new OutputError(say('cannotWrite', String(this.target), describe(error)));
    }
  }

  /** Removes the temporary file: a failed or interrupted run leaves no output file. */
  abandon(): void {
    if (this.done) return;
    this.done = true;
    this.gzip?.destroy();
    this.forget();
    const fd = this.fd;
    this.fd = -1;
    // A write under way still holds the descriptor: it is closed when that one ends, never under it.
    const close = (): void => fs.closeSync(fd);
    if (fd >= 0) {
      if (this.writing) this.writing.then(close, close);
      else close();
    }
    if (this.temp !== undefined) fs.rmSync(this.temp, { force: true });
  }
}

/**
 * Text for stdout (check and stats reports), written in big pieces and with the pipe's pace. The
 * texts are encoded straight into a buffer of OUT_BYTES, and each buffer is used again once stdout
 * has taken it: no string joined, and no fresh memory for each piece (whose pages would each be
 * faulted in).
 */
export class TextOutput {
  private buffer: Buffer = Buffer.allocUnsafeSlow(OUT_BYTES);
  private used = 0;
  /** Buffers stdout has taken, to be used again. */
  private readonly spare: Buffer[] = [];
  private waiting: Promise<void> | undefined;

  write(text: string): void {
    // At most three bytes of UTF-8 a UTF-16 unit: most texts are encoded where they go.
    if (3 * text.length <= this.buffer.length - this.used) {
      this.used += this.buffer.write(text, this.used);
      return;
    }
    const bytes = Buffer.from(text);
    this.writeBytes(bytes, 0, bytes.length);
  }

  /**
   * Writes bytes[start, end), text already encoded. They must stay as they are once written: a
   * piece longer than a buffer goes to stdout as it is, not copied (check's kept report, a
   * megabyte a piece: a copy would cost its pages' faults at the end of every check).
   */
  writeBytes(bytes: Buffer, start: number, end: number): void {
    if (end - start > this.buffer.length - this.used) {
      this.flush();
      if (end - start > this.buffer.length) {
        this.put(bytes.subarray(start, end), undefined);
        return;
      }
    }
    this.used += bytes.copy(this.buffer, this.used, start, end);
  }

  /** Resolves when stdout has taken what was written so far (at once unless a pipe is full). */
  drained(): Promise<void> {
    return this.waiting ?? Promise.resolve();
  }

  async end(): Promise<void> {
    this.flush();
    await this.drained();
  }

  private flush(): void {
    if (this.used === 0) return;
    const full = this.buffer;
    const bytes = full.subarray(0, this.used);
    this.buffer = this.spare.pop() ?? Buffer.allocUnsafeSlow(OUT_BYTES);
    this.used = 0;
    this.put(bytes, full);
  }

  /** Hands `bytes` to stdout; `reuse`, the buffer they are in, comes back once stdout is done with it. */
  private put(bytes: Buffer, reuse: Buffer | undefined): void {
    const done = reuse && ((error?: Error | null): void => {
      if (!error) this.spare.push(reuse);
    });
    if (!process.stdout.write(bytes, done) && !this.waiting) {
      this.waiting = new Promise<void>((resolve) =>
        process.stdout.once('drain', () => {
          this.waiting = undefined;
          resolve();
        }),
      );
    }
  }
}

/** The size of TextOutput's buffers. */
const OUT_BYTES = 1 << 16;
