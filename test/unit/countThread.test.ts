// The count thread of the Node host (dist/count-worker.js, as the build makes it): counts a saved document from its file, refuses a file that is not the document's text, and is kept warm between counts.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { countThreads } from '../../src/node/countThread';
import type { CountAnswer, CountRequest } from '../../src/node/countWorker';

const DIST = path.join(__dirname, '..', '..', '..', 'dist');
const JOINED = 'cần nâng_cao trình_độ .';
const SPLIT = 'phải nâng cao trình_độ .';
const TEXT = [...Array<string>(12).fill(JOINED), ...Array<string>(3).fill(SPLIT)].join('\r\n');
const OPTIONS = { minCount: 3, minShare: 0.75, maxSyllables: 6 };

/** The document's line lengths, as the extension host sends them with the end of a file count. */
const lengthsOf = (text: string): Int32Array => Int32Array.from(text.split(/\r\n|\r|\n/).map((l) => l.length));

async function countFile(thread: ReturnType<ReturnType<typeof countThreads>['start']>, file: string, lengths: Int32Array): Promise<CountAnswer> {
  thread.post({ type: 'start', options: OPTIONS, lexicon: [] } satisfies CountRequest);
  thread.post({ type: 'file', path: file } satisfies CountRequest);
  thread.post({ type: 'end', lengths } satisfies CountRequest);
  return (await thread.answer) as CountAnswer;
}

describe('count thread (Node host)', function () {
  this.timeout(20_000);
  let tmp: string;
  let file: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'segcorpus-thread-'));
    file = path.join(tmp, 'doc.seg');
    fs.writeFileSync(file, TEXT);
  });
  afterEach(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('counts a document from its saved file: the lines that disagree, with their findings', async () => {
    const threads = countThreads(DIST);
    try {
      const thread = threads.start();
      const answer = await countFile(thread, file, lengthsOf(TEXT));
      thread.release();
      assert.strictEqual(answer.type, 'done');
      if (answer.type !== 'done') return;
      assert.deepStrictEqual(answer.lines, [12, 13, 14]);
      assert.deepStrictEqual(
        answer.findings.map((f) => (f as Array<{ start: number; end: number }>).map(({ start, end }) => [start, end])),
        [[[5, 13]], [[5, 13]], [[5, 13]]],
      );
    } finally {
      threads.dispose();
    }
  });

  it('answers that a file whose lines are not the document\'s is not the document, and counts the next one', async () => {
    const threads = countThreads(DIST);
    try {
      const other = lengthsOf(TEXT);
      other[3]++;
      const thread = threads.start();
      const refused = await countFile(thread, file, other);
      assert.deepStrictEqual(refused, { type: 'not-the-document', why: 'its lines differ from the document' });
      thread.release();
      fs.writeFileSync(file, Buffer.concat([Buffer.from(TEXT), Buffer.from([0x0a, 0xff])]));
      const next = threads.start();
      assert.strictEqual(next.id, thread.id, 'the thread that answered counts again');
      assert.deepStrictEqual(await countFile(next, file, lengthsOf(TEXT + '\n\ufffd')), { type: 'not-the-document', why: 'not UTF-8' });
      next.release();
    } finally {
      threads.dispose();
    }
  });

  it('keeps a thread that answered for the next count, starts another after one given up on, and lets a waiting one go in time', async () => {
    const threads = countThreads(DIST, 300);
    try {
      const first = threads.start();
      assert.strictEqual((await countFile(first, file, lengthsOf(TEXT))).type, 'done');
      first.release();
      const second = threads.start();
      assert.strictEqual(second.id, first.id, 'kept warm');
      // Given up on mid-count: the thread is stopped, and the next count has a new one.
      second.post({ type: 'start', options: OPTIONS, lexicon: [] } satisfies CountRequest);
      second.terminate();
      await assert.rejects(second.answer, /stopped/);
      const third = threads.start();
      assert.notStrictEqual(third.id, first.id);
      assert.strictEqual((await countFile(third, file, lengthsOf(TEXT))).type, 'done');
      third.release();
      await new Promise((resolve) => setTimeout(resolve, 600));
      const fourth = threads.start();
      assert.notStrictEqual(fourth.id, third.id, 'let go after its idle time');
      fourth.terminate();
    } finally {
      threads.dispose();
    }
  });
});
