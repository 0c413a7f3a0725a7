// The viewer's bytes in the desktop host: a file read by position through a file handle, never whole into memory.
import { open } from 'node:fs/promises';
import { ByteSource } from '../core/lineIndex';

/** A ByteSource over a file on disk, and how to close it. */
export interface FileBytes extends ByteSource {
  close(): Promise<void>;
}

export async function openFileBytes(path: string): Promise<FileBytes> {
  const handle = await open(path, 'r');
  const { size } = await handle.stat();
  return {
    size,
    read: async (position, length) => {
      const buffer = Buffer.allocUnsafe(length);
      const { bytesRead } = await handle.read(buffer, 0, length, position);
      return buffer.subarray(0, bytesRead);
    },
    close: () => handle.close(),
  };
}
