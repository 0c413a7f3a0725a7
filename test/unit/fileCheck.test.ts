// Check Corpus Files' core: the byte screen plus LineChecker gives a document's findings, capped as the live diagnostics cap them, whatever the runs; and the input messages of a whole file.
import * as assert from 'assert';
import fc from 'fast-check';
import { DEFAULT_SEVERITIES, FindingCode, LineChecker, RuleSetting } from '../../src/core/check';
import { DocumentChecker } from '../../src/core/documentCheck';
import { FileChecker } from '../../src/core/fileCheck';
import { textProblem } from '../../src/core/inputText';
import { splitLines } from '../../src/core/lines';
import { planNormalize } from '../../src/core/normalize';
import { DEFAULT_SCHEME } from '../../src/core/scheme';
import { Tokenizer } from '../../src/core/tokens';
import { SAMPLE, fixture } from './fixtures';

const encoder = new TextEncoder();
// Hints need the whole document's statistics, which a file check does not count.
const SEVERITIES: Record<FindingCode, RuleSetting> = { ...DEFAULT_SEVERITIES, 'likely-sentence-break': 'off', 'separator-before-final': 'warning' };
const TEXT = [SAMPLE, ...fixture('categories.seg').split('\n'), 'a 5 b .', 'x7 c .\r', '6 open', '', 'f 7 .'].join('\n');

function documentSelection(text: string, max: number) {
  const plan = planNormalize(DEFAULT_SCHEME);
  const lines = splitLines(text).map((l) => l.text);
  const checker = new DocumentChecker(new Tokenizer(DEFAULT_SCHEME), new LineChecker(DEFAULT_SCHEME, SEVERITIES, plan));
  checker.load(lines.length, (l) => lines[l]);
  return checker.select(max);
}

function fileSelection(bytes: Uint8Array, cuts: number[], max: number) {
  const checker = new FileChecker(DEFAULT_SCHEME, SEVERITIES, planNormalize(DEFAULT_SCHEME), max);
  // Runs of whole lines, as the file job's chunker hands them over.
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    let end = cut;
    while (end < bytes.length && bytes[end - 1] !== 0x0a) end++;
    if (end > from) checker.addLines(bytes.subarray(from, end));
    from = Math.max(from, end);
  }
  return checker.selection();
}

const plain = (selection: ReturnType<typeof documentSelection>) => ({
  total: selection.total,
  bySeverity: selection.bySeverity,
  shown: selection.shown.map(({ line, finding }) => `${line}:${finding.start}-${finding.end} ${finding.code} ${finding.severity} ${finding.message}`),
});

describe('FileChecker', () => {
  const bytes = encoder.encode(TEXT);

  it('finds what a document check finds, with the settings severities, capped the same way', () => {
    for (const max of [0, 1, 3, 10, 100000]) assert.deepStrictEqual(plain(fileSelection(bytes, [], max)), plain(documentSelection(TEXT, max)), `max ${max}`);
    assert.ok(documentSelection(TEXT, 100000).total > 10);
  });

  it('gives the same whatever the runs the file comes in', () => {
    const whole = plain(fileSelection(bytes, [], 5));
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: bytes.length }), { maxLength: 8 }), (cuts) => {
        assert.deepStrictEqual(plain(fileSelection(bytes, cuts.sort((a, b) => a - b), 5)), whole);
      }),
    );
  });
});

describe('textProblem', () => {
  it('says what the streaming reader says, or nothing', () => {
    assert.strictEqual(textProblem(encoder.encode('a 7 b .\nc\r\n'), 'x.seg'), undefined);
    assert.strictEqual(textProblem(new Uint8Array([0x61, 0x20, 0xff]), 'x.seg'), 'x.seg: invalid UTF-8 at byte offset 2; convert the file to UTF-8 first');
    assert.strictEqual(textProblem(new Uint8Array([0x61, 0, 0x62]), 'x.seg'), 'x.seg: binary file (NUL byte at offset 1); a corpus is UTF-8 text');
    assert.strictEqual(textProblem(new Uint8Array([0xff, 0xfe, 0x61, 0]), 'x.seg'), 'x.seg: UTF-16 (LE) text; convert it to UTF-8 first (iconv -f UTF-16LE -t UTF-8)');
    assert.strictEqual(textProblem(encoder.encode('ab\r\nabcdef\nab'), 'x.seg', 4), 'x.seg: line 2 is longer than 4 bytes, the longest line segcorpus reads (set SEGCORPUS_MAX_LINE_BYTES to allow more)');
  });
});
