// The fixes one code-action request offers: bounded for any range, each line read once, no duplicates, located titles, document-wide fixes that fix.
import * as assert from 'assert';
import fc from 'fast-check';
import { LineAnalysis, tokenFixes } from '../../src/core/actions';
import { FindingCode, LineChecker } from '../../src/core/check';
import { ActionRequest, LinePosition, MAX_CURSORS, MAX_TOKENS, PlannedFix, ProblemAt, planCodeActions, wideActionEdits, wideActions } from '../../src/core/codeActionPlan';
import { DocumentChecker } from '../../src/core/documentCheck';
import { buildMarkTable } from '../../src/core/marks';
import { applyEdits } from '../../src/core/restore';
import { DEFAULT_SCHEME } from '../../src/core/scheme';
import { Tokenizer } from '../../src/core/tokens';
import { SAMPLE } from './fixtures';

const table = buildMarkTable(DEFAULT_SCHEME);
const tokenizer = new Tokenizer(DEFAULT_SCHEME);

/** A tokenizer that counts the lines it reads. */
function countingTokenizer(): { tokenizer: Tokenizer; reads: Map<string, number> } {
  const reads = new Map<string, number>();
  const counting = {
    tokenize(line: string) {
      reads.set(line, (reads.get(line) ?? 0) + 1);
      return tokenizer.tokenize(line);
    },
  } as Tokenizer;
  return { tokenizer: counting, reads };
}

function documentOf(lines: readonly string[]) {
  let lineReads = 0;
  return {
    lineCount: lines.length,
    lineAt: (l: number) => {
      lineReads++;
      return lines[l];
    },
    get lineReads() {
      return lineReads;
    },
  };
}

/** The problems a loaded checker publishes for the lines, as the editor passes them with a request. */
function problemsOf(lines: readonly string[], max = 1000): ProblemAt[] {
  const checker = loaded(lines);
  return checker.findings(max).map(({ line, finding }) => ({ line, start: finding.start, end: finding.end, code: finding.code }));
}

function loaded(lines: readonly string[]): DocumentChecker {
  const checker = new DocumentChecker(tokenizer, new LineChecker(DEFAULT_SCHEME));
  checker.load(lines.length, (l) => lines[l]);
  return checker;
}

const everything = (lines: readonly string[]): Pick<ActionRequest, 'start' | 'end'> => ({
  start: { line: 0, character: 0 },
  end: { line: lines.length - 1, character: lines[lines.length - 1].length },
});

/** A corpus of `n` lines cut from the sample, with a problem of each kind here and there. */
function corpus(n: number): string[] {
  const words = SAMPLE.trim().split(' ');
  const extra = ['6', '7 .', 'x7', 'a__b', '5', '7.', 'TP 7 Theo'];
  return Array.from({ length: n }, (_, l) => {
    const from = (l * 37) % (words.length - 60);
    return `${words.slice(from, from + 40 + (l % 20)).join(' ')} ${extra[l % extra.length]} theo đó .`;
  });
}

describe('code actions for a request', () => {
  it('Ctrl+A on a long document (automatic request): reads the cursor line and the problem lines only, a bounded menu', () => {
    const lines = corpus(5000);
    const problems = problemsOf(lines);
    assert.ok(problems.length >= 1000, `${problems.length} problems passed along`);
    const doc = documentOf(lines);
    const { tokenizer: counting, reads } = countingTokenizer();
    const cursor: LinePosition = { line: lines.length - 1, character: lines[lines.length - 1].length };
    const plan = planCodeActions({ ...everything(lines), automatic: true, cursors: [cursor], problems }, doc, counting, DEFAULT_SCHEME, table);
    assert.ok(plan);
    assert.ok(doc.lineReads <= MAX_TOKENS + 1, `${doc.lineReads} lines read`);
    assert.ok([...reads.values()].every((n) => n === 1), 'each line tokenized once');
    assert.strictEqual(plan.large, true);
    const titles = plan.actions.map((a) => a.title);
    assert.strictEqual(new Set(titles).size, titles.length, `no duplicate entries: ${JSON.stringify(titles)}`);
    // Several places: every entry says where it acts.
    assert.ok(titles.every((t) => /\(Ln \d+, Col \d+\)$|^Define placeholder|in line \d+$/.test(t)), JSON.stringify(titles));
  });

  it('Ctrl+A then Ctrl+. (a request a person made): the range is read only up to a bound', () => {
    const lines = corpus(5000);
    const doc = documentOf(lines);
    const plan = planCodeActions({ ...everything(lines), automatic: false, cursors: [], problems: [] }, doc, tokenizer, DEFAULT_SCHEME, table);
    assert.ok(plan);
    assert.ok(doc.lineReads < 100, `${doc.lineReads} lines read`);
    assert.strictEqual(plan.large, true);
    assert.ok(plan.actions.length > 0);
  });

  it('many cursors (Ctrl+Shift+L): one rewrite repeated at them, the lines of at most MAX_CURSORS cursors read', () => {
    const lines = corpus(2000);
    // Each cursor on a 7: every one is a place a rewrite could be repeated at.
    const cursors = lines.map((text, line) => ({ line, character: text.indexOf(' 7 ') + 1 })).filter((c) => c.character > 0);
    assert.ok(cursors.length > 1000);
    const doc = documentOf(lines);
    const plan = planCodeActions({ ...everything(lines), automatic: true, cursors, problems: [] }, doc, tokenizer, DEFAULT_SCHEME, table);
    assert.ok(plan);
    assert.ok(doc.lineReads <= MAX_TOKENS + MAX_CURSORS + 1, `${doc.lineReads} lines read`);
    // The rewrite at the first cursor is repeated at the others (the first MAX_CURSORS), and says so, once.
    const repeated = plan.actions.filter((a) => a.title.startsWith("Replace '7' with ','"));
    assert.deepStrictEqual(repeated.map((a) => a.title.replace(/ \(Ln.*$/, '')), [`Replace '7' with ',' (${MAX_CURSORS} selections)`]);
  });

  it('stops when cancelled', () => {
    const lines = corpus(200);
    let asked = 0;
    const plan = planCodeActions({ ...everything(lines), automatic: false, cursors: [], problems: problemsOf(lines) }, documentOf(lines), tokenizer, DEFAULT_SCHEME, table, () => ++asked > 3);
    assert.strictEqual(plan, undefined);
  });

  it('on one token: the fixes of that token, then its line restored, titles as before (no place needed)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...SAMPLE.trim().split(' ').slice(0, 60), '6', '7', '7.', 'x7', '_a', '5', '.'), { minLength: 1, maxLength: 40 }), fc.nat(), (parts, pick) => {
        const line = parts.join(' ');
        const tokens = tokenizer.tokenize(line);
        const index = pick % tokens.length;
        const problems = problemsOf([line]).filter((p) => p.start < tokens[index].end && p.end > tokens[index].start);
        const t = tokens[index];
        const plan = planCodeActions(
          { start: { line: 0, character: t.start }, end: { line: 0, character: t.end }, automatic: false, cursors: [], problems },
          documentOf([line]), tokenizer, DEFAULT_SCHEME, table,
        );
        assert.ok(plan);
        const analysis = new LineAnalysis(tokens, DEFAULT_SCHEME, table);
        const expected = tokenFixes(analysis, index, new Set<FindingCode>(problems.map((p) => p.code)));
        const fixes = plan.actions.filter((a): a is PlannedFix<ProblemAt> => a.kind !== 'define');
        if (expected.length === 0) return;
        const restoreLine = analysis.restoreEdits().length > 0 ? ['Restore all placeholders in this line'] : [];
        // A rewrite that makes the same change as one before it (the line's restore when the line is
        // one sentence, the sentence's when it holds one placeholder) is not listed twice.
        const seen = new Set<string>();
        const distinct = [...tokenFixes(analysis, index, new Set<FindingCode>(problems.map((p) => p.code))).map((f) => f.fix), ...(restoreLine.length ? [{ title: restoreLine[0], edits: analysis.restoreEdits() }] : [])].filter((f) => {
          const key = JSON.stringify(f.edits);
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        });
        assert.deepStrictEqual(fixes.map((a) => a.title), distinct.map((f) => f.title));
      }),
      { numRuns: 200 },
    );
  });

  it('any range, any cursors: at most MAX_TOKENS places, no two entries alike, each line read once', () => {
    const lines = corpus(40);
    const problems = problemsOf(lines);
    const position = fc.tuple(fc.nat(lines.length - 1), fc.nat(400)).map(([line, c]) => ({ line, character: Math.min(c, lines[line].length) }));
    fc.assert(
      fc.property(position, position, fc.array(position, { maxLength: 4 }), fc.boolean(), (a, b, cursors, automatic) => {
        const [start, end] = a.line < b.line || (a.line === b.line && a.character <= b.character) ? [a, b] : [b, a];
        const inRange = problems.filter((p) => (p.line > start.line || p.end >= start.character) && (p.line < end.line || p.start <= end.character) && p.line >= start.line && p.line <= end.line);
        const { tokenizer: counting, reads } = countingTokenizer();
        const plan = planCodeActions({ start, end, automatic, cursors, problems: inRange }, documentOf(lines), counting, DEFAULT_SCHEME, table);
        assert.ok(plan);
        assert.ok([...reads.values()].every((n) => n === 1), 'each line tokenized once');
        const titles = plan.actions.map((x) => x.title);
        assert.strictEqual(new Set(titles).size, titles.length, JSON.stringify(titles));
        const edits = plan.actions.map((x) => (x.kind === 'define' ? x.digit : JSON.stringify(x.edits)));
        assert.strictEqual(new Set(edits).size, edits.length, 'no two entries make the same change');
        const places = new Set(titles.map((t) => /\((Ln \d+, Col \d+)\)$/.exec(t)?.[1]).filter((p) => p !== undefined));
        assert.ok(places.size <= MAX_TOKENS, `${places.size} places`);
      }),
      { numRuns: 200 },
    );
  });
});

describe('document-wide code actions', () => {
  it('count each kind of problem, and the chosen one fixes every one of them', () => {
    const lines = corpus(300);
    const checker = loaded(lines);
    const plan = { codes: new Set<FindingCode>(), large: true };
    const wide = wideActions(checker, plan, 0, lines.length - 1);
    const titles = wide.map((w) => w.title);
    for (const code of ['unmatched-pair', 'glued-placeholder', 'separator-before-final', 'malformed-join', 'likely-sentence-break'] as const) {
      const action = wide.find((w) => w.kind === 'everywhere' && w.code === code);
      assert.ok(action, `${code}: ${JSON.stringify(titles)}`);
      const tokens = new Set(checker.findingsOf(code).map((f) => `${f.line}:${f.finding.tokenIndex}`)).size;
      assert.strictEqual(action.count, tokens);
      assert.ok(action.title.includes(tokens.toLocaleString('en-US')), action.title);
      const edits = wideActionEdits(action, checker, documentOf(lines), tokenizer, DEFAULT_SCHEME, table);
      assert.ok(edits);
      // Every token with the problem is edited, and the problem is gone (but for a run of separators
      // before a full stop, `7 7 .`: only the first is reported, and once it goes, the next is).
      for (const { line, finding } of checker.findingsOf(code)) {
        const token = tokenizer.tokenize(lines[line])[finding.tokenIndex];
        assert.ok(edits.some((e) => e.line === line && e.offset <= token.end && e.offset + e.length >= token.start), `${code} at ${line}:${finding.start} is edited`);
      }
      const fixed = lines.map((text, l) => applyEdits(text, edits.filter((e) => e.line === l)));
      const after = loaded(fixed);
      if (code !== 'separator-before-final') assert.strictEqual(after.findingsOf(code).length, 0, `${code} left after "${action.title}"`);
      else assert.ok(after.findingsOf(code).length < checker.findingsOf(code).length);
    }
    const restore = wide.find((w) => w.kind === 'restore');
    assert.ok(restore);
    assert.strictEqual(restore.title, `Restore all ${restore.count.toLocaleString('en-US')} placeholders in the file`);
    const edits = wideActionEdits(restore, checker, documentOf(lines), tokenizer, DEFAULT_SCHEME, table);
    assert.strictEqual(edits?.length, restore.count);
  });

  it('a small range gets none but "all likely breaks", and that only after a likely break', () => {
    const lines = corpus(50);
    const checker = loaded(lines);
    assert.deepStrictEqual(wideActions(checker, { codes: new Set(), large: false }, 3, 3), []);
    const breaks = wideActions(checker, { codes: new Set<FindingCode>(['likely-sentence-break']), large: false }, 3, 3);
    assert.deepStrictEqual(breaks.map((w) => w.title), [`End the sentence at all ${checker.tokensWith('likely-sentence-break')} likely breaks in the file`]);
  });
});
