// One read of check's compressed inputs for both threads: the main thread, which decompresses such a file for the line rules, hands its runs of lines to the consistency worker in shared memory, instead of the worker decompressing (and checking, and cutting) it again.
import { MessagePort } from 'worker_threads';
import { BufferPool, LineRun } from './fileJob';

/** What the main thread tells the worker, in order: a file's runs, then its end; or that the worker reads the files from `from` on itself. */
type FeedMessage = { readonly type: 'run'; readonly bytes: Uint8Array } | { readonly type: 'end' } | { readonly type: 'readRest'; readonly from: number };

/** At most this many runs are at the worker, not yet counted: past it the main thread reads no further (memory stays bounded). */
const MAX_FED_RUNS = 4;
/**
 * The main thread reads this far ahead of its own rules: the worker, quicker with a run than the
 * rules are, gets each run as soon as it is read and goes ahead (it has the whole count to do once
 * every file is read).
 */
const READ_AHEAD_BYTES = 32 * 1024 * 1024;

/** A run of lines read, and what to call once the caller is done with it (its buffer may be read into again once the worker is done too). */
export interface HeldRun {
  readonly bytes: Uint8Array;
  readonly release: () => void;
}

/**
 * The main thread's side. Runs go out as they are read (a view of a SharedArrayBuffer: nothing is
 * copied; a run in ordinary memory is copied once into shared memory).
 */
export class RunFeeder {
  /** Per run at the worker, in the order they went: what to call when it is done with it. */
  private readonly atWorker: Array<() => void> = [];
  private waiters: Array<() => void> = [];
  private readRestFrom = Number.POSITIVE_INFINITY;
  private abandoned = false;

  /** `fedFiles`: per file, whether its runs go to the worker (the others it reads itself). */
  constructor(
    private readonly port: MessagePort,
    private readonly fedFiles: readonly boolean[],
  ) {
    // The worker says 'spent' for each run once it is done with it.
    port.on('message', () => {
      this.atWorker.shift()?.();
      this.changed();
    });
  }

  /** Whether the runs of file `index` go to the worker (not once it reads the rest itself). */
  feeds(index: number): boolean {
    return this.fedFiles[index] && index < this.readRestFrom;
  }

  /**
   * The runs of a file that `runs` reads (into `pool`'s buffers), each handed to the worker as soon
   * as it is read, then to the caller, reading ahead of it by up to READ_AHEAD_BYTES. Call each
   * run's release() once done with it. The file's end goes to the worker after its last run.
   */
  async *readAhead(runs: AsyncIterable<LineRun>, pool: BufferPool): AsyncGenerator<HeldRun> {
    const ready: HeldRun[] = [];
    let readyBytes = 0;
    let ended = false;
    let failed = false;
    let failure: unknown;
    let stopped = false;
    const pump = async (): Promise<void> => {
      const iterator = runs[Symbol.asyncIterator]();
      try {
        for (;;) {
          while (!stopped && (readyBytes >= READ_AHEAD_BYTES || this.atWorker.length >= MAX_FED_RUNS)) await this.change();
          if (stopped) break;
          const step = await iterator.next();
          if (step.done || stopped) break;
          const bytes = step.value.bytes;
          let readers = 2;
          const release = (): void => {
            if (--readers === 0 && pool.owns(bytes.buffer)) pool.give(bytes.buffer);
          };
          this.send(bytes, release);
          ready.push({ bytes, release });
          readyBytes += bytes.length;
          this.changed();
        }
        if (!stopped) this.end();
      } catch (error) {
        failed = true;
        failure = error;
      } finally {
        ended = true;
        this.changed();
        // The caller stopped early: the reader closes its file.
        if (stopped) await iterator.return?.(undefined);
      }
    };
    void pump();
    try {
      for (;;) {
        while (ready.length === 0 && !ended) await this.change();
        const run = ready.shift();
        if (!run) {
          // A read failure comes after the runs read before it, as it would without reading ahead.
          if (failed) throw failure;
          return;
        }
        readyBytes -= run.bytes.length;
        this.changed();
        yield run;
      }
    } finally {
      stopped = true;
      this.changed();
    }
  }

  /** Hands a run of whole lines of the file being read to the worker; `done` is called once it is done with it. */
  private send(bytes: Uint8Array, done: () => void): void {
    if (this.abandoned) {
      done();
      return;
    }
    let shared = bytes;
    if (!(bytes.buffer instanceof SharedArrayBuffer)) {
      shared = new Uint8Array(new SharedArrayBuffer(bytes.length));
      shared.set(bytes);
      done();
    }
    this.atWorker.push(shared === bytes ? done : () => undefined);
    this.port.postMessage({ type: 'run', bytes: shared } satisfies FeedMessage);
  }

  /** The file being read has no more lines. */
  private end(): void {
    if (!this.abandoned) this.port.postMessage({ type: 'end' } satisfies FeedMessage);
  }

  /**
   * The worker reads the files from `from` on itself: the main thread is about to wait for
   * findings that need every file counted, before it has read them all (see check's bound on
   * the findings that wait).
   */
  readRest(from: number): void {
    if (from >= this.readRestFrom) return;
    this.readRestFrom = from;
    if (!this.abandoned) this.port.postMessage({ type: 'readRest', from } satisfies FeedMessage);
  }

  /** The worker has failed, or is no longer needed: it reads nothing more, so nothing waits for it. */
  abandon(): void {
    this.abandoned = true;
    for (const done of this.atWorker.splice(0)) done();
    this.changed();
  }

  close(): void {
    this.abandon();
    this.port.close();
  }

  private change(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private changed(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}

/** The worker's side: each file's runs as the main thread hands them over, or as `read` reads them once it says so. */
export class FedRuns {
  private readonly queue: FeedMessage[] = [];
  private wake: (() => void) | undefined;
  private readRestFrom = Number.POSITIVE_INFINITY;

  /** `fedFiles`: as the main thread's RunFeeder has them. */
  constructor(
    private readonly port: MessagePort,
    private readonly fedFiles: readonly boolean[],
  ) {
    port.on('message', (message: FeedMessage) => {
      this.queue.push(message);
      const wake = this.wake;
      this.wake = undefined;
      wake?.();
    });
  }

  /** The runs of the file at `index`, files taken in order; each run is read before the next is asked for. */
  async *runsOf(index: number, read: () => AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    for (;;) {
      if (!this.fedFiles[index] || index >= this.readRestFrom) {
        yield* read();
        return;
      }
      const message = await this.next();
      if (message.type === 'readRest') {
        this.readRestFrom = message.from;
      } else if (message.type === 'end') {
        return;
      } else {
        try {
          yield message.bytes;
        } finally {
          this.port.postMessage('spent');
        }
      }
    }
  }

  private async next(): Promise<FeedMessage> {
    while (this.queue.length === 0) await new Promise<void>((resolve) => (this.wake = resolve));
    return this.queue.shift() as FeedMessage;
  }
}
