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
    const lines = chunker.push(bytes.subarray(at, at + size));
    parts.push(transform(lines, chunker.startsAfterLoneCr));
    at += size;
  }
  const last = chunker.end();
  parts.push(transform(last, chunker.startsAfterLoneCr));
  return parts;
}

/**
 * As streamedBytes, the way the file job reads a file into reused buffers: every chunk goes into
 * the same buffer, `room` bytes in (the room filled with junk first), and is pushed with that room.
 * The transform's output must be its own: the buffer is overwritten by the next chunk.
 */
export function streamedWithRoom(bytes: Uint8Array, sizes: number[], room: number, transform: Transform): Uint8Array[] {
  const chunker = new LineChunker();
  const parts: Uint8Array[] = [];
  const buffer = new Uint8Array(room + Math.max(...sizes));
  let at = 0;
  let k = 0;
  while (at < bytes.length) {
    const chunk = bytes.subarray(at, at + sizes[k++ % sizes.length]);
    buffer.fill(0xaa, 0, room);
    buffer.set(chunk, room);
    const lines = chunker.push(buffer.subarray(room, room + chunk.length), room);
    parts.push(transform(lines, chunker.startsAfterLoneCr));
    buffer.fill(0xbb);
    at += chunk.length;
  }
  const last = chunker.end();
  parts.push(transform(last, chunker.startsAfterLoneCr));
  return parts;
}

/** The same for text; a leading byte order mark is kept aside, as the file job does. */
export function streamed(text: string, sizes: number[], transform: Transform, room?: number): string {
  const bom = text.startsWith('\ufeff') ? '\ufeff' : '';
  const body = encoder.encode(text.slice(bom.length));
  const parts = room === undefined ? streamedBytes(body, sizes, transform) : streamedWithRoom(body, sizes, room, transform);
  return bom + parts.map((p) => decoder.decode(p)).join('');
}
