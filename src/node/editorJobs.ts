// The file jobs of the desktop editor (dist/file-jobs.js, loaded only when a job runs): the CLI's streaming normalize and restore, and its check in a worker thread, with progress and cancellation.
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { BreakWords, FindingCode, RuleSetting } from '../core/check';
import { FindingSelection } from '../core/documentCheck';
import { NormalizeOptions } from '../core/normalize';
import { schemeFromJson } from '../core/scheme';
import { Tokenizer } from '../core/tokens';
import { forEachLine } from '../cli/lines';
import { transformSpec } from './chunkTransform';
import { InputError } from './errors';
import { CliLanguage } from '../cli/messages';

export { useLanguage } from '../cli/messages';
import { JobCancelled, runFileJob } from './fileJob';

export { JobCancelled } from './fileJob';
export { InputError, OutputError } from './errors';

/**
 * Chunks of the editor's jobs. Smaller than the CLI's: every chunk in flight, and every one given
 * up to the garbage collector before it runs, is memory of the extension host, which all
 * extensions share.
 */
const EDITOR_CHUNK_BYTES = 1024 * 1024;

/** A rewrite of one file into another, with the settings of the source's folder as plain data. */
export interface TransformRequest {
  readonly op: 'normalize' | 'restore';
  readonly input: string;
  readonly output: string;
  /** schemeToJson of the scheme in force. */
  readonly scheme: object;
  readonly options: NormalizeOptions;
}

export interface CheckRequest {
  readonly input: string;
  readonly scheme: object;
  readonly options: NormalizeOptions;
  readonly severities: Readonly<Record<FindingCode, RuleSetting>>;
  /** The most findings kept (segmentedCorpus.diagnostics.maxProblems). */
  readonly max: number;
  /** The language of the messages: VS Code's display language, not the worker's LANG. */
  readonly language: CliLanguage;
}

export interface CheckResult {
  readonly selection: FindingSelection;
  readonly lines: number;
}

/** What the check worker posts. */
export type CheckMessage =
  | { readonly type: 'progress'; readonly bytes: number }
  | ({ readonly type: 'done' } & CheckResult)
  | { readonly type: 'error'; readonly input: boolean; readonly message: string };

export interface JobControl {
  readonly onProgress: (bytesRead: number) => void;
  readonly signal: AbortSignal;
}

/**
 * Normalizes or restores `input` into `output` exactly as `segcorpus normalize|restore input -o
 * output` does. The transform runs in worker threads (at least one, so the extension host's thread
 * only reads and writes); the output appears whole at the end or not at all.
 */
export async function transformFile(request: TransformRequest, control: JobControl): Promise<void> {
  const scheme = schemeFromJson(request.scheme);
  let breakWords: string[] | undefined;
  if (request.op === 'normalize' && request.options.inferSentenceBreaks) {
    // The break words come from the whole file before any line is written, as on the command line.
    const collector = new BreakWords();
    const tokenizer = new Tokenizer(scheme);
    await forEachLine(request.input, (line) => {
      if (control.signal.aborted) throw new JobCancelled();
      collector.addLine(tokenizer.tokenize(line));
    });
    breakWords = collector.words();
  }
  const spec = transformSpec(request.op, scheme, request.options, breakWords);
  const jobs = Math.max(1, Math.min(os.availableParallelism() - 1, 8));
  const chunkSize = Number(process.env.SEGCORPUS_CHUNK_BYTES) || EDITOR_CHUNK_BYTES;
  await runFileJob(spec, request.input, request.output, { jobs, chunkSize, offThread: true, workerPath: path.join(__dirname, 'worker.js'), onProgress: control.onProgress, signal: control.signal });
}

/** Checks a file of any size in a worker thread; a cancel ends the thread at once. */
export function checkFile(request: CheckRequest, control: JobControl): Promise<CheckResult> {
  return new Promise<CheckResult>((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'check-worker.js'), { workerData: request });
    const stop = (): void => {
      void worker.terminate();
      reject(new JobCancelled());
    };
    if (control.signal.aborted) return stop();
    control.signal.addEventListener('abort', stop, { once: true });
    const settle = (): void => {
      control.signal.removeEventListener('abort', stop);
      void worker.terminate();
    };
    worker.on('message', (message: CheckMessage) => {
      if (message.type === 'progress') return control.onProgress(message.bytes);
      settle();
      if (message.type === 'done') resolve({ selection: message.selection, lines: message.lines });
      else reject(message.input ? new InputError(message.message) : new Error(message.message));
    });
    worker.on('error', (error) => {
      settle();
      reject(error);
    });
  });
}
