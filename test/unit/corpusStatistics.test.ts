// Corpus statistics: the figures of the sample, the growth curve's bounds, and `segcorpus stats` over several files.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import fc from 'fast-check';
import { LINE_RULES, StatisticsTally } from '../../src/core/corpusStatistics';
import { LineChecker, checkLine } from '../../src/core/check';
import { DEFAULT_SCHEME } from '../../src/core/scheme';
import { tokenize } from '../../src/core/tokens';
import { GROWTH_POINTS, GrowthCurve } from '../../src/core/vocabulary';
import { runCli } from './cliRun';
import { SAMPLE, SAMPLE_PATH } from './fixtures';


/** `segcorpus stats` in the C locale (English messages). */
function stats(args: string[], input?: string) {
  return runCli(['stats', ...args], input, { LC_ALL: 'C' });
}

describe('corpus statistics', function () {
  this.timeout(60000);

  it('counts the sample’s sentences, types, lengths and most frequent words', () => {
    const tally = new StatisticsTally(DEFAULT_SCHEME, { top: 3 });
    tally.addLine(SAMPLE.trimEnd());
    const s = tally.result();
    const words = SAMPLE.split(/\s+/).filter((t) => /\p{L}/u.test(t));
    assert.strictEqual(s.words, words.length);
    assert.strictEqual(s.types, new Set(words).size);
    assert.strictEqual(s.compoundShare, s.compounds / s.words);
    // The sample's sentences end with a lone `.` (and one glued `7.` at the end of the line).
    const finals = SAMPLE.split(/\s+/).filter((t) => t === '.' || t === '7.').length;
    assert.strictEqual(s.sentences, finals);
    assert.strictEqual(Object.values(s.sentenceLengths).reduce((a, b) => a + b, 0), s.sentences);
    assert.strictEqual(Object.entries(s.sentenceLengths).reduce((a, [n, c]) => a + Number(n) * c, 0), s.words);
    assert.strictEqual(Object.entries(s.wordLengths).reduce((a, [n, c]) => a + Number(n) * c, 0), s.syllables);
    const counts = new Map<string, number>();
    for (const w of words) counts.set(w, (counts.get(w) ?? 0) + 1);
    const expected = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 3);
    assert.deepStrictEqual(s.topWords.map((w) => [w.word, w.count]), expected);
    assert.ok(s.topCompounds.every((w) => w.word.includes('_')));
    assert.deepStrictEqual(s.growth[s.growth.length - 1], [s.words, s.types]);
  });

  it('counts each line rule’s findings as the line check reports them', () => {
    const line = '6 Đặt_hàng 6 đào_tạo 7 . x7 6 mở 9 cao__cấp';
    const tally = new StatisticsTally(DEFAULT_SCHEME, { problems: true });
    tally.addLine(line);
    const found = checkLine(tokenize(line, DEFAULT_SCHEME), new LineChecker(DEFAULT_SCHEME));
    const expected = Object.fromEntries(LINE_RULES.map((code) => [code, found.filter((f) => f.code === code).length]));
    assert.deepStrictEqual(tally.result().problems, expected);
    assert.ok(Object.values(expected).filter((n) => n > 0).length >= 4, JSON.stringify(expected));
  });

  it('keeps the growth curve bounded, at multiples of one step, ending at the last word', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), (words) => {
        const curve = new GrowthCurve();
        for (let w = 1; w <= words; w++) curve.note(w, Math.ceil(Math.sqrt(w)));
        const points = curve.curve(words, Math.ceil(Math.sqrt(words)));
        assert.ok(points.length <= GROWTH_POINTS + 1);
        if (words >= GROWTH_POINTS) assert.ok(points.length >= GROWTH_POINTS / 2, `${points.length} points for ${words} words`);
        const step = points.length > 1 ? points[0][0] : 1;
        points.slice(0, -1).forEach(([x, y], i) => {
          assert.strictEqual(x, step * (i + 1));
          assert.strictEqual(y, Math.ceil(Math.sqrt(x)));
        });
        if (words > 0) assert.deepStrictEqual(points[points.length - 1], [words, Math.ceil(Math.sqrt(words))]);
        else assert.deepStrictEqual(points, []);
      }),
      { numRuns: 40 },
    );
  });

  it('segcorpus stats counts the vocabulary only when asked (--vocabulary, or --top), the other figures alike either way', () => {
    const input = 'Chủ_tịch nói 7 6 Đặt_hàng 6 .\nhai câu . ba Chủ_tịch\n';
    const plain = stats(['--json'], input);
    assert.strictEqual(plain.status, 0, plain.stderr);
    const counts = JSON.parse(plain.stdout);
    for (const key of ['types', 'topWords', 'topCompounds', 'growth']) assert.ok(!(key in counts), `${key} only with --vocabulary`);
    for (const flags of [['--vocabulary'], ['--top', '3']]) {
      const full = JSON.parse(stats(['--json', ...flags], input).stdout);
      assert.strictEqual(full.types, 6, flags.join(' '));
      for (const key of ['types', 'topWords', 'topCompounds', 'growth']) delete full[key];
      assert.deepStrictEqual(full, counts, 'the same counts with and without the vocabulary');
    }
    assert.doesNotMatch(stats([], input).stdout, /^types/m);
    assert.match(stats(['--vocabulary'], input).stdout, /^types +6$/m);
  });

  it('segcorpus stats counts several files as one corpus, their lines in order', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'segcorpus-stats-'));
    try {
      const a = path.join(tmp, 'a.seg');
      const b = path.join(tmp, 'b.seg');
      const both = path.join(tmp, 'both.seg');
      // a lacks its final line break: its last line still ends with the file.
      fs.writeFileSync(a, 'Chủ_tịch nói 7 6 Đặt_hàng 6 .\nhai câu . ba');
      fs.writeFileSync(b, 'Chủ_tịch 1 đề_án .\r\n\nnói 9\n');
      fs.writeFileSync(both, 'Chủ_tịch nói 7 6 Đặt_hàng 6 .\nhai câu . ba\nChủ_tịch 1 đề_án .\r\n\nnói 9\n');
      const several = stats(['--json', '--problems', '--vocabulary', a, b]);
      assert.strictEqual(several.status, 0, several.stderr);
      const one = stats(['--json', '--problems', '--vocabulary', both]);
      assert.deepStrictEqual(JSON.parse(several.stdout), JSON.parse(one.stdout));
      const s = JSON.parse(several.stdout);
      assert.strictEqual(s.lines, 5);
      assert.strictEqual(s.sentences, 5);
      assert.deepStrictEqual(s.sentenceLengths, { '1': 2, '2': 2, '3': 1 });
      assert.deepStrictEqual(s.topWords.slice(0, 2), [{ word: 'Chủ_tịch', count: 2 }, { word: 'nói', count: 2 }]);
      assert.strictEqual(s.problems['unknown-placeholder'], 1);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('segcorpus stats keeps its original fields first, takes --top, and prints a readable summary', () => {
    const json = JSON.parse(stats(['--json', '--top', '2', SAMPLE_PATH]).stdout);
    assert.deepStrictEqual(Object.keys(json).slice(0, 11), ['lines', 'tokens', 'words', 'compounds', 'syllables', 'placeholders', 'unknownPlaceholders', 'gluedPlaceholders', 'punctuation', 'numbers', 'other']);
    assert.strictEqual(json.topWords.length, 2);
    assert.strictEqual(json.problems, undefined);
    const text = stats(['--vocabulary', SAMPLE_PATH]).stdout;
    assert.match(text, /^sentences +\d+$/m);
    assert.match(text, /^compound share +\d+\.\d %$/m);
    assert.match(text, /^top compounds +\S+_\S+ \d+, /m);
    assert.match(stats(['--top', 'x']).stderr, /--top takes a whole number/);
  });
});
