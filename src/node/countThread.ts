// The Node host's thread for a big document's consistency count: a worker running dist/count-worker.js (src/node/countWorker.ts).
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { CountThread } from '../features/consistencyRegistration';

/** Starts a count thread from `bundleDir` (where dist/extension.js and dist/count-worker.js are) each time it is called. */
export function countThreads(bundleDir: string): () => CountThread {
  return () => {
    const worker = new Worker(path.join(bundleDir, 'count-worker.js'));
    const answer = new Promise<unknown>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the count thread stopped (exit code ${code}) before it answered`)));
    });
    // Whoever waits for the answer sees a failure; a thread given up on must not report one unheard.
    answer.catch(() => undefined);
    return {
      post: (message, transfer) => worker.postMessage(message, transfer as ArrayBuffer[] | undefined),
      answer,
      terminate: () => void worker.terminate(),
    };
  };
}
