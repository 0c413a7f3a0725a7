// The consistency count shared between two real threads: the worker's ThreadCountShare and the main thread's CountHelping, over a MessageChannel.
import * as assert from 'assert';
import * as path from 'path';
import { MessageChannel, Worker } from 'worker_threads';
import { SpelledLines } from '../../src/core/syllables';
import { Variations } from '../../src/core/variations';
import { CountHelping } from '../../src/node/countShare';
import { forEachLineOf } from '../../src/node/variationsFiles';
import { WASM_PATH, wasmModule } from './wasmBuild';

const encoder = new TextEncoder();

/** What a worker thread counts of `text` with its runs shared (blocks of `blockSize` tokens), as table rows. */
function countInWorker(text: string, blockSize: number, module: ReturnType<typeof wasmModule> | undefined, free: boolean): Promise<{ table: unknown; helped: number }> {
  const channel = new MessageChannel();
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const helping = new CountHelping(channel.port1, signal, module);
  if (free) helping.free();
  const src = path.join(__dirname, '..', '..', 'src');
  const worker = new Worker(
    `
    const fs = require('fs');
    const { workerData, parentPort } = require('worker_threads');
    const { SpelledLines } = require(${JSON.stringify(path.join(src, 'core', 'syllables'))});
    const { Variations } = require(${JSON.stringify(path.join(src, 'core', 'variations'))});
    const { WasmCountWalk, compileNormalizer } = require(${JSON.stringify(path.join(src, 'wasm', 'normalizer'))});
    const { ThreadCountShare } = require(${JSON.stringify(path.join(src, 'node', 'countShare'))});
    const { forEachLineOf } = require(${JSON.stringify(path.join(src, 'node', 'variationsFiles'))});
    const { text, blockSize, share, wasm, waitForHelp } = workerData;
    const walker = WasmCountWalk.create(compileNormalizer(fs.readFileSync(wasm)));
    // With waitForHelp, the count starts once the main thread has claimed a run (or after 10 s):
    // a count this small could otherwise be over before the main thread has read the offer.
    class WaitingShare extends ThreadCountShare {
      offer(job) {
        super.offer(job);
        const idle = new Int32Array(new SharedArrayBuffer(4));
        for (const t0 = Date.now(); waitForHelp && !job.claims.includes(2) && Date.now() - t0 < 10000; ) Atomics.wait(idle, 0, 0, 1);
      }
    }
    walker.shareWith(new WaitingShare(share));
    const variations = new Variations({ minCount: 2, minShare: 0.6 });
    variations.useWalker(walker);
    const spelled = new SpelledLines(undefined, blockSize, true);
    const bytes = new TextEncoder().encode(text);
    forEachLineOf(bytes, (start, end) => variations.noteCompoundsSpelling(bytes, start, end, spelled));
    variations.countSpelled(spelled, 0, spelled.lineCount, true);
    parentPort.postMessage({ table: variations.table(), disagreeing: variations.disagreeingLines(spelled) });
    `,
    { eval: true, workerData: { text, blockSize, share: { port: channel.port2, signal }, wasm: WASM_PATH, waitForHelp: free && module !== undefined }, transferList: [channel.port2] },
  );
  return new Promise((resolve, reject) => {
    worker.on('message', (table) => {
      helping.close();
      void worker.terminate();
      resolve({ table, helped: helping.counted });
    });
    worker.on('error', reject);
  });
}

function countHere(text: string): unknown {
  const variations = new Variations({ minCount: 2, minShare: 0.6 });
  const spelled = new SpelledLines();
  const bytes = encoder.encode(text);
  forEachLineOf(bytes, (start, end) => variations.noteCompoundsSpelling(bytes, start, end, spelled));
  variations.countSpelled(spelled, 0, spelled.lineCount, true);
  return { table: variations.table(), disagreeing: variations.disagreeingLines(spelled) };
}

describe('the consistency count shared between threads', () => {
  const lines = ['cần nâng_cao chất_lượng 7 .', 'phải nâng cao chất lượng .', 'nâng_cao trình_độ', 'gà mái gà_mái 6 gà_mái 6 .'];
  const text = Array.from({ length: 3000 }, (_, k) => lines[k % lines.length] + (k % 7 === 0 ? ' nâng cao' : '')).join('\n') + '\n';

  it('counts what one thread counts when the main thread counts runs of lines for the worker', async () => {
    const { table, helped } = await countInWorker(text, 64, wasmModule(), true);
    const expected = countHere(text) as { disagreeing: number[] };
    assert.ok(expected.disagreeing.length > 100, 'lines against a majority, to compare');
    assert.deepStrictEqual(table, expected);
    assert.ok(helped > 0, 'the main thread counted some runs');
  });

  it('counts what one thread counts when the main thread has no module: the worker counts the run it claimed', async () => {
    const { table, helped } = await countInWorker(text, 64, undefined, true);
    assert.deepStrictEqual(table, countHere(text));
    assert.strictEqual(helped, 0);
  });

  it('counts every run in the worker when the main thread is never free', async () => {
    const { table, helped } = await countInWorker(text, 64, wasmModule(), false);
    assert.deepStrictEqual(table, countHere(text));
    assert.strictEqual(helped, 0);
  });
});
