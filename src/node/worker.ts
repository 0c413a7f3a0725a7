// Worker thread of a parallel file job: transforms line-aligned chunks and hands them back.
import { parentPort, workerData } from 'worker_threads';
import { RecordLineError } from '../core/jsonl';
import { TransformSpec, buildTransform } from './chunkTransform';

const transform = buildTransform(workerData as TransformSpec);

parentPort?.on('message', (message: { seq: number; lines: Uint8Array; afterLoneCr: boolean }) => {
  let out: Uint8Array;
  try {
    out = transform(message.lines, message.afterLoneCr);
  } catch (error) {
    // A record without its field is the input's fault: the main thread names the line.
    if (!(error instanceof RecordLineError)) throw error;
    parentPort?.postMessage({ seq: message.seq, record: { lineIndex: error.lineIndex, problem: error.problem, l10n: error.l10n } });
    return;
  }
  // The output may be the input itself (JSON Lines with nothing to change): copy before transferring it.
  if (out === message.lines) out = out.slice();
  parentPort?.postMessage({ seq: message.seq, out }, [out.buffer as ArrayBuffer]);
});
