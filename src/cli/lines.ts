// The lines of a command's input (a file, or stdin for - or none), decoded or as bytes, for the reporting commands.
import { FieldPath, RecordLineError, RecordOptions, recordTexts } from '../core/jsonl';
import { splitLines } from '../core/lines';
import { DEFAULT_CHUNK_SIZE, InputError, readLines, recordLineMessage } from '../node/fileJob';
import { TextOutput } from '../node/output';

/** How much a line loop reads between two turns of the event loop (where signals are handled). */
const YIELD_BYTES = 512 * 1024;

export function inputOf(file: string | undefined): string | undefined {
  return file === undefined || file === '-' ? undefined : file;
}

/**
 * Calls `onLine` for every line of the input, decoded, with its 1-based number; between two runs
 * of lines waits for `out` to take what was written (a slow pipe holds the reading back).
 */
export async function forEachLine(file: string | undefined, onLine: (line: string, lineNumber: number) => void, out?: TextOutput): Promise<void> {
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
export async function forEachLineBytes(file: string | undefined, onLine: (bytes: Uint8Array, start: number, end: number, lineNumber: number) => void, out: TextOutput): Promise<void> {
  let lineNumber = 0;
  for await (const run of readLines(file, DEFAULT_CHUNK_SIZE, () => undefined)) {
    const bytes = run.bytes;
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    const n = bytes.length;
    let nextCr = -1;
    let i = 0;
    let yieldAt = YIELD_BYTES;
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
      // Let a Ctrl+C in every so often: a run is several MB, and checking one takes a while.
      if (i >= yieldAt) {
        yieldAt = i + YIELD_BYTES;
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    await out.drained();
  }
}


/**
 * The field's text of every JSON Lines record of the input, a line each, in runs (see recordTexts):
 * what check and stats read with --jsonl. A record without the field is an InputError naming its line.
 */
export async function* recordTextRuns(file: string | undefined, records: RecordOptions): AsyncGenerator<Uint8Array> {
  const path = new FieldPath(records.field);
  let firstLine = 1;
  for await (const run of readLines(file, DEFAULT_CHUNK_SIZE, () => undefined)) {
    try {
      yield recordTexts(run.bytes, records, path);
    } catch (error) {
      if (!(error instanceof RecordLineError)) throw error;
      throw new InputError(recordLineMessage(file ?? '<stdin>', firstLine + error.lineIndex, error, records.passOther));
    }
    const buf = Buffer.from(run.bytes.buffer, run.bytes.byteOffset, run.bytes.length);
    for (let i = buf.indexOf(0x0a); i >= 0; i = buf.indexOf(0x0a, i + 1)) firstLine++;
  }
}
