// Worker thread of `segcorpus check`: counts the variations of all the files and judges each file, while the main thread runs the other rules.
import { parentPort, workerData } from 'worker_threads';
import { CountShareChannel, ThreadCountShare } from './countShare';
import { InputError } from './fileJob';
import { ConsistencyArgs, JudgeRequest, countFiles, findingsOfFile } from './variationsFiles';

const { files, args, share } = workerData as { files: string[]; args: ConsistencyArgs; share?: CountShareChannel };

/** Below this many lines to judge, this thread judges them alone (the counts' copy would cost more). */
const SHARED_JUDGING_MIN_LINES = 64;

async function run(): Promise<void> {
  try {
    // The main thread counts some of the lines once its own rules are done.
    const counted = await countFiles(files, args, true, undefined, share && new ThreadCountShare(share));
    // With one file, the main thread is done with its own rules by now or soon, and then only waits:
    // it judges the second half of the lines that hold a disagreement, with a copy of the counts.
    // With more, it runs its rules over the next files meanwhile (they wait for the first file's
    // findings), so this thread judges them all.
    const disagreeing = counted.disagreeing;
    let mine = disagreeing;
    if (share && disagreeing && disagreeing.length === 1 && disagreeing[0].length >= SHARED_JUDGING_MIN_LINES) {
      const half = Math.ceil(disagreeing[0].length / 2);
      mine = [disagreeing[0].slice(0, half)];
      parentPort?.postMessage({ type: 'judge', variations: counted.variations.transferable().data, lines: [disagreeing[0].slice(half)] } satisfies JudgeRequest);
    }
    for (let index = 0; index < files.length; index++) {
      parentPort?.postMessage({ type: 'file', index, found: await findingsOfFile({ ...counted, disagreeing: mine }, files, index) });
    }
  } catch (error) {
    parentPort?.postMessage({ type: 'error', input: error instanceof InputError, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}

void run();
