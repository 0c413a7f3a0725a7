// Variations: counting segmentations across lines, judging occurrences against the majority, rewriting to it; with properties.
import * as assert from 'assert';
import fc from 'fast-check';
import { DEFAULT_SEVERITIES, FINDING_CODES } from '../../src/core/check';
import { parseLexicon } from '../../src/core/lexicon';
import { BlockCount } from '../../src/core/blockCount';
import { SpelledLines } from '../../src/core/syllables';
import { ConsistencyOptions, EncodedLines, Variations } from '../../src/core/variations';
import { SAMPLE } from './fixtures';

/** Counts `lines` as the CLI does: every line's compounds first, then every line's occurrences. */
function counted(lines: readonly string[], options: Partial<ConsistencyOptions> = {}, lexicon: readonly string[] = []): Variations {
  const v = new Variations(options);
  for (const word of lexicon) v.addLexiconWord(word);
  for (const line of lines) v.noteCompoundsOfText(line);
  for (const line of lines) v.countText(line);
  return v;
}

function applyLine(v: Variations, line: string): string {
  let out = '';
  let at = 0;
  for (const e of v.applyEditsOfText(line)) {
    out += line.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + line.slice(at);
}

const repeat = (line: string, n: number): string[] => Array.from({ length: n }, () => line);

describe('variations', () => {
  it('is a finding code of its own, information by default', () => {
    assert.ok(FINDING_CODES.includes('inconsistent-segmentation'));
    assert.strictEqual(DEFAULT_SEVERITIES['inconsistent-segmentation'], 'information');
  });

  it('flags the split occurrences of a word joined in a clear majority, over the whole occurrence', () => {
    const lines = [...repeat('cần nâng_cao trình_độ 7 .', 12), ...repeat('phải nâng cao chất_lượng .', 3)];
    const v = counted(lines);
    assert.deepStrictEqual(v.findingsOfText(lines[0]), []);
    const [finding, ...more] = v.findingsOfText(lines[12]);
    assert.deepStrictEqual(more, []);
    assert.strictEqual(finding.message, '`nâng cao` is split here; joined as `nâng_cao` in 12 of 15 places');
    assert.strictEqual(lines[12].slice(finding.start, finding.end), 'nâng cao');
    assert.strictEqual(finding.tokenIndex, 1);
    assert.strictEqual(finding.majority, 'nâng_cao');
    assert.strictEqual(applyLine(v, lines[12]), 'phải nâng_cao chất_lượng .');
  });

  it('flags a joined occurrence of a sequence split in a clear majority', () => {
    const lines = [...repeat('nhà nước ta', 4), 'nhà_nước ta'];
    const v = counted(lines);
    const [finding] = v.findingsOfText('nhà_nước ta');
    assert.strictEqual(finding.message, '`nhà_nước` is joined here; split as `nhà nước` in 4 of 5 places');
    assert.strictEqual(applyLine(v, 'nhà_nước ta'), 'nhà nước ta');
  });

  it('rewrites a word joined the wrong way: nâng cao_trình_độ → nâng_cao trình_độ, in one apply', () => {
    const lines = [...repeat('nâng_cao trình_độ', 6), 'để nâng cao_trình_độ 7 .'];
    const v = counted(lines);
    const messages = v.findingsOfText(lines[6]).map((f) => f.message);
    assert.deepStrictEqual(messages, [
      '`nâng cao` is split here; joined as `nâng_cao` in 6 of 7 places',
      '`cao_trình_độ` is segmented differently here; `cao trình_độ` in 6 of 7 places',
    ]);
    assert.strictEqual(applyLine(v, lines[6]), 'để nâng_cao trình_độ 7 .');
  });

  it('folds case and Unicode form, and keeps the letters as written', () => {
    const nfd = 'Nâng cao'.normalize('NFD');
    const lines = [...repeat('nâng_cao', 3), ...repeat('NÂNG_CAO', 3), `${nfd} x`];
    const v = counted(lines);
    const [finding] = v.findingsOfText(lines[6]);
    assert.strictEqual(finding.message, `\`${nfd}\` is split here; joined as \`${nfd.replace(' ', '_')}\` in 6 of 7 places`);
    assert.strictEqual(applyLine(v, lines[6]), `${nfd.replace(' ', '_')} x`);
  });

  it('does not take a word inside a longer one for an occurrence (Chủ_tịch in Phó_Chủ_tịch)', () => {
    const lines = [...repeat('Chủ_tịch UBND', 5), ...repeat('Phó_Chủ_tịch UBND', 5), 'Chủ tịch nước'];
    const v = counted(lines);
    for (const line of lines.slice(0, 10)) assert.deepStrictEqual(v.findingsOfText(line), [], line);
    assert.strictEqual(v.findingsOfText('Chủ tịch nước').length, 1);
    assert.strictEqual(v.table().find((r) => r.sequence === 'chủ tịch')?.total, 6);
  });

  it('needs enough occurrences and a large enough share', () => {
    const lines = ['a_b', 'a_b', 'a b'];
    assert.deepStrictEqual(counted(lines).findingsOfText('a b'), [], '2 of 3 is under 75 %');
    assert.strictEqual(counted(lines, { minShare: 0.6 }).findingsOfText('a b').length, 1);
    assert.deepStrictEqual(counted(['a_b', 'a_b', 'a_b', 'a b'], { minCount: 5 }).findingsOfText('a b'), []);
  });

  it('reads no occurrence across a placeholder, punctuation or a malformed join', () => {
    const lines = [...repeat('a_b', 5), 'a 7 b', 'a . b', 'a_ b', 'a 1 b'];
    const v = counted(lines);
    for (const line of lines) assert.deepStrictEqual(v.findingsOfText(line), [], line);
    assert.deepStrictEqual(v.table(), []);
  });

  it('flags every split occurrence of a lexicon word, however rare', () => {
    const v = counted(['x nâng cao y', 'nâng cao', 'nâng cao', 'nâng_cao'], {}, parseLexicon('# known words\n\nnâng_cao\ntrình độ # spaces read as joins\n'));
    const findings = v.findingsOfText('x nâng cao y');
    assert.deepStrictEqual(findings.map((f) => f.message), ['`nâng cao` is split here; `nâng_cao` is a lexicon word (joined in 1 of 4 places)']);
    assert.strictEqual(applyLine(v, 'x nâng cao y'), 'x nâng_cao y');
    assert.strictEqual(counted(['trình độ'], {}, ['trình_độ']).findingsOfText('trình độ').length, 1);
  });

  it('reads a lexicon file', () => {
    assert.deepStrictEqual(parseLexicon('\ufeffnâng_cao\r\n# c\n\n  trình độ  \nmột\ncơ_quan_chuyên_môn # x\n'), ['nâng_cao', 'trình_độ', 'cơ_quan_chuyên_môn']);
  });

  it('lists the variations with their forms, majority, share and disagreeing count', () => {
    const lines = [...repeat('nâng_cao', 12), ...repeat('nâng cao', 3), ...repeat('trình_độ', 4)];
    assert.deepStrictEqual(counted(lines).table(), [
      { sequence: 'nâng cao', total: 15, forms: [{ form: 'nâng_cao', count: 12 }, { form: 'nâng cao', count: 3 }], majority: 'nâng_cao', share: 0.8, disagreeing: 3, lexicon: false },
    ]);
  });

  it('joins a white-space run into one `_` and splits a `_` into one space, nothing else', () => {
    const lines = [...repeat('p a_b q', 4), 'p a \t b q', ...repeat('c d', 4), 'c_d'];
    const v = counted(lines);
    assert.strictEqual(applyLine(v, 'p a \t b q'), 'p a_b q');
    assert.strictEqual(applyLine(v, 'c_d'), 'c d');
  });

  it('counts the sample: it has no variation by itself', () => {
    const v = counted([SAMPLE]);
    assert.deepStrictEqual(v.findingsOfText(SAMPLE), []);
  });

  it('names the sequence of a finding, folded, as the table does', () => {
    const lines = [...repeat('cần Nâng_cao trình_độ .', 4), 'phải nâng cao chất_lượng .'];
    const v = counted(lines);
    assert.deepStrictEqual(
      v.findingsOfText(lines[4]).map((f) => f.sequence),
      ['nâng cao'],
    );
    assert.ok(v.table().some((row) => row.sequence === 'nâng cao'));
  });

  it('rewrites only the occurrences asked for: one sequence, or the one at an offset', () => {
    const lines = [...repeat('cần nâng_cao trình_độ và đường_sắt .', 8), 'phải nâng cao và đường sắt 7 nâng cao .'];
    const v = counted(lines);
    const line = lines[8];
    assert.strictEqual(v.applyEditsOfText(line).length, 3);
    assert.deepStrictEqual(
      v.applyEditsOfText(line, { sequence: 'đường sắt' }).map((e) => line.slice(0, e.start) + '|'),
      ['phải nâng cao và đường|'],
    );
    const second = line.lastIndexOf('nâng cao');
    assert.deepStrictEqual(v.applyEditsOfText(line, { start: second }), [{ start: second + 4, end: second + 5, text: '_' }]);
    assert.deepStrictEqual(v.applyEditsOfText(line, { sequence: 'nâng cao', start: 5 }), [{ start: 9, end: 10, text: '_' }]);
    assert.deepStrictEqual(v.applyEditsOfText(line, { start: 6 }), []);
    assert.strictEqual(v.applyEditsOfText(line, { except: new Set(['nâng cao']) }).length, 1);
  });

  it('finds a word in every segmentation, not across a placeholder', () => {
    const v = new Variations();
    const line = 'Nâng cao 7 nâng_cao_trình_độ nâng 6 cao nâng__cao';
    assert.deepStrictEqual(v.occurrencesOfText(line, 'nâng_cao'), [
      { start: 0, end: 8, text: 'Nâng cao' },
      { start: 11, end: 19, text: 'nâng_cao' },
    ]);
    assert.deepStrictEqual(v.occurrencesOfText(line, 'nâng cao trình_độ').map((o) => o.text), ['nâng_cao_trình_độ']);
    assert.deepStrictEqual(v.occurrencesOfText(line, '  '), []);
  });

  describe('incremental counting (an editor)', () => {
    it('an edit that makes a new compound waits for recountFresh, then counts exactly', () => {
      const lines = [...repeat('a b', 4), 'x'];
      const v = counted(lines);
      v.replaceLineText(lines[4], 'a_b');
      lines[4] = 'a_b';
      assert.ok(v.hasFresh);
      assert.deepStrictEqual(v.findingsOfText('a_b'), [], 'a fresh candidate is not judged');
      v.recountFresh(lines.length, (i) => lines[i]);
      assert.ok(!v.hasFresh);
      assert.deepStrictEqual(v.table(), counted(lines).table());
      assert.strictEqual(v.findingsOfText('a_b')[0].message, '`a_b` is joined here; split as `a b` in 4 of 5 places');
    });

    it('says when an edit changes a judgement, so that other lines must be judged again', () => {
      const lines = [...repeat('a_b', 3), 'a b', 'x'];
      const v = counted(lines);
      assert.strictEqual(v.findingsOfText('a b').length, 1);
      assert.strictEqual(v.replaceLineText('x', 'y'), false, 'no sequence in either line');
      assert.strictEqual(v.replaceLineText('y', 'a_b'), false, '4 of 5 joined: the same majority');
      assert.strictEqual(v.replaceLineText('a_b', 'a b'), true, '3 of 5 joined: no clear majority any more');
      assert.deepStrictEqual(v.findingsOfText('a b'), []);
    });
  });

  describe('properties', () => {
    const syllable = fc.constantFrom('a', 'b', 'c', 'Đặt', 'hàng', 'ĐẶT', 'nâng', 'cao', 'A');
    const word = fc.array(syllable, { minLength: 1, maxLength: 3 }).map((s) => s.join('_'));
    const token = fc.oneof({ weight: 8, arbitrary: word }, { weight: 1, arbitrary: fc.constantFrom('7', '6', '.', '1') });
    const gap = fc.constantFrom(' ', ' ', ' ', '  ', '\t');
    const lineArb = fc.array(fc.tuple(token, gap), { maxLength: 12 }).map((ts) => ts.map(([t, g]) => t + g).join('').trimEnd());
    const corpus = fc.array(lineArb, { minLength: 1, maxLength: 25 });
    const options = fc.record({ minCount: fc.integer({ min: 1, max: 4 }), minShare: fc.constantFrom(0.5, 0.6, 0.75, 1) });

    it('apply changes boundaries only: every other character, and the syllables, stay', () => {
      fc.assert(
        fc.property(corpus, options, (lines, opts) => {
          const v = counted(lines, opts);
          for (const line of lines) {
            const out = applyLine(v, line);
            assert.strictEqual(out.replace(/[ \t]+|_/g, '|'), line.replace(/[ \t]+|_/g, '|'));
            for (const e of v.applyEditsOfText(line)) assert.match(line.slice(e.start, e.end), e.text === '_' ? /^[ \t]+$/ : /^_$/);
          }
        }),
        { numRuns: 200 },
      );
    });

    it('counts do not depend on the order of the lines', () => {
      fc.assert(
        fc.property(corpus, fc.integer(), (lines, seed) => {
          const shuffled = lines.map((l, i) => [((i + 1) * (seed | 1)) % 9973, l] as const).sort((x, y) => x[0] - y[0]).map(([, l]) => l);
          assert.deepStrictEqual(counted(shuffled).table(), counted(lines).table());
        }),
        { numRuns: 200 },
      );
    });

    it('encoded lines are the UTF-8 of the lines joined by LF, each line where its bytes are (lone surrogates, long lines included)', () => {
      const text = fc.oneof(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.constantFrom('', 'nâng_cao '.repeat(50_000)));
      fc.assert(
        fc.property(fc.array(text, { maxLength: 8 }), (lines) => {
          const encoded = new EncodedLines(lines);
          assert.deepStrictEqual(encoded.bytes, new TextEncoder().encode(lines.join('\n')));
          const decoder = new TextDecoder();
          lines.forEach((line, l) => assert.strictEqual(decoder.decode(encoded.bytes.subarray(encoded.starts[l], encoded.ends[l])), decoder.decode(new TextEncoder().encode(line))));
        }),
        { numRuns: 200 },
      );
    });

    it('counting a document from one encoded buffer gives what counting its lines as text gives (the editor path)', () => {
      fc.assert(
        fc.property(corpus, (lines) => {
          const encoded = new EncodedLines(lines);
          const fromBytes = new Variations({ minCount: 2 });
          for (let l = 0; l < lines.length; l++) fromBytes.noteCompounds(encoded.bytes, encoded.starts[l], encoded.ends[l]);
          for (let l = 0; l < lines.length; l++) fromBytes.count(encoded.bytes, encoded.starts[l], encoded.ends[l]);
          const fromText = new Variations({ minCount: 2 });
          for (const line of lines) fromText.noteCompoundsOfText(line);
          for (const line of lines) fromText.countText(line);
          assert.deepStrictEqual(fromBytes.table(), fromText.table());
          lines.forEach((line, l) => assert.deepStrictEqual(fromBytes.findingsOf(encoded.bytes, encoded.starts[l], encoded.ends[l]), fromText.findingsOfText(line)));
        }),
        { numRuns: 200 },
      );
    });

    it('lines read once and kept as spellings count and flag as reading their bytes in every pass does', () => {
      // Tokens too long to remember are written out in the kept lines; a small bound makes them overflow midway.
      const long = fc.constantFrom('nâng_cao_nâng_cao_nâng_cao_nâng_cao_nâng_cao_nâng_cao_nâng_cao_nâng_cao_trình_độ', 'a_b_c_d_e_f_g_h_a_b_c_d_e_f_g_h_a_b_c_d_e_f_g_h_a_b_c_d_e_f_g_h_');
      const mixed = fc.array(fc.oneof({ weight: 6, arbitrary: lineArb }, { weight: 1, arbitrary: fc.tuple(lineArb, long, lineArb).map((p) => p.join(' ')) }), { minLength: 1, maxLength: 25 });
      const bound = fc.oneof(fc.constant(undefined), fc.integer({ min: 0, max: 200 }));
      fc.assert(
        fc.property(mixed, options, fc.integer({ min: 2, max: 6 }), bound, fc.subarray(['a_b', 'nâng_cao', 'b_c_a']), fc.boolean(), (lines, opts, maxSyllables, maxTokens, lexicon, keep) => {
          const encoded = new EncodedLines(lines);
          const fromBytes = new Variations({ ...opts, maxSyllables });
          const once = new Variations({ ...opts, maxSyllables });
          for (const word of lexicon) {
            fromBytes.addLexiconWord(word);
            once.addLexiconWord(word);
          }
          const spelled = new SpelledLines(maxTokens, 16);
          for (let l = 0; l < lines.length; l++) {
            fromBytes.noteCompounds(encoded.bytes, encoded.starts[l], encoded.ends[l]);
            once.noteCompoundsSpelling(encoded.bytes, encoded.starts[l], encoded.ends[l], spelled);
          }
          for (let l = 0; l < lines.length; l++) fromBytes.count(encoded.bytes, encoded.starts[l], encoded.ends[l]);
          if (spelled.full) {
            assert.ok(maxTokens !== undefined);
            for (let l = 0; l < lines.length; l++) once.count(encoded.bytes, encoded.starts[l], encoded.ends[l]);
          } else {
            assert.strictEqual(spelled.lineCount, lines.length);
            // Counted and asked in two ranges, as the editor does between yields: the same as all at once.
            const cut = Math.floor(lines.length / 2);
            // Kept or not, what was counted finds the same lines.
            once.countSpelled(spelled, 0, cut, keep);
            once.countSpelled(spelled, cut, lines.length, keep);
            const withFindings = lines.map((_, l) => l).filter((l) => fromBytes.disagreements(encoded.bytes, encoded.starts[l], encoded.ends[l]).length > 0);
            assert.deepStrictEqual(once.disagreeingLines(spelled), withFindings);
            assert.deepStrictEqual([...once.disagreeingLines(spelled, 0, cut), ...once.disagreeingLines(spelled, cut, lines.length)], withFindings);
          }
          assert.deepStrictEqual(once.table(), fromBytes.table());
          lines.forEach((_, l) => assert.deepStrictEqual(once.findingsOf(encoded.bytes, encoded.starts[l], encoded.ends[l]), fromBytes.findingsOf(encoded.bytes, encoded.starts[l], encoded.ends[l])));
        }),
        { numRuns: 300 },
      );
    });

    it('a count made in blocks and handed to another thread (cloned, revived) counts, flags and follows edits as one made here', () => {
      fc.assert(
        fc.property(corpus, options, fc.subarray(['a_b', 'nâng_cao', 'b_c_a']), fc.array(fc.nat(), { maxLength: 4 }), lineArb, (lines, opts, lexicon, cuts, edit) => {
          const reference = counted(lines, opts, lexicon);
          const count = new BlockCount(opts, lexicon);
          const bounds = [...new Set([0, ...cuts.map((c) => c % (lines.length + 1)), lines.length])].sort((x, y) => x - y);
          for (let b = 0; b + 1 < bounds.length; b++) count.add(new EncodedLines(lines.slice(bounds[b], bounds[b + 1])));
          const result = count.finish();
          const { data, buffers } = result.variations.transferable();
          const revived = Variations.revive(structuredClone(data, { transfer: buffers }));
          assert.deepStrictEqual(revived.table(), reference.table());
          const flagged = lines.map((line, l) => [l, reference.findingsOfText(line)] as const).filter(([, found]) => found.length > 0);
          assert.deepStrictEqual(result.lines, flagged.map(([l]) => l));
          assert.deepStrictEqual(result.findings, flagged.map(([, found]) => found));
          lines.forEach((line) => assert.deepStrictEqual(revived.findingsOfText(line), reference.findingsOfText(line)));
          // An edit afterwards, as the editor makes one: the revived counts go on as the others do.
          const l = cuts.length > 0 ? cuts[0] % lines.length : 0;
          for (const v of [reference, revived]) {
            v.replaceLineText(lines[l], edit);
            if (v.hasFresh) v.recountFresh(lines.length, (k) => (k === l ? edit : lines[k]));
          }
          assert.deepStrictEqual(revived.table(), reference.table());
          assert.deepStrictEqual(revived.findingsOfText(edit), reference.findingsOfText(edit));
        }),
        { numRuns: 200 },
      );
    });

    it('a finding always proposes a form other than the one written', () => {
      fc.assert(
        fc.property(corpus, (lines) => {
          const v = counted(lines);
          for (const line of lines) {
            const found = v.findingsOfText(line);
            for (const f of found) assert.notStrictEqual(f.written, f.majority);
          }
        }),
        { numRuns: 100 },
      );
    });

    it('edits counted in and out give the counts of the edited text read afresh', () => {
      fc.assert(
        fc.property(corpus, fc.array(fc.tuple(fc.nat(), lineArb), { maxLength: 8 }), (lines, edits) => {
          const v = counted(lines);
          const now = [...lines];
          for (const [at, text] of edits) {
            const l = at % now.length;
            v.replaceLineText(now[l], text);
            now[l] = text;
          }
          v.recountFresh(now.length, (i) => now[i]);
          assert.deepStrictEqual(v.table(), counted(now).table());
          for (const line of now) assert.deepStrictEqual(v.findingsOfText(line), counted(now).findingsOfText(line));
        }),
        { numRuns: 150 },
      );
    });
  });
});
