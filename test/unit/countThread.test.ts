// The count thread of the Node host (dist/count-worker.js, as the build makes it): counts a saved document from its file, and refuses a file that is not the document's text.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { CountThread } from '../../src/features/consistencyRegistration';
import { countThreads } from '../../src/node/countThread';
import type { CountAnswer, CountRequest } from '../../src/node/countWorker';

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
    const thread = countThreads(DIST)();
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
    const thread = countThreads(DIST)();
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
    const threads = countThreads(DIST);
    const first = threads();
    const second = threads();
    assert.notStrictEqual(first.id, second.id, 'a thread per count');
    first.post({ type: 'start', options: OPTIONS, lexicon: [] } satisfies CountRequest);
    const answer = first.answer();
    first.terminate();
    await assert.rejects(answer, /stopped/);
    await assert.rejects(first.answer(), /stopped/, 'and any asked after');
    second.terminate();
  });
});
