// Benchmark section "consistency": `segcorpus check` with every rule, consistency across files included, on 100 MB against the shell's word count.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seededRandom, writeCorpus } from './corpus.mjs';
import { measure, median, rssSource, scanOutput, warmPageCache } from './measure.mjs';

const TOTAL_BYTES = 100_000_000;
const FILES = 4;
/** One joiner in this many is turned into a space: split occurrences of words the rest joins, for the rule to find. */
const SPLIT_ONE_IN = 300;
const RSS_LIMIT = 500 * 1024 * 1024;
const SEED = 0x0c0451;

const mb = (bytes) => `${(bytes / 1e6).toFixed(0)} MB`;

/** Cuts the generated corpus into `FILES` files at line breaks, splitting a few compounds on the way. */
function corpusFiles(workDir, samplePath) {
  const whole = writeCorpus(join(workDir, 'whole.seg'), TOTAL_BYTES, samplePath);
  const text = readFileSync(whole.path, 'utf8');
  rmSync(whole.path);
  const random = seededRandom(SEED);
  let flips = 0;
  const flipped = text.replace(/_/g, () => {
    if (random() * SPLIT_ONE_IN >= 1) return '_';
    flips++;
    return ' ';
  });
  const paths = [];
  let from = 0;
  for (let k = 1; k <= FILES; k++) {
    let to = k === FILES ? flipped.length : flipped.indexOf('\n', Math.floor((flipped.length * k) / FILES)) + 1;
    if (to <= 0) to = flipped.length;
    const path = join(workDir, `part${k}.seg`);
    writeFileSync(path, flipped.slice(from, to));
    paths.push(path);
    from = to;
  }
  return { paths, bytes: whole.bytes, lines: whole.lines, flips };
}

export async function run(ctx) {
  ctx.progress(`generating ${FILES} files, ${mb(TOTAL_BYTES)} in all, one joiner in ${SPLIT_ONE_IN} split`);
  const corpus = corpusFiles(ctx.workDir, ctx.samplePath);
  for (const path of corpus.paths) await warmPageCache(path);
  const scratchDir = ctx.workDir;
  const out = join(ctx.workDir, 'check.out');
  const shell = `cat ${corpus.paths.join(' ')} | tr -s ' ' '\\n' | LC_ALL=C sort | uniq -c > /dev/null`;
  const checkTimes = [];
  const checkRss = [];
  const shellTimes = [];
  let findings;
  for (let r = 0; r < ctx.runs; r++) {
    ctx.progress(`run ${r + 1}/${ctx.runs}: the shell's word count, then segcorpus check`);
    shellTimes.push((await measure('sh', ['-c', shell], { scratchDir })).seconds);
    // check exits 1: the generated corpus has unmatched pairs (errors).
    const result = await measure(process.execPath, [ctx.cliPath, 'check', ...corpus.paths], { stdoutPath: out, scratchDir, okCodes: [0, 1] });
    checkTimes.push(result.seconds);
    checkRss.push(result.peakRssBytes);
    if (findings === undefined) {
      const text = readFileSync(out, 'utf8');
      findings = { all: (await scanOutput(out)).lineFeeds, consistency: text.split('[inconsistent-segmentation]').length - 1 };
    }
  }
  ctx.progress('segcorpus consistency --apply once');
  const apply = await measure(process.execPath, [ctx.cliPath, 'consistency', ...corpus.paths, '--apply', '--out-dir', join(ctx.workDir, 'applied')], { scratchDir });
  const appliedLines = (await Promise.all(corpus.paths.map((p) => scanOutput(join(ctx.workDir, 'applied', p.slice(p.lastIndexOf('/') + 1)))))).reduce((s, o) => s + o.lineFeeds, 0);
  const inputLines = (await Promise.all(corpus.paths.map((p) => scanOutput(p)))).reduce((s, o) => s + o.lineFeeds, 0);

  const row = (label, times, rss) => [label, median(times).toFixed(2), (corpus.bytes / 1e6 / median(times)).toFixed(1), rss === undefined ? '' : `${(rss / 1048576).toFixed(0)} MB`, times.map((t) => t.toFixed(2)).join(' ')];
  const checkPeak = Math.max(...checkRss);
  const problems = [];
  if (findings.consistency === 0) problems.push('check reported no inconsistent-segmentation finding on a corpus with split compounds');
  if (appliedLines !== inputLines) problems.push(`consistency --apply wrote ${appliedLines} lines for ${inputLines}`);
  return {
    title: 'consistency: check with every rule on 100 MB',
    facts: [
      ['corpus', `${FILES} files, ${(corpus.bytes / 1e6).toFixed(1)} MB, ${corpus.lines} lines, generated from the sample (bench/corpus.mjs); ${corpus.flips} joiners split at random`],
      ['findings', `${findings.all} in all, ${findings.consistency} inconsistent-segmentation (counted over the ${FILES} files)`],
      ['baseline', `${shell.replace(/\S*part\d\.seg/g, (p) => p.slice(p.lastIndexOf('/') + 1))}`],
      ['peak RSS', rssSource],
    ],
    head: ['command', 'median s', 'MB/s', 'peak RSS', 'runs (s)'],
    rows: [
      row("shell word count: tr | sort | uniq -c", shellTimes, undefined),
      row(`segcorpus check part1..${FILES}`, checkTimes, checkPeak),
      row(`segcorpus consistency part1..${FILES} --apply --out-dir`, [apply.seconds], apply.peakRssBytes),
    ],
    notes: [],
    targets: [
      { label: 'check (every rule, consistency included) faster than the shell word count, same bytes, same run (median)', value: `${median(checkTimes).toFixed(2)} s vs ${median(shellTimes).toFixed(2)} s (${(median(checkTimes) / median(shellTimes)).toFixed(2)}×)`, pass: median(checkTimes) < median(shellTimes) },
      { label: 'check peak RSS ≤ 500 MB', value: `${(checkPeak / 1048576).toFixed(0)} MB`, pass: checkPeak <= RSS_LIMIT },
    ],
    problems,
  };
}
