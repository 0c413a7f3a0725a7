// Variations counted over corpus files, and the findings of each file from its bytes: shared by the CLI's main thread and its consistency worker.
import * as fs from 'fs';
import { parseLexicon } from '../core/lexicon';
import { Variations } from '../core/variations';
import { DEFAULT_CHUNK_SIZE, InputError, describe, readLines } from './fileJob';
import { say } from '../cli/messages';

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
export function forEachLineOf(bytes: Uint8Array, onLine: (start: number, end: number) => void): void {
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
    throw new InputError(say('cannotReadLexicon', file, describe(error)));
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

/** A file's `inconsistent-segmentation` findings, in line order; columns are UTF-16 offsets. */
export interface FileFindings {
  readonly lines: number[];
  readonly starts: number[];
  readonly ends: number[];
  readonly tokens: number[];
  readonly messages: string[];
}

/** Reads a file's bytes once and judges every line against the counts. Line numbers are 1-based. */
export async function fileFindings(variations: Variations, file: string): Promise<FileFindings> {
  const found: FileFindings = { lines: [], starts: [], ends: [], tokens: [], messages: [] };
  let lineNumber = 0;
  await eachLine(file, (bytes, start, end) => {
    lineNumber++;
    for (const d of variations.disagreements(bytes, start, end)) {
      const f = variations.describe(bytes, start, d);
      found.lines.push(lineNumber);
      found.starts.push(f.start);
      found.ends.push(f.end);
      found.tokens.push(f.tokenIndex);
      found.messages.push(f.message);
    }
  });
  return found;
}
