// The segcorpus command line: normalize, restore, check and stats over files or stdin, on the shared core.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CliArgs, USAGE, UsageError, parseArgs } from './args';
import { SegmentationFindings, applyVariations, printVariations } from './consistency';
import { forEachLine, forEachLineBytes, inputOf } from './lines';
import { loadScheme } from './schemeFile';
import { countVariations } from '../node/variationsFiles';
import { BreakWords, Finding, LineChecker, WordStats, checkLine } from '../core/check';
import { ByteChecker } from '../core/byteChecker';
import { NormalizeOptions } from '../core/normalize';
import { Scheme } from '../core/scheme';
import { ByteStats, emptyStats } from '../core/stats';
import { Tokenizer } from '../core/tokens';
import { DEFAULT_CHUNK_SIZE, readLines, readStdin, runFileJob } from '../node/fileJob';
import { transformSpec } from '../node/chunkTransform';
import { InputError, OutputError, describe } from '../node/errors';
import { exitNow, removeUnlessDone, stopOnSignals } from '../node/leftovers';
import { TextOutput } from '../node/output';
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

async function check(args: CliArgs, scheme: Scheme): Promise<number> {
  const files = args.files.length > 0 ? args.files : ['-'];
  // Segmentation is judged over all the files: they are counted first (stdin through a temporary copy).
  const spooled = files.some((f) => inputOf(f) === undefined) ? await spoolStdin() : undefined;
  const source = (file: string): string => inputOf(file) ?? (spooled as { file: string }).file;
  const segmentation = SegmentationFindings.start(files.map(source), args);
  try {
    return await checkFiles(args, scheme, files, source, segmentation);
  } finally {
    await segmentation.close();
    spooled?.remove();
  }
}

async function checkFiles(args: CliArgs, scheme: Scheme, files: string[], source: (file: string) => string, segmentation: SegmentationFindings): Promise<number> {
  const tokenizer = new Tokenizer(scheme);
  const checker = new LineChecker(scheme);
  const screen = new ByteChecker(scheme);
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const rows: object[] = [];
  const out = new TextOutput();
  let failing = 0;
  for (const [index, file] of files.entries()) {
    const name = file === '-' ? '<stdin>' : file;
    // Sentence-break hints need the whole document's word statistics first: a second pass (stdin is spooled).
    let stats: WordStats | undefined;
    if (args.hints) {
      stats = new WordStats();
      await forEachLine(source(file), (line) => stats?.addLine(tokenizer.tokenize(line)));
    }
    // The other rules run while segmentation is judged (in a worker thread for big inputs): a file's
    // findings are kept until its segmentation findings are in, then reported in line order.
    const lines: Array<{ lineNumber: number; found: readonly Finding[] }> = [];
    const keep = (found: readonly Finding[], lineNumber: number): void => {
      if (found.length > 0) lines.push({ lineNumber, found });
    };
    const report = (lineNumber: number, found: readonly Finding[]): void => {
      for (const f of found) {
        if (f.severity === 'error' || (args.strict && f.severity === 'warning')) failing++;
        if (args.json) {
          rows.push({ file: name, line: lineNumber, column: f.start + 1, endColumn: f.end + 1, severity: f.severity, code: f.code, message: f.message });
        } else {
          out.write(`${name}:${lineNumber}:${f.start + 1}: ${f.severity}: ${f.message} [${f.code}]\n`);
        }
      }
    };
    if (args.hints) {
      await forEachLine(source(file), (line, lineNumber) => keep(checkLine(tokenizer.tokenize(line), checker, stats), lineNumber), out);
    } else {
      await forEachLineBytes(source(file), (bytes, start, end, lineNumber) => {
        // Most lines are answered on bytes; the others are decoded and checked in full.
        keep(screen.checkLine(bytes, start, end) ?? checkLine(tokenizer.tokenize(decoder.decode(bytes.subarray(start, end))), checker), lineNumber);
      }, out);
    }
    const more = await segmentation.forFile(index);
    const moreLines = [...more.keys()].sort((x, y) => x - y);
    let m = 0;
    for (const { lineNumber, found } of lines) {
      for (; m < moreLines.length && moreLines[m] < lineNumber; m++) report(moreLines[m], more.get(moreLines[m]) as Finding[]);
      if (moreLines[m] === lineNumber) report(lineNumber, [...found, ...(more.get(moreLines[m++]) as Finding[])].sort((x, y) => x.start - y.start));
      else report(lineNumber, found);
    }
    for (; m < moreLines.length; m++) report(moreLines[m], more.get(moreLines[m]) as Finding[]);
    await out.drained();
  }
  if (args.json) out.write(JSON.stringify(rows, null, 2) + '\n');
  await out.end();
  return failing > 0 ? 1 : 0;
}

async function stats(args: CliArgs, scheme: Scheme): Promise<number> {
  const counter = new ByteStats(scheme);
  const result = emptyStats();
  for await (const run of readLines(inputOf(args.files[0]), DEFAULT_CHUNK_SIZE, () => undefined)) counter.addLines(result, run.bytes);
  const out = new TextOutput();
  if (args.json) {
    out.write(JSON.stringify(result, null, 2) + '\n');
    await out.end();
    return 0;
  }
  const digits = Object.keys(result.placeholders).sort();
  const rows: Array<[string, number]> = [
    [say('statLines'), result.lines],
    [say('statTokens'), result.tokens],
    [say('statWords'), result.words],
    [say('statCompounds'), result.compounds],
    [say('statSyllables'), result.syllables],
    ...digits.map((d): [string, number] => [say('statPlaceholder', d), result.placeholders[d]]),
    [say('statUnknownPlaceholders'), result.unknownPlaceholders],
    [say('statGluedPlaceholders'), result.gluedPlaceholders],
    [say('statPunctuation'), result.punctuation],
    [say('statNumbers'), result.numbers],
    [say('statOther'), result.other],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) out.write(`${label.padEnd(width)}  ${value}\n`);
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

async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  if (args.version) {
    process.stdout.write(`${typeof SEGCORPUS_VERSION === 'string' ? SEGCORPUS_VERSION : 'dev'}\n`);
    return 0;
  }
  if (args.help || args.command === undefined) {
    process.stdout.write(usageText(USAGE) + '\n');
    return args.help ? 0 : 2;
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
        const spec = transformSpec(args.command, scheme, normalizeOptions(args), breakWords);
        // One core stays with the main thread's reading and writing: on 2 cores that means no worker,
        // which measured fastest (the WebAssembly normalizer outruns the disk copy) and leanest.
        const jobs = args.jobs ?? Math.max(1, Math.min(os.availableParallelism() - 1, 8));
        // SEGCORPUS_CHUNK_BYTES is a testing knob: small chunks make the parallel path cut lines everywhere.
        const chunkSize = Number(process.env.SEGCORPUS_CHUNK_BYTES) || DEFAULT_CHUNK_SIZE;
        await runFileJob(spec, input, args.output, { jobs, chunkSize });
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
        const variations = await countVariations(files.map((f) => inputOf(f) ?? (spooled as { file: string }).file), args);
        if (args.apply) await applyVariations(variations, files, args.outDir as string);
        else printVariations(variations, args.json);
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
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError || error instanceof InputError || error instanceof OutputError) {
      process.stderr.write(`segcorpus: ${error.message}\n`);
    } else {
      process.stderr.write(`segcorpus: ${say('internalError', error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`);
    }
    process.exitCode = 2;
  },
);
