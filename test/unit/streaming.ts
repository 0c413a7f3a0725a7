// Runs a byte transform over text or bytes cut into chunks, as the file job does: shared by the streaming tests.
import { LineChunker } from '../../src/core/lineChunker';

export type Transform = (lines: Uint8Array, afterLoneCr: boolean) => Uint8Array;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** The outputs of `transform` over `bytes` pushed through a LineChunker in chunks of the given sizes (cycled). */
export function streamedBytes(bytes: Uint8Array, sizes: number[], transform: Transform): Uint8Array[] {
  const chunker = new LineChunker();
  const parts: Uint8Array[] = [];
  let at = 0;
  let k = 0;
  while (at < bytes.length) {
    const size = sizes[k++ % sizes.length];
    // As the file job reads: a chunk's first line may come as a run of its own.
    for (const run of chunker.pushRuns(bytes.subarray(at, at + size))) parts.push(transform(run.bytes, run.afterLoneCr));
    at += size;
  }
  const last = chunker.end();
  parts.push(transform(last, chunker.startsAfterLoneCr));
  return parts;
}

/** The same for text; a leading byte order mark is kept aside, as the file job does. */
export function streamed(text: string, sizes: number[], transform: Transform): string {
  const bom = text.startsWith('\ufeff') ? '\ufeff' : '';
  return bom + streamedBytes(encoder.encode(text.slice(bom.length)), sizes, transform).map((p) => decoder.decode(p)).join('');
}
