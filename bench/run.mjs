// Benchmark runner behind `npm run bench`: runs the named sections (all by default) in a temp folder and prints a report.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { killLiveChildren } from './measure.mjs';
import { render } from './report.mjs';

// A section is a module exporting `description` and `run(ctx)`, which returns a report (see render()).
// Later benchmarks (grammar, hover, …) are added here.
const SECTIONS = {
  normalize: () => import('./normalize.mjs'),
  filters: () => import('./filters.mjs'),
  pipelines: () => import('./pipelines.mjs'),
  hover: () => import('./hover.mjs'),
  diagnostics: () => import('./diagnostics.mjs'),
  grammar: () => import('./grammar.mjs'),
  segmentation: () => import('./segmentation.mjs'),
  consistency: () => import('./consistency.mjs'),
  detect: () => import('./detect.mjs'),
  'consistency-editor': () => import('./consistencyEditor.mjs'),
  'scheme-colours': () => import('./schemeColours.mjs'),
  fileJobs: () => import('./fileJobs.mjs'),
  viewer: () => import('./viewer.mjs'),
  // Last: it packs the VSIX (a production build) and puts the development build back.
  activation: () => import('./activation.mjs'),
};

const USAGE = `usage: node bench/run.mjs [--json] [section…]
sections: ${Object.keys(SECTIONS).join(', ')} (default: all)
  --json              print the reports as JSON instead of tables
environment:
  BENCH_RUNS=n        timed runs per command, at least 3 (default 3)
  BENCH_SKIP_1GB=1    skip the 1 GB cases (fileJobs and the viewer then use 100 MB)
  BENCH_NO_INSTALL=1  do not apt-get install python3-nltk for the peer figure
  BENCH_CLI=path      the CLI to time instead of dist/cli.js (e.g. an older build)
Exits 0 whatever the figures; 1 if a command fails or an output is wrong.`;

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

async function main(argv) {
  const json = argv.includes('--json');
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const names = argv.filter((a) => a !== '--json');
  const unknown = names.filter((n) => !(n in SECTIONS));
  if (unknown.length > 0) {
    console.error(`unknown section or option: ${unknown.join(' ')}\n${USAGE}`);
    return 2;
  }
  const cliPath = resolve(process.env.BENCH_CLI ?? join(repoRoot, 'dist', 'cli.js'));
  if (!existsSync(cliPath)) {
    console.error(`${cliPath} not found: run \`npm run build\` first (\`npm run bench\` does).`);
    return 1;
  }
  const workRoot = mkdtempSync(join(tmpdir(), 'segcorpus-bench-'));
  removeOnExit(workRoot);

  const started = Date.now();
  const reports = [];
  let failed = false;
  for (const name of names.length > 0 ? names : Object.keys(SECTIONS)) {
    const section = await SECTIONS[name]();
    const workDir = mkdtempSync(join(workRoot, `${name}-`));
    const progress = (message) => {
      const seconds = ((Date.now() - started) / 1000).toFixed(0).padStart(4);
      console.error(`[${seconds}s] ${name}: ${message}`);
    };
    try {
      const report = await section.run({
        cliPath,
        samplePath: join(repoRoot, 'test', 'fixtures', 'sample.seg'),
        workDir,
        runs: Math.max(3, Number(process.env.BENCH_RUNS) || 3),
        skipHuge: process.env.BENCH_SKIP_1GB === '1',
        progress,
      });
      reports.push(report);
      if (report.problems.length > 0) failed = true;
    } catch (error) {
      // One broken section must not hide the others' figures, but it makes the run fail.
      failed = true;
      reports.push({ title: name, error: error.message });
    } finally {
      rmSync(workDir, { recursive: true, force: true });
    }
  }

  const cli = cliPath === join(repoRoot, 'dist', 'cli.js') ? 'dist/cli.js' : cliPath;
  if (json) {
    console.log(JSON.stringify({ cli, seconds: (Date.now() - started) / 1000, reports }, null, 2));
  } else {
    console.log(`\nSegmented Corpus benchmark (${cli}, ${((Date.now() - started) / 1000).toFixed(0)} s)`);
    for (const report of reports) console.log(render(report));
  }
  return failed ? 1 : 0;
}

/** Deletes the temp folder however the run ends: normally, by an exception, or by Ctrl+C / kill. */
function removeOnExit(dir) {
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
    process.on(signal, () => {
      // Stop children first, so none is still writing into the folder as it is removed.
      killLiveChildren();
      console.error(`\ninterrupted (${signal}); removed ${dir}`);
      process.exit(code);
    });
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
