// Benchmark section "segmentation": Join Words / Split Word / Toggle Boundary with 1,000 cursors on a 20,000-character line, against tokenizing that line.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// The same compiled core the extension bundles (npm run bench compiles it first).
const require = createRequire(import.meta.url);
const core = (name) => require(join(repoRoot, 'out', 'src', 'core', name));

const LINE_CHARS = 20_000;
const CURSORS = 1_000;
const TARGET_MS = 100;
/** Editing at 1,000 cursors reads the line once, as one tokenize pass does: a few times that at most, on any machine. */
const MAX_RATIO = 8;
const RUNS = 40;
/** Spanning a line's edits with one replacement, below the thousand at which the workbench merges them itself: at most this share of the time boundary by boundary. */
const MAX_SPANNED_RATIO = 0.5;

/** Times of fn() in ms, after a warm-up, sorted. */
function sample(fn, runs) {
  for (let i = 0; i < 10; i++) fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return times.sort((a, b) => a - b);
}

const median = (sorted) => sorted[Math.floor(sorted.length / 2)];

/** `count` offsets picked evenly among `offsets`. */
function spread(offsets, count) {
  return Array.from({ length: count }, (_, k) => offsets[Math.floor((k * offsets.length) / count)]);
}

export async function run(ctx) {
  const { segmentLine, segmentationEdits } = core('boundaries.js');
  const { applyEdits } = core('restore.js');
  const { DEFAULT_SCHEME } = core('scheme.js');
  const { Tokenizer } = core('tokens.js');
  const tokenizer = new Tokenizer(DEFAULT_SCHEME);
  const sample1 = readFileSync(ctx.samplePath, 'utf8').trim();
  let line = '';
  while (line.length < LINE_CHARS) line += (line ? ' ' : '') + sample1;
  line = line.slice(0, line.lastIndexOf(' ', LINE_CHARS));

  const tokens = tokenizer.tokenize(line);
  const compoundStarts = tokens.filter((t) => t.kind === 'compound').map((t) => t.start);
  const spaces = segmentLine(line, tokenizer).boundaries.filter((b) => b.kind === 'space').map((b) => b.start);
  // A cursor in the last syllable of a word that a space boundary follows: Join Words joins it with the next.
  const wordsBeforeSpaces = spaces.map((s) => s - 2);
  if (compoundStarts.length < CURSORS) throw new Error(`only ${compoundStarts.length} compounds on the line: fewer than ${CURSORS} cursors`);
  const cases = [
    ['Join Words (a cursor in each of 1,000 words)', 'join', spread(wordsBeforeSpaces, CURSORS)],
    ['Split Word (a cursor in each of 1,000 compounds)', 'split', spread(compoundStarts, CURSORS)],
    ['Toggle Boundary (1,000 cursors on spaces)', 'toggle', spread(spaces, CURSORS)],
  ];
  ctx.progress(`${cases.length} commands with ${CURSORS} cursors on a ${line.length}-character line, ${RUNS} runs each`);
  const baseline = sample(() => tokenizer.tokenize(line), RUNS);
  const rows = [['baseline: tokenize the line once', `${line.length}`, baseline[0].toFixed(3), median(baseline).toFixed(3), baseline[baseline.length - 1].toFixed(3), '1.0×']];
  const targets = [];
  const problems = [];
  for (const [label, operation, offsets] of cases) {
    const ranges = offsets.map((o) => ({ from: o + 1, to: o + 1 }));
    let edits = [];
    // What the command computes before it hands one edit to the editor: the line's boundaries, the edits, the new text.
    const times = sample(() => {
      edits = segmentationEdits(segmentLine(line, tokenizer), operation, ranges);
      applyEdits(line, edits);
    }, RUNS);
    if (edits.length < CURSORS) problems.push(`${label}: only ${edits.length} edits for ${CURSORS} cursors`);
    // Fastest runs against fastest runs: the least disturbed by whatever else the machine does.
    const ratio = times[0] / baseline[0];
    rows.push([label, `${edits.length} edits`, times[0].toFixed(3), median(times).toFixed(3), times[times.length - 1].toFixed(3), `${ratio.toFixed(1)}×`]);
    targets.push({ label: `${label} < ${TARGET_MS} ms (median)`, value: `${median(times).toFixed(2)} ms (slowest ${times[times.length - 1].toFixed(2)} ms)`, pass: median(times) < TARGET_MS });
    targets.push({ label: `${label} ≤ ${MAX_RATIO}× one tokenize pass (fastest runs, same run)`, value: `${ratio.toFixed(1)}×`, pass: ratio <= MAX_RATIO });
  }
  const facts = [];
  const inEditor = editorFigures(ctx);
  if (inEditor.figures) {
    const f = inEditor.figures;
    const plain = f['plain edit, every replacement'];
    const cell = (t) => t.toFixed(1);
    // Every case timed in the editor, against the plain editor.edit of Join Words' replacements (medians, same run).
    for (const [label, times] of Object.entries(f)) {
      if (!Array.isArray(times)) continue;
      rows.push([`in the editor: ${label}`, `${f.line}`, cell(times[0]), cell(median(times)), cell(times[times.length - 1]), `${(median(times) / median(plain)).toFixed(1)}× plain edit`]);
    }
    for (const label of ['Join Words', 'Split Word', 'Toggle Boundary']) {
      const times = f[label];
      targets.push({ label: `in the editor: ${label} with ${f.cursors} cursors, executeCommand to the document changed < ${TARGET_MS} ms (median)`, value: `${median(times).toFixed(1)} ms (plain edit of Join Words' ${f.edits} replacements: ${median(plain).toFixed(1)} ms)`, pass: median(times) < TARGET_MS });
    }
    const half = Object.keys(f).find((k) => /^Join Words, \d+ cursors$/.test(k));
    if (half) {
      const spanned = median(f[half]);
      const each = median(f[`${half}, each boundary replaced`]);
      targets.push({ label: `in the editor: ${half}, one replacement spanning the line's edits ≤ ${MAX_SPANNED_RATIO}× each boundary replaced (medians, same run)`, value: `${spanned.toFixed(1)} ms against ${each.toFixed(1)} ms (${(spanned / each).toFixed(2)}×)`, pass: spanned <= MAX_SPANNED_RATIO * each });
    }
    facts.push(['in the editor', 'code-server, timed in the extension host from executeCommand (or editor.edit) to the document changed and the call returned, the cases taking turns, each run checked and undone (test/integration/segmentation.bench.ts); the cursors are set and shown before the clock starts. Plain edit: the same replacements as Join Words at its cursors by editor.edit, no command, with the same cursors in the editor. "each boundary replaced": the command handing every boundary over as a replacement of its own, as it did before; the workbench merges a thousand or more itself, not fewer']);
  } else {
    facts.push(['in the editor', `not measured: ${inEditor.reason}`]);
    if (inEditor.failed) problems.push(`in-editor run failed: ${inEditor.reason}`);
  }
  return {
    title: 'segmentation edits',
    facts: [
      ['functions', 'core/boundaries.ts segmentLine + segmentationEdits (what the commands run), then applyEdits'],
      ['line', `the sample repeated to ~${LINE_CHARS} characters, ${tokens.length} tokens; ${CURSORS} cursors spread over it`],
      ['baseline', 'Tokenizer.tokenize on the same line, same run'],
      ...facts,
    ],
    head: ['what', 'size', 'min ms', 'median ms', 'max ms', 'min vs baseline'],
    rows,
    notes: [],
    targets,
    problems,
  };
}

/**
 * The commands timed in a real editor (code-server, as the integration tests run), when its runtime
 * is installed (`npm run editor:install`) and BENCH_NO_EDITOR is not 1.
 */
function editorFigures(ctx) {
  if (process.env.BENCH_NO_EDITOR === '1') return { reason: 'BENCH_NO_EDITOR=1' };
  if (!existsSync(join(repoRoot, '.vscode-test', 'code-server', '.installed'))) return { reason: 'no editor runtime (npm run editor:install)' };
  const script = join(repoRoot, 'out', 'test', 'integration', 'segmentation.bench.js');
  if (!existsSync(script)) return { reason: `${script} is missing (npm run compile-tests)`, failed: true };
  ctx.progress('the same commands in code-server (two minutes or so)');
  const result = spawnSync(
    process.execPath,
    [join(repoRoot, 'scripts', 'editor', 'vscode-adapter.mjs'), `--extensionDevelopmentPath=${repoRoot}`, `--extensionTestsPath=${script}`, join(repoRoot, 'test', 'fixtures'), '--disable-extensions'],
    { encoding: 'utf8', timeout: 600_000 },
  );
  const line = (result.stdout ?? '').split('\n').find((l) => l.startsWith('segmentation-editor '));
  if (!line) return { reason: `no figures from the editor (exit ${result.status}): ${(result.stderr || result.stdout || '').trim().split('\n').slice(-3).join(' / ')}`, failed: true };
  return { figures: JSON.parse(line.slice('segmentation-editor '.length)) };
}
