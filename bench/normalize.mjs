// Benchmark section "normalize": `segcorpus normalize` against sed on ~100 MB and ~1 GB, with NLTK as the peer figure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statfsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { writeCorpus } from './corpus.mjs';
import { formatMb, measure, median, row, rssSource, scanOutput, sedVersion, warmPageCache } from './measure.mjs';

const MB = 1e6;
const BIG_BYTES = 100 * MB;
const HUGE_BYTES = 1000 * MB;
const PEER_BYTES = 10 * MB;
// Input, output and slack: the 1 GB case needs about 2 GB, and the machine must stay usable.
const HUGE_MIN_FREE_BYTES = 4e9;
const TARGET_RATIO = 1.3;
const TARGET_RSS_BYTES = 200 * MB;
// Debian's python3-nltk is visible only to Debian's python, not to a pyenv shim first on PATH.
const SYSTEM_PYTHON = '/usr/bin/python3';
const PEER_SCRIPT = new URL('./treebank_detokenize.py', import.meta.url).pathname;

export const description = 'segcorpus normalize vs sed (100 MB, 1 GB), NLTK detokenizer as peer';

/**
 * @param {object} ctx  { cliPath, samplePath, workDir, runs, skipHuge, progress(message) }
 * @returns a section report: { title, facts, head, rows, notes, targets, problems, data }
 */
export async function run(ctx) {
  const { cliPath, samplePath, workDir, runs, progress } = ctx;
  const notes = [];
  const problems = [];
  const rows = [];
  const data = {};
  const scratchDir = join(workDir, 'scratch');
  mkdirSync(scratchDir);
  const segcorpus = (input, output, extra = []) => [process.execPath, [cliPath, 'normalize', input, '-o', output, ...extra]];

  // Every output is checked, not just the first: a threaded normalizer can get a run wrong by chance.
  const check = async (label, output, input) => {
    const scan = await scanOutput(output);
    if (scan.lineFeeds !== input.lines) {
      problems.push(`${label}: ${scan.lineFeeds} lines out for ${input.lines} in`);
    }
    if (scan.firstUnderscore !== -1) {
      problems.push(`${label}: '_' left in the output at byte ${scan.firstUnderscore}`);
    }
    return scan;
  };

  // --- 100 MB: sed and segcorpus alternating, so drift in machine load hits both alike.
  progress(`generating ~${BIG_BYTES / MB} MB corpus`);
  const big = writeCorpus(join(workDir, 'big.seg'), BIG_BYTES, samplePath);
  data.input = big;
  await warmPageCache(big.path);
  const out = join(workDir, 'out.txt');
  const out2 = join(workDir, 'out2.txt');
  const sedTimes = [];
  const sedRss = [];
  const segTimes = [];
  const segRss = [];
  // Each output is deleted once checked, outside the clock: the next run then neither truncates an
  // old file (the shell does that for sed before it starts, the CLI would do it on the clock) nor
  // competes with the kernel writing the old one back to disk.
  for (let i = 0; i < runs; i++) {
    progress(`run ${i + 1}/${runs}: sed`);
    const sed = await measure('sed', ['s/_/ /g', big.path], { stdoutPath: out2, scratchDir });
    sedTimes.push(sed.seconds);
    sedRss.push(sed.peakRssBytes);
    await check('sed', out2, big);
    rmSync(out2);
    progress(`run ${i + 1}/${runs}: segcorpus normalize`);
    const seg = await measure(...segcorpus(big.path, out), { scratchDir });
    segTimes.push(seg.seconds);
    segRss.push(seg.peakRssBytes);
    await check(`segcorpus run ${i + 1}`, out, big);
    rmSync(out);
  }
  const sedSeconds = median(sedTimes);
  const segSeconds = median(segTimes);
  const ratio = sedSeconds / segSeconds;
  const segPeak = Math.max(...segRss);
  rows.push(row(`sed 's/_/ /g' big > out2`, big.bytes, sedTimes, Math.max(...sedRss)));
  rows.push(row('segcorpus normalize big -o out', big.bytes, segTimes, segPeak));
  data.sed = { seconds: sedTimes, peakRssBytes: sedRss };
  data.segcorpus = { seconds: segTimes, peakRssBytes: segRss };

  // --- The same input on one thread: for information, to see what the worker threads buy.
  progress('segcorpus normalize --jobs 1');
  const single = await measure(...segcorpus(big.path, out, ['--jobs', '1']), { scratchDir });
  await check('segcorpus --jobs 1', out, big);
  rows.push(row('segcorpus normalize big -o out --jobs 1', big.bytes, [single.seconds], single.peakRssBytes));
  data.segcorpusJobs1 = { seconds: [single.seconds], peakRssBytes: [single.peakRssBytes] };
  rmSync(out);

  // --- 1 GB: once, for memory (which must not grow with the input) and throughput.
  let hugePeak;
  if (ctx.skipHuge) {
    notes.push('1 GB case skipped (BENCH_SKIP_1GB=1)');
  } else {
    const { bavail, bsize } = statfsSync(workDir);
    const free = bavail * bsize;
    if (free < HUGE_MIN_FREE_BYTES) {
      notes.push(`1 GB case skipped: ${(free / 1e9).toFixed(1)} GB free in ${workDir}, needs ${HUGE_MIN_FREE_BYTES / 1e9} GB`);
    } else {
      rmSync(big.path, { force: true });
      progress(`generating ~${HUGE_BYTES / MB} MB corpus`);
      const huge = writeCorpus(join(workDir, 'huge.seg'), HUGE_BYTES, samplePath);
      await warmPageCache(huge.path);
      progress('segcorpus normalize on 1 GB');
      const hugeOut = join(workDir, 'huge-out.txt');
      const result = await measure(...segcorpus(huge.path, hugeOut), { scratchDir });
      await check('segcorpus 1 GB', hugeOut, huge);
      hugePeak = result.peakRssBytes;
      rows.push(row('segcorpus normalize huge -o out (1 GB)', huge.bytes, [result.seconds], hugePeak));
      data.huge = { input: huge, seconds: [result.seconds], peakRssBytes: [hugePeak] };
      rmSync(huge.path, { force: true });
      rmSync(hugeOut, { force: true });
    }
  }

  // --- Peer: NLTK's Treebank detokenizer on the first 10 MB of the same corpus (it is a prefix).
  const python = await treebankPython(progress);
  if (python.ok) {
    progress(`NLTK TreebankWordDetokenizer on ${PEER_BYTES / MB} MB`);
    const slice = writeCorpus(join(workDir, 'slice.seg'), PEER_BYTES, samplePath);
    const report = join(workDir, 'nltk.json');
    const peer = await measure(SYSTEM_PYTHON, [PEER_SCRIPT, slice.path, join(workDir, 'nltk.out')], {
      stdoutPath: report,
      scratchDir,
    });
    const figures = JSON.parse(readFileSync(report, 'utf8'));
    await check('NLTK', join(workDir, 'nltk.out'), slice);
    // The script's own clock leaves out Python's start-up and the NLTK import, which a long job pays once.
    rows.push(row(`NLTK ${figures.nltk} TreebankWordDetokenizer (10 MB)`, figures.bytes, [figures.seconds], peer.peakRssBytes));
    data.nltk = { ...figures, peakRssBytes: peer.peakRssBytes };
    rmSync(join(workDir, 'nltk.out'), { force: true });
  } else {
    notes.push(`NLTK peer skipped: ${python.why}`);
  }

  const nltkNote = data.nltk
    ? `; ${(big.bytes / segSeconds / (data.nltk.bytes / data.nltk.seconds)).toFixed(0)}× NLTK's throughput`
    : '';
  notes.unshift(`ratio sed / segcorpus (median wall time): ${ratio.toFixed(2)}×${nltkNote}`);
  const targets = [
    { label: `normalize ≥ ${TARGET_RATIO}× faster than sed`, pass: ratio >= TARGET_RATIO, value: `${ratio.toFixed(2)}×` },
    { label: 'peak RSS ≤ 200 MB at 100 MB input', pass: segPeak <= TARGET_RSS_BYTES, value: formatMb(segPeak) },
    hugePeak === undefined
      ? { label: 'peak RSS ≤ 200 MB at 1 GB input', pass: undefined, value: 'not measured' }
      : { label: 'peak RSS ≤ 200 MB at 1 GB input', pass: hugePeak <= TARGET_RSS_BYTES, value: formatMb(hugePeak) },
  ];
  data.ratio = ratio;

  const facts = [
    ['input', `${formatMb(big.bytes)}, ${big.lines.toLocaleString('en')} lines (${big.emptyLines} empty, ${big.crlfLines} CRLF), 50–5,000 chars`],
    ['runs', `${runs} of each, alternating sed / segcorpus; median wall time (spawn to exit)`],
    ['machine', `${availableParallelism()} CPUs, node ${process.version}, ${sedVersion()}, LANG=${process.env.LANG ?? ''}`],
    ['peak RSS', rssSource],
  ];
  return {
    title: 'normalize',
    facts,
    head: ['command', 'median s', 'MB/s', 'peak RSS', 'runs (s)'],
    rows,
    notes,
    targets,
    problems,
    data,
  };
}


/**
 * Makes sure Debian's python sees NLTK, installing python3-nltk with apt-get when it is missing and we
 * are root (as on the project's machines); anywhere else the peer is skipped with a note.
 */
async function treebankPython(progress) {
  const probe = () => spawnSync(SYSTEM_PYTHON, ['-c', 'import nltk.tokenize.treebank'], { stdio: 'ignore' }).status === 0;
  if (!existsSync(SYSTEM_PYTHON)) return { ok: false, why: `${SYSTEM_PYTHON} not found` };
  if (probe()) return { ok: true };
  if (process.env.BENCH_NO_INSTALL === '1') return { ok: false, why: 'python3-nltk not installed (BENCH_NO_INSTALL=1)' };
  if (process.getuid?.() !== 0) return { ok: false, why: 'python3-nltk not installed, and not root to install it' };
  progress('installing python3-nltk with apt-get');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () => spawnSync('apt-get', ['install', '-y', '-qq', 'python3-nltk'], { env, encoding: 'utf8' });
  let result = install();
  if (result.status !== 0) {
    // A fresh machine's package lists are empty: refresh them once and try again.
    spawnSync('apt-get', ['update', '-qq'], { env, stdio: 'ignore' });
    result = install();
  }
  if (result.status !== 0 || !probe()) {
    const why = (result.stderr || result.error?.message || '').trim().split('\n').pop();
    return { ok: false, why: `python3-nltk could not be installed${why ? ` (${why})` : ''}` };
  }
  return { ok: true };
}
