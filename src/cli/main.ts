// The segcorpus command line: normalize, restore, check and stats over files or stdin, on the shared core.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CliArgs, USAGE, UsageError, parseArgs } from './args';
import { BreakWords, Finding, LineChecker, WordStats, checkLine } from '../core/check';
import { ByteChecker } from '../core/byteChecker';
import { splitLines } from '../core/lines';
import { NormalizeOptions } from '../core/normalize';
import { DEFAULT_SCHEME, Scheme, SchemeError, parseScheme } from '../core/scheme';
import { ByteStats, emptyStats } from '../core/stats';
import { Tokenizer } from '../core/tokens';
import { DEFAULT_CHUNK_SIZE, readLines, readStdin, runFileJob } from '../node/fileJob';
import { transformSpec } from '../node/chunkTransform';
import { InputError, OutputError, describe } from '../node/errors';
import { exitNow, removeUnlessDone, stopOnSignals } from '../node/leftovers';
import { TextOutput } from '../node/output';

declare const SEGCORPUS_VERSION: string | undefined;

/** A scheme is a few hundred bytes; these bounds keep a wrong file from becoming a crash. */
const MAX_SCHEME_BYTES = 1024 * 1024;
const MAX_SCHEME_DEPTH = 32;
/** A mark is punctuation: a few characters. A longer one would make every output buffer huge. */
const MAX_MARK_CHARS = 32;

/** How deeply the JSON text nests (brackets outside strings), without parsing it. */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') deepest = Math.max(deepest, ++depth);
    else if (c === '}' || c === ']') depth--;
  }
  return deepest;
}

function loadScheme(file: string | undefined): Scheme {
  if (file === undefined) return DEFAULT_SCHEME;
  let text: string;
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_SCHEME_BYTES) throw new InputError(`invalid scheme ${file}: ${size} bytes; a scheme is a small JSON file (at most ${MAX_SCHEME_BYTES} bytes)`);
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`cannot read scheme ${file}: ${describe(error)}`);
  }
  // Editors on Windows save JSON with a byte order mark; JSON.parse refuses it.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (nestingDepth(text) > MAX_SCHEME_DEPTH) throw new InputError(`invalid scheme ${file}: nested more than ${MAX_SCHEME_DEPTH} levels deep`);
  let scheme: Scheme;
  try {
    scheme = parseScheme(text);
  } catch (error) {
    if (error instanceof SchemeError) {
      throw new InputError(`invalid scheme ${file}:\n${error.problems.map((p) => `  ${p.key}: ${p.message}`).join('\n')}`);
    }
    throw error;
  }
  for (const [digit, p] of Object.entries(scheme.placeholders)) {
    const marks = p?.role === 'separator' ? [p.mark, ...p.alternatives] : p?.role === 'pair' ? [p.marks, ...p.alternatives].flatMap((m) => [m.open, m.close]) : [];
    const long = marks.find((m) => [...m].length > MAX_MARK_CHARS);
    if (long !== undefined) throw new InputError(`invalid scheme ${file}:\n  placeholders.${digit}: a mark of ${[...long].length} characters; marks are at most ${MAX_MARK_CHARS}`);
  }
  return scheme;
}

function normalizeOptions(args: CliArgs): Partial<NormalizeOptions> {
  const options: { -readonly [K in keyof NormalizeOptions]?: NormalizeOptions[K] } = {};
  if (args.keepUnderscores) options.joinSyllables = false;
  if (args.numberPlaceholder !== undefined) options.numberPlaceholder = args.numberPlaceholder;
  if (args.datePlaceholder !== undefined) options.datePlaceholder = args.datePlaceholder;
  if (args.nfc) options.unicode = 'nfc';
  if (args.toneStyle !== 'keep') options.toneStyle = args.toneStyle;
  if (args.separatorAtLineEnd !== undefined) options.separatorAtLineEnd = args.separatorAtLineEnd;
  return options;
}

function inputOf(file: string | undefined): string | undefined {
  return file === undefined || file === '-' ? undefined : file;
}

/**
 * Calls `onLine` for every line of the input, decoded, with its 1-based number; between two runs
 * of lines waits for `out` to take what was written (a slow pipe holds the reading back).
 */
async function forEachLine(file: string | undefined, onLine: (line: string, lineNumber: number) => void, out?: TextOutput): Promise<void> {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let lineNumber = 0;
  for await (const run of readLines(file, DEFAULT_CHUNK_SIZE, () => undefined)) {
    const lines = splitLines(decoder.decode(run.bytes));
    // A run ends with a line break except at the end of the input; then its last line is real.
    const last = lines[lines.length - 1];
    const count = last.text.length === 0 ? lines.length - 1 : lines.length;
    for (let i = 0; i < count; i++) onLine(lines[i].text, ++lineNumber);
    await out?.drained();
  }
}

/** Calls `onLine` for every line of the input, as bytes: `bytes[start, end)`, with its 1-based number. */
async function forEachLineBytes(file: string | undefined, onLine: (bytes: Uint8Array, start: number, end: number, lineNumber: number) => void, out: TextOutput): Promise<void> {
  let lineNumber = 0;
  for await (const run of readLines(file, DEFAULT_CHUNK_SIZE, () => undefined)) {
    const bytes = run.bytes;
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    const n = bytes.length;
    let nextCr = -1;
    let i = 0;
    while (i < n) {
      let e = buf.indexOf(0x0a, i);
      if (e < 0) e = n;
      if (nextCr < i && nextCr !== n) {
        nextCr = buf.indexOf(0x0d, i);
        if (nextCr < 0) nextCr = n;
      }
      if (nextCr < e) e = nextCr;
      onLine(bytes, i, e, ++lineNumber);
      i = e < n && bytes[e] === 0x0d && bytes[e + 1] === 0x0a ? e + 2 : e + 1;
    }
    await out.drained();
  }
}

async function check(args: CliArgs, scheme: Scheme): Promise<number> {
  const tokenizer = new Tokenizer(scheme);
  const checker = new LineChecker(scheme);
  const screen = new ByteChecker(scheme);
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const files = args.files.length > 0 ? args.files : ['-'];
  const rows: object[] = [];
  const out = new TextOutput();
  let failing = 0;
  for (const file of files) {
    const name = inputOf(file) ?? '<stdin>';
    // Sentence-break hints need the whole document's word statistics first: a second pass (stdin is kept in memory).
    let stats: WordStats | undefined;
    let kept: string[] | undefined;
    if (args.hints) {
      stats = new WordStats();
      const collect: string[] | undefined = inputOf(file) === undefined ? (kept = []) : undefined;
      await forEachLine(inputOf(file), (line) => {
        stats?.addLine(tokenizer.tokenize(line));
        collect?.push(line);
      });
    }
    const report = (findings: readonly Finding[], lineNumber: number): void => {
      for (const f of findings) {
        if (f.severity === 'error' || (args.strict && f.severity === 'warning')) failing++;
        if (args.json) {
          rows.push({ file: name, line: lineNumber, column: f.start + 1, endColumn: f.end + 1, severity: f.severity, code: f.code, message: f.message });
        } else {
          out.write(`${name}:${lineNumber}:${f.start + 1}: ${f.severity}: ${f.message} [${f.code}]\n`);
        }
      }
    };
    const onLine = (line: string, lineNumber: number): void => report(checkLine(tokenizer.tokenize(line), checker, stats), lineNumber);
    if (kept) kept.forEach((line, i) => onLine(line, i + 1));
    else if (args.hints) await forEachLine(inputOf(file), onLine, out);
    else await forEachLineBytes(inputOf(file), (bytes, start, end, lineNumber) => {
      // Most lines are answered on bytes; the others are decoded and checked in full.
      report(screen.checkLine(bytes, start, end) ?? checkLine(tokenizer.tokenize(decoder.decode(bytes.subarray(start, end))), checker), lineNumber);
    }, out);
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
    ['lines', result.lines],
    ['tokens', result.tokens],
    ['words', result.words],
    ['compounds', result.compounds],
    ['syllables', result.syllables],
    ...digits.map((d): [string, number] => [`placeholder ${d}`, result.placeholders[d]]),
    ['unknown placeholders', result.unknownPlaceholders],
    ['glued placeholders', result.gluedPlaceholders],
    ['punctuation', result.punctuation],
    ['numbers', result.numbers],
    ['other', result.other],
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
        throw new OutputError(`cannot keep standard input in ${dir}: ${describe(error)}`);
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
    process.stdout.write(USAGE + '\n');
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
  process.stderr.write(`segcorpus: cannot write standard output: ${describe(error)}\n`);
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
      process.stderr.write(`segcorpus: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    }
    process.exitCode = 2;
  },
);
