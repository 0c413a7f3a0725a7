// Benchmark section "viewer": the corpus viewer's extension-host side on a 1 GB file (first screen, full line index, a far jump, a find over the whole file, memory), against one read of the file with fs.createReadStream.
import { spawn } from 'node:child_process';
import { statfsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setInterval, clearInterval } from 'node:timers';
import { fileURLToPath } from 'node:url';
import { writeCorpus } from './corpus.mjs';
import { formatMb, warmPageCache } from './measure.mjs';

const here = fileURLToPath(import.meta.url);
const repoRoot = resolve(dirname(here), '..');
const MB = 1e6;
const HUGE_BYTES = 1000 * MB;
const SMALL_BYTES = 100 * MB;
const HUGE_MIN_FREE_BYTES = 2.5e9;
/** Lines on a screen, as the viewer asks for them (a screen and a margin). */
const SCREEN_LINES = 90;
const TARGET_FIRST_SCREEN_MS = 1000;
/** The viewer may grow the host's memory by no more than this over what one streamed read grows it by. */
const TARGET_EXTRA_RSS_BYTES = 64 * MB;
/** Indexing reads the file once, with pauses for the event loop: at most this many times one plain read. */
const TARGET_INDEX_RATIO = 2;

export const description = 'corpus viewer: first screen, line index, jump and find on 1 GB, against one fs.createReadStream read';

/** Runs this file as a child in `mode` on `path`; resolves to what it prints (JSON). */
function child(mode, path) {
  return new Promise((resolvePromise, reject) => {
    const proc = spawn(process.execPath, ['--expose-gc', here, mode, path], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    proc.stdout.on('data', (d) => (out += d));
    proc.on('error', reject);
    proc.on('close', (code) => (code === 0 ? resolvePromise(JSON.parse(out)) : reject(new Error(`${mode} child exited with ${code}`))));
  });
}

/** Peak RSS while `work` runs, sampled every 20 ms, and the RSS before it. */
async function withRss(work) {
  globalThis.gc?.();
  const before = process.memoryUsage.rss();
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { ...result, rssBefore: before, rssPeak: peak };
  } finally {
    clearInterval(timer);
  }
}

/** The child: what one host process does. */
async function childMain(mode, path) {
  const require = createRequire(import.meta.url);
  const out = (name) => require(join(repoRoot, 'out', 'src', name));
  if (mode === 'stream') {
    const { createReadStream } = await import('node:fs');
    const report = await withRss(async () => {
      const started = performance.now();
      let bytes = 0;
      for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) bytes += chunk.length;
      return { readMs: performance.now() - started, bytes };
    });
    process.stdout.write(JSON.stringify(report));
    return;
  }
  // The viewer, as src/features/viewer.ts drives it: the same compiled core and file reader, the same pause.
  const { LineIndex, buildLineIndex, pacedPause, readLines } = out('core/lineIndex.js');
  const { LooseQuery, searchFile } = out('core/looseFind.js');
  const { Tokenizer } = out('core/tokens.js');
  const { DEFAULT_SCHEME } = out('core/scheme.js');
  const { openFileBytes } = out('node/fileBytes.js');
  const tokenizer = new Tokenizer(DEFAULT_SCHEME);
  const report = await withRss(async () => {
    const started = performance.now();
    const bytes = await openFileBytes(path);
    const index = new LineIndex(64);
    const indexed = buildLineIndex(bytes, index, pacedPause()).then(() => performance.now() - started);
    // The page's first request, answered while the index is being built.
    const first = await readLines(bytes, index, 0, SCREEN_LINES);
    for (const line of first) tokenizer.tokenize(line.text);
    const firstScreenMs = performance.now() - started;
    const indexMs = await indexed;
    const jumpStarted = performance.now();
    const middle = Math.floor(index.lineCount / 2);
    const far = await readLines(bytes, index, middle, SCREEN_LINES);
    const jumpMs = performance.now() - jumpStarted;
    const findStarted = performance.now();
    // A query that is not in the file: the search reads all of it.
    const match = await searchFile(bytes, index, new LooseQuery('không_có_ở_đâu'), { fromLine: 0, backward: false, pause: pacedPause() });
    const findMs = performance.now() - findStarted;
    await bytes.close();
    return { firstScreenMs, firstLines: first.length, indexMs, lineCount: index.lineCount, indexBytes: index.memoryBytes, jumpMs, farLines: far.length, findMs, found: match !== undefined };
  });
  process.stdout.write(JSON.stringify(report));
}

export async function run(ctx) {
  const { samplePath, workDir, progress } = ctx;
  const problems = [];
  const notes = [];
  const free = statfsSync(workDir).bavail * statfsSync(workDir).bsize;
  let target = ctx.skipHuge ? SMALL_BYTES : HUGE_BYTES;
  if (!ctx.skipHuge && free < HUGE_MIN_FREE_BYTES) {
    notes.push(`only ${formatMb(free)} free in ${workDir}: measured on ${SMALL_BYTES / MB} MB instead of 1 GB`);
    target = SMALL_BYTES;
  }
  if (ctx.skipHuge) notes.push(`BENCH_SKIP_1GB=1: measured on ${SMALL_BYTES / MB} MB instead of 1 GB`);
  progress(`generating ~${target / MB} MB corpus`);
  const file = writeCorpus(join(workDir, 'viewer.seg'), target, samplePath);
  await warmPageCache(file.path);

  progress('baseline: one fs.createReadStream read');
  const stream = await child('stream', file.path);
  progress('viewer: first screen, index, jump, find');
  const viewer = await child('viewer', file.path);

  if (viewer.lineCount !== file.lines) problems.push(`the index counted ${viewer.lineCount} lines, the file has ${file.lines}`);
  if (viewer.firstLines !== SCREEN_LINES) problems.push(`the first screen had ${viewer.firstLines} lines`);
  if (viewer.farLines !== SCREEN_LINES) problems.push(`the jump to the middle read ${viewer.farLines} lines`);
  if (viewer.found) problems.push('find reported a match for a query that is not in the file');

  const growth = (r) => r.rssPeak - r.rssBefore;
  const seconds = (ms) => `${(ms / 1000).toFixed(2)}`;
  const rate = (ms) => `${(file.bytes / MB / (ms / 1000)).toFixed(0)}`;
  const rows = [
    ['fs.createReadStream, one read (baseline)', seconds(stream.readMs), rate(stream.readMs), formatMb(growth(stream))],
    [`first screen (${SCREEN_LINES} lines, tokenized), index running`, seconds(viewer.firstScreenMs), '', ''],
    ['full line index (background, chunks that yield)', seconds(viewer.indexMs), rate(viewer.indexMs), ''],
    [`jump to line ${Math.floor(file.lines / 2).toLocaleString('en-US')} (${SCREEN_LINES} lines)`, seconds(viewer.jumpMs), '', ''],
    ['find over the whole file (no match)', seconds(viewer.findMs), rate(viewer.findMs), ''],
    ['viewer, all of the above', '', '', formatMb(growth(viewer))],
  ];
  const indexRatio = viewer.indexMs / stream.readMs;
  const extraRss = growth(viewer) - growth(stream);
  return {
    title: `viewer: ${formatMb(file.bytes)} corpus`,
    facts: [
      ['file', `${formatMb(file.bytes)}, ${file.lines.toLocaleString('en-US')} lines`],
      ['line index', `${(viewer.indexBytes / 1024).toFixed(0)} KB (one offset per 64 lines)`],
      ['measured', 'the extension-host side (out/src/core/lineIndex.js, looseFind.js, node/fileBytes.js) in a fresh Node process per case; RSS peak minus RSS before'],
    ],
    head: ['case', 's', 'MB/s', 'RSS growth'],
    rows,
    notes,
    targets: [
      { label: `first screen in < ${TARGET_FIRST_SCREEN_MS} ms`, value: `${viewer.firstScreenMs.toFixed(0)} ms`, pass: viewer.firstScreenMs < TARGET_FIRST_SCREEN_MS },
      { label: `memory flat: RSS growth ≤ baseline's + ${TARGET_EXTRA_RSS_BYTES / MB} MB`, value: `${formatMb(growth(viewer))} vs ${formatMb(growth(stream))}`, pass: extraRss <= TARGET_EXTRA_RSS_BYTES },
      { label: `full index ≤ ${TARGET_INDEX_RATIO}x one streamed read`, value: `${indexRatio.toFixed(2)}x`, pass: indexRatio <= TARGET_INDEX_RATIO },
    ],
    problems,
    data: { bytes: file.bytes, lines: file.lines, stream, viewer },
  };
}

if (process.argv[1] === here && process.argv[2]) {
  childMain(process.argv[2], process.argv[3]).catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
