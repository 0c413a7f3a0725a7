// The Node host's reader of corpus files for the statistics page: streamed from disk in chunks, any size, as the CLI reads them.
import * as fs from 'fs';
import type { CorpusFileReader } from '../features/statistics';

const CHUNK = 4 * 1024 * 1024;

/**
 * Files on disk are streamed; other schemes (remote, virtual) go to `otherSchemes` (the statistics'
 * workspace.fs reader, asked for when needed: the statistics load on first use).
 */
export const diskFileReader = (otherSchemes: () => CorpusFileReader): CorpusFileReader => ({
  async *chunks(uri) {
    if (uri.scheme !== 'file') {
      yield* otherSchemes().chunks(uri);
      return;
    }
    const handle = await fs.promises.open(uri.fsPath, 'r');
    try {
      for (;;) {
        const buffer = Buffer.allocUnsafe(CHUNK);
        const { bytesRead } = await handle.read(buffer, 0, CHUNK, null);
        if (bytesRead === 0) return;
        yield buffer.subarray(0, bytesRead);
      }
    } finally {
      await handle.close();
    }
  },
});

