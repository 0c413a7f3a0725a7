// Consistency on the command line: variations counted over all the files given, for `check` findings, the `consistency` table and its --apply.
import * as fs from 'fs';
import * as path from 'path';
import { DEFAULT_SEVERITIES, Finding } from '../core/check';
import { parseLexicon } from '../core/lexicon';
import { Variations } from '../core/variations';
import { DEFAULT_CHUNK_SIZE, InputError, Output, checkNotSameFile, describe, readLines } from '../node/fileJob';

export interface ConsistencyArgs {
  readonly lexicon: string | undefined;
  readonly minCount: number | undefined;
  readonly minShare: number | undefined;
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * Calls `onLine(start, end)` for every line of a run of whole lines, cut as core/lines.ts splitLines
 * cuts text (LF, CRLF or a lone CR), so line numbers agree with the other findings of `check`.
 */
function forEachLineOf(bytes: Uint8Array, onLine: (start: number, end: number) => void): void {
  // Buffer's indexOf is memchr; CRs are looked for only as far as the next one.
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const n = buffer.length;
  let cr = buffer.indexOf(CR);
  let start = 0;
  while (start < n) {
    let stop = buffer.indexOf(LF, start);
    if (stop < 0) stop = n;
    if (cr >= 0 && cr < start) cr = buffer.indexOf(CR, start);
    if (cr >= 0 && cr < stop) {
      onLine(start, cr);
      start = cr + 1 < n && buffer[cr + 1] === LF ? cr + 2 : cr + 1;
    } else {
      onLine(start, stop);
      start = stop + 1;
    }
  }
}

async function eachLine(file: string, onLine: (bytes: Uint8Array, start: number, end: number) => void): Promise<void> {
  for await (const run of readLines(file, DEFAULT_CHUNK_SIZE, () => undefined)) {
    const bytes = run.bytes;
    forEachLineOf(bytes, (start, end) => onLine(bytes, start, end));
  }
}

function loadLexicon(file: string): string[] {
  try {
    return parseLexicon(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new InputError(`cannot read lexicon ${file}: ${describe(error)}`);
  }
}

/**
 * Counts the variations of all `files` (paths; stdin must have been spooled to a file): a pass to
 * find the compounds, a pass to count their occurrences in every segmentation.
 */
export async function countVariations(files: readonly string[], args: ConsistencyArgs): Promise<Variations> {
  const options: { minCount?: number; minShare?: number } = {};
  if (args.minCount !== undefined) options.minCount = args.minCount;
  if (args.minShare !== undefined) options.minShare = args.minShare;
  const variations = new Variations(options);
  if (args.lexicon !== undefined) for (const word of loadLexicon(args.lexicon)) variations.addLexiconWord(word);
  for (const file of files) await eachLine(file, (bytes, start, end) => variations.noteCompounds(bytes, start, end));
  for (const file of files) await eachLine(file, (bytes, start, end) => variations.count(bytes, start, end));
  return variations;
}

/** The `inconsistent-segmentation` findings of a line, as `check` reports findings. */
export function segmentationFindings(variations: Variations, line: string): Finding[] {
  const severity = DEFAULT_SEVERITIES['inconsistent-segmentation'];
  if (severity === 'off') return [];
  return variations.findingsOfText(line).map((f) => ({
    code: 'inconsistent-segmentation' as const,
    severity,
    start: f.start,
    end: f.end,
    message: f.message,
    tokenIndex: f.tokenIndex,
  }));
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
    if (other !== undefined) throw new InputError(`${other} and ${files[k]} would both be written to ${target}: give inputs with distinct names`);
    seen.set(key, files[k]);
  });
  for (const target of targets) {
    for (const file of files) {
      try {
        checkNotSameFile(file, target);
      } catch {
        throw new InputError(`refusing to write over the input ${file}: --out-dir ${dir} holds it (outputs keep their input's name); choose another folder`);
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
export async function applyVariations(variations: Variations, files: readonly string[], dir: string): Promise<void> {
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new InputError(`cannot create ${dir}: ${describe(error)}`);
  }
  if (!fs.statSync(dir).isDirectory()) throw new InputError(`--out-dir ${dir} is not a folder`);
  const targets = outputPaths(files, dir);
  const outputs: Output[] = [];
  const abandon = (): void => outputs.forEach((o) => o.abandon());
  const interrupted = (): void => {
    abandon();
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    for (let k = 0; k < files.length; k++) {
      const output = new Output(targets[k]);
      outputs.push(output);
      for await (const run of readLines(files[k], DEFAULT_CHUNK_SIZE, (bom) => void output.write(bom))) {
        const bytes = run.bytes;
        let copied = 0;
        const pieces: Uint8Array[] = [];
        forEachLineOf(bytes, (start, end) => {
          for (const e of variations.applyEdits(bytes, start, end)) {
            pieces.push(bytes.subarray(copied, start + e.start), e.text === '_' ? JOINER : SPACE);
            copied = start + e.end;
          }
        });
        pieces.push(bytes.subarray(copied));
        for (const piece of pieces) await output.write(piece);
      }
    }
    for (const output of outputs) output.commit();
  } catch (error) {
    abandon();
    throw error;
  } finally {
    process.removeListener('SIGINT', interrupted);
    process.removeListener('SIGTERM', interrupted);
  }
}

const JOINER = new Uint8Array([0x5f]);
const SPACE = new Uint8Array([0x20]);
