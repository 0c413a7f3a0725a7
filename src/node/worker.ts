// Worker thread of a parallel file job: transforms line-aligned chunks and hands them back.
import { parentPort, workerData } from 'worker_threads';
import { RecordLineError } from '../core/jsonl';
import { TransformSpec, buildTransform } from './chunkTransform';

const transform = buildTransform(workerData as TransformSpec);

/** A chunk to transform; `into`, when sent, is a free buffer the output may be written into. */
export interface WorkerTask {
  readonly seq: number;
  readonly lines: Uint8Array;
  readonly afterLoneCr: boolean;
  readonly into?: Uint8Array;
}

/** The answer: the output, and the buffers the task brought, handed back to be reused. */
export type WorkerAnswer =
  | { readonly seq: number; readonly out: Uint8Array; readonly spent: readonly ArrayBuffer[] }
  | { readonly seq: number; readonly record: { lineIndex: number; problem: string; l10n: RecordLineError['l10n'] }; readonly spent: readonly ArrayBuffer[] };

parentPort?.on('message', (task: WorkerTask) => {
  const spent = [task.lines.buffer as ArrayBuffer];
  if (task.into) spent.push(task.into.buffer as ArrayBuffer);
  let out: Uint8Array;
  try {
    out = transform(task.lines, task.afterLoneCr, task.into);
  } catch (error) {
    // A record without its field is the input's fault: the main thread names the line.
    if (!(error instanceof RecordLineError)) throw error;
    const answer: WorkerAnswer = { seq: task.seq, record: { lineIndex: error.lineIndex, problem: error.problem, l10n: error.l10n }, spent };
    parentPort?.postMessage(answer, spent);
    return;
  }
  // The output is a fresh array or a view of one of the task's buffers (JSON Lines with nothing to
  // change gives the input back): each buffer moves over once.
  const moved = spent.includes(out.buffer as ArrayBuffer) ? spent : [...spent, out.buffer as ArrayBuffer];
  const answer: WorkerAnswer = { seq: task.seq, out, spent };
  parentPort?.postMessage(answer, moved);
});
