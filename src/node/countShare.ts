// The CLI's consistency count shared between two threads: the worker that counts offers its last runs of lines, and the main thread, once it has read every file, counts what it can claim of them.
import { MessagePort, receiveMessageOnPort } from 'worker_threads';
import { CountHelper, CountJob, CountShare, RunCounts, WasmModule } from '../wasm/normalizer';
import { normalizerModule } from '../wasm/module';

/** What goes from the worker to the main thread and back, and how the worker is woken. */
export interface CountShareChannel {
  /** The worker's end of a MessageChannel: the job goes out, the runs' counts come back. */
  readonly port: MessagePort;
  /** Shared: raised by the main thread after each run's counts it posts. */
  readonly signal: Int32Array;
}

/** A run the main thread claimed, and its counts (undefined when it could not count it). */
interface RunAnswer {
  readonly run: number;
  readonly counts: RunCounts | undefined;
}

/**
 * The worker's side: offers the job on the port, and takes the main thread's counts from it
 * without returning to the event loop (the count is synchronous), sleeping on the signal between.
 */
export class ThreadCountShare implements CountShare {
  private readonly got = new Map<number, RunCounts | undefined>();

  constructor(private readonly channel: CountShareChannel) {}

  offer(job: CountJob): void {
    this.channel.port.postMessage(job);
  }

  take(r: number): RunCounts | undefined {
    const { port, signal } = this.channel;
    while (!this.got.has(r)) {
      const raised = Atomics.load(signal, 0);
      const message = receiveMessageOnPort(port);
      if (message) {
        const answer = message.message as RunAnswer;
        this.got.set(answer.run, answer.counts);
      } else {
        // The main thread counts a run it claimed and always answers it; it raises the signal after posting.
        Atomics.wait(signal, 0, raised);
      }
    }
    const counts = this.got.get(r);
    this.got.delete(r);
    return counts;
  }
}

/**
 * The main thread's side: keeps the job the worker offers, and counts runs of it once the main
 * thread has nothing else to do (free()), one run a turn of the event loop (a signal is handled
 * between two), until the worker has claimed the rest.
 */
export class CountHelping {
  private job: CountJob | undefined;
  private isFree = false;
  /** How many runs this thread has counted for the worker. */
  counted = 0;

  constructor(
    private readonly port: MessagePort,
    private readonly signal: Int32Array,
    private readonly module: WasmModule | undefined = normalizerModule(),
  ) {
    port.on('message', (job: CountJob) => {
      this.job = job;
      if (this.isFree) void this.help();
    });
  }

  /** The main thread waits for the count from now on: it helps with it. */
  free(): void {
    this.isFree = true;
    if (this.job) void this.help();
  }

  close(): void {
    this.port.close();
  }

  private async help(): Promise<void> {
    const job = this.job;
    this.job = undefined;
    if (!job) return;
    const helper = CountHelper.create(this.module, job);
    for (let answer = helper.next(); answer; answer = helper.next()) {
      const { run, counts } = answer;
      if (counts) this.counted++;
      this.port.postMessage({ run, counts } satisfies RunAnswer, counts ? [counts.visits.buffer as ArrayBuffer, counts.lineEnds.buffer as ArrayBuffer, counts.whole.buffer as ArrayBuffer] : []);
      Atomics.add(this.signal, 0, 1);
      Atomics.notify(this.signal, 0);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}
