// The Node host's thread for a big document's consistency count: a worker running dist/count-worker.js (src/node/countWorker.ts).
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { CountThread } from '../features/consistencyRegistration';

/**
 * Starts a count thread from `bundleDir` (where dist/extension.js and dist/count-worker.js are)
 * each time it is called. Threads are not kept between counts: keeping one would save only its
 * start (40–60 ms of CPU), and its heap would hold the last count's garbage meanwhile (about 100 MB
 * after a 20 MB document; nothing makes an idle thread collect it).
 */
export function countThreads(bundleDir: string): () => CountThread {
  return () => {
    const worker = new Worker(path.join(bundleDir, 'count-worker.js'));
    // What the thread says, in order, for answer() to hand out; and why it stopped, once it has.
    const said: unknown[] = [];
    let failure: Error | undefined;
    let waiting: { resolve: (message: unknown) => void; reject: (error: Error) => void } | undefined;
    const fail = (error: Error): void => {
      failure ??= error;
      waiting?.reject(failure);
      waiting = undefined;
    };
    worker.on('message', (message: unknown) => {
      if (waiting) {
        waiting.resolve(message);
        waiting = undefined;
      } else {
        said.push(message);
      }
    });
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the count thread stopped (exit code ${code}) before it answered`)));
    return {
      id: worker.threadId,
      post: (message, transfer) => worker.postMessage(message, transfer as ArrayBuffer[] | undefined),
      answer: () => {
        if (said.length > 0) return Promise.resolve(said.shift());
        if (failure) return Promise.reject(failure);
        return new Promise<unknown>((resolve, reject) => (waiting = { resolve, reject }));
      },
      terminate: () => void worker.terminate(),
    };
  };
}
