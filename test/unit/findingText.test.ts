// check's text report kept as bytes (KeptText): any range of kept lines writes what formatting their findings one by one writes.
import * as assert from 'assert';
import fc from 'fast-check';
import { Finding, FindingCode, Severity } from '../../src/core/check';
import { BytesOut, KeptLine, KeptText } from '../../src/cli/findingText';

/** The report of a line's findings as check wrote it before KeptText, a string per finding. */
function formatted(name: string, lineNumber: number, found: readonly Finding[]): string {
  return found.map((f) => `${name}:${lineNumber}:${f.start + 1}: ${f.severity}: ${f.message} [${f.code}]\n`).join('');
}

describe('KeptText (check text report)', () => {
  const text = fc.string({ unit: fc.constantFrom('a', 'Đ', 'ữ', '“', '”', '🙂', ' ', ':', '[', '7', '_', '\\', 'e\u0301'), maxLength: 40 });
  const finding: fc.Arbitrary<Finding> = fc.record({
    code: fc.constantFrom<FindingCode>('glued-placeholder', 'separator-before-final', 'unmatched-pair', 'inconsistent-segmentation'),
    severity: fc.constantFrom<Severity>('error', 'warning', 'information', 'hint'),
    start: fc.nat(1_000_000),
    end: fc.nat(1_000_000),
    message: text,
    tokenIndex: fc.nat(100),
  });
  const lines = fc.array(fc.tuple(fc.integer({ min: 1, max: 50 }), fc.array(finding, { minLength: 1, maxLength: 3 })), { minLength: 1, maxLength: 30 }).map((rows) => {
    let lineNumber = 0;
    return rows.map(([step, found]) => ({ lineNumber: (lineNumber += step), found }));
  });

  it('writes any range of the lines as their findings formatted one by one, lines across chunks and longer than one, texts encoded once or not (property)', () => {
    fc.assert(
      fc.property(text, lines, fc.integer({ min: 1, max: 600 }), fc.nat(), fc.nat(), fc.integer({ min: 0, max: 8 }), (name, rows, chunkBytes, a, b, maxEncoded) => {
        // Texts remembered encoded, or not (past the bound, or none at all).
        const kept = new KeptText(name, chunkBytes, maxEncoded);
        const keptLines: KeptLine[] = rows.map(({ lineNumber, found }) => ({ lineNumber, found, text: kept.add(lineNumber, found) }));
        const from = a % (rows.length + 1);
        const to = from + (b % (rows.length + 1 - from));
        const pieces: Buffer[] = [];
        const out: BytesOut = { writeBytes: (bytes, start, end) => pieces.push(Buffer.from(bytes.subarray(start, end))) };
        kept.writeLines(out, keptLines, from, to);
        const expected = rows.slice(from, to).map(({ lineNumber, found }) => formatted(name, lineNumber, found)).join('');
        assert.strictEqual(Buffer.concat(pieces).toString('utf8'), expected);
        // A piece a chunk at most, not a piece a line.
        assert.ok(pieces.length <= Math.max(0, to - from), `${pieces.length} pieces for ${to - from} lines`);
      }),
      { numRuns: 400 },
    );
  });
});
