// Consistency on the command line: variations counted over all the files given, for `check` findings, the `consistency` table and its --apply.
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_SEVERITIES, Finding, RuleSetting } from '../core/check';
import { SpelledLines } from '../core/syllables';
import { Variations } from '../core/variations';
import { DEFAULT_CHUNK_SIZE, checkNotSameFile, readLines, sizeToRead } from '../node/fileJob';
import { InputError, describe } from '../node/errors';
import { Output } from '../node/output';
import { ConsistencyArgs, CountedFiles, FileFindings, JudgeRequest, countFiles, fileFindings, findingsOfFile, forEachLineOf } from '../node/variationsFiles';
import { MessageChannel, MessagePort, Worker } from 'worker_threads';
import { CountHelping, CountShareChannel } from '../node/countShare';
import { RunFeeder } from '../node/runFeed';
import { say } from './messages';

/** Files above this size in all are judged in a worker thread, beside the other rules of `check`. */
const WORKER_MIN_BYTES = 16 * 1024 * 1024;

/**
 * The `inconsistent-segmentation` findings of `check`, file by file, counted over all the files.
 * Big inputs are counted and judged in a worker thread while the main thread runs the other rules
 * (on 100 MB both take seconds); small ones here, where a thread would cost more than it saves.
 * SEGCORPUS_CONSISTENCY_WORKER is a testing knob: 1 always uses the thread, 0 never.
 */
export class SegmentationFindings {
  private readonly results: Array<Promise<FileFindings | undefined>> = [];
  private worker: Worker | undefined;
  private helping: CountHelping | undefined;
  /** The lines the worker leaves to this thread to judge, once it has read every file or waits; then its findings per file. */
  private judgeRequest: JudgeRequest | undefined;
  private judging: Array<Promise<FileFindings | undefined>> | undefined;
  private isFree = false;
  /** Hands the worker the runs of lines of the files it does not read itself (compressed ones), as this thread reads them. */
  private feeder: RunFeeder | undefined;

  private constructor(
    private readonly files: readonly string[],
    args: ConsistencyArgs,
    private readonly severity: RuleSetting,
    fed: boolean,
  ) {
    // A rule turned off is not counted at all: every file has no such findings.
    if (severity === 'off') {
      files.forEach(() => this.results.push(Promise.resolve(undefined)));
      return;
    }
    const knob = process.env.SEGCORPUS_CONSISTENCY_WORKER;
    // A compressed file counts at the size it decompresses to.
    const sizes = files.map(sizeToRead);
    const bytes = sizes.reduce((sum, size) => sum + size.bytes, 0);
    if (knob === '1' || (knob !== '0' && bytes >= WORKER_MIN_BYTES)) {
      // A compressed file is decompressed once, by this thread, which hands the worker its lines; a
      // plain one each thread reads from the page cache, which costs the worker less than this
      // thread (whose rules take longer than the count) would spend handing it over.
      const oneRead = process.env.SEGCORPUS_ONE_READ;
      this.startWorker(files, args, sizes.map((size) => fed && oneRead !== '0' && (size.gzip || oneRead === '1')));
    } else {
      const counted = countFiles(files, args, true);
      files.forEach((_file, index) => this.results.push(counted.then((c) => findingsOfFile(c, files, index))));
    }
    // Awaited in order by forFile(); this only keeps an early failure from going unhandled meanwhile.
    for (const result of this.results) result.catch(() => undefined);
  }

  /**
   * `severity`: the rule's, as check reports it; 'off' counts nothing. `fed`: this thread reads every
   * file, in order, as runs of lines (lineRuns), and may hand them to the worker (see feederFor()),
   * so that a compressed file is decompressed once. SEGCORPUS_ONE_READ is a testing knob: 0, the
   * worker reads every file itself; 1, it is handed every file this thread reads.
   */
  static start(files: readonly string[], args: ConsistencyArgs, severity: RuleSetting = DEFAULT_SEVERITIES['inconsistent-segmentation'], fed = false): SegmentationFindings {
    return new SegmentationFindings(files, args, severity, fed);
  }

  /** Where the runs of lines of the file at `index` go as this thread reads them, when the worker reads them there. */
  feederFor(index: number): RunFeeder | undefined {
    return this.feeder?.feeds(index) ? this.feeder : undefined;
  }

  /**
   * This thread is about to wait for the findings of a file before it has read the files from
   * `from` on: the worker, which needs every file counted first, reads those itself.
   */
  readRest(from: number): void {
    if (from < this.files.length) this.feeder?.readRest(from);
  }

  /**
   * The main thread has read every file: it helps the worker from now on (see CountHelping and
   * consistencyWorker.ts).
   */
  allRead(): void {
    this.helping?.free();
    this.isFree = true;
    this.judge();
  }

  /** The findings of the file at `index` of the list given to start(), as `check` reports findings, by line. */
  async forFile(index: number): Promise<Map<number, Finding[]>> {
    // Nothing else to do until these come: count some of the lines for the worker, and judge those
    // it asked this thread to (even before every file is read: it needs them).
    this.helping?.free();
    this.isFree = true;
    this.judge();
    const byLine = new Map<number, Finding[]>();
    const found = await this.results[index];
    // The worker asks for help (if it does) before it answers for any file.
    const judged = await this.judging?.[index];
    const severity = this.severity;
    if (severity === 'off') return byLine;
    for (const part of [found, judged]) {
      part?.lines.forEach((line, k) => {
        const finding: Finding = { code: 'inconsistent-segmentation', severity, start: part.starts[k], end: part.ends[k], tokenIndex: part.tokens[k], message: part.messages[k] };
        const list = byLine.get(line);
        if (list) list.push(finding);
        else byLine.set(line, [finding]);
      });
    }
    return byLine;
  }

  /** Judges the lines the worker asked this thread to, file after file, once asked and free (every file read, or waiting). */
  private judge(): void {
    const request = this.judgeRequest;
    if (!request || !this.isFree) return;
    this.judgeRequest = undefined;
    const variations = Variations.revive(request.variations);
    const spelled = request.spelled && { lines: SpelledLines.revive(request.spelled.lines), firstLines: request.spelled.firstLines };
    let previous: Promise<unknown> = Promise.resolve();
    this.judging = this.files.map((file, k) => {
      const lines = request.lines[k];
      const judged = previous.then(() => (lines.length === 0 ? undefined : fileFindings(variations, file, lines, spelled && { lines: spelled.lines, first: spelled.firstLines[k] })));
      previous = judged.catch(() => undefined);
      // Awaited by forFile(); this only keeps an early failure from going unhandled meanwhile.
      judged.catch(() => undefined);
      return judged;
    });
  }

  /** Stops the worker, without waiting for its thread to end: the CLI exits right after (main.ts), which ends it. */
  close(): void {
    this.helping?.close();
    this.feeder?.close();
    void this.worker?.terminate();
  }

  /** `fedFiles`: per file, whether this thread hands its lines to the worker (see feederFor()). */
  private startWorker(files: readonly string[], args: ConsistencyArgs, fedFiles: readonly boolean[]): void {
    const settle: Array<{ resolve: (found: FileFindings | undefined) => void; reject: (error: Error) => void }> = [];
    for (let k = 0; k < files.length; k++) this.results.push(new Promise((resolve, reject) => settle.push({ resolve, reject })));
    const failAll = (error: Error): void => {
      // Nothing waits any more for a worker that failed to read what it is handed.
      this.feeder?.abandon();
      settle.forEach((s) => s.reject(error));
    };
    // SEGCORPUS_COUNT_SHARE=0 is a testing knob: the worker counts every line itself.
    let share: CountShareChannel | undefined;
    if (process.env.SEGCORPUS_COUNT_SHARE !== '0') {
      const channel = new MessageChannel();
      share = { port: channel.port2, signal: new Int32Array(new SharedArrayBuffer(4)) };
      this.helping = new CountHelping(channel.port1, share.signal);
    }
    let feed: { port: MessagePort; files: readonly boolean[] } | undefined;
    if (fedFiles.some((fed) => fed)) {
      const channel = new MessageChannel();
      feed = { port: channel.port2, files: fedFiles };
      this.feeder = new RunFeeder(channel.port1, fedFiles);
    }
    const transferList = [share?.port, feed?.port].filter((port) => port !== undefined) as MessagePort[];
    const worker = new Worker(path.join(__dirname, 'consistency-worker.js'), { workerData: { files, args, share, feed }, transferList });
    this.worker = worker;
    worker.on('message', (message: { type: 'file'; index: number; found: FileFindings | undefined } | JudgeRequest | { type: 'error'; input: boolean; message: string }) => {
      if (message.type === 'file') {
        settle[message.index].resolve(message.found);
      } else if (message.type === 'judge') {
        this.judgeRequest = message;
        this.judge();
      } else {
        failAll(message.input ? new InputError(message.message.split('\n')[0].replace(/^InputError: /, '')) : new Error(message.message));
      }
    });
    worker.on('error', failAll);
  }
}

/** `segcorpus consistency`: the variations table, as text or JSON. */
export function printVariations(variations: Variations, json: boolean): void {
  const rows = variations.table();
  if (json) {
    // No clear majority is null, not a missing key.
    process.stdout.write(JSON.stringify(rows.map((r) => ({ ...r, majority: r.majority ?? null })), null, 2) + '\n');
    return;
  }
  if (rows.length === 0) return;
  const cells = rows.map((r) => [
    r.sequence,
    String(r.total),
    r.majority === undefined ? '-' : r.lexicon ? `${r.majority} (lexicon)` : r.majority,
    `${(100 * r.share).toFixed(1)}%`,
    String(r.disagreeing),
    r.forms.map((f) => `${f.form} ${f.count}`).join(', '),
  ]);
  const head = ['sequence', 'count', 'majority', 'share', 'flagged', 'forms'];
  const widths = head.map((h, c) => Math.max(h.length, ...cells.map((row) => row[c].length)));
  const right = [false, true, false, true, true, false];
  const format = (row: string[]): string =>
    row
      .map((cell, c) => (c === row.length - 1 ? cell : right[c] ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
      .join('  ')
      .trimEnd() + '\n';
  process.stdout.write(format(head));
  for (const row of cells) process.stdout.write(format(row));
}

/**
 * Where each input's rewrite goes: `dir/<its file name>`. Refused when two inputs share a name,
 * or when an output would be an input (by path or by inode, so links count): since an output
 * keeps its input's name, that means `dir` is never the folder of an input.
 */
export function outputPaths(files: readonly string[], dir: string): string[] {
  const targets = files.map((file) => path.join(dir, path.basename(file)));
  const seen = new Map<string, string>();
  targets.forEach((target, k) => {
    const key = path.resolve(target);
    const other = seen.get(key);
    if (other !== undefined) throw new InputError(say('sameOutputName', other, files[k], target));
    seen.set(key, files[k]);
  });
  for (const target of targets) {
    for (const file of files) {
      try {
        checkNotSameFile(file, target);
      } catch {
        throw new InputError(say('outDirHoldsInput', file, dir));
      }
    }
  }
  return targets;
}

/**
 * `segcorpus consistency --apply --out-dir DIR`: every file rewritten with its flagged occurrences
 * in their majority form, all other bytes kept. Every output is written to a temporary file first
 * and all are renamed into place only when every one is complete: a failure or Ctrl+C leaves none.
 */
export async function applyVariations(counted: CountedFiles, files: readonly string[], dir: string): Promise<void> {
  const { variations, disagreeing } = counted;
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new InputError(say('cannotCreate', dir, describe(error)));
  }
  if (!fs.statSync(dir).isDirectory()) throw new InputError(say('outDirNotFolder', dir));
  const targets = outputPaths(files, dir);
  const outputs: Output[] = [];
  // Each output's temporary file is removed on every way out, a signal included (node/leftovers).
  const abandon = (): void => outputs.forEach((o) => o.abandon());
  try {
    for (let k = 0; k < files.length; k++) {
      // An output keeps its input's name: a .gz one is written gzip, as the input was read.
      const output = new Output(targets[k], { gzip: Output.namesGzip(targets[k]) });
      outputs.push(output);
      // Only the lines holding a disagreement have anything to rewrite, when those are known.
      const only = disagreeing?.[k];
      let lineNumber = 0;
      let next = 0;
      for await (const run of readLines(files[k], DEFAULT_CHUNK_SIZE, (bom) => void output.write(bom))) {
        const bytes = run.bytes;
        let copied = 0;
        const pieces: Uint8Array[] = [];
        forEachLineOf(bytes, (start, end) => {
          lineNumber++;
          if (only !== undefined) {
            if (only[next] !== lineNumber) return;
            next++;
          }
          for (const e of variations.applyEdits(bytes, start, end)) {
            pieces.push(bytes.subarray(copied, start + e.start), e.text === '_' ? JOINER : SPACE);
            copied = start + e.end;
          }
        });
        pieces.push(bytes.subarray(copied));
        for (const piece of pieces) await output.write(piece);
      }
    }
    for (const output of outputs) await output.finish();
    for (const output of outputs) output.commit();
  } catch (error) {
    abandon();
    throw error;
  }
}

const JOINER = new Uint8Array([0x5f]);
const SPACE = new Uint8Array([0x20]);
