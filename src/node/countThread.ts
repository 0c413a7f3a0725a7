// The Node host's threads for big documents' consistency counts: workers running dist/count-worker.js (src/node/countWorker.ts), with one fresh thread kept ready after a count.
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { CountThread } from '../features/consistencyRegistration';

/** Where counts get their threads, and what to dispose of with the extension. */
export interface CountThreadSource {
  /** A thread for one count of `document` (its URI): the one kept ready if there is one, else a new one. */
  take(document: string): CountThread;
  /** When a thread counts `document` now: a promise settled when the last one counting it stops. */
  counting(document: string): Promise<void> | undefined;
  /** The id of the fresh thread ready for the next count, if one is (tests ask). */
  readonly spareId: number | undefined;
  dispose(): void;
}

export interface SpareTiming {
  /** How long after a count's thread stops a fresh one is started for the next count. */
  readonly startAfterMs: number;
  /** How long a fresh thread is kept unused before it is stopped. */
  readonly keepMs: number;
}

const SPARE_TIMING: SpareTiming = { startAfterMs: 2_000, keepMs: 10 * 60_000 };

/**
 * Threads from `bundleDir` (where dist/extension.js and dist/count-worker.js are). A thread counts
 * once and is stopped: its heap then holds that count's garbage (about 100 MB after a 20 MB
 * document), which nothing makes an idle thread collect. Starting a thread costs 40 ms of CPU on
 * an idle machine and 140 ms while the workbench opens a 20 MB document, and that start is where a
 * count begins. So once a thread has counted (a big document is being worked on), a fresh one is
 * started a moment after it stops and kept for the next count (another document, a settings
 * change): an unused thread holds about 12 MB, and it is stopped after `keepMs` unused.
 */
export function countThreads(bundleDir: string, timing: SpareTiming = SPARE_TIMING): CountThreadSource {
  let spare: StartedThread | undefined;
  let spareTimer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;
  /** Per document counted now: how many threads count it, and who waits for them to stop. */
  const counts = new Map<string, { threads: number; stopped: Promise<void>; settle: () => void }>();
  const start = (): StartedThread => new StartedThread(path.join(bundleDir, 'count-worker.js'));
  const forgetSpare = (): void => {
    clearTimeout(spareTimer);
    spareTimer = undefined;
  };
  const keepSpare = (): void => {
    spareTimer = setTimeout(() => {
      spare?.stop();
      spare = undefined;
    }, timing.keepMs);
    spareTimer.unref();
  };
  const planSpare = (): void => {
    forgetSpare();
    if (disposed) return;
    if (spare && !spare.failure) return keepSpare();
    spareTimer = setTimeout(() => {
      spare?.stop();
      spare = start();
      spare.worker.unref(); // an unused thread never keeps the host running
      keepSpare();
    }, timing.startAfterMs);
    spareTimer.unref();
  };
  return {
    take: (document) => {
      forgetSpare();
      let thread = spare;
      spare = undefined;
      if (!thread || thread.failure) {
        thread?.stop();
        thread = start();
      }
      thread.worker.ref();
      let count = counts.get(document);
      if (!count) {
        let settle = (): void => undefined;
        const stopped = new Promise<void>((resolve) => (settle = resolve));
        count = { threads: 0, stopped, settle };
        counts.set(document, count);
      }
      count.threads++;
      const counted = count;
      thread.onStopped = () => {
        if (--counted.threads === 0) {
          counts.delete(document);
          counted.settle();
        }
        planSpare();
      };
      return thread.asCountThread();
    },
    counting: (document) => counts.get(document)?.stopped,
    get spareId() {
      return spare && !spare.failure ? spare.worker.threadId : undefined;
    },
    dispose: () => {
      disposed = true;
      forgetSpare();
      spare?.stop();
      spare = undefined;
    },
  };
}

/** A started worker, with what it has said, in order, for answer() to hand out. */
class StartedThread {
  readonly worker: Worker;
  failure: Error | undefined;
  /** Called once, when the count that took this thread stops it. */
  onStopped: (() => void) | undefined;
  private readonly said: unknown[] = [];
  private waiting: { resolve: (message: unknown) => void; reject: (error: Error) => void } | undefined;

  constructor(file: string) {
    this.worker = new Worker(file);
    this.worker.on('message', (message: unknown) => {
      if (this.waiting) {
        this.waiting.resolve(message);
        this.waiting = undefined;
      } else {
        this.said.push(message);
      }
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`the count thread stopped (exit code ${code}) before it answered`)));
  }

  stop(): void {
    void this.worker.terminate();
  }

  asCountThread(): CountThread {
    return {
      id: this.worker.threadId,
      post: (message, transfer) => this.worker.postMessage(message, transfer as ArrayBuffer[] | undefined),
      answer: () => {
        if (this.said.length > 0) return Promise.resolve(this.said.shift());
        if (this.failure) return Promise.reject(this.failure);
        return new Promise<unknown>((resolve, reject) => (this.waiting = { resolve, reject }));
      },
      terminate: () => {
        this.stop();
        const stopped = this.onStopped;
        this.onStopped = undefined;
        stopped?.();
      },
    };
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.waiting?.reject(this.failure);
    this.waiting = undefined;
  }
}
