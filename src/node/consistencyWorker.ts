// Worker thread of `segcorpus check`: counts the variations of all the files and judges each file, while the main thread runs the other rules.
import { parentPort, workerData } from 'worker_threads';
import { CountShareChannel, ThreadCountShare } from './countShare';
import { InputError } from './fileJob';
import { ConsistencyArgs, countFiles, findingsOfFile } from './variationsFiles';

const { files, args, share } = workerData as { files: string[]; args: ConsistencyArgs; share?: CountShareChannel };

async function run(): Promise<void> {
  try {
    // The main thread counts some of the lines once its own rules are done.
    const counted = await countFiles(files, args, true, undefined, share && new ThreadCountShare(share));
    for (let index = 0; index < files.length; index++) {
      parentPort?.postMessage({ type: 'file', index, found: await findingsOfFile(counted, files, index) });
    }
  } catch (error) {
    parentPort?.postMessage({ type: 'error', input: error instanceof InputError, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}

void run();
