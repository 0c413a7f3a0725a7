// The Node host's thread for a big document's consistency count: a worker running dist/count-worker.js (src/node/countWorker.ts).
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { CountThread } from '../features/consistencyRegistration';

/** How long a thread that answered is kept for the next count before it is let go. */
export const IDLE_THREAD_MS = 5 * 60_000;

/**
 * Gives a count thread from `bundleDir` (where dist/extension.js and dist/count-worker.js are) each
 * time it is called. A thread that answered and is released waits for the next count, warm: a new
 * thread costs tens of ms to load its bundle, and its first count runs before the JIT has compiled
 * it (a third slower). One thread waits at most, for `idleMs`; a thread given up on (terminate) goes.
 */
export function countThreads(bundleDir: string, idleMs = IDLE_THREAD_MS): { start: () => CountThread; dispose: () => void } {
  let waiting: Worker | undefined;
  let waitTimer: ReturnType<typeof setTimeout> | undefined;
  const letGo = (worker: Worker): void => {
    if (waiting === worker) {
      waiting = undefined;
      clearTimeout(waitTimer);
    }
    void worker.terminate();
  };
  const onIdleFailure = (): void => {
    if (waiting !== undefined) letGo(waiting);
  };
  const start = (): CountThread => {
    const worker = waiting ?? new Worker(path.join(bundleDir, 'count-worker.js'));
    if (waiting === worker) {
      waiting = undefined;
      clearTimeout(waitTimer);
      worker.off('error', onIdleFailure).off('exit', onIdleFailure);
      worker.ref();
    }
    // Listeners of this count only (Worker keeps listeners of its own: never removeAllListeners()).
    let settle = (): void => undefined;
    const answer = new Promise<unknown>((resolve, reject) => {
      const onMessage = (message: unknown): void => {
        settle();
        resolve(message);
      };
      const onError = (error: Error): void => {
        settle();
        reject(error);
      };
      const onExit = (code: number): void => {
        settle();
        reject(new Error(`the count thread stopped (exit code ${code}) before it answered`));
      };
      settle = () => void worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    });
    // Whoever waits for the answer sees a failure; a thread given up on must not report one unheard.
    answer.catch(() => undefined);
    let done = false;
    return {
      id: worker.threadId,
      post: (message, transfer) => worker.postMessage(message, transfer as ArrayBuffer[] | undefined),
      answer,
      terminate: () => {
        if (done) return;
        done = true;
        letGo(worker);
      },
      release: () => {
        if (done) return;
        done = true;
        if (waiting !== undefined) {
          letGo(worker);
          return;
        }
        settle();
        // Waiting, it keeps nothing alive; it goes when it fails or its time is up.
        worker.on('error', onIdleFailure).on('exit', onIdleFailure);
        worker.unref();
        waiting = worker;
        waitTimer = setTimeout(() => letGo(worker), idleMs);
        waitTimer.unref?.();
      },
    };
  };
  return {
    start,
    dispose: () => {
      if (waiting !== undefined) letGo(waiting);
    },
  };
}
