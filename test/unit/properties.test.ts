// Properties of the rewrites over generated corpora: what must hold for any input, not just the sample.
import * as assert from 'assert';
import fc from 'fast-check';
import { ByteRestorer } from '../../src/core/byteRestorer';
import { LineChecker, WordStats, checkLine } from '../../src/core/check';
import { normalizeBytes, normalizeLine, normalizeLineMapped, normalizeText, planNormalize } from '../../src/core/normalize';
import { restoreText } from '../../src/core/restore';
import { buildMarkTable } from '../../src/core/marks';
import { StatisticsTally } from '../../src/core/corpusStatistics';
import { DEFAULT_SCHEME } from '../../src/core/scheme';
import { sentenceSpans } from '../../src/core/sentences';
import { countLine, emptyStats } from '../../src/core/stats';
import { tokenize } from '../../src/core/tokens';
import { splitLines } from '../../src/core/lines';
import { streamed } from './streaming';
import { CORPUS_TOKENS, corpusOf, linesOf } from './generators';
import { wasmFor } from './wasmBuild';

const tokenArb = fc.oneof(...CORPUS_TOKENS);
const gapArb = fc.constantFrom(' ', ' ', ' ', '  ', '\t', ' \t ');
const lineArb = linesOf(tokenArb, gapArb);
const corpusArb = corpusOf(lineArb);

const plan = planNormalize(DEFAULT_SCHEME);
const sizesArb = fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1, maxLength: 5 });

describe('properties', () => {
  // Streaming normalize over any chunking with the default plan: in wasm.test.ts, with more tokens.

  it('streaming normalize into reused buffers equals the in-memory normalize', () => {
    // As the file job: each chunk read into one reused buffer with room before it for the line the
    // last chunk ended in (less room than the line: the chunker copies instead), the output written
    // into one reused buffer when it fits (the junk left in both must never show).
    fc.assert(
      fc.property(corpusArb, sizesArb, fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 200 }), (text, sizes, room, intoBytes) => {
        const normalizer = wasmFor(plan);
        const into = new Uint8Array(intoBytes);
        const transform = (l: Uint8Array, cr: boolean): Uint8Array => {
          into.fill(0xcc);
          return normalizer.normalizeChunk(l, cr, into).slice();
        };
        assert.strictEqual(streamed(text, sizes, transform, room), normalizeText(text, plan));
      }),
      { numRuns: 300 },
    );
  });

  it('streaming normalize with Unicode options equals the in-memory normalize', () => {
    const nfcPlan = planNormalize(DEFAULT_SCHEME, { unicode: 'nfc', toneStyle: 'new', joinSyllables: false, numberPlaceholder: '<n>' });
    fc.assert(
      fc.property(corpusArb, sizesArb, (text, sizes) => {
        const normalizer = wasmFor(nfcPlan);
        assert.strictEqual(streamed(text, sizes, (l, cr) => normalizer.normalizeChunk(l, cr)), normalizeText(text, nfcPlan));
      }),
      { numRuns: 150 },
    );
  });

  it('streaming restore over any chunking equals the in-memory restore', () => {
    fc.assert(
      fc.property(corpusArb, sizesArb, (text, sizes) => {
        const restorer = new ByteRestorer(DEFAULT_SCHEME);
        assert.strictEqual(streamed(text, sizes, (l) => restorer.restoreChunk(l)), restoreText(text, DEFAULT_SCHEME));
      }),
      { numRuns: 300 },
    );
  });

  it('restore keeps the token count, every underscore and every non-placeholder token', () => {
    fc.assert(
      fc.property(lineArb, (line) => {
        const before = tokenize(line, DEFAULT_SCHEME);
        const restored = restoreText(line, DEFAULT_SCHEME);
        const after = tokenize(restored, DEFAULT_SCHEME);
        assert.strictEqual(after.length, before.length);
        assert.strictEqual(restored.split('_').length, line.split('_').length);
        before.forEach((t, i) => {
          const known = (t.kind === 'placeholder' || t.kind === 'glued') && (t.role === 'pair' || t.role === 'separator');
          if (!known) assert.strictEqual(after[i].text, t.text);
          else assert.ok(after[i].text !== t.text && after[i].text.endsWith(t.text.slice(1)), `${t.text} → ${after[i].text}`);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('normalize(restore(x)) equals normalize(x), but for lines each kept as it came', () => {
    fc.assert(
      fc.property(corpusArb, (text) => {
        const restored = restoreText(text, DEFAULT_SCHEME);
        const inLines = splitLines(text);
        const restoredLines = splitLines(restored);
        const outLines = splitLines(normalizeText(text, plan));
        const againLines = splitLines(normalizeText(restored, plan));
        assert.strictEqual(againLines.length, outLines.length);
        outLines.forEach((l, i) => {
          // A line emptied between a lone CR and an LF is kept as it came, before and after restore.
          const kept = i > 0 && inLines[i - 1].ending === '\r' && l.ending === '\n' && normalizeLine(inLines[i].text, plan) === '';
          assert.deepStrictEqual(againLines[i], kept ? restoredLines[i] : l, JSON.stringify(text));
          if (kept) assert.strictEqual(l.text, inLines[i].text);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('normalized text has no underscore, no double space, no space before , . ; : ! ? and the same lines', () => {
    fc.assert(
      fc.property(corpusArb, (text) => {
        const out = normalizeText(text, plan);
        const inLines = splitLines(text);
        const outLines = splitLines(out);
        assert.deepStrictEqual(outLines.map((l) => l.ending), inLines.map((l) => l.ending));
        outLines.forEach((l, i) => {
          // The one exception: a line emptied between a lone CR and an LF stays as it came, which
          // keeps the two breaks apart without inventing a byte.
          const keepsBreaksApart = i > 0 && outLines[i - 1].ending === '\r' && l.ending === '\n' && l.text === inLines[i].text && normalizeLine(l.text, plan) === '';
          if (keepsBreaksApart) return;
          const line = l.text.replace(/^\ufeff/, '');
          assert.ok(!line.includes('_'), out);
          assert.ok(!line.includes('  '), out);
          assert.ok(!/ [,.;:!?]/.test(line), out);
          assert.ok(!/^[ \t]|[ \t]$/.test(line), JSON.stringify(l.text));
        });
      }),
      { numRuns: 300 },
    );
  });

  it('no input makes a core function throw', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), fc.uint8Array({ maxLength: 200 }), (text, bytes) => {
        normalizeText(text, plan);
        normalizeLineMapped(text, planNormalize(DEFAULT_SCHEME, { unicode: 'nfc', toneStyle: 'old' }));
        restoreText(text, DEFAULT_SCHEME);
        const tokens = tokenize(text, DEFAULT_SCHEME);
        sentenceSpans(tokens, DEFAULT_SCHEME);
        checkLine(tokens, new LineChecker(DEFAULT_SCHEME), new WordStats());
        countLine(emptyStats(), tokens, buildMarkTable(DEFAULT_SCHEME));
        const tally = new StatisticsTally(DEFAULT_SCHEME, { problems: true });
        tally.addLines(bytes);
        tally.result();
        wasmFor(plan).normalizeChunk(bytes);
        wasmFor(planNormalize(DEFAULT_SCHEME, { unicode: 'nfc' })).normalizeChunk(bytes);
        normalizeBytes(bytes, plan);
        new ByteRestorer(DEFAULT_SCHEME).restoreChunk(bytes);
      }),
      { numRuns: 500 },
    );
  });
});
