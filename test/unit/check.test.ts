import * as assert from 'assert';
import * as fc from 'fast-check';
import { DEFAULT_SEVERITIES, LineChecker, WordStats, checkLine, isLowerCase } from '../../src/core/check';
import { buildMarkTable, isMarks, markLengthAt, splitMarks } from '../../src/core/marks';
import { DEFAULT_SCHEME } from '../../src/core/scheme';
import { countLine, emptyStats } from '../../src/core/stats';
import { tokenize } from '../../src/core/tokens';
import { SAMPLE } from './fixtures';

const checker = new LineChecker(DEFAULT_SCHEME);

function found(line: string, stats?: WordStats, c = checker): string[] {
  return checkLine(tokenize(line, DEFAULT_SCHEME), c, stats).map((f) => `${f.code}@${line.slice(f.start, f.end)}:${f.start}`);
}

describe('check', () => {
  it('finds unmatched pairs, unknown and glued placeholders with their ranges', () => {
    assert.deepStrictEqual(found('6 a 6 b 6 5 c 7.'), [
      'unmatched-pair@6:8',
      'unknown-placeholder@5:10',
      'glued-placeholder@7.:14',
      'separator-before-final@7:14',
    ]);
  });

  it('says where the sentence of an unmatched pair ends', () => {
    const [f] = checkLine(tokenize('a 6 b c . d', DEFAULT_SCHEME), checker);
    assert.match(f.message, /no closing '6' after it in this line; the sentence ends at column 9/);
  });

  it('finds placeholders glued to words, not real numbers', () => {
    assert.deepStrictEqual(found('x7 7x 2007 A5 17'), ['glued-placeholder@x7:0', 'glued-placeholder@7x:3']);
  });

  it('finds separators before sentence-final punctuation, also across closing marks', () => {
    assert.deepStrictEqual(found('a 7 . b 6 x 6 7 . c 7 7 ! d 7 ” … e 7 f'), [
      'separator-before-final@7:2',
      'separator-before-final@7:14',
      'separator-before-final@7:20', // a run is reported once, at its first
      'separator-before-final@7:28',
    ]);
  });

  it('finds malformed joins: edges, runs, punctuation, sentence boundaries', () => {
    assert.deepStrictEqual(found('_a b_ c__d ._Taylor x_. kinh_tế-xã_hội Lê_Thanh_Hải'), [
      'malformed-join@_:0',
      'malformed-join@_:4',
      'malformed-join@__:7',
      'malformed-join@_:12',
      'malformed-join@_:21',
    ]);
    const [boundary] = checkLine(tokenize('._Taylor', DEFAULT_SCHEME), checker);
    assert.match(boundary.message, /across a sentence boundary/);
  });

  it('finds only the glued 7. (and its redundancy) in the sample, and breaks by word statistics', () => {
    const tokens = tokenize(SAMPLE, DEFAULT_SCHEME);
    const stats = new WordStats();
    stats.addLine(tokens);
    const findings = checkLine(tokens, checker, stats);
    const breaks = findings.filter((f) => f.code === 'likely-sentence-break').map((f) => tokens[f.tokenIndex + 1].text);
    // The examples: Theo and Do_vậy start sentences; Sở_Nội_vụ does not.
    assert.ok(breaks.includes('Theo') && breaks.includes('Do_vậy'), breaks.join(' '));
    assert.ok(!breaks.includes('Sở_Nội_vụ'));
    assert.deepStrictEqual(
      findings.filter((f) => f.code !== 'likely-sentence-break' && f.code !== 'separator-before-final').map((f) => f.code),
      ['glued-placeholder'],
    );
  });

  it('turns rules off and changes severities', () => {
    const quiet = new LineChecker(DEFAULT_SCHEME, { ...DEFAULT_SEVERITIES, 'unmatched-pair': 'off', 'unknown-placeholder': 'error' });
    const findings = checkLine(tokenize('6 a 5', DEFAULT_SCHEME), quiet);
    assert.deepStrictEqual(findings.map((f) => [f.code, f.severity]), [['unknown-placeholder', 'error']]);
  });

  it('word statistics: lower-case use elsewhere outweighs capitalised use mid-clause', () => {
    const stats = new WordStats();
    for (const line of ['theo a', 'b Theo c', 'x Hà_Nội', 'do_vậy']) stats.addLine(tokenize(line, DEFAULT_SCHEME));
    assert.strictEqual(stats.isLikelyBreak('Theo'), false); // 1 lower, 1 capitalised mid-clause
    assert.strictEqual(stats.isLikelyBreak('Do_vậy'), true);
    assert.strictEqual(stats.isLikelyBreak('Hà_Nội'), false);
    assert.strictEqual(stats.isLikelyBreak('theo'), false);
  });
});

describe('lower case and marks without making strings', () => {
  it('tells a lower-case text as lower-casing it would, for every UTF-16 unit and any text', () => {
    for (let c = 0; c < 0x10000; c++) {
      const unit = String.fromCharCode(c);
      assert.strictEqual(isLowerCase(unit), unit.toLowerCase() === unit, `U+${c.toString(16)}`);
    }
    const unit = fc.oneof(
      fc.constantFrom('a', 'Z', 'đ', 'Đ', 'ệ', 'Ệ', 'İ', 'Σ', 'ς', 'ǅ', '_', '7', 'ß', 'ẞ', '𐐀', '𐐨', '\ud801'),
      fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 12 }), (units) => {
        const text = units.join('');
        assert.strictEqual(isLowerCase(text), text.toLowerCase() === text);
      }),
      { numRuns: 2000 },
    );
  });

  it('splits marks as the table says, with one-unit marks looked up by code', () => {
    const table = buildMarkTable({ ...DEFAULT_SCHEME, placeholders: { ...DEFAULT_SCHEME.placeholders, 9: { role: 'separator', mark: '...', alternatives: [] } } });
    fc.assert(
      fc.property(fc.array(fc.constantFrom('.', '...', '..', ',', '“', '”', 'x', '7', '…', '𐐀'), { maxLength: 6 }), (parts) => {
        const text = parts.join('');
        const cuts = splitMarks(table, text, 0, text.length);
        assert.strictEqual(isMarks(table, text, 0, text.length), cuts !== undefined);
        for (let i = 0; i < text.length; i++) {
          let expected = 0;
          for (let len = Math.min(table.longest, text.length - i); len > 0 && expected === 0; len--) if (table.classes.has(text.slice(i, i + len))) expected = len;
          assert.strictEqual(markLengthAt(table, text, i, text.length), expected);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('stats', () => {
  it('counts syllables of compounds and placeholders per digit', () => {
    const stats = emptyStats();
    const table = buildMarkTable(DEFAULT_SCHEME);
    countLine(stats, tokenize('Lê_Thanh_Hải đã 7 6 x 6 5. 2007 … #', DEFAULT_SCHEME), table);
    countLine(stats, [], table);
    assert.deepStrictEqual(stats, {
      lines: 2, tokens: 10, words: 3, compounds: 1, syllables: 5,
      placeholders: { '7': 1, '6': 2, '5': 1 }, unknownPlaceholders: 1, gluedPlaceholders: 1,
      punctuation: 1, numbers: 1, other: 1,
      // The glued 5. ends the sentence of the three words; … ends no sentence, having no word before it.
      sentences: 1, sentenceLengths: [0, 0, 0, 1], wordLengths: [0, 2, 0, 1],
    });
  });
});
