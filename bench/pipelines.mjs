// Benchmark section "pipelines": segcorpus normalize on gzip and JSON Lines, as ratios against zcat, gzip and plain normalize on the same bytes; check on gzip against check on the text.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { writeCorpus } from './corpus.mjs';
import { formatMb, measure, median, row, rssSource, warmPageCache } from './measure.mjs';

const MB = 1e6;
const BIG_BYTES = 100 * MB;

export const description = 'segcorpus normalize on .gz (vs zcat, gzip) and --jsonl (vs plain normalize), check on .gz (vs the plain file), 100 MB';
/** check reading gzip against check on the same text: decompressing costs a little, never a thread. */
const CHECK_GZIP_MAX = 1.3;

/**
 * @param {object} ctx  { cliPath, samplePath, workDir, runs, progress(message) }
 * @returns a section report (see report.mjs)
 */
export async function run(ctx) {
  const { cliPath, samplePath, workDir, runs, progress } = ctx;
  const scratchDir = join(workDir, 'scratch');
  mkdirSync(scratchDir);
  const rows = [];
  const notes = [];
  const problems = [];
  const data = {};

  progress(`generating ~${BIG_BYTES / MB} MB corpus, its gzip and its JSON Lines`);
  const big = writeCorpus(join(workDir, 'big.seg'), BIG_BYTES, samplePath);
  const gz = join(workDir, 'big.seg.gz');
  // gzip's default level, as users make their .gz files.
  const made = spawnSync('sh', ['-c', `gzip -c "${big.path}" > "${gz}"`]);
  if (made.status !== 0) throw new Error(`gzip failed: ${made.stderr}`);
  const jsonl = join(workDir, 'big.jsonl');
  writeRecords(big.path, jsonl);
  for (const file of [big.path, gz, jsonl]) await warmPageCache(file);
  const out = join(workDir, 'out');
  const cli = (...args) => () => measure(process.execPath, [cliPath, 'normalize', ...args], { scratchDir });
  const commands = {
    zcat: () => measure('zcat', [gz], { stdoutPath: out, scratchDir }),
    'normalize .gz in': cli(gz, '-o', out),
    gzip: () => measure('gzip', ['-c', big.path], { stdoutPath: out, scratchDir }),
    'normalize .gz out': cli(big.path, '-o', `${out}.gz`),
    normalize: cli(big.path, '-o', out),
    'normalize --jsonl': cli('--jsonl', jsonl, '-o', out),
    // check on the same corpus gzipped: its threads chosen by the size it decompresses to, decompressed once.
    check: () => measure(process.execPath, [cliPath, 'check', big.path], { stdoutPath: out, scratchDir, okCodes: [0, 1] }),
    'check .gz in': () => measure(process.execPath, [cliPath, 'check', gz], { stdoutPath: out, scratchDir, okCodes: [0, 1] }),
  };
  const times = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  const rss = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  // Alternating, so drift in machine load hits every command alike.
  for (let i = 0; i < runs; i++) {
    for (const [name, command] of Object.entries(commands)) {
      progress(`run ${i + 1}/${runs}: ${name}`);
      const result = await command();
      times[name].push(result.seconds);
      rss[name].push(result.peakRssBytes);
      rmSync(out, { force: true });
      rmSync(`${out}.gz`, { force: true });
    }
  }
  const labels = {
    zcat: `zcat big.seg.gz > out`,
    'normalize .gz in': 'segcorpus normalize big.seg.gz -o out',
    gzip: 'gzip -c big.seg > out.gz',
    'normalize .gz out': 'segcorpus normalize big.seg -o out.gz',
    normalize: 'segcorpus normalize big.seg -o out',
    'normalize --jsonl': 'segcorpus normalize --jsonl big.jsonl -o out',
    check: 'segcorpus check big.seg > out',
    'check .gz in': 'segcorpus check big.seg.gz > out',
  };
  // MB/s of the uncompressed text for every row: the gzip rows move the same corpus.
  for (const name of Object.keys(commands)) {
    const bytes = name === 'normalize --jsonl' ? sizeOf(jsonl) : big.bytes;
    rows.push(row(labels[name], bytes, times[name], Math.max(...rss[name])));
  }
  const ratio = (base, name) => median(times[base]) / median(times[name]);
  data.ratios = {
    gzipInVsZcat: ratio('zcat', 'normalize .gz in'),
    gzipOutVsGzip: ratio('gzip', 'normalize .gz out'),
    jsonlVsPlain: (sizeOf(jsonl) / median(times['normalize --jsonl'])) / (big.bytes / median(times.normalize)),
    checkGzipVsPlain: median(times['check .gz in']) / median(times.check),
  };
  data.seconds = times;
  data.peakRssBytes = rss;
  notes.push(`normalize reading .gz: ${data.ratios.gzipInVsZcat.toFixed(2)}× the speed of zcat alone on the same file`);
  notes.push(`normalize writing .gz: ${data.ratios.gzipOutVsGzip.toFixed(2)}× the speed of gzip alone on the same input (both level 6)`);
  notes.push(`normalize --jsonl: ${data.ratios.jsonlVsPlain.toFixed(2)}× the MB/s of plain normalize (records {"id","text","source"} of the same lines)`);
  const targets = [
    // It was 2.1× when the count's thread was chosen by the 6 MB on disk.
    { label: `check on the .gz takes at most ${CHECK_GZIP_MAX}× its time on the plain file`, pass: data.ratios.checkGzipVsPlain <= CHECK_GZIP_MAX, value: `${data.ratios.checkGzipVsPlain.toFixed(2)}×` },
  ];

  return {
    title: 'pipelines: gzip and JSON Lines',
    facts: [
      ['input', `${formatMb(big.bytes)}, ${big.lines.toLocaleString('en')} lines; its gzip ${formatMb(sizeOf(gz))}; as JSON Lines ${formatMb(sizeOf(jsonl))}`],
      ['runs', `${runs} of each, alternating; median wall time (spawn to exit); MB/s of uncompressed bytes`],
      ['machine', `${availableParallelism()} CPUs, node ${process.version}`],
      ['peak RSS', rssSource],
    ],
    head: ['command', 'median s', 'MB/s', 'peak RSS', 'runs (s)'],
    rows,
    notes,
    targets,
    problems,
    data,
  };
}

function sizeOf(file) {
  return statSync(file).size;
}

/** The corpus's lines as JSON Lines records, streamed: {"id":n,"text":line,"source":"bench"}. */
function writeRecords(from, to) {
  const fd = openSync(to, 'w');
  let id = 0;
  let pending = '';
  const text = readFileSync(from, 'utf8');
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    pending += JSON.stringify({ id: id++, text: text.slice(start, end).replace(/\r$/, ''), source: 'bench' }) + '\n';
    if (pending.length > 1 << 22) {
      writeSync(fd, pending);
      pending = '';
    }
    start = end + 1;
  }
  writeSync(fd, pending);
  closeSync(fd);
}
