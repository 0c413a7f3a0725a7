// Worker thread of the editor's consistency check (Node host): counts and judges one document's lines, sent a block at a time or read from its file, off the extension host's thread.
import { parentPort } from 'worker_threads';
import { BlockCount, LineBlock } from '../core/blockCount';
import type { ConsistencyOptions } from '../core/variations';
import { FileLines, readFileLineBlocks, sameLines } from './fileLineBlocks';

/**
 * What the extension host sends: the settings first; then the lines, a block at a time (their
 * buffers moved), or the document's saved file to read them from; then the end, which for a file
 * carries the document's line lengths (what was read must be the document's text).
 */
export type CountRequest =
  | { readonly type: 'start'; readonly options: Partial<ConsistencyOptions>; readonly lexicon: readonly string[] }
  | ({ readonly type: 'block' } & LineBlock)
  | { readonly type: 'file'; readonly path: string }
  | { readonly type: 'end'; readonly lengths?: Int32Array };

/**
 * The answer to each count (at its end): the counts as Variations.transferable() data, and the
 * lines with findings; or that the file is not the document's text (not UTF-8, changed, or
 * unreadable), and the host starts again with the lines.
 */
export type CountAnswer =
  | { readonly type: 'done'; readonly variations: object; readonly lines: number[]; readonly findings: unknown[][] }
  | { readonly type: 'not-the-document'; readonly why: string }
  | { readonly type: 'error'; readonly message: string };

let count: BlockCount | undefined;
/** What the file read held, or why it could not be used. */
let read: FileLines | string | undefined;

function answer(message: CountAnswer, transfer?: ArrayBuffer[]): void {
  parentPort?.postMessage(message, transfer);
}

parentPort?.on('message', (request: CountRequest) => {
  try {
    if (request.type === 'start') {
      count = new BlockCount(request.options, request.lexicon);
      read = undefined;
    } else if (request.type === 'block') {
      count?.add(request);
    } else if (request.type === 'file') {
      const counting = count;
      try {
        read = counting ? (readFileLineBlocks(request.path, (block) => counting.add(block)) ?? 'not UTF-8') : undefined;
      } catch (error) {
        read = error instanceof Error ? error.message : String(error);
      }
    } else if (count) {
      const finished = count;
      count = undefined;
      if (read !== undefined) {
        const why = typeof read === 'string' ? read : !request.lengths || !sameLines(read, request.lengths) ? 'its lines differ from the document' : undefined;
        read = undefined;
        if (why !== undefined) {
          answer({ type: 'not-the-document', why });
          return;
        }
      }
      const { variations, lines, findings } = finished.finish();
      const { data, buffers } = variations.transferable();
      answer({ type: 'done', variations: data, lines, findings }, buffers);
    }
  } catch (error) {
    count = undefined;
    answer({ type: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
