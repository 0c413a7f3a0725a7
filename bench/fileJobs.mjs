// Benchmark section "fileJobs": Normalize to File… on a 1 GB corpus in the real editor (code-server), against segcorpus normalize on the same file in the same run.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpus } from './corpus.mjs';
import { formatMb, measure, warmPageCache } from './measure.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MB = 1e6;
const HUGE_BYTES = 1000 * MB;
const SMALL_BYTES = 100 * MB;
const TARGET_MB_S = 100;
const TARGET_GROWTH_BYTES = 200 * MB;

async function sha256(path) {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 4 << 20 })) hash.update(chunk);
  return hash.digest('hex');
}

export const description = 'Normalize to File… in the editor on 1 GB (100 MB with BENCH_SKIP_1GB=1): MB/s and the extension host memory growth, vs segcorpus normalize';

export async function run(ctx) {
  const title = 'file jobs in the editor';
  const bytes = ctx.skipHuge ? SMALL_BYTES : HUGE_BYTES;
  const facts = [
    ['job', `Normalize to File… run as the Explorer runs it (the save dialog answered), on a ${bytes / MB} MB corpus generated from the sample (bench/corpus.mjs)`],
    ['where', 'code-server, timed in the extension host (test/integration/fileJobs.bench.ts) from the command to the output committed; memory: the extension host process RSS (worker threads included) sampled every 20 ms, peak minus before'],
    ['baseline', 'segcorpus normalize FILE -o OUT on the same file, same run (median of the runs)'],
  ];
  const skipped = (why) => ({ title, facts: [...facts, ['skipped', why]], head: ['what'], rows: [], notes: [], targets: [], problems: [] });
  if (process.env.BENCH_NO_EDITOR === '1') return skipped('BENCH_NO_EDITOR=1');
  if (!existsSync(join(repoRoot, '.vscode-test', 'code-server', '.installed'))) return skipped('no editor runtime (npm run editor:install)');
  const script = join(repoRoot, 'out', 'test', 'integration', 'fileJobs.bench.js');
  if (!existsSync(script)) throw new Error(`${script} is missing (npm run compile-tests)`);

  ctx.progress(`generating ~${bytes / MB} MB corpus`);
  const input = writeCorpus(join(ctx.workDir, 'big.seg'), bytes, ctx.samplePath);
  await warmPageCache(input.path);
  const cliOut = join(ctx.workDir, 'cli.txt');
  const editorOut = join(ctx.workDir, 'editor.txt');
  const cliTimes = [];
  for (let k = 0; k < ctx.runs; k++) {
    ctx.progress(`segcorpus normalize, run ${k + 1}`);
    cliTimes.push((await measure(process.execPath, [ctx.cliPath, 'normalize', input.path, '-o', cliOut], { scratchDir: ctx.workDir })).seconds);
  }
  cliTimes.sort((a, b) => a - b);
  const cliSeconds = cliTimes[Math.floor(cliTimes.length / 2)];
  // CPU time (user + system, every thread) of one more run: steadier than wall time when the machine is shared.
  const timed = spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, ctx.cliPath, 'normalize', input.path, '-o', cliOut], { encoding: 'utf8' });
  const cliCpu = timed.status === 0 ? timed.stderr.trim().split('\n').pop().split(' ').reduce((sum, s) => sum + Number(s), 0) : NaN;

  ctx.progress('Normalize to File… in code-server');
  const result = spawnSync(
    process.execPath,
    [join(repoRoot, 'scripts', 'editor', 'vscode-adapter.mjs'), `--extensionDevelopmentPath=${repoRoot}`, `--extensionTestsPath=${script}`, join(repoRoot, 'test', 'fixtures'), '--disable-extensions'],
    { encoding: 'utf8', timeout: 900_000, env: { ...process.env, SEGCORPUS_BENCH_FILE: input.path, SEGCORPUS_BENCH_OUT: editorOut, SEGCORPUS_EDITOR_TIMEOUT_MS: '840000' } },
  );
  const line = (result.stdout ?? '').split('\n').find((l) => l.includes('file-jobs {'));
  if (!line) throw new Error(`no figures from the editor (exit ${result.status}): ${(result.stderr || result.stdout || '').trim().split('\n').slice(-3).join(' / ')}`);
  const figures = JSON.parse(line.slice(line.indexOf('file-jobs ') + 'file-jobs '.length));
  const problems = [];
  ctx.progress('comparing the outputs');
  if ((await sha256(editorOut)) !== (await sha256(cliOut))) problems.push('the editor wrote other bytes than segcorpus normalize');
  rmSync(editorOut, { force: true });
  rmSync(cliOut, { force: true });

  const seconds = figures.ms / 1000;
  const mbS = input.bytes / MB / seconds;
  const growth = figures.rssPeak - figures.rssBefore;
  return {
    title,
    facts,
    head: ['what', 's', 'MB/s', 'CPU s', 'memory', 'vs CLI (wall, CPU)'],
    rows: [
      [`segcorpus normalize (${ctx.runs} runs: ${cliTimes.map((t) => t.toFixed(2)).join(' ')})`, cliSeconds.toFixed(2), (input.bytes / MB / cliSeconds).toFixed(0), cliCpu.toFixed(2), '', '1.0×'],
      ['Normalize to File… in the editor', seconds.toFixed(2), mbS.toFixed(0), (figures.cpuMs / 1000).toFixed(2), `+${formatMb(growth)} (${formatMb(figures.rssBefore)} → ${formatMb(figures.rssPeak)})`, `${(seconds / cliSeconds).toFixed(2)}×, ${(figures.cpuMs / 1000 / cliCpu).toFixed(2)}×`],
    ],
    notes: ['CPU s: user + system time of every thread (the CLI through GNU time, one more run; the extension host through process.cpuUsage). On a shared machine the wall time also pays for the workbench (code-server, the browser drawing the progress notification), the CPU time only for the job.', 'The editor job is the CLI job (src/node/fileJob.ts) with the transform always in a worker thread, so the extension host only reads and writes.'],
    targets: [
      { label: `Normalize to File… on ${(input.bytes / MB).toFixed(0)} MB ≥ ${TARGET_MB_S} MB/s`, value: `${mbS.toFixed(0)} MB/s`, pass: mbS >= TARGET_MB_S },
      { label: `extension host memory growth ≤ ${formatMb(TARGET_GROWTH_BYTES)}`, value: `+${formatMb(growth)}`, pass: growth <= TARGET_GROWTH_BYTES },
    ],
    problems,
  };
}
