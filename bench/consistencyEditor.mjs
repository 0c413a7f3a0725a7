// Benchmark section "consistency-editor": the editor's consistency pass on 5 MB and 20 MB documents in code-server, a one-line edit's update, and the quick fixes asked for the whole document (Ctrl+A, Ctrl+.).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom, writeCorpus } from './corpus.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SIZES = [5_000_000, 20_000_000];
/** One joiner in this many is turned into a space: problems for the rule to find. */
const SPLIT_ONE_IN = 300;
const FIRST_PASS_MS = 1000;
const UPDATE_MS = 50;
/** A provider answers in a few ms. */
const QUICK_FIX_MS = 5;
const SEED = 0x0c0452;

const median = (sorted) => sorted[Math.floor(sorted.length / 2)];

function corpusFile(workDir, samplePath, bytes) {
  const whole = writeCorpus(join(workDir, `whole-${bytes}.seg`), bytes, samplePath);
  const random = seededRandom(SEED);
  const text = readFileSync(whole.path, 'utf8').replace(/_/g, () => (random() * SPLIT_ONE_IN >= 1 ? '_' : ' '));
  rmSync(whole.path);
  const path = join(workDir, `doc-${(bytes / 1e6).toFixed(0)}mb.seg`);
  writeFileSync(path, text);
  return path;
}

export const description = 'consistency in the editor: first pass, one-line update, quick fixes on the whole document';

export async function run(ctx) {
  const facts = [
    ['documents', `${SIZES.map((s) => `${s / 1e6} MB`).join(' and ')} generated from the sample (bench/corpus.mjs), one joiner in ${SPLIT_ONE_IN} split`],
    ['where', 'code-server, timed in the extension host (test/integration/consistency.bench.ts); document scope (the files are outside the workspace)'],
    ['first pass', 'open to every line counted and judged and the problems published, in 8 ms slices (wall time, yields included); CPU: the extension host process\'s CPU time meanwhile (all its threads), the figure a loaded machine stretches least'],
    ['update', 'after a one-line edit (a joiner split or put back): the lines counted out and in as the edit arrives, then, after the typing pause, the edited line judged and the problems published; the background re-judgement of the other lines is not included'],
    ['other rules', 'the problems\' first check of the same document, which waits for the count on a machine of 2 cores or fewer (src/extension.ts)'],
    ['baseline', 'the plain JavaScript word count of the same document (split every line on spaces into a Map), same run, wall and CPU time'],
  ];
  if (process.env.BENCH_NO_EDITOR === '1') return { title: 'consistency in the editor', facts: [...facts, ['skipped', 'BENCH_NO_EDITOR=1']], head: ['what'], rows: [], notes: [], targets: [], problems: [] };
  if (!existsSync(join(repoRoot, '.vscode-test', 'code-server', '.installed'))) {
    return { title: 'consistency in the editor', facts: [...facts, ['skipped', 'no editor runtime (npm run editor:install)']], head: ['what'], rows: [], notes: [], targets: [], problems: [] };
  }
  ctx.progress(`generating ${SIZES.length} documents`);
  const files = SIZES.map((bytes) => corpusFile(ctx.workDir, ctx.samplePath, bytes));
  const script = join(repoRoot, 'out', 'test', 'integration', 'consistency.bench.js');
  if (!existsSync(script)) throw new Error(`${script} is missing (npm run compile-tests)`);
  ctx.progress('opening them in code-server (a minute or two)');
  const result = spawnSync(
    process.execPath,
    [join(repoRoot, 'scripts', 'editor', 'vscode-adapter.mjs'), `--extensionDevelopmentPath=${repoRoot}`, `--extensionTestsPath=${script}`, join(repoRoot, 'test', 'fixtures'), '--disable-extensions'],
    { encoding: 'utf8', timeout: 600_000, env: { ...process.env, SEGCORPUS_BENCH_FILES: files.join(','), SEGCORPUS_EDITOR_TIMEOUT_MS: '540000' } },
  );
  const line = (result.stdout ?? '').split('\n').find((l) => l.includes('consistency-editor '));
  if (!line) throw new Error(`no figures from the editor (exit ${result.status}): ${(result.stderr || result.stdout || '').trim().split('\n').slice(-3).join(' / ')}`);
  const figures = JSON.parse(line.slice(line.indexOf('consistency-editor ') + 'consistency-editor '.length));
  const rows = [];
  const targets = [];
  for (const [index, file] of files.entries()) {
    const f = figures[file];
    const label = `${(f.chars / 1e6).toFixed(1)} M chars, ${f.lines} lines, ${f.problems} problems`;
    rows.push([`${label}: baseline word count`, f.baseline.toFixed(0), '', '1.0×']);
    rows.push([`${label}: first pass (wall)`, f.firstPass.toFixed(0), '', `${(f.firstPass / f.baseline).toFixed(1)}×`]);
    rows.push([`${label}: first pass (its own slices only)`, f.firstPassBusy.toFixed(0), '', `${(f.firstPassBusy / f.baseline).toFixed(1)}×`]);
    rows.push([`${label}: baseline word count, CPU`, f.baselineCpu.toFixed(0), '', '1.0×']);
    rows.push([`${label}: first pass, CPU`, f.firstPassCpu.toFixed(0), '', `${(f.firstPassCpu / f.baselineCpu).toFixed(1)}×`]);
    rows.push([`${label}: the other rules' first check (wall, open to problems shown; ${f.firstCheckWaited.toFixed(0)} ms of it waiting for the count)`, f.firstCheck.toFixed(0), '', '']);
    rows.push([`${label}: edit counted out and in`, median(f.edit).toFixed(2), f.edit.map((t) => t.toFixed(2)).join(' '), '']);
    rows.push([`${label}: update after the edit`, median(f.update).toFixed(2), f.update.map((t) => t.toFixed(1)).join(' '), '']);
    rows.push([`${label}: Ctrl+A consistency quick fixes (${f.diagnostics} problems in range, ${f.offered} fixes)`, median(f.quickFixes).toFixed(1), f.quickFixes.map((t) => t.toFixed(1)).join(' '), '']);
    if (SIZES[index] >= 20_000_000) {
      targets.push({ label: `first pass on ${SIZES[index] / 1e6} MB (${(f.chars / 1e6).toFixed(1)} M chars) < ${FIRST_PASS_MS} ms`, value: `${f.firstPass.toFixed(0)} ms wall, ${f.firstPassBusy.toFixed(0)} ms working (${(f.firstPassBusy / f.baseline).toFixed(1)}× the word count, ${f.baseline.toFixed(0)} ms), ${f.firstPassCpu.toFixed(0)} ms CPU (${(f.firstPassCpu / f.baselineCpu).toFixed(1)}× the word count's)`, pass: f.firstPass < FIRST_PASS_MS });
      targets.push({ label: `update after a one-line edit < ${UPDATE_MS} ms (median of edit + update)`, value: `${(median(f.edit) + median(f.update)).toFixed(1)} ms`, pass: median(f.edit) + median(f.update) < UPDATE_MS });
    }
    targets.push({ label: `Ctrl+A consistency quick fixes on ${(f.chars / 1e6).toFixed(0)} M chars < ${QUICK_FIX_MS} ms (median, the provider alone)`, value: `${median(f.quickFixes).toFixed(1)} ms`, pass: median(f.quickFixes) < QUICK_FIX_MS });
  }
  return {
    title: 'consistency in the editor',
    facts,
    head: ['what', 'ms (median)', 'runs (ms)', 'vs baseline'],
    rows,
    notes: ['A loaded machine stretches every figure; the ratio to the word count of the same run is the steadier one.'],
    targets,
    problems: [],
  };
}
