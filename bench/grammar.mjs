// Benchmark section "grammar": the TextMate grammar in the engine VS Code runs it with
// (vscode-textmate + vscode-oniguruma): throughput on corpus lines, the worst 20,000-character
// line, and adversarial lines. Standalone: `node bench/grammar.mjs [--json]`.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { lineMaker } from './corpus.mjs';
import { render } from './report.mjs';

const require = createRequire(import.meta.url);
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const grammarPath = join(repoRoot, 'syntaxes', 'segmented-corpus.tmLanguage.json');
const SCOPE_NAME = 'text.segmented-corpus';

// VS Code tokenizes each line with tokenizeLine2 and a 500 ms budget, then gives up on the line.
const VSCODE_TIME_LIMIT_MS = 500;
const TARGET_CHARS_PER_SECOND = 2.5e6;
const TARGET_LINE_MS = 32;
const LONG_LINE_CHARS = 20_000;
// About 2 M characters of corpus-like lines per throughput pass: long enough to dwarf timer noise.
const THROUGHPUT_CHARS = 2_000_000;
const PASSES = 5;
const LINE_RUNS = 7;

export const description = 'TextMate grammar (vscode-textmate + vscode-oniguruma): throughput, worst 20k-char line, adversarial lines';

/** Loads the grammar the way VS Code does: vscode-textmate over the oniguruma WebAssembly build. */
export async function loadGrammar(path = grammarPath) {
  const textmate = require('vscode-textmate');
  const oniguruma = require('vscode-oniguruma');
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scopeName) =>
      scopeName === SCOPE_NAME ? textmate.parseRawGrammar(readFileSync(path, 'utf8'), path) : null,
  });
  const grammar = await registry.loadGrammar(SCOPE_NAME);
  if (!grammar) throw new Error(`could not load ${SCOPE_NAME} from ${path}`);
  return { grammar, registry, INITIAL: textmate.INITIAL, versions: versions() };
}

function versions() {
  const version = (name) => JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;
  return { 'vscode-textmate': version('vscode-textmate'), 'vscode-oniguruma': version('vscode-oniguruma') };
}

/** Lines cut to at most `chars` characters at a token boundary, from repeating `unit`. */
function repeatTo(unit, chars) {
  let text = unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);
  if (text.length === chars && unit.includes(' ')) {
    const cut = text.lastIndexOf(' ');
    if (cut > 0) text = text.slice(0, cut);
  }
  return text.trimEnd();
}

/** Lines of about 20,000 characters that a corpus could hold: each stresses a different rule. */
function longLines(sample) {
  return [
    ['sample article repeated', repeatTo(`${sample} `, LONG_LINE_CHARS)],
    ['proper names and compounds', repeatTo('Lê_Thanh_Hải Sở_Nội_vụ cơ_quan_chuyên_môn kinh_tế-xã_hội ', LONG_LINE_CHARS)],
    ['alternating placeholders 6 7 1 4 5', repeatTo('6 7 1 4 5 ', LONG_LINE_CHARS)],
    ['glued placeholders 7. 6,', repeatTo('7. 6, ', LONG_LINE_CHARS)],
    ['punctuation tokens . , “ ”', repeatTo('. , “ ” ', LONG_LINE_CHARS)],
    ['acronyms and numbers', repeatTo('UBND TPHCM 2007 3,5 ', LONG_LINE_CHARS)],
    ['one-letter words', repeatTo('a ', LONG_LINE_CHARS)],
    ['stray joiners ._Taylor _a a_', repeatTo('._Taylor _a a_ ', LONG_LINE_CHARS)],
    ['compounds of 9 syllables (joiners one by one)', repeatTo('a_b_c_d_e_f_g_h_i ', LONG_LINE_CHARS)],
  ];
}

/** Lines built to hurt a regex engine: the three, plus single tokens aimed at each rule. */
function adversarialLines() {
  const token = (unit) => unit.repeat(Math.ceil(LONG_LINE_CHARS / unit.length)).slice(0, LONG_LINE_CHARS);
  return [
    ['100,000 underscores', '_'.repeat(100_000)],
    ['50,000 placeholder tokens 7 7 7 …', Array(50_000).fill('7').join(' ')],
    ['20,000-char token: letters', token('a')],
    ['20,000-char token: a_a_a_…', token('a_')],
    ['20,000-char token: A_b_c_… (one capital)', `A${token('_b').slice(1)}`],
    ['20,000-char token: Ab_Cd_Ef_…', token('Ab_Cd_')],
    ['20,000-char token: uppercase', token('Đ')],
    ['20,000-char token: digits and commas', token('12,')],
    ['20,000-char token: 7 then dots', `7${'.'.repeat(LONG_LINE_CHARS - 1)}`],
    ['20,000-char token: dots', token('.')],
    ['20,000-char token: _a_a_…', token('_a')],
    ['20,000-char token: NFD Việt_Nam', token('Việt_Nam_'.normalize('NFD'))],
  ];
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Times `work()`: wall-clock and CPU milliseconds. The machines this runs on are shared: other
 * jobs stretch wall time (our process waits for a core) but hardly CPU time, so the targets are
 * judged on CPU time and wall time is shown beside it. CPU time counts V8's helper threads (GC)
 * too, which errs on the slow side.
 */
function timed(work) {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = work();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000, result };
}

/** Medians over runs of `work()` after one warm-up run. */
function measure(work, runs) {
  work(); // warm-up: compiles the scanners, warms the JIT
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(timed(work));
  return {
    cpuMs: median(samples.map((s) => s.cpuMs)),
    wallMs: median(samples.map((s) => s.wallMs)),
    maxWallMs: Math.max(...samples.map((s) => s.wallMs)),
    results: samples.map((s) => s.result),
  };
}

/** One line tokenized from the initial state; `stoppedEarly` when the engine gave up at VS Code's limit. */
function timeLine(grammar, INITIAL, line) {
  const m = measure(() => grammar.tokenizeLine2(line, INITIAL, VSCODE_TIME_LIMIT_MS).stoppedEarly, LINE_RUNS);
  return { cpuMs: m.cpuMs, wallMs: m.wallMs, maxWallMs: m.maxWallMs, stoppedEarly: m.results.some(Boolean) };
}

/** Characters per second over `lines`, the rule stack carried from line to line as VS Code does. */
function throughput(grammar, INITIAL, lines, method) {
  const chars = lines.reduce((sum, line) => sum + line.length, 0);
  const m = measure(() => {
    let state = INITIAL;
    for (const line of lines) {
      state = method === 'tokenizeLine2'
        ? grammar.tokenizeLine2(line, state, VSCODE_TIME_LIMIT_MS).ruleStack
        : grammar.tokenizeLine(line, state, VSCODE_TIME_LIMIT_MS).ruleStack;
    }
  }, PASSES);
  return { chars, cpuMs: m.cpuMs, wallMs: m.wallMs, cpuRate: chars / (m.cpuMs / 1000), wallRate: chars / (m.wallMs / 1000) };
}

function corpusLines(sample) {
  const makeLine = lineMaker(sample);
  const lines = [sample];
  let chars = sample.length;
  while (chars < THROUGHPUT_CHARS) {
    const line = makeLine();
    lines.push(line);
    chars += line.length;
  }
  return lines;
}

const fmtMs = (ms) => ms.toFixed(2);
const fmtRate = (rate) => `${(rate / 1e6).toFixed(2)} M chars/s`;
const fmtLoad = () => `${loadavg()[0].toFixed(2)} (1-min load average, ${availableParallelism()} cores)`;

/**
 * Runs the grammar benchmark and returns a section report for bench/run.mjs:
 * { title, facts, head, rows, notes, targets, problems, data }.
 * Called without a `progress` callback (standalone, or by hand) it also prints the report.
 * @param {object} [ctx]  { samplePath, progress(message) } — both optional
 */
export async function run(ctx = {}) {
  const samplePath = ctx.samplePath ?? join(repoRoot, 'test', 'fixtures', 'sample.seg');
  const progress = ctx.progress ?? ((message) => console.error(`grammar: ${message}`));
  const sample = readFileSync(samplePath, 'utf8').replace(/\r?\n$/, '');
  const { grammar, INITIAL, versions: engine } = await loadGrammar();
  const loadBefore = fmtLoad();
  const rows = [];
  const targets = [];
  const problems = [];
  const data = { engine, throughput: {}, longLines: [], adversarial: [] };

  progress('throughput on corpus-like lines');
  const lines = corpusLines(sample);
  for (const method of ['tokenizeLine2', 'tokenizeLine']) {
    const t = throughput(grammar, INITIAL, lines, method);
    data.throughput[method] = t;
    rows.push([`throughput, ${method}`, `${lines.length} lines`, `${t.chars}`, fmtMs(t.cpuMs), fmtMs(t.wallMs),
      `${fmtRate(t.cpuRate)} (wall ${fmtRate(t.wallRate)})`]);
  }
  const t2 = data.throughput.tokenizeLine2;
  targets.push({
    label: `throughput (tokenizeLine2) ≥ ${fmtRate(TARGET_CHARS_PER_SECOND)}`,
    value: `${fmtRate(t2.cpuRate)} (wall ${fmtRate(t2.wallRate)})`,
    pass: t2.cpuRate >= TARGET_CHARS_PER_SECOND,
  });

  const timeRows = (label, cases, key) => {
    let worst = { cpuMs: -1 };
    for (const [name, line] of cases) {
      progress(`${label}: ${name}`);
      const t = timeLine(grammar, INITIAL, line);
      data[key].push({ name, chars: line.length, ...t });
      rows.push([`${label}: ${name}`, '1 line', `${line.length}`, fmtMs(t.cpuMs), fmtMs(t.wallMs),
        t.stoppedEarly ? 'STOPPED EARLY' : `wall max ${fmtMs(t.maxWallMs)} ms`]);
      if (t.stoppedEarly) problems.push(`${name}: tokenizeLine2 stopped early (over ${VSCODE_TIME_LIMIT_MS} ms)`);
      if (t.cpuMs > worst.cpuMs) worst = { name, ...t };
    }
    return worst;
  };
  const worstLong = timeRows('20k line', longLines(sample), 'longLines');
  targets.push({
    label: `worst ${LONG_LINE_CHARS.toLocaleString('en')}-char line < ${TARGET_LINE_MS} ms`,
    value: `${fmtMs(worstLong.cpuMs)} ms, wall ${fmtMs(worstLong.wallMs)} ms (${worstLong.name})`,
    pass: worstLong.cpuMs < TARGET_LINE_MS,
  });
  timeRows('adversarial', adversarialLines(), 'adversarial');
  for (const a of data.adversarial) {
    targets.push({
      label: `adversarial "${a.name}" < ${TARGET_LINE_MS} ms`,
      value: `${fmtMs(a.cpuMs)} ms, wall ${fmtMs(a.wallMs)} ms`,
      pass: a.cpuMs < TARGET_LINE_MS,
    });
  }

  const report = {
    title: 'grammar',
    facts: [
      ['engine', `vscode-textmate ${engine['vscode-textmate']}, vscode-oniguruma ${engine['vscode-oniguruma']} (as in VS Code 1.139)`],
      ['grammar', 'syntaxes/segmented-corpus.tmLanguage.json'],
      ['node', process.version],
      ['method', `tokenizeLine2(line, state, ${VSCODE_TIME_LIMIT_MS}) as VS Code calls it; medians of ${PASSES} passes / ${LINE_RUNS} runs after a warm-up`],
      ['load', `${loadBefore} before, ${fmtLoad()} after`],
    ],
    head: ['case', 'lines', 'chars', 'cpu ms', 'wall ms', 'result'],
    rows,
    notes: [
      'Throughput lines: the sample and corpus-like lines from bench/corpus.mjs (50–5,000 chars), the rule stack carried from line to line.',
      'Targets are judged on CPU time: other jobs on a shared machine stretch wall time but hardly CPU time, which is close to what the wall clock shows on an idle machine.',
    ],
    targets,
    problems,
    data,
  };
  if (!ctx.progress) console.log(render(report));
  return report;
}


if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const json = process.argv.includes('--json');
  run(json ? { progress: (message) => console.error(`grammar: ${message}`) } : {}).then(
    (report) => {
      if (json) console.log(JSON.stringify(report, null, 2));
      process.exit(report.problems.length > 0 ? 1 : 0);
    },
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
