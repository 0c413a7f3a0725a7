// Benchmark section "filters": `segcorpus restore`, `check` and `stats` against sed on ~100 MB, and each command's memory on one long line.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { writeCorpus } from './corpus.mjs';
import { formatMb, measure, median, row, rssSource, sedVersion, warmPageCache } from './measure.mjs';

const MB = 1e6;
const BIG_BYTES = 100 * MB;
/** A line just under the CLI's 16 MiB cap: the most memory one line may take. */
const LONG_LINE_BYTES = 16 * 1024 * 1024 - 1024;
const TARGET_RATIO = 1.0;
const TARGET_LONG_LINE_RSS = 500 * MB;

export const description = 'segcorpus restore / check / stats vs sed (100 MB), peak RSS on one 16 MB line';

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
  const targets = [];
  const problems = [];
  const data = {};

  progress(`generating ~${BIG_BYTES / MB} MB corpus`);
  const big = writeCorpus(join(workDir, 'big.seg'), BIG_BYTES, samplePath);
  data.input = big;
  await warmPageCache(big.path);
  const out = join(workDir, 'out.txt');
  // Each command as a user runs it, into a file; check exits 1 when it finds errors.
  const commands = {
    sed: () => measure('sed', ['s/_/ /g', big.path], { stdoutPath: out, scratchDir }),
    restore: () => measure(process.execPath, [cliPath, 'restore', big.path, '-o', out], { scratchDir }),
    check: () => measure(process.execPath, [cliPath, 'check', big.path], { stdoutPath: out, scratchDir, okCodes: [0, 1] }),
    // The per-line rules alone: the corpus-wide consistency count (issue 8) turned off.
    checkRules: () => measure(process.execPath, [cliPath, 'check', '--severity', 'inconsistent-segmentation=off', big.path], { stdoutPath: out, scratchDir, okCodes: [0, 1] }),
    stats: () => measure(process.execPath, [cliPath, 'stats', big.path], { stdoutPath: out, scratchDir }),
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
    }
  }
  const sedSeconds = median(times.sed);
  rows.push(row(`sed 's/_/ /g' big > out`, big.bytes, times.sed, Math.max(...rss.sed)));
  for (const name of ['restore', 'check', 'stats']) {
    const label = name === 'restore' ? 'segcorpus restore big -o out' : `segcorpus ${name} big > out`;
    rows.push(row(label, big.bytes, times[name], Math.max(...rss[name])));
    const ratio = sedSeconds / median(times[name]);
    data[name] = { seconds: times[name], peakRssBytes: rss[name], ratio };
    targets.push({ label: `${name} at least as fast as sed`, pass: ratio >= TARGET_RATIO, value: `${ratio.toFixed(2)}×` });
  }
  // Not one of issue 7's targets (check is every rule), shown beside it: what the consistency count costs.
  const rulesRatio = sedSeconds / median(times.checkRules);
  rows.push(row('segcorpus check --severity inconsistent-segmentation=off big > out', big.bytes, times.checkRules, Math.max(...rss.checkRules)));
  data.checkRules = { seconds: times.checkRules, peakRssBytes: rss.checkRules, ratio: rulesRatio };
  notes.push(`check's per-line rules alone (the consistency count off): ${rulesRatio.toFixed(2)}× sed`);
  data.sed = { seconds: times.sed, peakRssBytes: rss.sed };
  rmSync(big.path, { force: true });

  // --- One long line (no line break): memory must not grow past what the line cap allows.
  progress(`generating one ${(LONG_LINE_BYTES / MB).toFixed(0)} MB line`);
  const line = join(workDir, 'line.seg');
  writeLongLine(line, LONG_LINE_BYTES, samplePath);
  data.longLine = {};
  for (const name of ['normalize', 'restore', 'check', 'stats']) {
    progress(`${name} on one long line`);
    const result = await measure(process.execPath, [cliPath, name, line], { stdoutPath: out, scratchDir, okCodes: [0, 1] });
    rmSync(out, { force: true });
    rows.push(row(`segcorpus ${name} (one line at the 16 MiB cap)`, LONG_LINE_BYTES, [result.seconds], result.peakRssBytes));
    data.longLine[name] = { seconds: result.seconds, peakRssBytes: result.peakRssBytes };
    targets.push({ label: `${name}: peak RSS ≤ ${TARGET_LONG_LINE_RSS / MB} MB on one line at the cap`, pass: result.peakRssBytes <= TARGET_LONG_LINE_RSS, value: formatMb(result.peakRssBytes) });
  }
  notes.push('a longer line is refused (status 2, its line number) before it is read whole: SEGCORPUS_MAX_LINE_BYTES, 16 MiB by default');

  return {
    title: 'restore, check, stats',
    facts: [
      ['input', `${formatMb(big.bytes)}, ${big.lines.toLocaleString('en')} lines; then one line of ${formatMb(LONG_LINE_BYTES)}`],
      ['runs', `${runs} of each, alternating sed / restore / check / check without consistency / stats; median wall time (spawn to exit)`],
      ['machine', `${availableParallelism()} CPUs, node ${process.version}, ${sedVersion()}`],
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

/** The sample's text repeated into one line of about `bytes` bytes (cut at a space), no line break. */
function writeLongLine(path, bytes, samplePath) {
  const unit = Buffer.from(readFileSync(samplePath, 'utf8').replace(/[\r\n]+/g, ' ').trim() + ' ');
  const fd = openSync(path, 'w');
  let left = bytes;
  for (; left >= unit.length; left -= unit.length) writeSync(fd, unit);
  // The rest, up to a space, so the line stays valid UTF-8.
  const cut = unit.lastIndexOf(0x20, left - 1);
  if (cut > 0) writeSync(fd, unit, 0, cut);
  closeSync(fd);
}

