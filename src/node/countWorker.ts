// Worker thread of the editor's consistency check (Node host): counts and judges one document's lines, sent a block at a time, off the extension host's thread.
import { parentPort } from 'worker_threads';
import { BlockCount, LineBlock } from '../core/blockCount';
import type { ConsistencyOptions } from '../core/variations';

/** What the extension host sends: the settings first, the lines a block at a time (their buffers moved), then the end. */
export type CountRequest =
  | { readonly type: 'start'; readonly options: Partial<ConsistencyOptions>; readonly lexicon: readonly string[] }
  | ({ readonly type: 'block' } & LineBlock)
  | { readonly type: 'end' };

/** The answer, once: the counts as Variations.transferable() data, and the lines with findings. */
export type CountAnswer =
  | { readonly type: 'done'; readonly variations: object; readonly lines: number[]; readonly findings: unknown[][] }
  | { readonly type: 'error'; readonly message: string };

let count: BlockCount | undefined;

parentPort?.on('message', (request: CountRequest) => {
  try {
    if (request.type === 'start') {
      count = new BlockCount(request.options, request.lexicon);
    } else if (request.type === 'block') {
      count?.add(request);
    } else if (count) {
      const { variations, lines, findings } = count.finish();
      count = undefined;
      const { data, buffers } = variations.transferable();
      const answer: CountAnswer = { type: 'done', variations: data, lines, findings };
      parentPort?.postMessage(answer, buffers);
    }
  } catch (error) {
    const answer: CountAnswer = { type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    parentPort?.postMessage(answer);
  }
});
