import * as assert from 'assert';
import fc from 'fast-check';
import { LineIndex, MAX_LINE_BYTES, buildLineIndex, bytesSource, readLines } from '../../src/core/lineIndex';
import { SAMPLE } from './fixtures';

const encoder = new TextEncoder();

/** The lines a person sees in `text`: split at line feeds, CR of a CRLF dropped, no line after a final line feed. */
function expectedLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  if (text.endsWith('\n')) lines.pop();
  return lines;
}

async function indexed(bytes: Uint8Array, every: number, chunkBytes?: number): Promise<LineIndex> {
  const index = new LineIndex(every);
  if (chunkBytes) {
    for (let at = 0; at < bytes.length; at += chunkBytes) index.feed(bytes.subarray(at, at + chunkBytes));
    index.finish();
  } else {
    await buildLineIndex(bytesSource(bytes), index, async () => undefined);
  }
  return index;
}

const lineArb = fc.oneof(
  fc.constantFrom('', 'Chủ_tịch UBND 7 .', '6 Đặt_hàng 6 đào_tạo', 'nâng cao_trình_độ\r', 'x'),
  fc.string({ maxLength: 12 }).map((s) => s.replace(/\n/g, ' ')),
);
const textArb = fc.tuple(fc.array(lineArb, { maxLength: 40 }), fc.boolean()).map(([lines, final]) => lines.join('\n') + (final && lines.length > 0 ? '\n' : ''));

describe('line index', () => {
  it('counts and reads back every line, whatever the sampling and the chunking (property)', async () => {
    await fc.assert(
      fc.asyncProperty(textArb, fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 17 }), fc.nat(45), fc.integer({ min: 1, max: 50 }), async (text, every, chunk, from, count) => {
        const bytes = encoder.encode(text);
        const index = await indexed(bytes, every, chunk);
        const expected = expectedLines(text);
        assert.strictEqual(index.lineCount, expected.length);
        const lines = await readLines(bytesSource(bytes), index, from, count);
        assert.deepStrictEqual(lines.map((l) => l.text), expected.slice(from, from + count));
      }),
      { numRuns: 500 },
    );
  });

  it('reads the first screen before the index has seen a byte', async () => {
    const bytes = encoder.encode('một\nhai\nba\n');
    const lines = await readLines(bytesSource(bytes), new LineIndex(64), 0, 2);
    assert.deepStrictEqual(lines.map((l) => l.text), ['một', 'hai']);
  });

  it('keeps one offset per `every` lines: memory flat in the number of lines', async () => {
    const text = 'a\n'.repeat(200_000);
    const index = await indexed(encoder.encode(text), 256);
    assert.strictEqual(index.lineCount, 200_000);
    assert.ok(index.memoryBytes <= 8 * 1024, `${index.memoryBytes} bytes for 200,000 lines`);
    assert.deepStrictEqual(index.anchor(1000), { line: 768, byte: 1536 });
  });

  it('estimates the line count from the share scanned while indexing', () => {
    const index = new LineIndex(4);
    index.feed(encoder.encode('ab\ncd\n'));
    assert.strictEqual(index.estimatedLineCount(600), 200);
    assert.strictEqual(index.done, false);
  });

  it('drops the byte-order mark, and cuts an endless line at a character boundary', async () => {
    const long = 'ệ'.repeat(MAX_LINE_BYTES);
    const bytes = encoder.encode(`\ufeffđầu\n${long}\ncuối`);
    const index = await indexed(bytes, 2);
    const [first, cut, last] = await readLines(bytesSource(bytes), index, 0, 3);
    assert.strictEqual(first.text, 'đầu');
    assert.ok(cut.cut && !cut.text.includes('\ufffd') && long.startsWith(cut.text) && cut.text.length > 0);
    assert.deepStrictEqual(last, { text: 'cuối', cut: false });
  });

  it('reads the sample corpus line as it is', async () => {
    const bytes = encoder.encode(SAMPLE);
    const index = await indexed(bytes, 64);
    const lines = await readLines(bytesSource(bytes), index, 0, 5);
    assert.deepStrictEqual(lines.map((l) => l.text), expectedLines(SAMPLE));
    assert.strictEqual(index.lineCount, expectedLines(SAMPLE).length);
  });
});
