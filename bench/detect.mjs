// Benchmark section "detect": deciding whether a .txt is a segmented corpus from its first 64 K characters, against splitting the same text into tokens.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// The same compiled core the extension bundles (npm run bench compiles it first).
const require = createRequire(import.meta.url);
const core = (name) => require(join(repoRoot, 'out', 'src', 'core', name));

const TARGET_MS = 5;
/** The detector may cost this many times a plain split of the same text into tokens (a guard that holds on any machine). */
const TARGET_RATIO = 8;
const CALLS = 200;

/** Per-call times of fn() in ms, after a warm-up; returns sorted samples. */
function sample(fn, calls) {
  for (let i = 0; i < 20; i++) fn();
  const times = [];
  for (let i = 0; i < calls; i++) {
    const t = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return times.sort((a, b) => a - b);
}

const median = (sorted) => sorted[Math.floor(sorted.length / 2)];
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** `text` repeated (lines joined by a newline) to past `chars`. */
function repeatedTo(text, chars) {
  let out = '';
  while (out.length <= chars) out += text.trimEnd() + '\n';
  return out;
}

/** The first readable file of `paths`, or undefined. */
function firstText(paths) {
  for (const path of paths) {
    try {
      return { path, text: readFileSync(path, 'utf8') };
    } catch {
      // not on this machine: try the next
    }
  }
  return undefined;
}

export const description = 'segmented-text detection on 64 K characters';

export async function run(ctx) {
  const { DETECT_HEAD_CHARS, detectSegmentedCorpus } = core('detect.js');
  const fixtures = join(repoRoot, 'test', 'fixtures');
  const inputs = [
    ['segmented corpus (sample)', ctx.samplePath, readFileSync(ctx.samplePath, 'utf8'), true],
    ['plain Vietnamese (sample, normalized)', 'test/fixtures/sample.normalized.txt', readFileSync(join(fixtures, 'sample.normalized.txt'), 'utf8'), false],
  ];
  const english = firstText(['/usr/share/common-licenses/GPL-3', join(repoRoot, 'README.md')]);
  if (english) inputs.push(['English', english.path, english.text, false]);
  const code = firstText([join(repoRoot, 'node_modules', 'typescript', 'lib', 'typescript.js'), join(repoRoot, 'out', 'src', 'core', 'normalize.js')]);
  if (code) inputs.push(['code', code.path, code.text, false]);

  const rows = [];
  const targets = [];
  const problems = [];
  for (const [label, source, text, expected] of inputs) {
    const big = repeatedTo(text, 2 * DETECT_HEAD_CHARS);
    ctx.progress(`${label}: ${CALLS} decisions`);
    const verdict = detectSegmentedCorpus(big).segmented;
    if (verdict !== expected) problems.push(`${label} (${source}) judged ${verdict ? 'segmented' : 'plain'}`);
    const detect = sample(() => detectSegmentedCorpus(big), CALLS);
    // Baseline: what any look at the text costs, splitting the same 64 K into tokens.
    const split = sample(() => big.slice(0, DETECT_HEAD_CHARS).split(/\s+/), CALLS);
    const ratio = median(detect) / median(split);
    rows.push([label, verdict ? 'segmented' : 'plain', median(detect).toFixed(2), pct(detect, 99).toFixed(2), median(split).toFixed(2), `${ratio.toFixed(1)}x`]);
    targets.push({ label: `decides in < ${TARGET_MS} ms on 64 K characters (${label}, median)`, value: `${median(detect).toFixed(2)} ms`, pass: median(detect) < TARGET_MS });
    targets.push({ label: `≤ ${TARGET_RATIO}x a split into tokens (${label})`, value: `${ratio.toFixed(1)}x`, pass: ratio <= TARGET_RATIO });
  }
  return {
    title: 'detect',
    facts: [
      ['function', 'core/detect.ts detectSegmentedCorpus (what a .txt document is judged by when it opens)'],
      ['inputs', 'each text repeated past 128 K characters; the detector reads the first 64 K'],
      ['baseline', 'the same 64 K split into tokens (slice + split(/\\s+/)), same run'],
    ],
    head: ['text', 'verdict', 'median ms', 'p99 ms', 'split ms', 'ratio'],
    rows,
    notes: [],
    targets,
    problems,
  };
}
