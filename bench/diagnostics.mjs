// Benchmark section "diagnostics": the document checker on 20 MB (first pass, one-line edit) and code actions on a long line.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpus } from './corpus.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const core = (name) => require(join(repoRoot, 'out', 'src', 'core', name));

const DOC_BYTES = 20_000_000;
const FIRST_PASS_MS = 1000;
const EDIT_MS = 50;
const ACTION_MS = 5;
const LINE_CHARS = 20_000;
/**
 * The first pass against a plain tokenize of the same lines in the same run: a machine-independent
 * guard. The checker tokenizes, checks, pairs and counts words: about 5× a tokenize (3.8× before
 * pairs were read from context); pairing by rebuilding each line once made it about 10×.
 */
const FIRST_PASS_RATIO = 6;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (t) => Number(process.hrtime.bigint() - t) / 1e6;

export async function run(ctx) {
  const { DocumentChecker } = core('documentCheck.js');
  const { LineChecker, checkLine } = core('check.js');
  const { Tokenizer } = core('tokens.js');
  const { DEFAULT_SCHEME } = core('scheme.js');
  const actions = core('actions.js');
  const { buildMarkTable } = core('marks.js');
  const tokenizer = new Tokenizer(DEFAULT_SCHEME);
  const checker = new LineChecker(DEFAULT_SCHEME);

  ctx.progress(`generating a ~${DOC_BYTES / 1e6} MB document`);
  const file = writeCorpus(join(ctx.workDir, 'doc.seg'), DOC_BYTES, ctx.samplePath);
  const lines = readFileSync(file.path, 'utf8').split(/\r?\n/);
  const lineAt = (l) => lines[l];
  const rows = [];
  const targets = [];

  ctx.progress('first full pass and a plain tokenize pass, alternating, 3 times each');
  const firstPass = [];
  const tokenizePass = [];
  let doc;
  let tokenCount = 0;
  for (let r = 0; r < 3; r++) {
    let t = process.hrtime.bigint();
    for (let l = 0; l < lines.length; l++) tokenCount += tokenizer.tokenize(lines[l]).length;
    tokenizePass.push(ms(t));
    t = process.hrtime.bigint();
    doc = new DocumentChecker(tokenizer, checker);
    doc.load(lines.length, lineAt);
    doc.findings(1000);
    firstPass.push(ms(t));
  }
  const ratio = median(firstPass) / median(tokenizePass);
  rows.push(['tokenize only (baseline)', `${tokenCount / 3} tokens`, median(tokenizePass).toFixed(1), Math.max(...tokenizePass).toFixed(1)]);
  rows.push(['first pass (load + publish 1,000)', `${lines.length} lines`, median(firstPass).toFixed(1), Math.max(...firstPass).toFixed(1)]);
  targets.push({ label: `first full pass on ${(DOC_BYTES / 1e6).toFixed(0)} MB < ${FIRST_PASS_MS} ms (median)`, value: `${median(firstPass).toFixed(0)} ms`, pass: median(firstPass) < FIRST_PASS_MS });
  targets.push({ label: `first full pass ≤ ${FIRST_PASS_RATIO}× a plain tokenize pass (same run)`, value: `${ratio.toFixed(2)}×`, pass: ratio <= FIRST_PASS_RATIO });

  ctx.progress('one-line edits, 200 times');
  const editTimes = [];
  for (let k = 0; k < 200; k++) {
    const l = Math.floor((k / 200) * lines.length);
    lines[l] = `${lines[l]} 6 x_y 7`; // an edit that adds a problem (an unmatched 6)
    const t = process.hrtime.bigint();
    doc.edit([{ from: l, to: l, lineCount: 1 }], lineAt);
    doc.findings(1000);
    editTimes.push(ms(t));
  }
  rows.push(['one-line edit (recheck + publish 1,000)', '200 edits', median(editTimes).toFixed(2), Math.max(...editTimes).toFixed(2)]);
  targets.push({ label: `update after a one-line edit < ${EDIT_MS} ms (max of 200)`, value: `${Math.max(...editTimes).toFixed(1)} ms`, pass: Math.max(...editTimes) < EDIT_MS });

  ctx.progress('word statistics recount (after a pause in typing)');
  const t = process.hrtime.bigint();
  doc.refreshStats(lines.length, lineAt);
  rows.push(['word statistics recount (idle, once per version)', `${lines.length} lines`, ms(t).toFixed(1), '']);

  ctx.progress('code actions on a 20,000-character line');
  const sample = readFileSync(ctx.samplePath, 'utf8').trim();
  let long = '';
  while (long.length < LINE_CHARS) long += (long ? ' ' : '') + sample;
  long = long.slice(0, long.lastIndexOf(' ', LINE_CHARS));
  const table = buildMarkTable(DEFAULT_SCHEME);
  // The line's problems are already published when a user asks for code actions.
  const findings = checkLine(tokenizer.tokenize(long), checker);
  const actionTimes = [];
  // What the provider does for a cursor on one token: tokenize the line, then the token's fixes.
  const positions = Array.from({ length: 100 }, (_, k) => Math.floor((k / 99) * (long.length - 1)));
  for (let round = 0; round < 4; round++) {
    for (const pos of positions) {
      const t0 = process.hrtime.bigint();
      const tokens = tokenizer.tokenize(long);
      const index = tokens.findIndex((x) => x.start <= pos && pos <= x.end);
      // As features/codeActions.ts: the token's fixes given the problems on it (its diagnostics), then the line's restore.
      if (index >= 0) {
        const problems = new Set();
        for (const f of findings) if (f.tokenIndex === index) problems.add(f.code);
        actions.tokenFixes(tokens, index, DEFAULT_SCHEME, table, problems);
      }
      actions.restoreLineFix(tokens, DEFAULT_SCHEME);
      if (round > 0) actionTimes.push(ms(t0));
    }
  }
  const p99 = [...actionTimes].sort((a, b) => a - b)[Math.floor(actionTimes.length * 0.99)];
  rows.push([`code actions at a cursor (${long.length}-char line)`, `${actionTimes.length} calls`, median(actionTimes).toFixed(2), p99.toFixed(2)]);
  targets.push({ label: `code actions < ${ACTION_MS} ms on a ${long.length}-character line (p99)`, value: `${p99.toFixed(2)} ms`, pass: p99 < ACTION_MS });

  return {
    title: 'diagnostics and code actions',
    facts: [
      ['document', `${(file.bytes / 1e6).toFixed(1)} MB generated from the sample (bench/corpus.mjs), ${lines.length} lines`],
      ['functions', 'core/documentCheck.ts DocumentChecker (what the diagnostics feature runs), core/actions.ts'],
    ],
    head: ['what', 'size', 'median ms', 'max / p99 ms'],
    rows,
    notes: [],
    targets,
    problems: [],
  };
}
