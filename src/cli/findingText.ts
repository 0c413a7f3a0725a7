// check's text report of findings, encoded into bytes as they are found: kept until each file's segmentation findings are in, then written out as they are.
import { Finding } from '../core/check';

/** The size of a chunk of KeptText (a line's text longer than this has a chunk of its own). */
const CHUNK_BYTES = 1 << 20;
/** The size of its first chunk: each next one is twice the last, up to CHUNK_BYTES. */
const FIRST_CHUNK_BYTES = 1 << 12;

/** Where a line's text is in a KeptText. */
export interface TextAt {
  readonly chunk: number;
  readonly start: number;
  readonly end: number;
}

/** Where KeptText writes (TextOutput). */
export interface BytesOut {
  /** Writes bytes[start, end), which never change afterwards (they may be taken as they are). */
  writeBytes(bytes: Buffer, start: number, end: number): void;
}

/** A line's findings of check's line rules, kept until its segmentation findings are in (see checkFiles in main.ts). */
export interface KeptLine {
  readonly lineNumber: number;
  readonly found: readonly Finding[];
  /** Where their text report is, made when found (not in --json). */
  readonly text: TextAt | undefined;
}

/**
 * The text report of the findings of kept lines (`file:line:column: severity: message [code]`),
 * encoded as each line's findings are found, into chunks of bytes that no line straddles. Made
 * this way, neither a string a finding nor the joining and encoding of them comes later: a check
 * that keeps many findings (each file's wait for its segmentation findings) would otherwise
 * allocate several times their text in short-lived strings.
 */
export class KeptText {
  private readonly chunks: Buffer[] = [];
  /** How much of each chunk is written. */
  private readonly ends: number[] = [];
  private chunk: Buffer = Buffer.allocUnsafeSlow(0);
  private used = 0;
  /** The texts findings repeat (severities, codes, most messages), encoded once: see putText(). */
  private readonly encoded = new Map<string, Buffer>();
  private readonly nameBytes: Buffer;

  /**
   * `name`: the file's name as the report gives it. `chunkBytes`: smaller in tests, so lines fill
   * several chunks; `maxEncoded` too, so texts are also encoded where they go.
   */
  constructor(
    private readonly name: string,
    private readonly chunkBytes = CHUNK_BYTES,
    private readonly maxEncoded = MAX_ENCODED_TEXTS,
  ) {
    this.nameBytes = Buffer.from(name, 'utf8');
  }

  /** Appends the text of line `lineNumber`'s findings; returns where it is. */
  add(lineNumber: number, found: readonly Finding[]): TextAt {
    // At most three bytes of UTF-8 a UTF-16 unit; a number, at most 16 digits.
    let most = 0;
    for (const f of found) most += 3 * (this.name.length + f.severity.length + f.message.length + f.code.length) + 64;
    if (most > this.chunk.length - this.used) {
      // Chunks double from FIRST_CHUNK_BYTES up to chunkBytes: a short report stays small, and this
      // branch runs several times early, so the optimizing compiler has seen it before it compiles
      // add() (reached first at the end of a megabyte, it threw the compiled code away).
      const size = Math.min(this.chunkBytes, Math.max(FIRST_CHUNK_BYTES, 2 * this.chunk.length));
      this.chunk = Buffer.allocUnsafeSlow(Math.max(size, most));
      this.chunks.push(this.chunk);
      this.ends.push(0);
      this.used = 0;
    }
    const chunk = this.chunk;
    const start = this.used;
    let u = start;
    for (const f of found) {
      u = putBytes(chunk, u, this.nameBytes);
      chunk[u++] = COLON;
      u = writeNumber(chunk, u, lineNumber);
      chunk[u++] = COLON;
      u = writeNumber(chunk, u, f.start + 1);
      chunk[u++] = COLON;
      chunk[u++] = SPACE;
      u = this.putText(chunk, u, f.severity);
      chunk[u++] = COLON;
      chunk[u++] = SPACE;
      u = this.putText(chunk, u, f.message);
      chunk[u++] = SPACE;
      chunk[u++] = OPEN;
      u = this.putText(chunk, u, f.code);
      chunk[u++] = CLOSE;
      chunk[u++] = LF;
    }
    this.used = u;
    this.ends[this.chunks.length - 1] = u;
    return { chunk: this.chunks.length - 1, start, end: u };
  }

  /**
   * Writes `text` at chunk[u] as UTF-8; returns the index after it. On a real corpus a check's
   * findings repeat a few texts thousands of times: each is encoded once, then copied as bytes
   * (Buffer.write, a call into C++ per text, was most of the report's cost). The texts remembered
   * are bounded; past that, they are encoded where they go.
   */
  private putText(chunk: Buffer, u: number, text: string): number {
    let bytes = this.encoded.get(text);
    if (bytes === undefined) {
      if (this.encoded.size >= this.maxEncoded) return u + chunk.write(text, u);
      bytes = Buffer.from(text, 'utf8');
      this.encoded.set(text, bytes);
    }
    return putBytes(chunk, u, bytes);
  }

  /**
   * Writes the text of lines[from, to), lines added one after the other: their bytes follow one
   * another in the chunks, so they go out as a few long pieces, not a line at a time.
   */
  writeLines(out: BytesOut, lines: readonly KeptLine[], from: number, to: number): void {
    if (from >= to) return;
    const first = lines[from].text as TextAt;
    const last = lines[to - 1].text as TextAt;
    for (let c = first.chunk; c <= last.chunk; c++) {
      out.writeBytes(this.chunks[c], c === first.chunk ? first.start : 0, c === last.chunk ? last.end : this.ends[c]);
    }
  }
}

/** How many distinct texts a KeptText keeps encoded (messages that quote the text differ line by line). */
const MAX_ENCODED_TEXTS = 4096;
const COLON = 0x3a;
const SPACE = 0x20;
const OPEN = 0x5b;
const CLOSE = 0x5d;
const LF = 0x0a;

/** Writes the decimal digits of `n` (a non-negative integer) at bytes[u]; returns the index after them. */
function writeNumber(bytes: Buffer, u: number, n: number): number {
  let digits = 1;
  for (let m = n; m >= 10; m = Math.floor(m / 10)) digits++;
  for (let k = u + digits - 1, m = n; k >= u; k--, m = Math.floor(m / 10)) bytes[k] = 0x30 + (m % 10);
  return u + digits;
}

/** Copies `bytes` to chunk[u]; returns the index after them. Short ones byte by byte: cheaper than a call into C++. */
function putBytes(chunk: Buffer, u: number, bytes: Buffer): number {
  const n = bytes.length;
  if (n > 64) return u + bytes.copy(chunk, u);
  for (let k = 0; k < n; k++) chunk[u + k] = bytes[k];
  return u + n;
}
