// The lines of a command's input (a file, or stdin for - or none), decoded or as bytes, for the reporting commands.
import { FieldPath, RecordLineError, RecordOptions, recordTexts } from '../core/jsonl';
import { splitLines } from '../core/lines';
import { BufferPool, DEFAULT_CHUNK_SIZE, InputError, LineRun, ROOM_BYTES, RUN_CHUNK_SIZE, readLines, recordLineMessage } from '../node/fileJob';
import { TextOutput } from '../node/output';
import { HeldRun, RunFeeder } from '../node/runFeed';

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

/**
 * The input as runs of whole lines of about YIELD_BYTES (a longer line is a run of its own), with a
 * turn of the event loop between two, where a signal is handled: each is checked in one go. Between
 * two of readLines' runs, waits for `out` to take what was written (a slow pipe holds the reading back).
 * With `feeder`, each of readLines' runs also goes to check's consistency worker as soon as it is
 * read (a compressed file's), and the worker does not read that file itself.
 */
export async function* lineRuns(file: string | undefined, out: TextOutput, feeder?: RunFeeder): AsyncGenerator<Uint8Array> {
  // The chunks' buffers are used again (a fresh one a chunk costs its pages' faults and zeroing),
  // once this thread, and the worker fed, are done with them.
  const pool = new BufferPool(ROOM_BYTES + RUN_CHUNK_SIZE, feeder !== undefined);
  const runs = readLines(file, RUN_CHUNK_SIZE, () => undefined, pool);
  for await (const { bytes, release } of feeder ? feeder.readAhead(runs, pool) : heldRuns(runs, pool)) {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    for (let start = 0; start < bytes.length; ) {
      let end = bytes.length;
      if (end - start > YIELD_BYTES) {
        const lf = buffer.indexOf(0x0a, start + YIELD_BYTES - 1);
        if (lf >= 0) end = lf + 1;
      }
      yield bytes.subarray(start, end);
      start = end;
      if (start < bytes.length) await new Promise((resolve) => setImmediate(resolve));
    }
    // Every piece is checked (findings keep no bytes).
    release();
    await out.drained();
  }
}

/** readLines' runs, each given back to the pool once released. */
async function* heldRuns(runs: AsyncIterable<LineRun>, pool: BufferPool): AsyncGenerator<HeldRun> {
  for await (const { bytes } of runs) {
    yield {
      bytes,
      release: () => {
        if (pool.owns(bytes.buffer)) pool.give(bytes.buffer);
      },
    };
  }
}
