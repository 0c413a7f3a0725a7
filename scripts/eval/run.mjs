// Real-text evaluation (`npm run eval`): how closely `segcorpus normalize` and NLTK's detokenizer rebuild real Vietnamese prose from a segmented, placeholder corpus line.
//
// Pipeline, per paragraph of Debian's maint-guide-vi (GPL-2+):
//   original ──vntk@1.4.4 + placeholder mapping──▶ corpus line ──▶ segcorpus normalize ──▶ ours
//                                                              └──▶ NLTK Treebank detok ──▶ peer
//   original ──the same lossy mapping (numbers, separators, pairs)──▶ reference
// A difference between reference and output is either a normalizer rule problem or an artefact
// of the segmenter/mapping; the report groups differences by shape to tell which is which.
// Exit code: 0 with the report written, 2 when the setup or a tool fails.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { extractParagraphs, EXTRACT_LIMITS } from './extract.mjs';
import { hasCodeLikeWord, toPlaceholderLine, toReference } from './mapping.mjs';
import { editDistance, formatHunk, hunkShape, wordHunks } from './metrics.mjs';
import { EvalError, MAINT_GUIDE_HTML, VNTK_VERSION, ensureDebianPackages, ensureVntk, runEvaluation } from './setup.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '../..');
const VNTK_CACHE = join(REPO, '.cache', 'vntk');
const REPORT = join(REPO, '.cache', 'eval', 'report.txt');
const CLI = join(REPO, 'dist', 'cli.js');
/** How many differing paragraphs and difference shapes the console shows; the report has them all. */
const SHOWN_EXAMPLES = 5;
const SHOWN_SHAPES = 12;

const log = (message) => console.error(`eval: ${message}`);

/** Runs a line-for-line filter; fails loudly unless it exits 0 with one output line per input line. */
function filterLines(label, command, args, lines) {
  const r = spawnSync(command, args, { input: lines.join('\n') + '\n', encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.error) throw new EvalError(`${label}: ${r.error.message}`);
  if (r.status !== 0) throw new EvalError(`${label} exited with ${r.status}:\n${r.stderr.trim()}`);
  const out = r.stdout.replace(/\r?\n$/, '').split(/\r?\n/);
  if (out.length !== lines.length) throw new EvalError(`${label} returned ${out.length} lines for ${lines.length}`);
  return out;
}

/**
 * How the normalizer writes a number placeholder by default (the reference must use the same
 * form, since the value behind a `1` is lost either way): asked of the CLI, not assumed.
 */
function probeNumberForm() {
  const [line] = filterLines('segcorpus normalize (probe)', process.execPath, [CLI, 'normalize'], ['a 1 b']);
  const match = /^a ?(.*?) ?b$/.exec(line);
  if (!match) throw new EvalError(`segcorpus normalize turned the probe 'a 1 b' into '${line}'`);
  return match[1];
}

/** Exact-match share and mean edit distance of one candidate over a subset of rows. */
function score(rows, pick) {
  if (rows.length === 0) return { exact: NaN, edit: NaN };
  let exact = 0;
  let edits = 0;
  for (const row of rows) {
    const { output, reference } = pick(row);
    if (output === reference) exact++;
    else edits += editDistance(reference, output);
  }
  return { exact: (100 * exact) / rows.length, edit: edits / rows.length };
}

const pct = (x) => (Number.isNaN(x) ? '   -  ' : `${x.toFixed(1).padStart(5)}%`);
const num = (x) => (Number.isNaN(x) ? '   - ' : x.toFixed(2).padStart(6));

function main() {
  const started = performance.now();
  const times = {};
  const timed = (name, fn) => {
    const t = performance.now();
    const result = fn();
    times[name] = (performance.now() - t) / 1000;
    return result;
  };

  const { python, tokenizer } = timed('setup', () => ({ python: ensureDebianPackages(log), tokenizer: ensureVntk(VNTK_CACHE, log) }));
  if (!existsSync(CLI)) throw new EvalError(`${relative(REPO, CLI)} is missing: run \`npm run build\` (npm run eval does it first)`);

  const { paragraphs, total, skipped } = timed('extract', () => extractParagraphs(MAINT_GUIDE_HTML));
  if (paragraphs.length === 0) throw new EvalError(`no paragraph extracted from ${MAINT_GUIDE_HTML}`);

  const rows = timed('segment', () =>
    paragraphs.map(({ file, text }, index) => {
      // vntk returns words whose syllables are separated by spaces; the mapping joins them with `_`.
      const { line, changed } = toPlaceholderLine(text, tokenizer.tag(text));
      return { id: index + 1, file, text, line, changed, codeLike: hasCodeLikeWord(text) };
    }),
  );
  const lines = rows.map((r) => r.line);

  const numberForm = timed('normalize', () => {
    const form = probeNumberForm();
    const ours = filterLines('segcorpus normalize', process.execPath, [CLI, 'normalize'], lines);
    rows.forEach((row, k) => {
      row.ours = ours[k];
      row.reference = toReference(row.text, form);
    });
    return form;
  });
  timed('nltk', () => {
    const peer = filterLines('NLTK detokenizer', python, [join(HERE, 'nltk_detok.py')], lines);
    rows.forEach((row, k) => {
      row.nltk = peer[k];
      // NLTK leaves a number placeholder as the digit itself.
      row.nltkReference = toReference(row.text, '1');
    });
  });

  const subsets = [
    ['all paragraphs', rows],
    ['segmenter kept the text', rows.filter((r) => !r.changed)],
    ['...and no code-like word', rows.filter((r) => !r.changed && !r.codeLike)],
  ];
  const scored = timed('score', () =>
    subsets.map(([name, subset]) => ({
      name,
      count: subset.length,
      ours: score(subset, (r) => ({ output: r.ours, reference: r.reference })),
      nltk: score(subset, (r) => ({ output: r.nltk, reference: r.nltkReference })),
    })),
  );

  // Differences of ours, hunk by hunk, grouped by shape.
  const differing = rows.filter((r) => r.ours !== r.reference);
  const shapes = new Map();
  for (const row of differing) {
    row.hunks = wordHunks(row.reference, row.ours);
    for (const hunk of row.hunks) {
      const shape = hunkShape(hunk);
      const entry = shapes.get(shape) ?? { count: 0, proseCount: 0, example: formatHunk(hunk) };
      entry.count++;
      if (!row.changed && !row.codeLike) entry.proseCount++;
      shapes.set(shape, entry);
    }
  }
  const shapeList = [...shapes].sort((a, b) => b[1].proseCount - a[1].proseCount || b[1].count - a[1].count);

  const changedCount = rows.filter((r) => r.changed).length;
  const skippedText = Object.entries(skipped)
    .filter(([, n]) => n > 0)
    .map(([why, n]) => `${why} ${n}`)
    .join(', ');
  const summary = [
    `Real-text evaluation: Debian maint-guide-vi (GPL-2+), segmented by vntk@${VNTK_VERSION}`,
    `paragraphs: ${rows.length} kept of ${total} <p> (skipped: ${skippedText}; limits: ≥${EXTRACT_LIMITS.minWords} words, ≥${EXTRACT_LIMITS.minChars} chars, ≥${EXTRACT_LIMITS.minVietnameseShare * 100}% words with diacritics, cap ${EXTRACT_LIMITS.maxParagraphs})`,
    `segmenter changed the text of ${changedCount} paragraph(s); ${rows.filter((r) => r.codeLike).length} have a code-like word (path, option, file pattern)`,
    `number placeholder as written by segcorpus normalize: '${numberForm}'`,
    '',
    `${'subset'.padEnd(28)} ${'paras'.padStart(5)}   ${'ours: exact'.padStart(11)} ${'edits'.padStart(6)}   ${'NLTK: exact'.padStart(11)} ${'edits'.padStart(6)}`,
    ...scored.map(
      (s) => `${s.name.padEnd(28)} ${String(s.count).padStart(5)}   ${pct(s.ours.exact).padStart(11)} ${num(s.ours.edit)}   ${pct(s.nltk.exact).padStart(11)} ${num(s.nltk.edit)}`,
    ),
    '(exact: share of paragraphs reproduced exactly; edits: mean character edit distance per paragraph)',
  ];

  const showRow = (r, indent = '  ') => [
    `${indent}#${r.id} ${r.file}${r.changed ? ' [segmenter changed text]' : ''}${r.codeLike ? ' [code-like]' : ''}`,
    `${indent}  ref : ${r.reference}`,
    `${indent}  ours: ${r.ours}`,
    `${indent}  diff: ${r.hunks.map(formatHunk).join('  ')}`,
  ];
  const shapeLine = ([shape, e]) => `  ${String(e.count).padStart(4)} ${String(e.proseCount).padStart(5)}  ${shape}    e.g. ${e.example}`;

  // Prose paragraphs first: their differences point at rules, not at the segmenter. Each example
  // must show a kind of difference (shape) that the ones before it did not, or five copies of the
  // most common problem would hide the others.
  const examples = [];
  const shown = new Set();
  for (const row of [...differing.filter((r) => !r.changed && !r.codeLike), ...differing.filter((r) => r.changed || r.codeLike)]) {
    if (examples.length === SHOWN_EXAMPLES) break;
    const rowShapes = row.hunks.map(hunkShape);
    if (rowShapes.every((shape) => shown.has(shape))) continue;
    rowShapes.forEach((shape) => shown.add(shape));
    examples.push(row);
  }
  const console_ = [
    ...summary,
    '',
    `Most frequent differences of ours (${shapes.size} shapes; letters folded to 'a', digits to '0'; count, in prose paragraphs):`,
    ...shapeList.slice(0, SHOWN_SHAPES).map(shapeLine),
    '',
    `First ${examples.length} differing paragraphs of ours, each with a new kind of difference (prose first):`,
    ...examples.flatMap((r) => showRow(r)),
    '',
    `Full list: ${relative(process.cwd(), REPORT) || REPORT}`,
  ];

  const report = [
    ...summary,
    '',
    `All ${shapes.size} difference shapes of ours (count, in prose paragraphs, shape, example):`,
    ...shapeList.map(shapeLine),
    '',
    `All ${differing.length} paragraphs where ours differs from the reference (seg: the corpus line given to both candidates):`,
    ...differing.flatMap((r) => [
      ...showRow(r, ''),
      `  seg : ${r.line}`,
      `  nltk: ${r.nltk}${r.nltk === r.nltkReference ? '   (exact)' : ''}`,
      `  orig: ${r.text}`,
      '',
    ]),
  ];
  mkdirSync(dirname(REPORT), { recursive: true });
  writeFileSync(REPORT, report.join('\n') + '\n');

  times.total = (performance.now() - started) / 1000;
  console.log(console_.join('\n'));
  console.log(`time: ${Object.entries(times).map(([k, s]) => `${k} ${s.toFixed(1)} s`).join(', ')}`);
}

runEvaluation(main, log);
