// One read of check's inputs for both threads: the main thread's RunFeeder and the worker's FedRuns, over a MessageChannel (in one thread here: the protocol, not the threads, is under test).
import * as assert from 'assert';
import fc from 'fast-check';
import { MessageChannel } from 'worker_threads';
import { BufferPool, LineRun } from '../../src/node/fileJob';
import { FedRuns, RunFeeder } from '../../src/node/runFeed';

const SIZE = 64;

/** A file as runs of lines, each run in a buffer of `pool` (or, `shared` false, in ordinary memory, as a gunzipped or concatenated run is). */
async function* fileRuns(runs: readonly number[][], pool: BufferPool, shared: readonly boolean[], log: string[], name: string): AsyncGenerator<LineRun> {
  for (const [k, bytes] of runs.entries()) {
    const view = shared[k % shared.length] ? new Uint8Array(pool.take(), 8, bytes.length) : new Uint8Array(bytes.length);
    view.set(bytes);
    log.push(`read ${name}:${k}`);
    yield { bytes: view, afterLoneCr: false };
  }
}

const tick = (n: number): Promise<void> => new Promise((resolve) => (n === 0 ? setImmediate(resolve) : setTimeout(resolve, n)));

describe('RunFeeder and FedRuns: the main thread hands its runs of lines to the worker', () => {
  it('each side gets every run in order, the worker the files it is fed and reads the rest itself, and each buffer goes back to the pool once both are done', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: SIZE - 8 }), { maxLength: 12 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 0, max: 4 }),
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 5 }),
        async (files, fedFiles, shared, readRestAfter, pace) => {
          const channel = new MessageChannel();
          const fed = fedFiles.slice(0, files.length);
          const feeder = new RunFeeder(channel.port1, fed);
          const worker = new FedRuns(channel.port2, fed);
          try {
          const pool = new BufferPool(SIZE, true);
          let taken = 0;
          let given = 0;
          const take = pool.take.bind(pool);
          const give = pool.give.bind(pool);
          pool.take = (): ArrayBufferLike => {
            taken++;
            return take();
          };
          pool.give = (buffer: ArrayBufferLike): void => {
            assert.ok(pool.owns(buffer), 'a buffer goes back once');
            given++;
            give(buffer);
          };
          const log: string[] = [];
          // The worker: every file in order; what it reads itself comes from `read`.
          const workerGot: number[][][] = files.map(() => []);
          const workerDone = (async () => {
            for (const [index] of files.entries()) {
              const read = async function* (): AsyncGenerator<Uint8Array> {
                log.push(`worker reads ${index}`);
                for (const bytes of files[index]) yield Uint8Array.from(bytes);
              };
              let step = 0;
              for await (const bytes of worker.runsOf(index, read)) {
                workerGot[index].push([...bytes]);
                await tick(pace[step++ % pace.length]);
              }
            }
          })();
          // The main thread: every file in order, fed when it should be; after file `readRestAfter` it leaves the rest to the worker.
          const mainGot: number[][][] = files.map(() => []);
          for (const [index, runs] of files.entries()) {
            const read = fileRuns(runs, pool, shared, log, String(index));
            const held = feeder.feeds(index)
              ? feeder.readAhead(read, pool)
              : (async function* () {
                  for await (const { bytes } of read) yield { bytes, release: () => pool.owns(bytes.buffer) && pool.give(bytes.buffer) };
                })();
            let step = 0;
            for await (const { bytes, release } of held) {
              mainGot[index].push([...bytes]);
              // Only this run and those read ahead are held: never more than the pool's buffers in flight plus a few.
              await tick(pace[(step++ + 1) % pace.length]);
              release();
            }
            if (index === readRestAfter) feeder.readRest(index + 1);
          }
          await workerDone;
          // The worker's last 'spent' may still be on its way.
          for (let wait = 0; wait < 100 && given < taken; wait++) await tick(1);
          assert.deepStrictEqual(mainGot, files);
          assert.deepStrictEqual(workerGot, files);
          // A file the worker was fed it never read itself; one after readRest, or not fed, it did.
          files.forEach((_runs, index) => {
            const fedHere = fed[index] && index <= readRestAfter;
            assert.strictEqual(log.includes(`worker reads ${index}`), !fedHere, `file ${index}`);
          });
          // Each pooled buffer went back once per time it was taken, once both sides were done.
          assert.strictEqual(given, taken);
          } finally {
            // Open ports would keep the test run alive after a failure.
            feeder.close();
            channel.port2.close();
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('reads ahead of a slow caller, a bounded way, so the worker is never held back by the rules', async () => {
    const channel = new MessageChannel();
    const feeder = new RunFeeder(channel.port1, [true]);
    const worker = new FedRuns(channel.port2, [true]);
    const pool = new BufferPool(1 << 20, true);
    const run = new Array(1 << 19).fill(0x61);
    const runs = Array.from({ length: 200 }, () => run);
    const log: string[] = [];
    let workerRuns = 0;
    const workerDone = (async () => {
      for await (const bytes of worker.runsOf(0, async function* () {})) workerRuns += bytes.length > 0 ? 1 : 0;
    })();
    let mostAhead = 0;
    let taken = 0;
    for await (const { release } of feeder.readAhead(fileRuns(runs, pool, [true], log, 'f'), pool)) {
      taken++;
      const read = log.length;
      mostAhead = Math.max(mostAhead, read - taken);
      await tick(1);
      release();
    }
    await workerDone;
    feeder.close();
    channel.port2.close();
    assert.strictEqual(workerRuns, 200);
    // 32 MiB ahead at most: 64 runs of half a MiB; and it did go ahead.
    assert.ok(mostAhead > 8 && mostAhead <= 65, `read ahead by ${mostAhead} runs`);
  });

  it('waits for nothing once the worker has failed (abandon), and a caller that stops early stops the reading', async () => {
    const channel = new MessageChannel();
    const feeder = new RunFeeder(channel.port1, [true]);
    const pool = new BufferPool(SIZE, true);
    const log: string[] = [];
    // Nobody reads the other end: the worker is stuck. Four runs at most go there, then the main thread would wait.
    const runs = Array.from({ length: 10 }, (_, k) => [k + 1]);
    const got: number[] = [];
    const reading = (async () => {
      for await (const { bytes, release } of feeder.readAhead(fileRuns(runs, pool, [true], log, 'f'), pool)) {
        got.push(bytes[0]);
        release();
      }
    })();
    await tick(20);
    assert.ok(got.length <= 4, `${got.length} runs before the worker took any`);
    feeder.abandon();
    await reading;
    assert.deepStrictEqual(got, runs.map((r) => r[0]));
    // Stopping early: the reader is closed, and reads no further.
    const early = new RunFeeder(new MessageChannel().port1, [true]);
    const earlyLog: string[] = [];
    for await (const { release } of early.readAhead(fileRuns(runs, pool, [true], earlyLog, 'g'), pool)) {
      release();
      break;
    }
    await tick(10);
    const readThen = earlyLog.length;
    await tick(10);
    assert.strictEqual(earlyLog.length, readThen, 'no reading after the caller stopped');
    assert.ok(readThen < runs.length);
    early.close();
    feeder.close();
    channel.port2.close();
  });
});
