// Worker thread of `segcorpus check`: counts the variations of all the files and judges each file, while the main thread runs the other rules.
import { MessagePort, parentPort, workerData } from 'worker_threads';
import { CountShareChannel, ThreadCountShare } from './countShare';
import { InputError } from './fileJob';
import { FedRuns } from './runFeed';
import { ConsistencyArgs, JudgeRequest, countFiles, findingsOfFile, readRuns } from './variationsFiles';

const { files, args, share, feed } = workerData as { files: string[]; args: ConsistencyArgs; share?: CountShareChannel; feed?: { port: MessagePort; files: boolean[] } };

/** Below this many lines to judge in all, this thread judges them alone (the counts' copy would cost more). */
const SHARED_JUDGING_MIN_LINES = 64;

async function run(): Promise<void> {
  try {
    // The main thread hands over the runs of lines of the files it decompresses (unless it leaves
    // them to this thread), and counts some of the lines once it has read every file.
    const fed = feed && new FedRuns(feed.port, feed.files);
    const runsOf = fed && ((index: number, file: string) => fed.runsOf(index, () => readRuns(file)));
    const counted = await countFiles(files, args, true, { share: share && new ThreadCountShare(share), runsOf });
    // The main thread has read its files by now or soon (it reads on while this thread counts), and
    // then only waits: it judges the second half of each file's lines that hold a disagreement, with
    // a copy of the counts.
    const disagreeing = counted.disagreeing;
    let mine = disagreeing;
    if (share && disagreeing && disagreeing.reduce((sum, lines) => sum + lines.length, 0) >= SHARED_JUDGING_MIN_LINES) {
      const half = disagreeing.map((lines) => Math.ceil(lines.length / 2));
      mine = disagreeing.map((lines, k) => lines.slice(0, half[k]));
      const theirs = disagreeing.map((lines, k) => lines.slice(half[k]));
      // The spelled lines come along when their blocks are shared (no copy): judging reads them.
      const spelled = counted.spelled && counted.spelled.lines.blockBytesOf(0).buffer instanceof SharedArrayBuffer ? { lines: counted.spelled.lines, firstLines: counted.spelled.firstLines } : undefined;
      parentPort?.postMessage({ type: 'judge', variations: counted.variations.transferable().data, lines: theirs, spelled } satisfies JudgeRequest);
    }
    for (let index = 0; index < files.length; index++) {
      parentPort?.postMessage({ type: 'file', index, found: await findingsOfFile({ ...counted, disagreeing: mine }, files, index) });
    }
  } catch (error) {
    parentPort?.postMessage({ type: 'error', input: error instanceof InputError, message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}

void run();
