// Worker thread of the editor's Check Corpus Files: reads one file as the CLI does and checks it, off the extension host's thread.
import { parentPort, workerData } from 'worker_threads';
import { FileChecker } from '../core/fileCheck';
import { planNormalize } from '../core/normalize';
import { schemeFromJson } from '../core/scheme';
import { DEFAULT_CHUNK_SIZE, readLines } from './fileJob';
import { InputError } from './errors';
import type { CheckRequest, CheckMessage } from './editorJobs';
import { useLanguage } from '../cli/messages';

async function main(request: CheckRequest): Promise<void> {
  useLanguage(request.language);
  const scheme = schemeFromJson(request.scheme);
  const checker = new FileChecker(scheme, request.severities, planNormalize(scheme, request.options), request.max);
  let read = 0;
  for await (const run of readLines(request.input, DEFAULT_CHUNK_SIZE, () => undefined)) {
    checker.addLines(run.bytes);
    read += run.bytes.length;
    parentPort?.postMessage({ type: 'progress', bytes: read } satisfies CheckMessage);
  }
  parentPort?.postMessage({ type: 'done', selection: checker.selection(), lines: checker.lineCount } satisfies CheckMessage);
}

main(workerData as CheckRequest).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  parentPort?.postMessage({ type: 'error', input: error instanceof InputError, message } satisfies CheckMessage);
});
