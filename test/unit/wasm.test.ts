// The WebAssembly normalizer (src/wasm) against the string one: the same bytes for any input, plan and chunking.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import fc from 'fast-check';
import { NormalizeOptions, normalizeBytes, normalizeText, planNormalize, withBreakWords } from '../../src/core/normalize';
import { DEFAULT_SCHEME, MarkAttach, Placeholder, Scheme, placeholderFor } from '../../src/core/scheme';
import { findInvalidUtf8 } from '../../src/core/utf8';
import { CountHelper, CountJob, CountShare, DigitRole, RunCounts, WasmCountWalk, WasmNormalizer, WasmSpeller } from '../../src/wasm/normalizer';
import { SpelledLines } from '../../src/core/syllables';
import { Variations } from '../../src/core/variations';
import { forEachLineOf, noteNumbered } from '../../src/node/variationsFiles';
import { ByteChecker, WASM_FINDING_LENGTH } from '../../src/core/byteChecker';
import { Finding } from '../../src/core/check';
import { wasmFor, wasmModule } from './wasmBuild';
import { runCli, runCliBytes } from './cliRun';
import { SAMPLE } from './fixtures';
import { streamed, streamedBytes } from './streaming';
import { CORPUS_TOKENS, corpusOf, linesOf } from './generators';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

// --- Corpora: the tokens of properties.test.ts, and more of what the SIMD paths look at: long
// words, joiner runs, control bytes, words holding marks, and the marks of custom schemes.
const CUSTOM_MARKS = ['((', '))', '<<', '>>', '--', ',,', '...', '„', '‚', '«‹', '›»', '⟨', '⟩', 'ab', '_x', 'đ', '9', '|', '||', '*', '**', "'", '‘‘', '’’', 'ー', '🙂', 'x'];
const tokenArb = fc.oneof(
  ...CORPUS_TOKENS,
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'Thành_phố_Hồ_Chí_Minh_và_các_tỉnh_lân_cận',
      'a_b_c_d_e_f_g_h_i_j_k_l_m_n_o_p_q_r_s',
      'abcdefghijklmnopqrstuvwxyz0123456789',
      'từ__đôi___gạch____dưới_',
      'a\u0001b',
      '\u001f',
      'x\u007f',
      'a\u000bb\u000c',
      'a.b,c',
      'a,',
      'trẻ.',
      'é7',
      '«a»',
      '“Đặt_hàng”',
      '7_',
      '6_x',
      '_7',
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom(...CUSTOM_MARKS) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('6', '7', '3', '0', ''), fc.array(fc.constantFrom(...CUSTOM_MARKS, '.', ',', '”', '"'), { minLength: 1, maxLength: 3 })).map(([d, m]) => d + m.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('a', 'ư', 'ờ', '_', '7', '.', 'đ', '\u0001'), minLength: 1, maxLength: 40 }) },
);
const gapArb = fc.constantFrom(' ', ' ', ' ', ' ', '  ', '\t', ' \t ');
const lineArb = linesOf(tokenArb, gapArb);
const corpusArb = corpusOf(lineArb);
const sizesArb = fc.array(fc.integer({ min: 1, max: 96 }), { minLength: 1, maxLength: 5 });

// --- Plans: every option that reaches the byte path, and schemes with marks of several characters.
const markArb = fc.constantFrom(...CUSTOM_MARKS, '“', '”', '"', ',', ';', '(', ')', '«', '»');
const placeholderArb: fc.Arbitrary<Placeholder | undefined> = fc.oneof(
  fc.tuple(markArb, markArb, fc.boolean()).map(([open, close, same]): Placeholder => ({ role: 'pair', marks: { open, close: same ? open : close }, alternatives: [] })),
  markArb.map((mark): Placeholder => ({ role: 'separator', mark, alternatives: [] })),
  fc.constant<Placeholder>({ role: 'number' }),
  fc.constant<Placeholder>({ role: 'date' }),
  fc.constant(undefined),
);
const placeholdersArb: fc.Arbitrary<Scheme> = fc.oneof(
  fc.constant(DEFAULT_SCHEME),
  fc.array(placeholderArb, { minLength: 10, maxLength: 10 }).map((list) => {
    const placeholders: Record<string, Placeholder> = {};
    list.forEach((p, d) => {
      if (p) placeholders[String(d)] = p;
    });
    return { placeholders };
  }),
);
// Mark spacing as a scheme can set it: built-in marks, scheme marks, and marks it does not use.
const attachArb = fc.option(fc.dictionary(fc.constantFrom(...CUSTOM_MARKS, '“', '”', '"', ',', ';', ':', '(', ')', '«', '»', '-', '/', '.', '?'), fc.constantFrom<MarkAttach>('before', 'after', 'both', 'neither'), { maxKeys: 6 }), { freq: 2 });
const schemeArb: fc.Arbitrary<Scheme> = fc.tuple(placeholdersArb, attachArb).map(([scheme, attach]) => (attach ? { ...scheme, attach } : scheme));
const renderingArb = fc.constantFrom('{digit}', '', '<num>', '{digit}{digit}', '0', '«số {digit} rất dài để bung đầu ra»', 'x_{digit}');
const optionsArb: fc.Arbitrary<Partial<NormalizeOptions>> = fc.record({
  joinSyllables: fc.boolean(),
  separatorAtLineEnd: fc.constantFrom<'keep' | 'drop'>('keep', 'drop'),
  numberPlaceholder: renderingArb,
  datePlaceholder: renderingArb,
  quoteMarks: fc.constantFrom<NormalizeOptions['quoteMarks']>('scheme', 'curly', 'straight', 'guillemets'),
});

function concat(parts: Uint8Array[]): Buffer {
  return Buffer.concat(parts);
}

describe('WebAssembly normalizer', function () {
  this.timeout(120000);

  before(() => {
    wasmModule();
  });

  it('normalizes the sample as the string normalizer does', () => {
    const plan = planNormalize(DEFAULT_SCHEME);
    const bytes = encoder.encode(SAMPLE);
    const out = wasmFor(plan).normalizeChunk(bytes);
    assert.strictEqual(decoder.decode(out), normalizeText(SAMPLE, plan));
  });

  it('equals the in-memory normalize over any chunking, default plan', () => {
    const plan = planNormalize(DEFAULT_SCHEME);
    fc.assert(
      fc.property(corpusArb, sizesArb, (text, sizes) => {
        const wasm = wasmFor(plan);
        assert.strictEqual(streamed(text, sizes, (l, cr) => wasm.normalizeChunk(l, cr)), normalizeText(text, plan));
      }),
      { numRuns: 400 },
    );
  });

  it('equals the in-memory normalizer for every option, custom schemes and mark spacing', () => {
    fc.assert(
      fc.property(corpusArb, sizesArb, schemeArb, optionsArb, (text, sizes, scheme, options) => {
        const plan = planNormalize(scheme, options);
        const wasm = wasmFor(plan);
        const bytes = encoder.encode(text);
        const expected = concat(streamedBytes(bytes, sizes, (l, cr) => normalizeBytes(l, plan, cr)));
        const actual = concat(streamedBytes(bytes, sizes, (l, cr) => wasm.normalizeChunk(l, cr)));
        assert.deepStrictEqual(actual, expected);
        assert.strictEqual(streamed(text, sizes, (l, cr) => wasm.normalizeChunk(l, cr)), normalizeText(text, plan));
      }),
      { numRuns: 600 },
    );
  });

  it('goes on from line starts when the output room runs out', () => {
    fc.assert(
      fc.property(corpusArb, sizesArb, schemeArb, optionsArb, fc.integer({ min: 0, max: 200 }), (text, sizes, scheme, options, room) => {
        const plan = planNormalize(scheme, options);
        const wasm = wasmFor(plan, { outputBytes: room });
        assert.strictEqual(streamed(text, sizes, (l, cr) => wasm.normalizeChunk(l, cr)), normalizeText(text, plan));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same bytes whatever its output room, for any bytes, valid UTF-8 or not, and never traps', () => {
    const byteArb = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      // Mostly the bytes the rules look at.
      fc.array(fc.constantFrom(0x20, 0x09, 0x0a, 0x0d, 0x5f, 0x2e, 0x2c, 0x22, 0x2d, 0x37, 0x36, 0x31, 0x61, 0xe2, 0x80, 0x9c, 0x9d, 0xc2, 0xab, 0xbb, 0x00, 0x01, 0xff), { maxLength: 300 }).map((a) => Uint8Array.from(a)),
    );
    fc.assert(
      fc.property(byteArb, schemeArb, optionsArb, fc.boolean(), (bytes, scheme, options, afterLoneCr) => {
        const plan = planNormalize(scheme, options);
        const expected = Buffer.from(wasmFor(plan).normalizeChunk(bytes, afterLoneCr));
        assert.deepStrictEqual(Buffer.from(wasmFor(plan, { outputBytes: 40 }).normalizeChunk(bytes, afterLoneCr)), expected);
        // Where the bytes are text, the string normalizer's.
        if (findInvalidUtf8(bytes) < 0) assert.deepStrictEqual(expected, Buffer.from(normalizeBytes(bytes, plan, afterLoneCr)));
      }),
      { numRuns: 1000 },
    );
  });

  describe("check's screen", () => {
    const LF = 0x0a;
    const CR = 0x0d;
    /** Per line of `bytes` (cut as check cuts them): ByteChecker's answer, undefined when it leaves the line to LineChecker. */
    const byteAnswers = (bytes: Uint8Array, scheme: Scheme): Array<Finding[] | undefined> => {
      const checker = new ByteChecker(scheme);
      const answers: Array<Finding[] | undefined> = [];
      for (let i = 0; i < bytes.length; ) {
        let e = i;
        while (e < bytes.length && bytes[e] !== LF && bytes[e] !== CR) e++;
        answers.push(checker.checkLine(bytes, i, e));
        i = e < bytes.length && bytes[e] === CR && bytes[e + 1] === LF ? e + 2 : e + 1;
      }
      return answers;
    };
    const roles = (scheme: Scheme): DigitRole[] =>
      Array.from({ length: 10 }, (_, d) => {
        const role = placeholderFor(scheme, String(d))?.role;
        return role === 'pair' ? DigitRole.Pair : role === 'separator' ? DigitRole.Separator : role === undefined ? DigitRole.Unknown : DigitRole.Other;
      });
    /** The WebAssembly screen's answer per line, as ByteChecker gives it. */
    const wasmAnswers = (bytes: Uint8Array, scheme: Scheme, screenRunBytes?: number): Array<Finding[] | undefined> => {
      const { lines, records } = wasmFor(planNormalize(scheme), { screenRunBytes }).screenChunk(bytes, roles(scheme));
      const answers: Array<Finding[] | undefined> = Array.from({ length: lines }, () => []);
      const checker = new ByteChecker(scheme);
      for (let p = 0; p < records.length; ) {
        const [line, , , n] = records.subarray(p, p + 4);
        p += 4;
        answers[line] = n < 0 ? undefined : checker.screenFindings(bytes, records, p, n);
        p += Math.max(n, 0) * WASM_FINDING_LENGTH;
      }
      return answers;
    };

    it('answers every line as ByteChecker does, findings, columns and undecided lines alike, for any scheme', () => {
      fc.assert(
        fc.property(corpusArb, schemeArb, (text, scheme) => {
          const bytes = encoder.encode(text);
          assert.deepStrictEqual(wasmAnswers(bytes, scheme), byteAnswers(bytes, scheme));
        }),
        { numRuns: 800 },
      );
    });

    it('answers the same lines when it reads a chunk in runs of lines, however short the runs (lines numbered from the chunk)', () => {
      // Lines of the sample with CRLF, lone CR and blank lines among them, so that runs end next to each kind of break.
      const oneLine = fc.oneof(fc.constantFrom(...SAMPLE.split('\n')), lineArb);
      const breakArb = fc.constantFrom('\n', '\r\n', '\r', '\n\n', '\r\n\r\n');
      fc.assert(
        fc.property(fc.array(fc.tuple(oneLine, breakArb), { minLength: 1, maxLength: 12 }), fc.boolean(), fc.integer({ min: 1, max: 400 }), (lines, lastBreak, runBytes) => {
          const text = lines.map(([line, br], k) => line + (k < lines.length - 1 || lastBreak ? br : '')).join('');
          const bytes = encoder.encode(text);
          const whole = wasmAnswers(bytes, DEFAULT_SCHEME, bytes.length + 1);
          assert.deepStrictEqual(wasmAnswers(bytes, DEFAULT_SCHEME, runBytes), whole);
          assert.deepStrictEqual(whole, byteAnswers(bytes, DEFAULT_SCHEME));
        }),
        { numRuns: 300 },
      );
    });

    it('says each glued mark as it is, marks that share their first bytes too, in any order (messages made once each)', () => {
      // “ ” … share two of their three bytes; .. and ... the first one or two; “”… is longer than the key.
      const glued = ['7“', '7”', '7…', '7.', '7..', '7...', '7,', '7:', '7;', '7).', '7?!', '7“”…'];
      fc.assert(
        fc.property(fc.shuffledSubarray(glued, { minLength: 2 }), fc.array(fc.nat(glued.length - 1), { maxLength: 12 }), (order, more) => {
          const tokens = [...order, ...more.map((k) => glued[k])];
          const bytes = encoder.encode(tokens.map((t) => `từ ${t} kia 7 .`).join('\n') + '\n');
          const answers = wasmAnswers(bytes, DEFAULT_SCHEME);
          assert.deepStrictEqual(answers, byteAnswers(bytes, DEFAULT_SCHEME));
          tokens.forEach((t, line) => {
            const gluedFinding = answers[line]?.find((f) => f.code === 'glued-placeholder');
            assert.ok(gluedFinding?.message.includes(`'${t.slice(1)}'`), `${t}: ${gluedFinding?.message}`);
          });
        }),
        { numRuns: 200 },
      );
    });

    it('answers the sample and a corpus of the bench as ByteChecker does, with findings on both', () => {
      const sample = encoder.encode(SAMPLE + '\r\n6 Hãy làm ngay 7 6 .\n7.\n\n');
      const answers = wasmAnswers(sample, DEFAULT_SCHEME);
      assert.deepStrictEqual(answers, byteAnswers(sample, DEFAULT_SCHEME));
      assert.ok(answers.some((a) => a !== undefined && a.some((f) => f.code === 'separator-before-final')));
      assert.ok(answers.some((a) => a !== undefined && a.some((f) => f.code === 'glued-placeholder')));
    });

    it('runs in the bundled CLI: check gives the same report with WebAssembly as without', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'segcorpus-screen-'));
      try {
        const file = path.join(dir, 'c.seg');
        const lines = SAMPLE.split('\n');
        fs.writeFileSync(file, Array.from({ length: 400 }, (_, k) => `${lines[k % lines.length]} ${k % 7 === 0 ? '6 x 7 6 .' : k % 11 === 0 ? '5 7.' : '7 .'}`).join('\n') + '\n');
        const withWasm = runCli(['check', file], undefined, { SEGCORPUS_WASM: '1' });
        const without = runCli(['check', file], undefined, { SEGCORPUS_WASM: '0' });
        assert.strictEqual(withWasm.stderr, '');
        assert.strictEqual(withWasm.status, without.status);
        assert.strictEqual(withWasm.stdout, without.stdout);
        assert.ok(withWasm.stdout.split('\n').length > 100, 'findings to compare');
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('spelling for the consistency count', () => {
    /** A corpus's lines noted and counted as countFiles does: from the bytes, or numbered by the speller chunk by chunk. */
    const counted = (chunks: Uint8Array[], speller: WasmSpeller | undefined, maxTokens?: number): { spelled: SpelledLines; variations: Variations; lines: number } => {
      const variations = new Variations({ minCount: 2, minShare: 0.6 });
      const spelled = new SpelledLines(maxTokens);
      let lines = 0;
      for (const bytes of chunks) {
        if (!speller) {
          forEachLineOf(bytes, (start, end) => {
            variations.noteCompoundsSpelling(bytes, start, end, spelled);
            lines++;
          });
          continue;
        }
        lines += noteNumbered(bytes, speller.spellChunk(bytes), variations, spelled);
      }
      return { spelled, variations, lines };
    };
    const entries = (spelled: SpelledLines): number[][] =>
      Array.from({ length: spelled.lineCount }, (_, l) => [...spelled.entriesOf(l)]);
    /** Whole lines cut into chunks of about the given sizes, as readLines hands them over. */
    const chunked = (bytes: Uint8Array, sizes: number[]): Uint8Array[] => {
      const chunks: Uint8Array[] = [];
      let start = 0;
      for (let k = 0; start < bytes.length; k++) {
        let end = Math.min(bytes.length, start + sizes[k % sizes.length]);
        while (end < bytes.length && bytes[end - 1] !== 0x0a) end++;
        chunks.push(bytes.subarray(start, end));
        start = end;
      }
      return chunks;
    };
    const longToken = 'Thành_phố_Hồ_Chí_Minh_và_các_tỉnh_lân_cận_Đồng_Nai_Bình_Dương_Long_An';
    const spellingCorpusArb = corpusOf(linesOf(fc.oneof(tokenArb, fc.constantFrom('nâng_cao', 'nâng cao', 'nâng', 'cao', longToken, longToken.replace(/_/g, ' '), 'x'.repeat(70))), gapArb));

    it('keeps the same entries as the bytes pass when spellings pass one and two bytes of their encoding, lines of seen spellings included', () => {
      // 20,000 distinct tokens, then the same tokens again in other lines: lines of spellings seen
      // before (encoded by WebAssembly) with numbers past 0x80 and 0x4080.
      const words = Array.from({ length: 20_000 }, (_, k) => `từ${k.toString(36)}`);
      const lines: string[] = [];
      for (let k = 0; k < words.length; k += 50) lines.push(words.slice(k, k + 50).join(' '));
      for (let k = 0; k < words.length; k += 70) lines.push(words.slice(k, k + 70).reverse().join(' '), `nâng_cao ${words[k]} 7 ${words[words.length - 1 - k]}`);
      const chunks = chunked(encoder.encode(lines.join('\n') + '\n'), [4096, 65536, 777]);
      const fromBytes = counted(chunks, undefined);
      const numbered = counted(chunks, WasmSpeller.create(wasmModule()));
      assert.strictEqual(numbered.lines, lines.length);
      // A table that starts small grows several times on the way (its parts moved with what they hold).
      assert.deepStrictEqual(entries(counted(chunks, WasmSpeller.create(wasmModule(), { spellings: 1, bytes: 1 })).spelled), entries(fromBytes.spelled));
      const kept = entries(numbered.spelled);
      assert.deepStrictEqual(kept, entries(fromBytes.spelled));
      assert.ok(Math.max(...kept.slice(400).flat()) >= 0x4080, 'spellings of three bytes in lines of spellings seen before');
    });

    it('gives the spellings, lines, counts and findings that reading the bytes gives, over any chunking', () => {
      fc.assert(
        // The speller's table starting small or not: it grows (and moves its parts) chunk after chunk.
        fc.property(spellingCorpusArb, sizesArb, fc.option(fc.integer({ min: 1, max: 60 })), fc.boolean(), (text, sizes, maxTokens, small) => {
          const chunks = chunked(encoder.encode(text), sizes);
          const fromBytes = counted(chunks, undefined, maxTokens ?? undefined);
          const numbered = counted(chunks, WasmSpeller.create(wasmModule(), small ? { spellings: 1, bytes: 1 } : {}), maxTokens ?? undefined);
          assert.strictEqual(numbered.lines, fromBytes.lines);
          assert.strictEqual(numbered.spelled.full, fromBytes.spelled.full);
          assert.deepStrictEqual(entries(numbered.spelled), entries(fromBytes.spelled));
          assert.strictEqual(numbered.variations.syllables.spellingCount, fromBytes.variations.syllables.spellingCount);
          for (const { variations, spelled } of [fromBytes, numbered]) {
            if (spelled.full) for (const bytes of chunks) forEachLineOf(bytes, (start, end) => variations.count(bytes, start, end));
            else variations.countSpelled(spelled);
          }
          assert.deepStrictEqual(numbered.variations.table(), fromBytes.variations.table());
          for (const bytes of chunks) {
            forEachLineOf(bytes, (start, end) => assert.deepStrictEqual(numbered.variations.findingsOf(bytes, start, end), fromBytes.variations.findingsOf(bytes, start, end)));
          }
        }),
        { numRuns: 300 },
      );
    });

    /** The table, findings and disagreeing lines of a corpus counted from its spelled lines, by TokenWalk or by `walker`. */
    const countedWith = (bytes: Uint8Array, options: { maxSyllables: number; blockSize: number; keep: boolean; lexicon?: string[]; shared?: boolean }, walker: WasmCountWalk | undefined) => {
      const variations = new Variations({ minCount: 2, minShare: 0.6, maxSyllables: options.maxSyllables });
      variations.useWalker(walker);
      for (const word of options.lexicon ?? []) variations.addLexiconWord(word);
      const spelled = new SpelledLines(undefined, options.blockSize, options.shared);
      forEachLineOf(bytes, (start, end) => variations.noteCompoundsSpelling(bytes, start, end, spelled));
      // Kept or not, what disagreeingLines() reads: what the count saw, or the lines again.
      variations.countSpelled(spelled, 0, spelled.lineCount, options.keep);
      const findings: unknown[] = [];
      forEachLineOf(bytes, (start, end) => findings.push(variations.findingsOf(bytes, start, end)));
      return { table: variations.table(), findings, disagreeing: variations.disagreeingLines(spelled) };
    };

    it('counts lines whose entries take one, two and three bytes, and words written out, as TokenWalk does, any block size', () => {
      // 17,000 distinct tokens first, so the compounds after them are spellings past 0x80 and
      // 0x4080 (two and three bytes of SpelledLines' encoding, which countRun reads as they are);
      // then the compounds joined and apart, beside the first tokens (one byte) and long words
      // written out (their syllable ids in the entries).
      const words = Array.from({ length: 17_000 }, (_, k) => `từ${k.toString(36)}`);
      const lines: string[] = [];
      for (let k = 0; k < words.length; k += 40) lines.push(words.slice(k, k + 40).join(' '));
      const compounds = ['nâng_cao', 'chất_lượng', 'Thành_phố_Hồ_Chí_Minh'];
      for (let k = 0; k < 300; k++) {
        const c = compounds[k % compounds.length];
        const apart = k % 4 === 0;
        lines.push([words[k % 97], apart ? c.replace(/_/g, ' ') : c, words[16_999 - k], 'x'.repeat(70), longToken, words[k]].join(' '));
      }
      const bytes = encoder.encode(lines.join('\n') + '\n');
      // The entries are what this test is about: spellings of three bytes, and words written out.
      const spelled = new SpelledLines();
      const noted = new Variations({ maxSyllables: 8 });
      forEachLineOf(bytes, (start, end) => noted.noteCompoundsSpelling(bytes, start, end, spelled));
      const kept = Array.from({ length: spelled.lineCount }, (_, l) => [...spelled.entriesOf(l)]).flat();
      assert.ok(Math.max(...kept) >= 0x4080, 'spellings of three bytes');
      assert.ok(kept.some((entry) => entry < -1), 'words written out');
      const walker = WasmCountWalk.create(wasmModule());
      assert.ok(walker, 'a count walk');
      for (const blockSize of [64, 4096, 1 << 18]) {
        for (const keep of [false, true]) {
          const options = { maxSyllables: 8, blockSize, keep };
          const byWalker = countedWith(bytes, options, walker);
          assert.deepStrictEqual(byWalker, countedWith(bytes, options, undefined));
          assert.ok(byWalker.table.length > 0, 'variations counted');
        }
      }
    });

    it('counts spelled lines in WebAssembly as TokenWalk does: the table (forms in their order), findings and lines, kept or not, any block size, longest sequence and lexicon', () => {
      const walker = WasmCountWalk.create(wasmModule());
      assert.ok(walker, 'a count walk');
      // Lexicon words: sequences the corpus holds only apart, or joined too, or not at all.
      const lexiconArb = fc.subarray(['chất_lượng', 'cao_chất', 'trình_độ', 'Thành_phố_Hồ_Chí_Minh', 'không_có_đâu']);
      const wordArb = fc.oneof(tokenArb, fc.constantFrom('nâng_cao', 'nâng cao', 'nâng', 'cao', 'chất_lượng', 'chất lượng', 'cao_chất', longToken, longToken.replace(/_/g, ' '), 'x'.repeat(70)));
      fc.assert(
        fc.property(corpusOf(linesOf(wordArb, gapArb)), fc.integer({ min: 2, max: 16 }), fc.integer({ min: 1, max: 64 }), fc.boolean(), lexiconArb, (text, maxSyllables, blockSize, keep, lexicon) => {
          const bytes = encoder.encode(text);
          const options = { maxSyllables, blockSize, keep, lexicon };
          assert.deepStrictEqual(countedWith(bytes, options, walker), countedWith(bytes, options, undefined));
        }),
        { numRuns: 300 },
      );
    });

    /**
     * The other thread of a CountShare, played in this one: when offered the job, it claims and
     * counts up to `helps` runs from the last down (CountHelper), or fails the `fails`-th (as a
     * thread that could not count it: the count's thread then counts it and the rest); take()
     * hands over what it counted.
     */
    class InThreadShare implements CountShare {
      readonly answers = new Map<number, RunCounts | undefined>();
      job: CountJob | undefined;

      constructor(
        private readonly helps: number,
        private readonly fails: number | undefined,
        private readonly withModule = true,
      ) {}

      offer(job: CountJob): void {
        this.job = job;
        const helper = CountHelper.create(this.withModule ? wasmModule() : undefined, job);
        for (let k = 0; k < this.helps; k++) {
          const answer = helper.next();
          if (!answer) break;
          this.answers.set(answer.run, k === this.fails ? undefined : answer.counts);
          if (k === this.fails || !answer.counts) break;
        }
      }

      take(r: number): RunCounts | undefined {
        assert.ok(this.answers.has(r), `run ${r} was claimed and answered`);
        return this.answers.get(r);
      }
    }

    it("shares the runs of lines with another thread and adds its counts in order: the same table, findings and lines, whatever it counts or fails (property)", () => {
      const lexiconArb = fc.subarray(['chất_lượng', 'cao_chất', 'trình_độ']);
      const wordArb = fc.oneof(tokenArb, fc.constantFrom('nâng_cao', 'nâng cao', 'nâng', 'cao', 'chất_lượng', 'chất lượng', 'cao_chất', longToken, longToken.replace(/_/g, ' ')));
      let helped = 0;
      fc.assert(
        fc.property(
          corpusOf(linesOf(wordArb, gapArb)),
          fc.integer({ min: 1, max: 48 }),
          fc.boolean(),
          lexiconArb,
          fc.integer({ min: 0, max: 6 }),
          fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
          (text, blockSize, keep, lexicon, helps, fails) => {
            const bytes = encoder.encode(text);
            const walker = WasmCountWalk.create(wasmModule());
            const share = new InThreadShare(helps, fails);
            walker?.shareWith(share);
            const options = { maxSyllables: 6, blockSize, keep, lexicon, shared: true };
            assert.deepStrictEqual(countedWith(bytes, options, walker), countedWith(bytes, { ...options, shared: false }, undefined));
            if (share.job) {
              // Each claimed once: the count's thread took the first runs, the other the last ones.
              const claims = [...share.job.claims];
              const firstOther = claims.indexOf(2);
              if (firstOther >= 0) assert.ok(claims.slice(firstOther).every((c) => c === 2) && claims.slice(0, firstOther).every((c) => c === 1), claims.join());
              else assert.ok(claims.every((c) => c === 1));
              helped += [...share.answers.values()].filter((a) => a !== undefined).length;
            }
          },
        ),
        { numRuns: 300 },
      );
      assert.ok(helped > 100, `runs counted by the other side: ${helped}`);
    });

    it('counts every run itself when the other side has no module, or when its blocks are not shared', () => {
      const text = Array.from({ length: 40 }, (_, k) => (k % 3 === 0 ? 'nâng cao chất_lượng' : 'cần nâng_cao chất lượng 7 .')).join('\n');
      const bytes = encoder.encode(text);
      const expected = countedWith(bytes, { maxSyllables: 6, blockSize: 8, keep: true }, undefined);
      const noModule = new InThreadShare(3, undefined, false);
      const walker = WasmCountWalk.create(wasmModule());
      walker?.shareWith(noModule);
      assert.deepStrictEqual(countedWith(bytes, { maxSyllables: 6, blockSize: 8, keep: true, shared: true }, walker), expected);
      assert.deepStrictEqual([...noModule.answers.values()], [undefined], 'one run claimed, answered as not counted');
      const notShared = new InThreadShare(3, undefined);
      walker?.shareWith(notShared);
      assert.deepStrictEqual(countedWith(bytes, { maxSyllables: 6, blockSize: 8, keep: true, shared: false }, walker), expected);
      assert.strictEqual(notShared.job, undefined, 'nothing offered');
    });

    it('hands over occurrences across words in batches: a line with more of them than one batch holds counts them all', () => {
      const walker = WasmCountWalk.create(wasmModule());
      // 70,000 "nâng cao" across words on one line (more than normalize.as's VISITS_MAX), and 3 joined.
      // Lines on both sides of it, with and without joins: the lines before and after a batch stay apart.
      const bytes = encoder.encode(`nâng_cao\nnâng_cao ở đây\n${'nâng cao '.repeat(70_000)}\nnâng_cao nâng_cao nâng_cao\nnâng cao\n`);
      for (const keep of [false, true]) {
        const options = { maxSyllables: 6, blockSize: 1 << 20, keep };
        const fast = countedWith(bytes, options, walker);
        assert.deepStrictEqual(fast, countedWith(bytes, options, undefined));
        const row = fast.table.find((r) => r.sequence === 'nâng cao');
        assert.strictEqual(row?.total, 70_006);
        assert.deepStrictEqual(fast.disagreeing, [0, 1, 3]);
      }
    });

    it('numbers tokens it has seen in earlier chunks and files with the same numbers, and a corpus with variations', () => {
      const speller = WasmSpeller.create(wasmModule());
      const lines = ['cần nâng_cao trình_độ 7 .', 'nâng_cao chất_lượng .', 'phải nâng cao chất_lượng .', 'để nâng_cao \r', `${longToken} .`];
      const chunks = [encoder.encode(lines.join('\n') + '\n'), encoder.encode(lines.reverse().join('\r\n'))];
      const fromBytes = counted(chunks, undefined);
      const numbered = counted(chunks, speller);
      assert.deepStrictEqual(entries(numbered.spelled), entries(fromBytes.spelled));
      numbered.variations.countSpelled(numbered.spelled);
      assert.ok(numbered.variations.table().some((row) => row.sequence === 'nâng cao' && row.disagreeing > 0), 'a variation found');
    });

    it('runs in the bundled CLI: check and consistency give the same report with WebAssembly as without, on a thread or not', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'segcorpus-spell-'));
      try {
        const file = path.join(dir, 'c.seg');
        const lines = SAMPLE.split('\n');
        fs.writeFileSync(file, Array.from({ length: 600 }, (_, k) => `${lines[k % lines.length]} ${k % 5 === 0 ? 'gà mái' : 'gà_mái'} 7 .`).join('\n') + '\n');
        for (const worker of ['0', '1']) {
          const withWasm = runCli(['check', file], undefined, { SEGCORPUS_WASM: '1', SEGCORPUS_CONSISTENCY_WORKER: worker });
          const without = runCli(['check', file], undefined, { SEGCORPUS_WASM: '0', SEGCORPUS_CONSISTENCY_WORKER: worker });
          assert.strictEqual(withWasm.stderr, '');
          assert.strictEqual(withWasm.stdout, without.stdout);
          assert.ok(withWasm.stdout.includes('[inconsistent-segmentation]'), 'variations to compare');
          // Many runs of lines, which the main thread counts some of when it is free first; or not at all.
          for (const share of ['1', '0']) {
            const shared = runCli(['check', file], undefined, { SEGCORPUS_CONSISTENCY_WORKER: worker, SEGCORPUS_SPELLED_BLOCK_BYTES: '256', SEGCORPUS_COUNT_SHARE: share });
            assert.strictEqual(shared.stderr, '');
            assert.strictEqual(shared.stdout, without.stdout);
          }
        }
        // Several files: the line rules run over the next files while the first waits for its
        // segmentation findings (all of them, or one file at a time past a bound).
        const second = path.join(dir, 'd.seg');
        fs.copyFileSync(file, second);
        const several = runCli(['check', file, second], undefined, { SEGCORPUS_WASM: '0', SEGCORPUS_CONSISTENCY_WORKER: '0' });
        assert.ok(several.stdout.includes(`${second}:`) && several.stdout.includes('[inconsistent-segmentation]'));
        for (const bound of ['1', '']) {
          const threaded = runCli(['check', file, second], undefined, { SEGCORPUS_CONSISTENCY_WORKER: '1', SEGCORPUS_SPELLED_BLOCK_BYTES: '256', SEGCORPUS_MAX_WAITING_FINDINGS: bound });
          assert.strictEqual(threaded.stderr, '');
          assert.strictEqual(threaded.stdout, several.stdout);
        }
        // A compressed file is decompressed once, and its lines handed to the worker (ONE_READ=1
        // hands every file over, 0 none); past the bound the worker reads the rest itself.
        const zipped = `${second}.gz`;
        const reversed = runCli(['check', second, file], undefined, { SEGCORPUS_WASM: '0', SEGCORPUS_CONSISTENCY_WORKER: '0' });
        fs.writeFileSync(zipped, zlib.gzipSync(fs.readFileSync(second)));
        for (const oneRead of ['', '0', '1']) {
          for (const bound of ['1', '']) {
            const env = { SEGCORPUS_CONSISTENCY_WORKER: '1', SEGCORPUS_ONE_READ: oneRead, SEGCORPUS_MAX_WAITING_FINDINGS: bound };
            const cases: Array<[string[], string]> = [
              [[file, zipped], several.stdout.split(`${second}:`).join(`${zipped}:`)],
              [[zipped, file], reversed.stdout.split(`${second}:`).join(`${zipped}:`)],
            ];
            for (const [files, expected] of cases) {
              const r = runCli(['check', ...files], undefined, env);
              assert.strictEqual(r.stderr, '', `${oneRead} ${bound}`);
              assert.strictEqual(r.stdout, expected, `one read '${oneRead}', bound '${bound}', ${files.map((f) => path.basename(f))}`);
            }
          }
        }
        const table = runCli(['consistency', file], undefined, { SEGCORPUS_WASM: '1' });
        assert.strictEqual(table.stdout, runCli(['consistency', file], undefined, { SEGCORPUS_WASM: '0' }).stdout);
        assert.match(table.stdout, /gà mái/);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  it('handles big chunks and a line longer than a chunk, growing its memory', () => {
    const plan = planNormalize(DEFAULT_SCHEME, { numberPlaceholder: '<số {digit}>' });
    const wasm = wasmFor(plan);
    const words = SAMPLE.replace(/\s+/g, ' ');
    // ~5 MB of lines, then one ~9 MB line, then placeholders only (the most output per input byte).
    const lines = words.repeat(Math.ceil(5e6 / words.length)).replace(/ \. /g, ' .\n');
    const long = words.repeat(Math.ceil(9e6 / words.length));
    const dense = '1 7 6 1 '.repeat(300000);
    for (const text of [lines, long, `${lines}\r\n${long}\r${dense}\n`, dense]) {
      const bytes = encoder.encode(text);
      assert.deepStrictEqual(Buffer.from(wasm.normalizeChunk(bytes)), Buffer.from(normalizeBytes(bytes, plan)));
    }
  });

  it('runs in the bundled CLI (normalize and restore): one thread or workers, small chunks or big, the same bytes as the string path', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'segcorpus-wasm-'));
    try {
      const lines: string[] = [];
      const words = SAMPLE.split(' ');
      for (let i = 0; i < 40000; i++) lines.push(words.slice(i % 300, (i % 300) + 5 + (i % 60)).join(i % 7 === 0 ? '\t' : i % 11 === 0 ? '  ' : ' '));
      const text = lines.map((l, i) => l + (i % 3 === 0 ? '\r\n' : i % 29 === 0 ? '\r' : '\n')).join('');
      const input = path.join(tmp, 'big.seg');
      fs.writeFileSync(input, text);
      assert.ok(Buffer.byteLength(text) > 2 * 1024 * 1024, 'big enough for the WebAssembly normalizer by default');
      const cli = (args: string[], env: Record<string, string>, command = 'normalize'): string => {
        const r = runCli([command, input, ...args], undefined, env);
        assert.strictEqual(r.status, 0, r.stderr);
        return r.stdout;
      };
      for (const options of [[], ['--keep-underscores', '--number-placeholder', '<{digit}>', '--separator-at-line-end', 'drop']]) {
        const expected = cli([...options, '--jobs', '1'], { SEGCORPUS_WASM: '0' });
        assert.strictEqual(cli([...options, '--jobs', '1'], {}), expected);
        for (const jobs of ['1', '2']) assert.strictEqual(cli([...options, '--jobs', jobs], { SEGCORPUS_WASM: '1', SEGCORPUS_CHUNK_BYTES: '5000' }), expected);
      }
      assert.strictEqual(cli([], {}), normalizeText(text, planNormalize(DEFAULT_SCHEME)));
      // restore: WebAssembly (by default on big chunks, forced on small ones) against ByteRestorer.
      const restored = cli(['--jobs', '1'], { SEGCORPUS_WASM: '0' }, 'restore');
      assert.strictEqual(cli(['--jobs', '1'], {}, 'restore'), restored);
      for (const jobs of ['1', '2']) assert.strictEqual(cli(['--jobs', jobs], { SEGCORPUS_WASM: '1', SEGCORPUS_CHUNK_BYTES: '5000' }, 'restore'), restored);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('reuses its buffers in the bundled CLI without mixing chunks: to a file, to gzip, to stdout, with lines longer than the room before a chunk', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'segcorpus-reuse-'));
    try {
      // Lines of every length, some far longer than the room kept before a chunk (64 KB) and than a chunk.
      const words = SAMPLE.replace(/\s+/g, ' ');
      const lines: string[] = [];
      for (let i = 0; i < 3000; i++) lines.push(i % 500 === 7 ? words.repeat(20 + (i % 3) * 15) : words.slice((i * 37) % 2000, ((i * 37) % 2000) + 20 + ((i * 53) % 900)));
      const text = lines.map((l, i) => l + (i % 5 === 0 ? '\r\n' : '\n')).join('');
      const input = path.join(tmp, 'mixed.seg');
      fs.writeFileSync(input, text);
      const expected = Buffer.from(normalizeBytes(encoder.encode(text), planNormalize(DEFAULT_SCHEME)));
      const restored = runCliBytes(['restore', input], undefined, { SEGCORPUS_WASM: '0' }).stdout;
      for (const chunk of ['5000', '200000']) {
        for (const jobs of ['1', '2']) {
          for (const [command, want] of [['normalize', expected], ['restore', restored]] as const) {
            const run = (output: string[]): Buffer => {
              const r = runCliBytes([command, input, '--jobs', jobs, ...output], undefined, { SEGCORPUS_WASM: '1', SEGCORPUS_CHUNK_BYTES: chunk });
              assert.strictEqual(r.status, 0, r.stderr);
              return r.stdout;
            };
            const what = `${command}, chunks of ${chunk} bytes, ${jobs} jobs`;
            run(['-o', path.join(tmp, 'out.txt')]);
            assert.ok(fs.readFileSync(path.join(tmp, 'out.txt')).equals(want), `${what}, to a file`);
            run(['-o', path.join(tmp, 'out.txt.gz')]);
            assert.ok(zlib.gunzipSync(fs.readFileSync(path.join(tmp, 'out.txt.gz'))).equals(want), `${what}, to gzip`);
            assert.ok(run([]).equals(want), `${what}, to stdout`);
          }
        }
      }
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('serves plans that transform text, and leaves sentence-break inference to the string normalizer', () => {
    const text = 'hòa_bình 7 Việt_Nam khỏe 7 .\r\nthúy'.normalize('NFD');
    for (const options of [{ unicode: 'nfc' as const }, { toneStyle: 'new' as const }, { toneStyle: 'old' as const, unicode: 'nfc' as const }]) {
      const plan = planNormalize(DEFAULT_SCHEME, options);
      assert.strictEqual(decoder.decode(wasmFor(plan).normalizeChunk(encoder.encode(text))), normalizeText(text, plan));
    }
    assert.strictEqual(WasmNormalizer.create(withBreakWords(planNormalize(DEFAULT_SCHEME), ['Sau']), wasmModule()), undefined);
    assert.strictEqual(WasmNormalizer.create(planNormalize(DEFAULT_SCHEME), undefined), undefined);
  });
});
