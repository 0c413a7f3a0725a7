// The boundary model: which boundaries a line has, and what join, split and toggle change (examples, then properties).
import * as assert from 'assert';
import fc from 'fast-check';
import {
  LineRange, Segmentation, SegmentationOperation, joinNeighbour, joinRange, joinedWord, segmentAround, segmentLine, segmentationEdits, splitAt, splitRange,
  toggleAt,
} from '../../src/core/boundaries';
import { TextEdit, applyEdits } from '../../src/core/restore';
import { DEFAULT_SCHEME } from '../../src/core/scheme';
import { Tokenizer } from '../../src/core/tokens';
import { SAMPLE } from './fixtures';
import { linesOf } from './generators';

const tokenizer = new Tokenizer(DEFAULT_SCHEME);
const seg = (line: string) => segmentLine(line, tokenizer);
/** The boundaries as `text@start` (a space written as ␣, a tab as ⇥). */
const shown = (s: Segmentation) => s.boundaries.map((b) => `${s.line.slice(b.start, b.end).replace(/ /g, '␣').replace(/\t/g, '⇥')}@${b.start}`);
const run = (line: string, operation: SegmentationOperation, ranges: LineRange[]) => applyEdits(line, segmentationEdits(seg(line), operation, ranges));
const at = (line: string, needle: string, delta = 0) => {
  const i = line.indexOf(needle);
  assert.ok(i >= 0, needle);
  return i + delta;
};
const cursor = (offset: number): LineRange => ({ from: offset, to: offset });

describe('boundaries', () => {
  describe('the model', () => {
    it('has a boundary between neighbouring syllables only: joiners inside words, spaces between words', () => {
      assert.deepStrictEqual(shown(seg('nâng cao_trình_độ 7 Chủ_tịch .')), ['␣@4', '_@8', '_@14', '_@23']);
    });

    it('never puts a boundary next to a placeholder, punctuation, a number or a stray underscore', () => {
      assert.deepStrictEqual(shown(seg('a 7 b 6 c . d 2007 e 7. f 1 x7 g. _h 7 i_ ._Taylor')), []);
      // Where letters meet, there is a boundary, whatever the tokens hold further in.
      assert.deepStrictEqual(shown(seg('f x7 _h i_ ._Taylor k')), ['␣@1', '␣@7', '␣@19']);
    });

    it('keeps runs of spaces and tabs, and malformed joiners, as one boundary each', () => {
      assert.deepStrictEqual(shown(seg('a  \tb__c\td')), ['␣␣⇥@1', '__@5', '⇥@8']);
    });

    it('reads NFD syllables (a word may end with a combining mark)', () => {
      const line = 'hò a'.normalize('NFD');
      assert.deepStrictEqual(shown(seg(line)), [`␣@${line.indexOf(' ')}`]);
    });

    it('lists the syllables, each with the boundary after it', () => {
      const s = seg('nâng cao_trình_độ 7 a. b _c');
      assert.deepStrictEqual(
        s.syllables().map((y) => `${s.line.slice(y.start, y.end)}${y.next ? (y.next.kind === 'space' ? '␣' : '_') : '|'}`),
        ['nâng␣', 'cao_', 'trình_', 'độ|', 'a.|', 'b|', '_c|'],
      );
    });

    it('counts the syllables of each word', () => {
      const s = seg('cơ_quan_chuyên_môn 7 trẻ a__b');
      assert.deepStrictEqual(s.words.map((w) => `${w.text}:${w.syllables}`), ['cơ_quan_chuyên_môn:4', 'trẻ:1', 'a__b:2']);
      assert.strictEqual(s.syllableCount, 7);
      assert.strictEqual(s.wordAt(3)?.text, 'cơ_quan_chuyên_môn');
      assert.strictEqual(s.wordAt(19), undefined, 'the 7 is no word');
    });
  });

  describe('join', () => {
    it('joins the syllables a selection overlaps into one word', () => {
      const line = 'trình độ nâng cao trình_độ';
      assert.strictEqual(run(line, 'join', [{ from: at(line, 'nâng'), to: at(line, 'cao', 3) }]), 'trình độ nâng_cao trình_độ');
      assert.strictEqual(run(line, 'join', [{ from: at(line, 'âng'), to: at(line, 'cao', 1) }]), 'trình độ nâng_cao trình_độ', 'part of each syllable is enough');
      assert.strictEqual(run(line, 'join', [{ from: 0, to: line.length }]), 'trình_độ_nâng_cao_trình_độ');
    });

    it('does not join across a placeholder or punctuation: each side is joined on its own', () => {
      const line = 'a b 7 c d . e';
      assert.strictEqual(run(line, 'join', [{ from: 0, to: line.length }]), 'a_b 7 c_d . e');
    });

    it('a selection of only the space between two words joins nothing', () => {
      assert.deepStrictEqual(joinRange(seg('nâng cao'), 4, 5), []);
    });

    it('at a cursor joins the word with the next one, or with the previous one', () => {
      const line = 'đào_tạo cán bộ trẻ';
      assert.strictEqual(run(line, 'join', [cursor(at(line, 'cán', 1))]), 'đào_tạo cán_bộ trẻ');
      assert.strictEqual(run(line, 'joinPrevious', [cursor(at(line, 'cán', 1))]), 'đào_tạo_cán bộ trẻ');
      assert.strictEqual(run(line, 'join', [cursor(line.length)]), line, 'nothing follows the last word');
      assert.strictEqual(run('a 7 b', 'join', [cursor(0)]), 'a 7 b', 'a placeholder is never joined');
    });

    it('a run of white space becomes one `_`', () => {
      assert.strictEqual(run('a \t b', 'join', [cursor(0)]), 'a_b');
      assert.deepStrictEqual(joinNeighbour(seg('a   b'), 2, 1), [{ offset: 1, length: 3, text: '_' }], 'a cursor in the gap joins its two words');
    });

    it('a malformed joiner inside the selection becomes one `_`', () => {
      assert.strictEqual(run('a__b c', 'join', [{ from: 0, to: 6 }]), 'a_b_c');
    });

    it('says what a selection joins into, when it makes one word', () => {
      const line = 'x nâng cao 7 y';
      assert.deepStrictEqual(joinedWord(seg(line), 2, 10), { start: 2, end: 10, text: 'nâng_cao', edits: [{ offset: 6, length: 1, text: '_' }] });
      assert.strictEqual(joinedWord(seg(line), 2, 5), undefined, 'one word is not a join');
      assert.strictEqual(joinedWord(seg(line), 7, 14), undefined, 'a placeholder is in the way');
      assert.strictEqual(joinedWord(seg('a__b c'), 2, 6)?.text, 'a_b_c');
    });
  });

  describe('split', () => {
    it('splits the word at the cursor into its syllables', () => {
      const line = 'do Sở_Nội_vụ tổ_chức';
      assert.strictEqual(run(line, 'split', [cursor(at(line, 'Nội', 1))]), 'do Sở Nội vụ tổ_chức');
      assert.strictEqual(run(line, 'split', [cursor(line.length)]), 'do Sở_Nội_vụ tổ chức', 'a cursor at the end of a word is in it');
    });

    it('with the cursor on a `_`, splits only that boundary', () => {
      const line = 'cơ_quan_chuyên_môn';
      assert.strictEqual(run(line, 'split', [cursor(at(line, '_chuyên'))]), 'cơ_quan chuyên_môn');
      assert.strictEqual(run(line, 'split', [cursor(at(line, '_chuyên', 1))]), 'cơ_quan chuyên_môn', 'right after it too');
    });

    it('splits the joiners inside a selection only', () => {
      const line = 'cơ_quan_chuyên_môn';
      assert.deepStrictEqual(splitRange(seg(line), at(line, 'quan'), at(line, 'chuyên', 3)), [{ offset: 7, length: 1, text: ' ' }]);
    });

    it('turns a malformed joiner into one space and leaves stray underscores alone', () => {
      assert.strictEqual(run('a__b', 'split', [cursor(0)]), 'a b');
      assert.deepStrictEqual(splitAt(seg('_a ._Taylor'), 1), []);
      assert.deepStrictEqual(splitAt(seg('._Taylor'), 2), []);
    });
  });

  describe('toggle', () => {
    it('flips the boundary at the cursor, both ways', () => {
      assert.strictEqual(run('nâng cao', 'toggle', [cursor(4)]), 'nâng_cao');
      assert.strictEqual(run('nâng_cao', 'toggle', [cursor(5)]), 'nâng cao');
      assert.deepStrictEqual(toggleAt(seg('nâng cao'), 2), [], 'inside a syllable there is no boundary');
    });

    it('flips every boundary inside a selection', () => {
      assert.strictEqual(run('nâng cao_trình_độ', 'toggle', [{ from: 0, to: 17 }]), 'nâng_cao trình độ');
    });
  });

  describe('many cursors', () => {
    it('two cursors on one boundary flip it once; edits come ordered whatever the order of the cursors', () => {
      assert.strictEqual(run('a b', 'toggle', [cursor(1), cursor(2)]), 'a_b');
      const line = 'a b c d';
      const edits = segmentationEdits(seg(line), 'join', [cursor(6), cursor(0)]);
      assert.deepStrictEqual(edits.map((e) => e.offset), [1]);
      assert.strictEqual(run(line, 'join', [cursor(4), cursor(0)]), 'a_b c_d');
    });
  });

  describe('a window around a range', () => {
    it('knows the boundaries at the window edges', () => {
      const line = 's t u v x nâng cao z w q r';
      const s = segmentAround(line, tokenizer, at(line, 'âng'), at(line, 'cao', 2));
      assert.deepStrictEqual(shown(s), ['␣@9', '␣@14', '␣@18'], 'x nâng cao z: the words touched and one on each side');
    });
  });
});

// ---- properties ----

const SAMPLE_TOKENS = [...new Set(SAMPLE.trim().split(' '))];
const tokenArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...SAMPLE_TOKENS) },
  { weight: 4, arbitrary: fc.constantFrom('nâng', 'cao', 'trình', 'độ', 'nâng_cao', 'trình_độ', 'Việt'.normalize('NFD'), 'hò'.normalize('NFD'), 'kinh_tế-xã_hội', 'a') },
  { weight: 2, arbitrary: fc.constantFrom('0', '1', '4', '6', '7', '9', '.', ',', '…', '“', '”', '(', ')', '7.', '2007', '3,5', 'x7', 'a.', '-') },
  { weight: 1, arbitrary: fc.constantFrom('_a', 'a_', 'a__b', '___', '_', '._Taylor', 'a_7', '𝐀_b', 'b_𝐀') },
);
const gapArb = fc.constantFrom(' ', ' ', ' ', '  ', '\t', ' \t ');
const lineArb = linesOf(tokenArb, gapArb);
const operationArb = fc.constantFrom<SegmentationOperation>('join', 'joinPrevious', 'split', 'toggle');

/** A line with cursors and selections on it. */
const lineWithRangesArb = lineArb.chain((line) =>
  fc.tuple(
    fc.constant(line),
    fc.array(
      fc.tuple(fc.nat(line.length), fc.nat(line.length), fc.boolean()).map(([a, b, empty]) => (empty ? { from: a, to: a } : { from: Math.min(a, b), to: Math.max(a, b) })),
      { minLength: 1, maxLength: 6 },
    ),
  ),
);

/**
 * The line cut at its boundaries: the text between them, and each boundary's kind. Two lines with
 * equal pieces differ only inside boundaries.
 */
function skeleton(s: Segmentation): { pieces: string[]; kinds: string[] } {
  const pieces: string[] = [];
  let at = 0;
  for (const b of s.boundaries) {
    pieces.push(s.line.slice(at, b.start));
    at = b.end;
  }
  pieces.push(s.line.slice(at));
  return { pieces, kinds: s.boundaries.map((b) => b.kind) };
}

const nonWords = (line: string) =>
  tokenizer
    .tokenize(line)
    .filter((t) => t.kind !== 'word' && t.kind !== 'compound')
    .map((t) => `${t.kind}:${t.text}`);

describe('boundaries: properties', () => {
  it('every edit replaces one whole boundary, and nothing outside the boundaries asked for changes', () => {
    fc.assert(
      fc.property(lineWithRangesArb, operationArb, ([line, ranges], operation) => {
        const before = seg(line);
        const edits = segmentationEdits(before, operation, ranges);
        const edited = new Set<number>();
        for (const e of edits) {
          const i = before.boundaries.findIndex((b) => b.start === e.offset && b.end === e.offset + e.length);
          assert.ok(i >= 0, `edit ${JSON.stringify(e)} is a boundary of ${JSON.stringify(line)}`);
          edited.add(i);
        }
        const after = seg(applyEdits(line, edits));
        const a = skeleton(before);
        const b = skeleton(after);
        assert.deepStrictEqual(b.pieces, a.pieces, 'the text between boundaries is unchanged');
        // Every boundary is still there, of the kind the operation gives it if edited, else as it was.
        const want = a.kinds.map((kind, i) => {
          if (!edited.has(i)) return kind;
          if (operation === 'toggle') return kind === 'space' ? 'joiner' : 'space';
          return operation === 'split' ? 'space' : 'joiner';
        });
        assert.deepStrictEqual(b.kinds, want);
      }),
      { numRuns: 500 },
    );
  });

  it('token counts change by the boundaries flipped; syllable counts never change; non-words stay as they were', () => {
    fc.assert(
      fc.property(lineWithRangesArb, operationArb, ([line, ranges], operation) => {
        const before = seg(line);
        const edits = segmentationEdits(before, operation, ranges);
        const joined = edits.filter((e) => e.text === '_' && line[e.offset] !== '_').length;
        const split = edits.filter((e) => e.text === ' ').length;
        const out = applyEdits(line, edits);
        assert.strictEqual(tokenizer.tokenize(out).length, tokenizer.tokenize(line).length - joined + split);
        assert.strictEqual(seg(out).syllableCount, before.syllableCount);
        assert.strictEqual(before.syllables().length, before.syllableCount);
        assert.deepStrictEqual(
          seg(out).syllables().map((y) => out.slice(y.start, y.end)),
          before.syllables().map((y) => line.slice(y.start, y.end)),
          'the same syllables, regrouped',
        );
        assert.strictEqual(seg(out).words.length, before.words.length - joined + split);
        assert.deepStrictEqual(nonWords(out), nonWords(line), 'placeholders, punctuation and numbers are never joined to anything');
      }),
      { numRuns: 500 },
    );
  });

  it('joining words then splitting the new word gives the input back (single spaces)', () => {
    const wordArb = fc.constantFrom('nâng', 'cao', 'trình', 'độ', 'Việt'.normalize('NFD'), 'hò'.normalize('NFD'), 'UBND', 'a');
    const arb = fc
      .tuple(lineArb, fc.array(wordArb, { minLength: 2, maxLength: 5 }), lineArb)
      .map(([head, words, tail]) => ({ head: head ? `${head} ` : '', words: words.join(' '), tail: tail ? ` ${tail}` : '' }));
    fc.assert(
      fc.property(arb, ({ head, words, tail }) => {
        const line = head + words + tail;
        const from = head.length;
        const joined = run(line, 'join', [{ from, to: from + words.length }]);
        assert.strictEqual(joined, head + words.replace(/ /g, '_') + tail);
        assert.strictEqual(run(joined, 'split', [cursor(from)]), line);
      }),
      { numRuns: 300 },
    );
  });

  it('splitting a word then joining its syllables gives it back, with each joiner a single `_`', () => {
    fc.assert(
      fc.property(lineArb, fc.nat(), (line, pick) => {
        const before = seg(line);
        if (before.words.length === 0) return;
        const word = before.words[pick % before.words.length];
        const split = applyEdits(line, splitAt(before, word.start));
        const rejoined = run(split, 'join', [{ from: word.start, to: word.end + split.length - line.length }]);
        const expected = applyEdits(line, before.joinersOf(word).map((b) => ({ offset: b.start, length: b.end - b.start, text: '_' })));
        assert.strictEqual(rejoined, expected);
      }),
      { numRuns: 300 },
    );
  });

  it('many cursors: edits are ordered, never overlap, and do not depend on the order of the cursors', () => {
    fc.assert(
      fc.property(lineWithRangesArb, operationArb, fc.nat(), ([line, ranges], operation, seed) => {
        const s = seg(line);
        const edits = segmentationEdits(s, operation, ranges);
        for (let i = 1; i < edits.length; i++) assert.ok(edits[i - 1].offset + edits[i - 1].length < edits[i].offset, 'ordered, apart');
        const shuffled = [...ranges].sort((a, b) => ((a.from * 31 + seed) % 7) - ((b.from * 31 + seed) % 7));
        assert.deepStrictEqual(segmentationEdits(s, operation, shuffled), edits);
        // Each range alone asks for a subset of the whole.
        const all = new Set(edits.map(key));
        for (const r of ranges) for (const e of segmentationEdits(s, operation, [r])) assert.ok(all.has(key(e)));
      }),
      { numRuns: 300 },
    );
  });

  it('a window around a range knows the same boundaries and words there as the whole line', () => {
    fc.assert(
      fc.property(lineWithRangesArb, operationArb, ([line, ranges], operation) => {
        const whole = seg(line);
        for (const r of ranges) {
          const window = segmentAround(line, tokenizer, r.from, r.to);
          assert.deepStrictEqual(segmentationEdits(window, operation, [r]), segmentationEdits(whole, operation, [r]));
          assert.deepStrictEqual(window.wordAt(r.from), whole.wordAt(r.from));
          assert.deepStrictEqual(joinedWord(window, r.from, r.to), joinedWord(whole, r.from, r.to));
        }
      }),
      { numRuns: 300 },
    );
  });
});

function key(e: TextEdit): string {
  return `${e.offset}:${e.length}:${e.text}`;
}
