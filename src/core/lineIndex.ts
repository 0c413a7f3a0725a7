// Where the lines of a file of any size start, kept for one line in every N so that memory stays flat, and the lines read back from it.
//
// A 1 GB corpus has a few hundred thousand to tens of millions of lines: an offset per line is
// up to 80 MB of numbers, an offset per 64 lines at most a megabyte. Reading line L starts at the
// sampled line at or before it and scans at most N - 1 lines forward.

/** The bytes of a file, read by position (a file handle in Node, a buffer in the web host). */
export interface ByteSource {
  readonly size: number;
  /** Up to `length` bytes from `position` (fewer only at the end of the file). */
  read(position: number, length: number): Promise<Uint8Array>;
}

const LF = 0x0a;
const CR = 0x0d;

/** Line starts, sampled every `every` lines, fed the file's bytes in order. */
export class LineIndex {
  /** Byte offset of line k × every, for k < sampleCount. */
  private samples = new Float64Array(1024);
  private sampleCount = 1;
  /** Line feeds seen so far: the number of complete lines in the bytes scanned. */
  private newlines = 0;
  /** Bytes scanned so far, from the start of the file. */
  scanned = 0;
  private lastByte = -1;
  private finished = false;

  constructor(readonly every = 64) {
    if (!Number.isInteger(every) || every < 1) throw new RangeError(`every must be a whole number ≥ 1, not ${every}`);
  }

  /** Scans the next bytes of the file (the ones right after those already fed). */
  feed(chunk: Uint8Array): void {
    if (this.finished) throw new Error('the index is complete');
    let at = chunk.indexOf(LF);
    while (at >= 0) {
      this.newlines++;
      if (this.newlines % this.every === 0) this.addSample(this.scanned + at + 1);
      at = chunk.indexOf(LF, at + 1);
    }
    if (chunk.length > 0) this.lastByte = chunk[chunk.length - 1];
    this.scanned += chunk.length;
  }

  /** Marks the end of the file: the index is complete. */
  finish(): void {
    this.finished = true;
  }

  get done(): boolean {
    return this.finished;
  }

  /**
   * The lines known so far. Complete: every line feed ends a line, and a last line without one
   * counts too (an empty file has none), as `segcorpus` counts them. While indexing: the lines whose
   * end has been seen.
   */
  get lineCount(): number {
    return this.finished && this.scanned > 0 && this.lastByte !== LF ? this.newlines + 1 : this.newlines;
  }

  /** The line count of the whole file, estimated from the share scanned while the index is being built. */
  estimatedLineCount(size: number): number {
    if (this.finished || this.scanned >= size) return this.lineCount;
    if (this.newlines === 0) return Math.max(1, this.newlines);
    return Math.max(this.newlines + 1, Math.round((this.newlines / this.scanned) * size));
  }

  /** The nearest known line start at or before `line`: the line and its byte offset. */
  anchor(line: number): { line: number; byte: number } {
    const k = Math.max(0, Math.min(this.sampleCount - 1, Math.floor(line / this.every)));
    return { line: k * this.every, byte: this.samples[k] };
  }

  /** Bytes held by the index: grows with one number per `every` lines. */
  get memoryBytes(): number {
    return this.samples.byteLength;
  }

  private addSample(byte: number): void {
    if (this.sampleCount === this.samples.length) {
      const grown = new Float64Array(this.samples.length * 2);
      grown.set(this.samples);
      this.samples = grown;
    }
    this.samples[this.sampleCount++] = byte;
  }
}

/**
 * A pause for work done in chunks: yields to the event loop (a timer, so messages and I/O get their
 * turn) once `everyMs` have passed since the last yield, not after every chunk (a timer costs a
 * millisecond or more).
 */
export function pacedPause(everyMs = 15): () => Promise<void> {
  let last = Date.now();
  return async () => {
    if (Date.now() - last < everyMs) return;
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    last = Date.now();
  };
}

/** How much is read at a time while indexing, reading lines and searching. */
export const READ_CHUNK = 1 << 20;
/** A line longer than this many bytes is shown cut (the rest is still scanned past). */
export const MAX_LINE_BYTES = 1 << 16;

/**
 * Builds the index over the whole source, a chunk at a time; `pause()` runs between chunks
 * (the caller yields to its event loop there, and reports progress). Stops early, incomplete,
 * when `cancelled()` says so.
 */
export async function buildLineIndex(source: ByteSource, index: LineIndex, pause: () => Promise<void>, cancelled: () => boolean = () => false): Promise<void> {
  while (index.scanned < source.size) {
    if (cancelled()) return;
    // Bigger reads than for a screen: indexing is one pass over the whole file, and a read has a fixed cost.
    const chunk = await source.read(index.scanned, Math.min(4 * READ_CHUNK, source.size - index.scanned));
    if (chunk.length === 0) break;
    index.feed(chunk);
    await pause();
  }
  index.finish();
}

/** One line as read: its text (without the line break, cut at MAX_LINE_BYTES) and whether it was cut. */
export interface ReadLine {
  readonly text: string;
  readonly cut: boolean;
}

const decoder = new TextDecoder('utf-8');

/** Decodes a line's bytes: no line break, no byte-order mark on the first line, never a half character at a cut. */
function decodeLine(bytes: Uint8Array, first: boolean, cut: boolean): string {
  let end = bytes.length;
  if (cut) {
    // Back up to the start of a character, so the cut leaves no replacement character behind.
    while (end > 0 && (bytes[end - 1] & 0xc0) === 0x80) end--;
    if (end > 0 && bytes[end - 1] >= 0xc0) end--;
  } else if (end > 0 && bytes[end - 1] === CR) end--;
  let start = 0;
  if (first && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  return decoder.decode(bytes.subarray(start, end));
}

/**
 * Walks the lines of the source from the anchor of `from` onward, handing each line from `from`
 * on to `visit` (its number and bytes) until `visit` returns false or the file ends. Scans at most
 * `maxScanBytes` without a visit (lines the index has not reached can be far away).
 * Resolves to the line after the last one visited.
 */
export async function walkLines(
  source: ByteSource,
  index: LineIndex,
  from: number,
  visit: (line: number, bytes: Uint8Array, cut: boolean, byte: number) => boolean | Promise<boolean>,
  { maxScanBytes = Infinity, chunkBytes = READ_CHUNK }: { maxScanBytes?: number; chunkBytes?: number } = {},
): Promise<number> {
  let { line, byte } = index.anchor(from);
  let scannedWithoutVisit = 0;
  // The current line's bytes, kept up to MAX_LINE_BYTES.
  let held = new Uint8Array(4096);
  let heldLength = 0;
  let cut = false;
  let lineStart = byte;
  const hold = (bytes: Uint8Array) => {
    const room = MAX_LINE_BYTES - heldLength;
    if (bytes.length > room) cut = true;
    const take = Math.min(room, bytes.length);
    if (heldLength + take > held.length) {
      const grown = new Uint8Array(Math.min(MAX_LINE_BYTES, Math.max(held.length * 2, heldLength + take)));
      grown.set(held.subarray(0, heldLength));
      held = grown;
    }
    held.set(bytes.subarray(0, take), heldLength);
    heldLength += take;
  };
  const endLine = async (): Promise<boolean> => {
    if (line >= from) {
      scannedWithoutVisit = 0;
      if (!(await visit(line, held.subarray(0, heldLength), cut, lineStart))) return false;
    }
    line++;
    heldLength = 0;
    cut = false;
    return true;
  };
  while (byte < source.size) {
    const chunk = await source.read(byte, Math.min(chunkBytes, source.size - byte));
    if (chunk.length === 0) break;
    let start = 0;
    let at = chunk.indexOf(LF);
    while (at >= 0) {
      if (line >= from) hold(chunk.subarray(start, at));
      if (!(await endLine())) return line;
      start = at + 1;
      lineStart = byte + start;
      at = chunk.indexOf(LF, start);
    }
    if (line >= from) hold(chunk.subarray(start));
    byte += chunk.length;
    scannedWithoutVisit += chunk.length;
    if (scannedWithoutVisit > maxScanBytes) return line;
  }
  // A last line without a line feed.
  if (byte >= source.size && lineStart < source.size && line >= from) await endLine();
  return line;
}

/**
 * Lines `from` … `from + count - 1`, fewer at the end of the file, or when they lie beyond what the
 * index knows by more than `maxScanBytes` (ask again once it has got there).
 */
export async function readLines(source: ByteSource, index: LineIndex, from: number, count: number, maxScanBytes = 4 * READ_CHUNK): Promise<ReadLine[]> {
  const lines: ReadLine[] = [];
  if (count <= 0) return lines;
  await walkLines(
    source,
    index,
    from,
    (line, bytes, cut) => {
      lines.push({ text: decodeLine(bytes, line === 0, cut), cut });
      return lines.length < count;
    },
    { maxScanBytes, chunkBytes: 64 * 1024 },
  );
  return lines;
}

/** The text of a line's bytes as readLines gives it (exported for the search, which reads lines itself). */
export function lineText(bytes: Uint8Array, line: number, cut: boolean): string {
  return decodeLine(bytes, line === 0, cut);
}

/** A ByteSource over bytes in memory (the web host's file, tests). */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read: async (position, length) => bytes.subarray(position, Math.min(bytes.length, position + length)),
  };
}
