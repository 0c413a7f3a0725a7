import * as assert from 'assert';
import fc from 'fast-check';
import {
  Fix,
  LineAnalysis,
  closePairFix,
  placeholderFixes,
  removeTokenFix,
  repairJoinsFix,
  restoreLineFix,
  restoreSentenceFix,
  sentenceBreakFix,
  splitGluedFix,
  splitWordGluedFix,
  tokenFixes,
} from '../../src/core/actions';
import { FindingCode, LineChecker, WordStats, checkLine } from '../../src/core/check';
import { DocumentChecker } from '../../src/core/documentCheck';
import { buildMarkTable } from '../../src/core/marks';
import { applyEdits, restoreEdits, restoreText } from '../../src/core/restore';
import { DEFAULT_SCHEME } from '../../src/core/scheme';
import { message } from '../../src/core/messages';
import { Tokenizer, tokenize } from '../../src/core/tokens';
import { SAMPLE } from './fixtures';

const table = buildMarkTable(DEFAULT_SCHEME);
const apply = (line: string, fix: Fix | undefined): string => applyEdits(line, fix?.edits ?? []);
const at = (line: string, text: string, from = 0): number => tokenize(line, DEFAULT_SCHEME).findIndex((t) => t.start >= from && t.text === text);
const analyse = (line: string): LineAnalysis => new LineAnalysis(tokenize(line, DEFAULT_SCHEME), DEFAULT_SCHEME, table);

describe('code action fixes', () => {
  it('rewrites a separator to its mark (preferred) or any alternative', () => {
    const line = 'a 7 b';
    const fixes = placeholderFixes(analyse(line), 1);
    assert.deepStrictEqual(fixes.map((f) => apply(line, f)), ['a , b', 'a ; b', 'a : b', 'a – b', 'a … b']);
    assert.deepStrictEqual(fixes.map((f) => f.preferred), [true, false, false, false, false]);
  });

  it('rewrites both ends of a pair at once, from either end', () => {
    const line = 'x 6 Đặt_hàng 6 y';
    for (const index of [1, 3]) {
      const fixes = placeholderFixes(analyse(line), index);
      assert.deepStrictEqual(fixes.map((f) => apply(line, f)), ['x “ Đặt_hàng ” y', 'x ( Đặt_hàng ) y', 'x « Đặt_hàng » y', 'x " Đặt_hàng " y']);
      assert.strictEqual(fixes[0].preferred, true);
    }
  });

  it('removes a stray pair placeholder or closes it at the end of its sentence', () => {
    const line = 'a 6 b c 7 . d';
    const tokens = tokenize(line, DEFAULT_SCHEME);
    assert.strictEqual(apply(line, removeTokenFix(tokens, 1, message('removeStray', '6'))), 'a b c 7 . d');
    assert.strictEqual(apply(line, closePairFix(analyse(line), 1)), 'a 6 b c 6 7 . d');
    const first = tokenize('6 a', DEFAULT_SCHEME);
    assert.strictEqual(apply('6 a', removeTokenFix(first, 0, message('removeStray', '6'))), 'a');
    assert.strictEqual(apply('a 6 b', closePairFix(analyse('a 6 b'), 1)), 'a 6 b 6');
  });

  it('restores a sentence or a line', () => {
    const line = '6 a 6 7 b . 6 c 6 7 d';
    assert.strictEqual(apply(line, restoreSentenceFix(analyse(line), at(line, 'c')) ?? restoreSentenceFix(analyse(line), 8)), '6 a 6 7 b . “ c ” , d');
    assert.strictEqual(apply(line, restoreLineFix(analyse(line))), '“ a ” , b . “ c ” , d');
  });

  it('splits glued placeholders and repairs joins', () => {
    assert.strictEqual(apply('dân 6 7.', splitGluedFix(tokenize('dân 6 7.', DEFAULT_SCHEME)[2])), 'dân 6 7 .');
    assert.strictEqual(apply('x7 y', splitWordGluedFix(tokenize('x7 y', DEFAULT_SCHEME)[0])), 'x 7 y');
    assert.strictEqual(apply('7x', splitWordGluedFix(tokenize('7x', DEFAULT_SCHEME)[0])), '7 x');
    const line = '_a b__c ._Taylor';
    const tokens = tokenize(line, DEFAULT_SCHEME);
    const repaired = applyEdits(line, tokens.flatMap((t) => repairJoinsFix(t, table)?.edits ?? []));
    assert.strictEqual(repaired, 'a b_c . Taylor');
    assert.strictEqual(repairJoinsFix(tokenize('Lê_Thanh_Hải', DEFAULT_SCHEME)[0], table), undefined);
  });

  it('ends a sentence at a likely break', () => {
    const line = 'TP 7 Theo';
    assert.strictEqual(apply(line, sentenceBreakFix(tokenize(line, DEFAULT_SCHEME)[1])), 'TP . Theo');
  });

  it('no fix changes a byte outside its target token(s)', () => {
    const words = [...new Set(SAMPLE.split(' '))];
    const tokenArb = fc.oneof(fc.constantFrom(...words), fc.constantFrom('6', '7', '5', '7.', 'x7', '_a', 'a__b', '._B', '.', '”'));
    fc.assert(
      fc.property(fc.array(tokenArb, { minLength: 1, maxLength: 30 }), (parts) => {
        const line = parts.join(' ');
        const tokens = tokenize(line, DEFAULT_SCHEME);
        const analysis = new LineAnalysis(tokens, DEFAULT_SCHEME, table);
        tokens.forEach((token, index) => {
          const fixes: Array<Fix | undefined> = [
            ...placeholderFixes(analysis, index),
            splitGluedFix(token),
            repairJoinsFix(token, table),
            token.digit === undefined ? splitWordGluedFix(token) : undefined,
          ];
          for (const fix of fixes) {
            if (!fix) continue;
            for (const e of fix.edits) {
              // Every edit lies within a token (or at its edge, for an inserted space).
              assert.ok(tokens.some((t) => t.start <= e.offset && e.offset + e.length <= t.end), `${fix.title} edits outside a token of ${line}`);
            }
            // Outside the edited ranges, the line is unchanged byte for byte.
            const out = applyEdits(line, fix.edits);
            const first = Math.min(...fix.edits.map((e) => e.offset));
            assert.strictEqual(out.slice(0, first), line.slice(0, first));
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('fix-all (every line restored) equals the Restore Punctuation command', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...SAMPLE.split(' '), '6', '7', '7.', '\n'), { maxLength: 80 }), (parts) => {
        const text = parts.join(' ');
        const lines = text.split('\n');
        const fixAll = lines.map((l) => applyEdits(l, restoreEdits(tokenize(l, DEFAULT_SCHEME), DEFAULT_SCHEME))).join('\n');
        assert.strictEqual(fixAll, restoreText(text, DEFAULT_SCHEME));
      }),
      { numRuns: 200 },
    );
  });
});

describe('the fixes offered on a token', () => {
  const checker = new LineChecker(DEFAULT_SCHEME);
  /** The fixes on the token starting at `from`, with the findings checkLine reports on it (statistics of `line` itself). */
  function offered(line: string, text: string, from = 0) {
    const tokens = tokenize(line, DEFAULT_SCHEME);
    const index = at(line, text, from);
    assert.ok(index >= 0, `no '${text}' in ${line}`);
    const stats = new WordStats();
    stats.addLine(tokens);
    const problems = new Set(checkLine(tokens, checker, stats).filter((f) => f.tokenIndex === index).map((f) => f.code));
    const fixes = tokenFixes(new LineAnalysis(tokens, DEFAULT_SCHEME, table), index, problems);
    return {
      problems: [...problems].sort(),
      titles: fixes.map((f) => `${f.kind === 'rewrite' ? '[rewrite] ' : ''}${f.fix.preferred ? '* ' : ''}${f.fix.title}${f.resolves.length ? ` {${f.resolves.join(',')}}` : ''}`),
    };
  }

  it('a plain separator: its mark is preferred, the alternatives follow, then the sentence restore', () => {
    assert.deepStrictEqual(offered('Ngày 4 7 Chủ_tịch đến .', '7'), {
      problems: [],
      titles: ["* Replace '7' with ','", "Replace '7' with ';'", "Replace '7' with ':'", "Replace '7' with '–'", "Replace '7' with '…'", '[rewrite] Restore all placeholders in this sentence'],
    });
  });

  it('a separator before the full stop: removing it is preferred, the marks are only options', () => {
    const { problems, titles } = offered('a b 7 .', '7');
    assert.deepStrictEqual(problems, ['separator-before-final']);
    assert.strictEqual(titles[0], "Replace '7' with ','");
    assert.ok(titles.includes("* Remove the redundant '7' {separator-before-final}"), JSON.stringify(titles));
  });

  it("a glued '7.': dropping the digit resolves both its problems and is preferred over the split", () => {
    const { problems, titles } = offered('dân 6 a 6 7.', '7.');
    assert.deepStrictEqual(problems, ['glued-placeholder', 'separator-before-final']);
    assert.ok(titles.includes("* Remove the redundant '7' {separator-before-final,glued-placeholder}"), JSON.stringify(titles));
    assert.ok(titles.includes("Separate '7' from '.' {glued-placeholder}"), JSON.stringify(titles));
  });

  it('a likely sentence break: the full stop is preferred', () => {
    const { problems, titles } = offered('TP 7 Theo đồng_chí . theo đó .', '7');
    assert.deepStrictEqual(problems, ['likely-sentence-break']);
    assert.strictEqual(titles.filter((t) => t.includes('* ')).length, 1);
    assert.ok(titles.includes("* End the sentence here: '7' → '.' {likely-sentence-break}"), JSON.stringify(titles));
  });

  it('an unmatched pair end: its mark (preferred), removing it or closing it, each resolving the problem', () => {
    assert.deepStrictEqual(offered('a 6 b c 7 . d', '6'), {
      problems: ['unmatched-pair'],
      titles: [
        "* Replace '6' with '“' {unmatched-pair}", "Replace '6' with '(' {unmatched-pair}", "Replace '6' with '«' {unmatched-pair}", "Replace '6' with '\"' {unmatched-pair}",
        "Remove the stray '6' {unmatched-pair}", "Close '6' at the end of the sentence {unmatched-pair}",
        '[rewrite] Restore all placeholders in this sentence',
      ],
    });
  });

  it('a word with a glued digit and a bad join: the join repair is the one preferred', () => {
    const { problems, titles } = offered('a _x7 b .', '_x7');
    assert.deepStrictEqual(problems, ['glued-placeholder', 'malformed-join']);
    assert.deepStrictEqual(titles, ["Separate '_x' from '7' {glued-placeholder}", "* Repair the joins of '_x7' {malformed-join}"]);
  });

  it('at most one preferred quick fix per token, and a fix resolves only problems the token has', () => {
    const words = [...new Set(SAMPLE.split(' '))];
    const tokenArb = fc.oneof(fc.constantFrom(...words), fc.constantFrom('6', '7', '5', '7.', 'x7', '_x7', '_a', 'a__b', '._B', '.', '”', 'Theo', 'theo'));
    fc.assert(
      fc.property(fc.array(tokenArb, { minLength: 1, maxLength: 30 }), (parts) => {
        const line = parts.join(' ');
        const tokens = tokenize(line, DEFAULT_SCHEME);
        const stats = new WordStats();
        stats.addLine(tokens);
        const findings = checkLine(tokens, checker, stats);
        const analysis = new LineAnalysis(tokens, DEFAULT_SCHEME, table);
        tokens.forEach((_, index) => {
          const problems = new Set<FindingCode>(findings.filter((f) => f.tokenIndex === index).map((f) => f.code));
          const fixes = tokenFixes(analysis, index, problems);
          assert.ok(fixes.filter((f) => f.kind === 'quickfix' && f.fix.preferred).length <= 1, `two preferred fixes on token ${index} of ${line}`);
          for (const f of fixes) for (const code of f.resolves) assert.ok(problems.has(code), `${f.fix.title} resolves ${code}, which ${line} does not have`);
          // Each of the token's problems has a fix that resolves it (an unknown digit is defined through settings instead).
          for (const code of problems) {
            if (code === 'unknown-placeholder') continue;
            assert.ok(fixes.some((f) => f.resolves.includes(code)), `no fix resolves ${code} on token ${index} of ${line}`);
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('document checker', () => {
  const make = () => new DocumentChecker(new Tokenizer(DEFAULT_SCHEME), new LineChecker(DEFAULT_SCHEME));

  it('finds what checkLine finds, line by line, hints included', () => {
    const lines = [SAMPLE, 'a 6 b', '', 'theo x 5'];
    const doc = make();
    doc.load(lines.length, (l) => lines[l]);
    const found = doc.findings(1000).map((f) => `${f.line}:${f.finding.code}@${f.finding.start}`);
    assert.ok(found.includes('1:unmatched-pair@2') && found.includes('3:unknown-placeholder@7'));
    assert.ok(found.some((f) => f.startsWith('0:likely-sentence-break')));
    assert.strictEqual(doc.findings(2).length, 2, 'capped');
  });

  it('keeps the most severe when capped: every error, then warnings, and so on, in document order; says what it left out', () => {
    // Hints and warnings first in the document, the errors last (where a cut by position lost them).
    const lines = ['TP 7 Theo a .', 'theo b .', 'x 5 y .', 'a__b c .', 'e 7 .', 'f 6 g .', 'h 6 i .'];
    const doc = make();
    doc.load(lines.length, (l) => lines[l]);
    const all = doc.allFindings().map((f) => `${f.line}:${f.finding.severity}`);
    assert.deepStrictEqual(all, ['0:hint', '2:warning', '3:warning', '4:information', '5:error', '6:error']);
    const shown = (max: number) => doc.findings(max).map((f) => `${f.line}:${f.finding.severity}`);
    assert.deepStrictEqual(shown(2), ['5:error', '6:error']);
    assert.deepStrictEqual(shown(3), ['2:warning', '5:error', '6:error']);
    assert.deepStrictEqual(shown(5), ['2:warning', '3:warning', '4:information', '5:error', '6:error']);
    assert.deepStrictEqual(shown(1), ['5:error']);
    assert.deepStrictEqual(shown(0), []);
    const selection = doc.select(3);
    assert.strictEqual(selection.total, 6);
    assert.deepStrictEqual(selection.bySeverity, { error: 2, warning: 2, information: 1, hint: 1 });
  });

  it('a capped list is the most severe part of the whole, for any document and cap', () => {
    const pool = ['a 6 b', 'x 5', 'ok ok', '6 c 6', '_bad', '', 'd 7 .', 'TP 7 Theo', 'theo', 'x7 .'];
    const rank = { error: 0, warning: 1, information: 2, hint: 3 };
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 30 }), fc.nat(40), (lines, max) => {
        const doc = make();
        doc.load(lines.length, (l) => lines[l]);
        const all = doc.allFindings();
        const shown = doc.findings(max);
        assert.strictEqual(shown.length, Math.min(max, all.length));
        const key = (f: (typeof all)[number]) => `${f.line}:${f.finding.start}:${f.finding.code}`;
        const kept = new Set(shown.map(key));
        // In document order, and nothing left out is more severe than something kept.
        assert.deepStrictEqual(shown.map(key), all.filter((f) => kept.has(key(f))).map(key));
        const worstKept = Math.max(-1, ...shown.map((f) => rank[f.finding.severity]));
        for (const f of all) if (!kept.has(key(f))) assert.ok(rank[f.finding.severity] >= worstKept, `${key(f)} left out`);
      }),
      { numRuns: 200 },
    );
  });

  it('re-checks only edited lines and follows inserted and deleted lines', () => {
    let lines = ['ok', 'a 6 b', 'ok', 'c 5'];
    const doc = make();
    doc.load(lines.length, (l) => lines[l]);
    // Replace line 1 by three lines, one of them with a problem.
    lines = ['ok', 'x', 'y 6', 'z', 'ok', 'c 5'];
    const checked = doc.edit([{ from: 1, to: 1, lineCount: 3 }], (l) => lines[l]);
    assert.strictEqual(checked, 3);
    assert.deepStrictEqual(doc.findings(100).map((f) => `${f.line}:${f.finding.code}`), ['2:unmatched-pair', '5:unknown-placeholder']);
    // Delete from line 1 into line 3: the three lines become one.
    lines = ['ok', 'z', 'ok', 'c 5'];
    doc.edit([{ from: 1, to: 3, lineCount: 1 }], (l) => lines[l]);
    assert.deepStrictEqual(doc.findings(100).map((f) => `${f.line}:${f.finding.code}`), ['3:unknown-placeholder']);
    assert.strictEqual(doc.hasFreshStats, false);
    doc.refreshStats(lines.length, (l) => lines[l]);
    assert.strictEqual(doc.hasFreshStats, true);
  });

  it('agrees with a fresh load after random edits', () => {
    const pool = ['a 6 b', 'x 5', 'ok ok', '6 c 6', '_bad', '', 'd 7 .'];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 12 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 4 })), { maxLength: 6 }),
        (initial, edits) => {
          let lines = [...initial];
          const doc = make();
          doc.load(lines.length, (l) => lines[l]);
          for (const [rawFrom, span, inserted] of edits) {
            const from = rawFrom % lines.length;
            const to = Math.min(lines.length - 1, from + span);
            lines = [...lines.slice(0, from), ...inserted, ...lines.slice(to + 1)];
            doc.edit([{ from, to, lineCount: inserted.length }], (l) => lines[l]);
          }
          const fresh = make();
          fresh.load(lines.length, (l) => lines[l]);
          const strip = (d: DocumentChecker) => d.findings(1000).filter((f) => f.finding.code !== 'likely-sentence-break').map((f) => `${f.line}:${f.finding.code}:${f.finding.start}`);
          assert.deepStrictEqual(strip(doc), strip(fresh));
          assert.strictEqual(doc.lineCount, lines.length);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a load in slices with edits in between ends with the findings of a load of the final text, hints included', () => {
    const pool = ['a 6 b', 'x 5', 'ok ok', '6 c 6', '_bad', '', 'd 7 .', 'TP 7 Theo a .', 'theo b .', 'a 7 Do c .', 'do đó .'];
    const step = fc.oneof(
      fc.record({ slice: fc.integer({ min: 1, max: 4 }) }),
      fc.record({ from: fc.nat(), span: fc.nat(3), inserted: fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 4 }) }),
    );
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 16 }), fc.array(step, { maxLength: 12 }), (initial, steps) => {
        let lines = [...initial];
        const lineAt = (l: number) => lines[l];
        // A slice that checks `n` lines: `due` is asked before each line but the first.
        const slice = (n: number) => {
          let left = n;
          return doc.loadSome(lineAt, () => --left <= 0);
        };
        const doc = make();
        doc.beginLoad(lines.length);
        let edited = false;
        for (const s of steps) {
          if ('slice' in s) {
            slice(s.slice);
            continue;
          }
          const from = s.from % lines.length;
          const to = Math.min(lines.length - 1, from + s.span);
          lines = [...lines.slice(0, from), ...s.inserted, ...lines.slice(to + 1)];
          doc.markEdited([{ from, to, lineCount: s.inserted.length }]);
          edited ||= doc.loading;
          // Nothing read from the checker mid-load fails on the lines not checked yet.
          doc.select(5);
          for (let l = 0; l < doc.lineCount; l++) doc.lineFindings(l);
        }
        // After the load, edits are ordinary ones: loadSome then re-checks their lines as recheck does.
        for (let guard = 0; !slice(3); guard++) assert.ok(guard < 100);
        assert.strictEqual(doc.loading, false);
        // The statistics a load counts are kept when no edit came in during it; otherwise recounted, as the editor does after a pause.
        if (!edited && steps.every((s) => 'slice' in s)) assert.strictEqual(doc.hasFreshStats, true);
        if (!doc.hasFreshStats) doc.refreshStats(lines.length, lineAt);
        const fresh = make();
        fresh.load(lines.length, lineAt);
        const all = (d: DocumentChecker) => d.allFindings().map((f) => `${f.line}:${f.finding.code}:${f.finding.start}:${f.finding.severity}:${f.finding.message}`);
        assert.deepStrictEqual(all(doc), all(fresh));
        assert.deepStrictEqual(doc.select(4), fresh.select(4));
        assert.strictEqual(doc.placeholdersIn(0, lines.length - 1), fresh.placeholdersIn(0, lines.length - 1));
      }),
      { numRuns: 400 },
    );
  });

  it('a load that an edit overtook does not keep the statistics it counted', () => {
    let lines = ['theo b .', 'TP 7 Theo a .'];
    const doc = make();
    doc.beginLoad(lines.length);
    // The first line is counted ('theo' in lower case), then edited away before the load ends.
    doc.loadSome((l) => lines[l], () => true);
    lines = ['ok ok .', 'TP 7 Theo a .'];
    doc.markEdited([{ from: 0, to: 0, lineCount: 1 }]);
    assert.strictEqual(doc.loadSome((l) => lines[l], () => false), true);
    assert.strictEqual(doc.hasFreshStats, false);
    doc.refreshStats(lines.length, (l) => lines[l]);
    assert.deepStrictEqual(doc.allFindings().map((f) => f.finding.code), []);
  });

  it('recheck finishes a load under way, with the statistics of the document', () => {
    const lines = ['TP 7 Theo a .', 'x 5', 'theo b .', 'a 6 b'];
    const doc = make();
    doc.beginLoad(lines.length);
    assert.strictEqual(doc.loadSome((l) => lines[l], () => true), false);
    assert.strictEqual(doc.loading, true);
    assert.strictEqual(doc.recheck((l) => lines[l]), 3);
    assert.strictEqual(doc.loading, false);
    assert.strictEqual(doc.hasFreshStats, true);
    const fresh = make();
    fresh.load(lines.length, (l) => lines[l]);
    assert.deepStrictEqual(doc.allFindings(), fresh.allFindings());
  });

  it('lists every sentence break of the document, kept current through edits and recounts', () => {
    const lines = ['TP 7 Theo đồng_chí .', 'a 7 Do b .', 'theo đó .'];
    const doc = make();
    const lineAt = (l: number) => lines[l];
    doc.load(lines.length, lineAt);
    const breaks = () => doc.sentenceBreaks().map(({ line, finding }) => `${line}:${finding.start}`);
    const fromLines = () => Array.from({ length: doc.lineCount }, (_, l) => doc.lineFindings(l).filter((f) => f.code === 'likely-sentence-break').map((f) => `${l}:${f.start}`)).flat();
    assert.deepStrictEqual(breaks(), ['0:3']);
    assert.deepStrictEqual(breaks(), fromLines());
    // A new break candidate on an edited line: listed once re-checked (the statistics are still the old ones).
    lines.push('do đó .', 'x 7 Theo y .');
    doc.edit([{ from: 2, to: 2, lineCount: 3 }], lineAt);
    assert.deepStrictEqual(breaks(), ['0:3', '4:2']);
    // `Do` becomes a break once the statistics are recounted with `do` in lower case.
    doc.refreshStats(lines.length, lineAt);
    assert.deepStrictEqual(breaks(), ['0:3', '1:2', '4:2']);
    assert.deepStrictEqual(breaks(), fromLines());
  });

  it('checkLine and the document checker agree on the sample', () => {
    const doc = make();
    doc.load(1, () => SAMPLE);
    assert.deepStrictEqual(
      doc.lineFindings(0).map((f) => f.code),
      checkLine(tokenize(SAMPLE, DEFAULT_SCHEME), new LineChecker(DEFAULT_SCHEME), doc.wordStats).map((f) => f.code),
    );
  });
});
