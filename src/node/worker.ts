// Worker thread of a parallel file job: transforms line-aligned chunks and hands them back.
import { parentPort, workerData } from 'worker_threads';
import { TransformSpec, buildTransform } from './chunkTransform';

const transform = buildTransform(workerData as TransformSpec);

parentPort?.on('message', (message: { seq: number; lines: Uint8Array; afterLoneCr: boolean }) => {
  const out = transform(message.lines, message.afterLoneCr);
  parentPort?.postMessage({ seq: message.seq, out }, [out.buffer as ArrayBuffer]);
});
