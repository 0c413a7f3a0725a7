// The segcorpus command line: normalize, restore, check and stats over files or stdin, on the shared core.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CliArgs, USAGE, UsageError, parseArgs } from './args';
import { SegmentationFindings, applyVariations, printVariations } from './consistency';
import { forEachLine, inputOf, lineRuns, recordTextRuns } from './lines';
import { loadScheme } from './schemeFile';
import { statsSummary } from './statsReport';
import { countFiles } from '../node/variationsFiles';
import { BreakWords, DEFAULT_SEVERITIES, Finding, FindingCode, LineChecker, RuleSetting, WordStats, checkLine } from '../core/check';
import { RecordOptions } from '../core/jsonl';
import { NormalizeOptions } from '../core/normalize';
import { Scheme } from '../core/scheme';
import { StatisticsTally } from '../core/corpusStatistics';
import { Tokenizer } from '../core/tokens';
import { DEFAULT_CHUNK_SIZE, readLines, readStdin, runFileJob } from '../node/fileJob';
import { transformSpec } from '../node/chunkTransform';
import { RunChecker } from '../node/checkScreen';
import { InputError, OutputError, describe } from '../node/errors';
import { exitNow, removeUnlessDone, stopOnSignals } from '../node/leftovers';
import { Output, TextOutput } from '../node/output';
import { KeptLine, KeptText } from './findingText';
import { say, usageText } from './messages';

declare const SEGCORPUS_VERSION: string | undefined;

function normalizeOptions(args: CliArgs): Partial<NormalizeOptions> {
  const options: { -readonly [K in keyof NormalizeOptions]?: NormalizeOptions[K] } = {};
  if (args.keepUnderscores) options.joinSyllables = false;
  if (args.numberPlaceholder !== undefined) options.numberPlaceholder = args.numberPlaceholder;
  if (args.datePlaceholder !== undefined) options.datePlaceholder = args.datePlaceholder;
  if (args.nfc) options.unicode = 'nfc';
  if (args.toneStyle !== 'keep') options.toneStyle = args.toneStyle;
  if (args.separatorAtLineEnd !== undefined) options.separatorAtLineEnd = args.separatorAtLineEnd;
  if (args.quoteMarks !== undefined) options.quoteMarks = args.quoteMarks;
  return options;
}

/** The JSON Lines reading asked for, if any (--jsonl, --field, --pass-other-lines). */
function recordOptions(args: CliArgs): RecordOptions | undefined {
  return args.jsonl ? { field: args.field ?? 'text', passOther: args.passOtherLines } : undefined;
}

/** Each rule's severity: its default, unless --severity says otherwise. */
function severitiesOf(args: CliArgs): Record<FindingCode, RuleSetting> {
  return { ...DEFAULT_SEVERITIES, ...args.severities };
}

async function check(args: CliArgs, scheme: Scheme): Promise<number> {
  const files = args.files.length > 0 ? args.files : ['-'];
  const records = recordOptions(args);
  // Segmentation is judged over all the files: they are counted first (stdin through a temporary copy).
  // JSON Lines are checked as the texts of their field, a record a line, kept in temporary files.
  const spooled = records ? await spoolRecordTexts(files, records) : files.some((f) => inputOf(f) === undefined) ? await spoolStdin() : undefined;
  const source = (file: string): string => {
    const spool = spooled as { file: string; files?: string[] };
    return spool?.files ? spool.files[files.indexOf(file)] : (inputOf(file) ?? spool.file);
  };
  try {
    // Without hints, this thread reads each file once, as runs of lines, and can hand them to the
    // worker that counts (a compressed file is then decompressed once).
    const segmentation = SegmentationFindings.start(files.map(source), args, severitiesOf(args)['inconsistent-segmentation'], !args.hints);
    try {
      return await checkFiles(args, scheme, files, source, segmentation);
    } finally {
      segmentation.close();
    }
  } finally {
    spooled?.remove();
  }
}

/**
 * At most this many findings of the line rules wait for their files' segmentation findings: past
 * it, check waits for the oldest file's before it reads the next (memory stays bounded).
 * SEGCORPUS_MAX_WAITING_FINDINGS is a testing knob.
 */
function maxWaitingFindings(): number {
  return Number(process.env.SEGCORPUS_MAX_WAITING_FINDINGS) || 1_000_000;
}

async function checkFiles(args: CliArgs, scheme: Scheme, files: string[], source: (file: string) => string, segmentation: SegmentationFindings): Promise<number> {
  const severities = severitiesOf(args);
  const tokenizer = new Tokenizer(scheme);
  const checker = new LineChecker(scheme, severities);
  const runs = new RunChecker(scheme, severities);
  const rows: object[] = [];
  const out = new TextOutput();
  let failing = 0;
  const failingIn = (found: readonly Finding[]): number => {
    let n = 0;
    for (const f of found) if (f.severity === 'error' || (args.strict && f.severity === 'warning')) n++;
    return n;
  };
  /** Reports a line's findings (their failing ones are counted where they are found). */
  const report = (name: string, lineNumber: number, found: readonly Finding[]): void => {
    if (args.json) {
      for (const f of found) rows.push({ file: name, line: lineNumber, column: f.start + 1, endColumn: f.end + 1, severity: f.severity, code: f.code, message: f.message });
    } else {
      for (const f of found) out.write(`${name}:${lineNumber}:${f.start + 1}: ${f.severity}: ${f.message} [${f.code}]\n`);
    }
  };
  // The other rules run while segmentation is judged (in a worker thread for big inputs, which
  // counts all the files before it judges the first): each file's findings are kept until its
  // segmentation findings are in, then reported in line order, files in order. Meanwhile the next
  // files are read, as long as fewer findings than maxWaitingFindings() wait.
  const waiting: Array<{ index: number; name: string; lines: KeptLine[]; kept: KeptText; count: number }> = [];
  const maxWaiting = maxWaitingFindings();
  let waitingCount = 0;
  const reportOldest = async (): Promise<void> => {
    const file = waiting.shift();
    if (!file) return;
    waitingCount -= file.count;
    const more = await segmentation.forFile(file.index);
    const moreLines = [...more.keys()].sort((x, y) => x - y);
    const { lines, kept, name } = file;
    // The kept lines between two lines with segmentation findings go out as the text they were
    // kept as (in --json, line by line); a line with both has its findings merged by column.
    let from = 0;
    const reportKept = (to: number): void => {
      if (args.json) for (let k = from; k < to; k++) report(name, lines[k].lineNumber, lines[k].found);
      else kept.writeLines(out, lines, from, to);
      from = to;
    };
    for (const lineNumber of moreLines) {
      const segmentationFound = more.get(lineNumber) as Finding[];
      failing += failingIn(segmentationFound);
      let to = from;
      while (to < lines.length && lines[to].lineNumber < lineNumber) to++;
      reportKept(to);
      if (from < lines.length && lines[from].lineNumber === lineNumber) {
        report(name, lineNumber, [...lines[from].found, ...segmentationFound].sort((x, y) => x.start - y.start));
        from++;
      } else {
        report(name, lineNumber, segmentationFound);
      }
    }
    reportKept(lines.length);
    await out.drained();
  };
  for (const [index, file] of files.entries()) {
    const name = file === '-' ? '<stdin>' : file;
    // Sentence-break hints need the whole document's word statistics first: a second pass (stdin is spooled).
    let stats: WordStats | undefined;
    if (args.hints) {
      stats = new WordStats();
      await forEachLine(source(file), (line) => stats?.addLine(tokenizer.tokenize(line)));
    }
    const lines: KeptLine[] = [];
    let count = 0;
    // The text of a line's findings is made as they are found (see KeptText): most lines have no
    // segmentation finding to merge with, and their report is then only written out.
    const kept = new KeptText(name);
    const keep = (found: readonly Finding[], lineNumber: number): void => {
      if (found.length === 0) return;
      lines.push({ lineNumber, found, text: args.json ? undefined : kept.add(lineNumber, found) });
      count += found.length;
      failing += failingIn(found);
    };
    if (args.hints) {
      await forEachLine(source(file), (line, lineNumber) => keep(checkLine(tokenizer.tokenize(line), checker, stats), lineNumber), out);
    } else {
      let lineCount = 0;
      for await (const run of lineRuns(source(file), out, segmentation.feederFor(index))) lineCount += runs.run(run, (found, line) => keep(found, lineCount + line + 1));
    }
    waiting.push({ index, name, lines, kept, count });
    waitingCount += count;
    if (waitingCount > maxWaiting) segmentation.readRest(index + 1);
    while (waitingCount > maxWaiting) await reportOldest();
  }
  // Every file read: from now on this thread only waits for the segmentation findings (and helps with them).
  segmentation.allRead();
  while (waiting.length > 0) await reportOldest();
  if (args.json) out.write(JSON.stringify(rows, null, 2) + '\n');
  await out.end();
  return failing > 0 ? 1 : 0;
}

async function stats(args: CliArgs, scheme: Scheme): Promise<number> {
  const tally = new StatisticsTally(scheme, { top: args.top, problems: args.problems, vocabulary: args.vocabulary || args.top !== undefined });
  const records = recordOptions(args);
  // Several files are one corpus: their lines in the order given, each file's last line ending with it.
  for (const file of args.files.length > 0 ? args.files : ['-']) {
    if (records) for await (const texts of recordTextRuns(inputOf(file), records)) tally.addLines(texts);
    else for await (const run of readLines(inputOf(file), DEFAULT_CHUNK_SIZE, () => undefined)) tally.addLines(run.bytes);
  }
  const out = new TextOutput();
  const figures = tally.figures();
  out.write(args.json ? JSON.stringify(figures, null, 2) + '\n' : statsSummary(figures));
  await out.end();
  return 0;
}

/**
 * Copies stdin into a private temporary file, for inputs that must be read twice; the copy goes
 * when the run ends, however it ends (call the returned function when done with it).
 */
async function spoolStdin(): Promise<{ file: string; remove: () => void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'segcorpus-'));
  const remove = (): void => fs.rmSync(dir, { recursive: true, force: true });
  const forget = removeUnlessDone(remove);
  const file = path.join(dir, 'stdin');
  const fd = fs.openSync(file, 'w', 0o600);
  try {
    for await (const chunk of readStdin(DEFAULT_CHUNK_SIZE)) {
      try {
        fs.writeSync(fd, chunk);
      } catch (error) {
        throw new OutputError(say('cannotKeepStdin', dir, describe(error)));
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  return {
    file,
    remove: () => {
      forget();
      remove();
    },
  };
}

/**
 * The field's texts of JSON Lines inputs, each kept in a private temporary file, a record a line,
 * for check (which reads its inputs more than once); removed however the run ends.
 */
async function spoolRecordTexts(files: readonly string[], records: RecordOptions): Promise<{ file: string; files: string[]; remove: () => void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'segcorpus-'));
  const remove = (): void => fs.rmSync(dir, { recursive: true, force: true });
  const forget = removeUnlessDone(remove);
  const spools: string[] = [];
  try {
    for (const [index, file] of files.entries()) {
      const spool = path.join(dir, `texts-${index}`);
      spools.push(spool);
      const fd = fs.openSync(spool, 'w', 0o600);
      try {
        for await (const texts of recordTextRuns(inputOf(file), records)) {
          try {
            fs.writeSync(fd, texts);
          } catch (error) {
            throw new OutputError(say('cannotKeepTexts', file === '-' ? '<stdin>' : file, dir, describe(error)));
          }
        }
      } finally {
        fs.closeSync(fd);
      }
    }
  } catch (error) {
    forget();
    remove();
    throw error;
  }
  return {
    file: spools[0],
    files: spools,
    remove: () => {
      forget();
      remove();
    },
  };
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.version) {
    process.stdout.write(`${typeof SEGCORPUS_VERSION === 'string' ? SEGCORPUS_VERSION : 'dev'}\n`);
    return 0;
  }
  if (args.help) {
    process.stdout.write(usageText(USAGE) + '\n');
    return 0;
  }
  // Without a command it is a usage error: the help goes to stderr, so a pipeline's output never carries it.
  if (args.command === undefined) {
    process.stderr.write(usageText(USAGE) + '\n');
    return 2;
  }
  const scheme = loadScheme(args.scheme);
  switch (args.command) {
    case 'normalize':
    case 'restore': {
      let input = inputOf(args.files[0]);
      let breakWords: string[] | undefined;
      let spooled: { file: string; remove: () => void } | undefined;
      try {
        if (args.command === 'normalize' && args.inferSentenceBreaks) {
          // The break words come from the whole input, before any line is written: read it twice.
          if (input === undefined) input = (spooled = await spoolStdin()).file;
          const collector = new BreakWords();
          const tokenizer = new Tokenizer(scheme);
          await forEachLine(input, (line) => collector.addLine(tokenizer.tokenize(line)));
          breakWords = collector.words();
        }
        const spec = transformSpec(args.command, scheme, normalizeOptions(args), breakWords, recordOptions(args));
        // One core stays with the main thread's reading and writing: on 2 cores that means no worker,
        // which measured fastest (the WebAssembly normalizer outruns the disk copy) and leanest.
        const jobs = args.jobs ?? Math.max(1, Math.min(os.availableParallelism() - 1, 8));
        // SEGCORPUS_CHUNK_BYTES is a testing knob: small chunks make the parallel path cut lines everywhere.
        const chunkSize = Number(process.env.SEGCORPUS_CHUNK_BYTES) || DEFAULT_CHUNK_SIZE;
        // A .gz output name compresses as --gzip does; a gzip input is recognised by its first bytes.
        await runFileJob(spec, input, args.output, { jobs, chunkSize, gzip: args.gzip || Output.namesGzip(args.output) });
      } finally {
        spooled?.remove();
      }
      return 0;
    }
    case 'check':
      return check(args, scheme);
    case 'stats':
      return stats(args, scheme);
    case 'consistency': {
      const files = args.files.length > 0 ? args.files : ['-'];
      const spooled = files.some((f) => inputOf(f) === undefined) ? await spoolStdin() : undefined;
      try {
        const counted = await countFiles(files.map((f) => inputOf(f) ?? (spooled as { file: string }).file), args, args.apply);
        if (args.apply) await applyVariations(counted, files, args.outDir as string);
        else printVariations(counted.variations, args.json);
      } finally {
        spooled?.remove();
      }
      return 0;
    }
  }
}

/**
 * The exit status when the reader of stdout has gone (`segcorpus … | head -1`): 141, 128 + SIGPIPE,
 * what a shell reports for sed or cat in the same place, so `set -o pipefail` sees it the same way.
 */
export const CLOSED_PIPE_STATUS = 141;

stopOnSignals();
// Write errors on stdout come as events, whenever the stream tries: a closed pipe ends the run
// quietly, anything else (a full disk) is one line and status 2. Either way nothing is committed.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') exitNow(CLOSED_PIPE_STATUS);
  process.stderr.write(`segcorpus: ${say('cannotWriteStdout', describe(error))}\n`);
  exitNow(2);
});

main(process.argv.slice(2)).then(
  (code) => exitWhenWritten(code),
  (error: unknown) => {
    if (error instanceof UsageError || error instanceof InputError || error instanceof OutputError) {
      process.stderr.write(`segcorpus: ${error.message}\n`);
    } else {
      process.stderr.write(`segcorpus: ${say('internalError', error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`);
    }
    exitWhenWritten(2);
  },
);

/**
 * Exits with `status` once stdout and stderr have taken what was written (at once on Linux, where
 * writes to files, pipes and terminals are synchronous). The run's work is done, its outputs
 * committed and its temporary files gone: the exit that Node makes when nothing is left to do
 * would first take down every heap and wait for the count's thread (on a 100 MB check, the last
 * finding written to the process gone: 23–32 ms that way, 18–24 ms this way).
 */
function exitWhenWritten(status: number): void {
  process.exitCode = status;
  const pending = [process.stdout, process.stderr].filter((stream) => stream.writableLength > 0);
  let left = pending.length;
  if (left === 0) exitNow(status);
  for (const stream of pending) stream.once('drain', () => --left === 0 && exitNow(status));
}
