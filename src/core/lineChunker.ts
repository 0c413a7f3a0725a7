// Cutting a byte stream into runs of whole lines, for the streaming file jobs.
const LF = 0x0a;
const CR = 0x0d;

/**
 * Cuts a byte stream into whole lines: push chunks of any size, get back runs of complete lines.
 * Memory stays at one chunk plus the longest line.
 */
export class LineChunker {
  /** The unfinished last line: `restLength` bytes of `rest`, which grows by doubling (a line longer than a chunk costs linear time). */
  private rest: Uint8Array = new Uint8Array(0);
  private restLength = 0;
  private endsAfterLoneCr = false;
  /**
   * Whether the lines last returned follow a lone CR (the previous run was cut right after one):
   * pass it to normalizeChunk, which needs to know for an empty line ending in LF.
   */
  startsAfterLoneCr = false;

  /** The unfinished last line so far (a reader refuses it once it passes the line cap). */
  get pending(): Uint8Array {
    return this.rest.subarray(0, this.restLength);
  }

  /** The complete lines now available (possibly empty); keeps the unfinished last line. */
  push(chunk: Uint8Array): Uint8Array {
    // Cut after the last LF; a chunk without one may be cut after a CR, but never between the CR
    // and LF of one CRLF.
    let cut = chunk.lastIndexOf(LF) + 1;
    if (cut === 0) {
      cut = chunk.length - 1;
      while (cut > 0 && chunk[cut - 1] !== CR) cut--;
    }
    this.startsAfterLoneCr = this.endsAfterLoneCr;
    if (cut === 0) {
      this.append(chunk);
      return new Uint8Array(0);
    }
    const lines = this.restLength > 0 ? concat(this.pending, chunk.subarray(0, cut)) : chunk.subarray(0, cut);
    this.endsAfterLoneCr = lines[lines.length - 1] === CR;
    this.rest = new Uint8Array(chunk.subarray(cut)); // a copy: the chunk may be handed to a worker
    this.restLength = this.rest.length;
    return lines;
  }

  /**
   * As push, but the chunk is not copied whole when a line was left unfinished: that line and the
   * chunk's first line come as a run of their own (one line copied), the chunk's other whole lines
   * as a view of it. Each run says whether it follows a lone CR (see startsAfterLoneCr).
   */
  pushRuns(chunk: Uint8Array): Array<{ bytes: Uint8Array; afterLoneCr: boolean }> {
    const runs: Array<{ bytes: Uint8Array; afterLoneCr: boolean }> = [];
    const add = (bytes: Uint8Array): void => {
      if (bytes.length > 0) runs.push({ bytes, afterLoneCr: this.startsAfterLoneCr });
    };
    if (this.restLength > 0) {
      const firstLf = indexOfByte(chunk, LF);
      if (firstLf >= 0 && firstLf + 1 < chunk.length) {
        add(this.push(chunk.subarray(0, firstLf + 1)));
        add(this.push(chunk.subarray(firstLf + 1)));
        return runs;
      }
    }
    add(this.push(chunk));
    return runs;
  }

  /** The last line, without a line break, at the end of the input. */
  end(): Uint8Array {
    const rest = this.pending;
    this.startsAfterLoneCr = this.endsAfterLoneCr;
    this.endsAfterLoneCr = false;
    this.rest = new Uint8Array(0);
    this.restLength = 0;
    return rest;
  }

  private append(chunk: Uint8Array): void {
    const need = this.restLength + chunk.length;
    if (need > this.rest.length) {
      const grown = new Uint8Array(Math.max(need, this.rest.length * 2));
      grown.set(this.pending);
      this.rest = grown;
    }
    this.rest.set(chunk, this.restLength);
    this.restLength = need;
  }
}

/** The first `byte` in `bytes`, or -1: memchr through Buffer where there is one (a Uint8Array's indexOf is a loop). */
function indexOfByte(bytes: Uint8Array, byte: number): number {
  const buffer = (globalThis as { Buffer?: { from(b: ArrayBufferLike, offset: number, length: number): Uint8Array } }).Buffer;
  return buffer ? buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).indexOf(byte) : bytes.indexOf(byte);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return new Uint8Array(b);
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
