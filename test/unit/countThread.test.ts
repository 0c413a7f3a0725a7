// The count thread of the Node host (dist/count-worker.js, as the build makes it): counts a saved document from its file, and refuses a file that is not the document's text.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CountThread } from '../../src/features/consistencyRegistration';
import { CountThreadSource, countThreads } from '../../src/node/countThread';
import type { CountAnswer, CountRequest } from '../../src/node/countWorker';

const DOC = 'file:///doc.seg';
const DIST = path.join(__dirname, '..', '..', '..', 'dist');
const JOINED = 'cần nâng_cao trình_độ .';
const SPLIT = 'phải nâng cao trình_độ .';
const TEXT = [...Array<string>(12).fill(JOINED), ...Array<string>(3).fill(SPLIT)].join('\r\n');
const OPTIONS = { minCount: 3, minShare: 0.75, maxSyllables: 6 };

/** The document's line lengths, as the extension host sends them with the end of a file count. */
const lengthsOf = (text: string): Int32Array => Int32Array.from(text.split(/\r\n|\r|\n/).map((l) => l.length));

async function countFile(thread: CountThread, file: string, lengths: Int32Array): Promise<CountAnswer> {
  thread.post({ type: 'start', options: OPTIONS, lexicon: [] } satisfies CountRequest);
  thread.post({ type: 'file', path: file } satisfies CountRequest);
  thread.post({ type: 'end', lengths } satisfies CountRequest);
  return (await thread.answer()) as CountAnswer;
}

/** Polls `value` until it gives something other than undefined (within 10 s). */
async function until<T>(value: () => T | undefined): Promise<T> {
  for (const stop = Date.now() + 10_000; Date.now() < stop; await new Promise((resolve) => setTimeout(resolve, 10))) {
    const v = value();
    if (v !== undefined) return v;
  }
  throw new Error('timed out');
}

describe('count thread (Node host)', function () {
  this.timeout(20_000);
  let tmp: string;
  let file: string;
  let threads: CountThreadSource | undefined;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'segcorpus-thread-'));
    file = path.join(tmp, 'doc.seg');
    fs.writeFileSync(file, TEXT);
  });
  afterEach(() => {
    threads?.dispose();
    threads = undefined;
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('counts a document from its saved file: the lines that disagree, with their findings', async () => {
    const thread = (threads = countThreads(DIST)).take(DOC);
    try {
      const answer = await countFile(thread, file, lengthsOf(TEXT));
      assert.strictEqual(answer.type, 'done');
      if (answer.type !== 'done') return;
      assert.deepStrictEqual(answer.lines, [12, 13, 14]);
      assert.deepStrictEqual(
        answer.findings.map((f) => (f as Array<{ start: number; end: number }>).map(({ start, end }) => [start, end])),
        [[[5, 13]], [[5, 13]], [[5, 13]]],
      );
    } finally {
      thread.terminate();
    }
  });

  it('answers that a file that is not the document\'s text is not the document, then counts the lines sent instead', async () => {
    const thread = (threads = countThreads(DIST)).take(DOC);
    try {
      const other = lengthsOf(TEXT);
      other[3]++;
      assert.deepStrictEqual(await countFile(thread, file, other), { type: 'not-the-document', why: 'its lines differ from the document' });
      fs.writeFileSync(file, Buffer.concat([Buffer.from(TEXT), Buffer.from([0x0a, 0xff])]));
      assert.deepStrictEqual(await countFile(thread, file, lengthsOf(TEXT + '\n\ufffd')), { type: 'not-the-document', why: 'not UTF-8' });
      // The same thread counts the lines when they are sent.
      const bytes = new TextEncoder().encode(TEXT);
      const lines = TEXT.split('\r\n');
      const starts = new Int32Array(lines.length);
      const ends = new Int32Array(lines.length);
      for (let k = 0, at = 0; k < lines.length; k++) {
        starts[k] = at;
        ends[k] = at + Buffer.byteLength(lines[k]);
        at = ends[k] + 2;
      }
      thread.post({ type: 'start', options: OPTIONS, lexicon: [] } satisfies CountRequest);
      thread.post({ type: 'block', bytes, starts, ends } satisfies CountRequest);
      thread.post({ type: 'end' } satisfies CountRequest);
      const answer = (await thread.answer()) as CountAnswer;
      assert.strictEqual(answer.type, 'done');
      assert.deepStrictEqual(answer.type === 'done' && answer.lines, [12, 13, 14]);
    } finally {
      thread.terminate();
    }
  });

  it('rejects the answer awaited when the thread is stopped', async () => {
    threads = countThreads(DIST);
    const first = threads.take(DOC);
    const second = threads.take(DOC);
    assert.notStrictEqual(first.id, second.id, 'a thread per count');
    first.post({ type: 'start', options: OPTIONS, lexicon: [] } satisfies CountRequest);
    const answer = first.answer();
    first.terminate();
    await assert.rejects(answer, /stopped/);
    await assert.rejects(first.answer(), /stopped/, 'and any asked after');
    second.terminate();
  });

  it('keeps a fresh thread ready after a count, gives it to the next count, and stops it when it stays unused', async () => {
    const source = (threads = countThreads(DIST, { startAfterMs: 10, keepMs: 400 }));
    assert.strictEqual(source.spareId, undefined, 'no thread before the first count');
    const first = source.take(DOC);
    assert.strictEqual((await countFile(first, file, lengthsOf(TEXT))).type, 'done');
    assert.strictEqual(source.spareId, undefined, 'none while a count runs');
    first.terminate();
    const ready = await until(() => source.spareId);
    assert.notStrictEqual(ready, first.id);
    const second = source.take(DOC);
    assert.strictEqual(second.id, ready, 'the next count takes the thread kept ready');
    assert.strictEqual(source.spareId, undefined);
    const answer = await countFile(second, file, lengthsOf(TEXT));
    assert.deepStrictEqual(answer.type === 'done' && answer.lines, [12, 13, 14]);
    second.terminate();
    await until(() => source.spareId);
    await until(() => (source.spareId === undefined ? true : undefined));
  });

  it('says which document is being counted, until the last thread counting it stops', async () => {
    const source = (threads = countThreads(DIST, { startAfterMs: 60_000, keepMs: 60_000 }));
    assert.strictEqual(source.counting(DOC), undefined, 'nothing counted yet');
    const first = source.take(DOC);
    const again = source.take(DOC);
    const other = source.take('file:///other.seg');
    const counted = source.counting(DOC);
    assert.ok(counted, 'a thread counts the document');
    let settled = false;
    void counted.then(() => (settled = true));
    first.terminate();
    other.terminate();
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.strictEqual(settled, false, 'another thread still counts it');
    assert.strictEqual(source.counting(DOC), counted);
    assert.strictEqual(source.counting('file:///other.seg'), undefined);
    again.terminate();
    await counted;
    assert.strictEqual(source.counting(DOC), undefined);
  });

  it('stops the thread kept ready when disposed, and keeps none after', async () => {
    const source = (threads = countThreads(DIST, { startAfterMs: 10, keepMs: 60_000 }));
    source.take(DOC).terminate();
    await until(() => source.spareId);
    source.dispose();
    assert.strictEqual(source.spareId, undefined);
    source.take(DOC).terminate();
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.strictEqual(source.spareId, undefined);
  });
});
