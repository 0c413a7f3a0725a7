// Benchmark section "hover": the editor's hover function on long lines, against normalizing the whole line.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// The same compiled core the extension bundles (npm run bench compiles it first).
const require = createRequire(import.meta.url);
const core = (name) => require(join(repoRoot, 'out', 'src', 'core', name));

const LINE_CHARS = 20_000;
const TARGET_MS = 5;
const CALLS = 400;

/** Per-call times of fn(i) in ms, after a warm-up; returns sorted samples. */
function sample(fn, calls) {
  for (let i = 0; i < 50; i++) fn(i);
  const times = [];
  for (let i = 0; i < calls; i++) {
    const t = process.hrtime.bigint();
    fn(i);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return times.sort((a, b) => a - b);
}

const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

export async function run(ctx) {
  const { hoverAt } = core('hover.js');
  const { planNormalize, normalizeLine } = core('normalize.js');
  const { DEFAULT_SCHEME } = core('scheme.js');
  const { Tokenizer } = core('tokens.js');
  const sample1 = readFileSync(ctx.samplePath, 'utf8').trim();
  let line = '';
  while (line.length < LINE_CHARS) line += (line ? ' ' : '') + sample1;
  line = line.slice(0, line.lastIndexOf(' ', LINE_CHARS));
  // One sentence-free line too: the worst case for "only the sentence", as the sentence is the line.
  const noStops = line.replace(/ \.(?= |$)|7\./g, ' 7');
  const plan = planNormalize(DEFAULT_SCHEME);
  const tokenizer = new Tokenizer(DEFAULT_SCHEME);
  const rows = [];
  const targets = [];
  const measure = (label, text) => {
    const offsets = Array.from({ length: 97 }, (_, k) => Math.floor((k / 96) * (text.length - 1)));
    const hover = sample((i) => hoverAt(text, offsets[i % offsets.length], DEFAULT_SCHEME, plan, tokenizer), CALLS);
    const whole = sample(() => normalizeLine(text, plan), 60);
    rows.push([label, `${text.length}`, hover[Math.floor(hover.length / 2)].toFixed(3), pct(hover, 99).toFixed(3), hover[hover.length - 1].toFixed(3), whole[Math.floor(whole.length / 2)].toFixed(3)]);
    targets.push({ label: `hover < ${TARGET_MS} ms on a ${text.length}-character line (${label}, p99)`, value: `${pct(hover, 99).toFixed(2)} ms`, pass: pct(hover, 99) < TARGET_MS });
  };
  ctx.progress(`hovering ${CALLS} times on ${LINE_CHARS}-character lines`);
  measure('sample sentences', line);
  measure('one long sentence', noStops);
  return {
    title: 'hover',
    facts: [
      ['function', 'core/hover.ts hoverAt (what the hover provider calls)'],
      ['lines', `the sample repeated to ~${LINE_CHARS} characters; offsets spread over the line`],
      ['baseline', 'normalizeLine on the whole line, same run'],
    ],
    head: ['line', 'chars', 'median ms', 'p99 ms', 'max ms', 'whole line ms'],
    rows,
    notes: [],
    targets,
    problems: [],
  };
}
