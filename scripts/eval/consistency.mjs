// Consistency evaluation (`npm run eval:consistency`): inject known join/split flips into real segmented Vietnamese and measure how many `segcorpus check` finds and `consistency --apply` undoes.
//
// Text: Debian's maint-guide-vi (GPL-2+), paragraphs segmented by vntk@1.4.4 into the corpus
// format (the same setup as scripts/eval/run.mjs), one file per chapter of the guide.
// Flips, drawn with a fixed seed, at most one per word type and never next to each other:
//   split: one `_` of a compound that occurs at least FLIP_MIN_OTHERS more times as it is;
//   join:  the space between two words whose pair occurs at least FLIP_MIN_OTHERS more times;
// in both cases a type whose syllables the segmenter writes in one way only (`như_là` written
// `như là` elsewhere too has no majority to restore: such types are real variations, not flips).
// FLIP_MIN_OTHERS is 3: with the flip, the type then has at least 4 occurrences, so the untouched
// ones are at least 75 % (the default --min-share); a type of 3 (2 against 1, 67 %) has no clear majority.
// recall: flips with an inconsistent-segmentation finding over the flipped boundary.
// precision: of the findings that were not there before the flips, those over a flipped boundary.
// restored: flips whose boundary `consistency --apply` turns back to what it was.
// across files: flips whose type's other occurrences in the flip's own file are fewer than 3, so
// only counting over all the files shows the majority; checked together and file by file.
// Exit code: 0 when every target is met, 1 when one is missed, 2 when the setup or a tool fails.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../../bench/corpus.mjs';
import { extractParagraphs } from './extract.mjs';
import { toPlaceholderLine } from './mapping.mjs';
import { EvalError, MAINT_GUIDE_HTML, VNTK_VERSION, ensureMaintGuide, ensureVntk, runEvaluation } from './setup.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '../..');
const VNTK_CACHE = join(REPO, '.cache', 'vntk');
const CLI = join(REPO, 'dist', 'cli.js');
const SEED = 0x5eed;
const FLIPS_PER_KIND = 150;
const FLIP_MIN_OTHERS = 3;
const MAX_SYLLABLES = 6;
const TARGETS = { recall: 95, precision: 90, restored: 95 };

const log = (message) => console.error(`eval:consistency: ${message}`);

/** A token the consistency rule reads as a word: starts with a letter, every `_` between two letters or digits. */
const isWord = (token) => /^\p{L}/u.test(token) && !/(^|[^\p{L}\p{N}])_|_($|[^\p{L}\p{N}])|__/u.test(token);
const fold = (text) => text.normalize('NFC').toLowerCase();
const syllables = (token) => token.split('_').length;

function cli(args) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.error) throw new EvalError(`segcorpus ${args[0]}: ${r.error.message}`);
  if (r.status !== 0 && r.status !== 1) throw new EvalError(`segcorpus ${args.join(' ')} exited with ${r.status}:\n${r.stderr.trim()}`);
  return r.stdout;
}

/** The inconsistent-segmentation findings of `check --json` over `paths`, as "file:line:column:endColumn" keys with spans. */
function findings(paths) {
  return JSON.parse(cli(['check', '--json', ...paths]))
    .filter((f) => f.code === 'inconsistent-segmentation')
    .map((f) => ({ key: `${basename(f.file)}:${f.line}:${f.column}:${f.endColumn}`, file: basename(f.file), line: f.line, start: f.column - 1, end: f.endColumn - 1 }));
}

/** Writes the chapters as files in a fresh folder; returns their paths. */
function writeChapters(dir, chapters) {
  mkdirSync(dir, { recursive: true });
  return chapters.map((c) => {
    const path = join(dir, c.name);
    writeFileSync(path, c.lines.join('\n') + '\n');
    return path;
  });
}

/**
 * Draws the flips. Each is { chapter, line, offset, kind, type }: at `offset` of that line the
 * character was `_` (split) or a space (join) and becomes the other.
 */
function drawFlips(chapters, flagged) {
  const random = seededRandom(SEED);
  const tokenCount = new Map(); // folded compound → occurrences as a token
  const pairCount = new Map(); // folded "x y" → occurrences as two neighbouring words
  const places = { split: [], join: [] };
  // Every run of up to 3 neighbouring words (at most MAX_SYLLABLES syllables): its syllables → the boundary patterns seen.
  const patterns = new Map();
  const sequenceOf = (text) => fold(text).replace(/[ _]/g, ' ');
  chapters.forEach((chapter, c) => {
    chapter.lines.forEach((line, l) => {
      const tokens = line.split(' ');
      for (let t = 0; t < tokens.length; t++) {
        for (let n = 1; n <= 3 && t + n <= tokens.length && tokens.slice(t, t + n).every(isWord); n++) {
          const text = tokens.slice(t, t + n).join(' ');
          if (text.split(/[ _]/).length > MAX_SYLLABLES) break;
          const key = sequenceOf(text);
          if (!patterns.has(key)) patterns.set(key, new Set());
          patterns.get(key).add(fold(text));
        }
      }
      let offset = 0;
      tokens.forEach((token, t) => {
        const next = tokens[t + 1];
        if (isWord(token)) {
          const key = fold(token);
          if (token.includes('_')) {
            tokenCount.set(key, (tokenCount.get(key) ?? 0) + 1);
            places.split.push({ c, l, t, offset, token });
          }
          if (next !== undefined && isWord(next) && syllables(token) + syllables(next) <= MAX_SYLLABLES) {
            const pair = `${key} ${fold(next)}`;
            pairCount.set(pair, (pairCount.get(pair) ?? 0) + 1);
            places.join.push({ c, l, t, offset: offset + token.length, pair });
          }
        }
        offset += token.length + 1;
      });
    });
  });
  const shuffle = (items) => {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  };
  const usedTypes = new Set();
  const usedTokens = new Set(); // "c:l:t" of tokens a flip touches, and their neighbours
  const isFlagged = (c, l, offset) => flagged.some((f) => f.file === chapters[c].name && f.line === l + 1 && f.start <= offset && offset < f.end);
  const take = (c, l, tokensTouched) => {
    for (const t of tokensTouched) for (const d of [-1, 0, 1]) if (usedTokens.has(`${c}:${l}:${t + d}`)) return false;
    for (const t of tokensTouched) usedTokens.add(`${c}:${l}:${t}`);
    return true;
  };
  const flips = [];
  for (const p of shuffle(places.split)) {
    if (flips.length >= FLIPS_PER_KIND) break;
    const type = fold(p.token);
    if ((tokenCount.get(type) ?? 0) < FLIP_MIN_OTHERS + 1 || usedTypes.has(type) || patterns.get(sequenceOf(type)).size > 1) continue;
    const joiners = [...p.token.matchAll(/_/g)].map((m) => m.index);
    const offset = p.offset + joiners[Math.floor(random() * joiners.length)];
    if (isFlagged(p.c, p.l, offset) || !take(p.c, p.l, [p.t])) continue;
    usedTypes.add(type);
    flips.push({ chapter: p.c, line: p.l, offset, kind: 'split', type });
  }
  const splits = flips.length;
  for (const p of shuffle(places.join)) {
    if (flips.length - splits >= FLIPS_PER_KIND) break;
    if ((pairCount.get(p.pair) ?? 0) < FLIP_MIN_OTHERS + 1 || usedTypes.has(p.pair) || patterns.get(sequenceOf(p.pair)).size > 1) continue;
    if (isFlagged(p.c, p.l, p.offset) || !take(p.c, p.l, [p.t, p.t + 1])) continue;
    usedTypes.add(p.pair);
    flips.push({ chapter: p.c, line: p.l, offset: p.offset, kind: 'join', type: p.pair });
  }
  return flips;
}

/** Whether a flip's type, away from the flip, occurs fewer than FLIP_MIN_OTHERS times in its own chapter. */
function onlyAcrossFiles(flip, chapters) {
  const text = chapters[flip.chapter].lines.map((l) => ` ${fold(l)} `).join('\n');
  // The type as tokens: a compound (split flip) or two words (join flip); the flipped place reads differently now.
  const needle = ` ${flip.type} `;
  let count = 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) count++;
  return count < FLIP_MIN_OTHERS;
}

function flipLine(line, offset) {
  const now = line[offset];
  if (now !== '_' && now !== ' ') throw new EvalError(`no boundary at ${offset} of: ${line}`);
  return line.slice(0, offset) + (now === '_' ? ' ' : '_') + line.slice(offset + 1);
}

const pct = (n, d) => (d === 0 ? '   -  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);

function main() {
  const started = performance.now();
  ensureMaintGuide(log);
  const tokenizer = ensureVntk(VNTK_CACHE, log);
  if (!existsSync(CLI)) throw new EvalError('dist/cli.js is missing: run `npm run build` (npm run eval:consistency does it first)');

  const { paragraphs } = extractParagraphs(MAINT_GUIDE_HTML);
  if (paragraphs.length === 0) throw new EvalError(`no paragraph extracted from ${MAINT_GUIDE_HTML}`);
  const t0 = performance.now();
  const byFile = new Map();
  for (const { file, text } of paragraphs) {
    const { line } = toPlaceholderLine(text, tokenizer.tag(text));
    if (!byFile.has(file)) byFile.set(file, []);
    byFile.get(file).push(line);
  }
  const segmentSeconds = (performance.now() - t0) / 1000;
  const chapters = [...byFile].map(([file, lines]) => ({ name: `${basename(file, '.html')}.seg`, lines }));

  const work = mkdtempSync(join(tmpdir(), 'segcorpus-eval-consistency-'));
  try {
    const originalPaths = writeChapters(join(work, 'original'), chapters);
    const before = findings(originalPaths);
    const flips = drawFlips(chapters, before);
    const injected = chapters.map((c) => ({ name: c.name, lines: [...c.lines] }));
    for (const f of flips) injected[f.chapter].lines[f.line] = flipLine(injected[f.chapter].lines[f.line], f.offset);
    const injectedPaths = writeChapters(join(work, 'injected'), injected);

    const beforeKeys = new Set(before.map((f) => f.key));
    const after = findings(injectedPaths).filter((f) => !beforeKeys.has(f.key));
    const covers = (f, flip) => f.file === chapters[flip.chapter].name && f.line === flip.line + 1 && f.start <= flip.offset && flip.offset < f.end;
    const found = (flip, list) => list.some((f) => covers(f, flip));
    const onFlip = after.filter((f) => flips.some((flip) => covers(f, flip)));

    cli(['consistency', ...injectedPaths, '--apply', '--out-dir', join(work, 'applied')]);
    const applied = injected.map((c) => readFileSync(join(work, 'applied', c.name), 'utf8').split('\n'));
    const restored = flips.filter((f) => applied[f.chapter][f.line][f.offset] === chapters[f.chapter].lines[f.line][f.offset]);
    // What else apply changed because of the flips: compare with apply on the text without them.
    cli(['consistency', ...originalPaths, '--apply', '--out-dir', join(work, 'applied-original')]);
    let sideEffects = 0;
    chapters.forEach((c, ci) => {
      const base = readFileSync(join(work, 'applied-original', c.name), 'utf8').split('\n');
      base.forEach((line, li) => {
        for (let k = 0; k < line.length; k++) {
          if (line[k] !== applied[ci][li][k] && !flips.some((f) => f.chapter === ci && f.line === li && f.offset === k)) sideEffects++;
        }
      });
    });

    // Flips whose majority shows only over all the files: checked together, then each file alone.
    const across = flips.filter((f) => onlyAcrossFiles(f, injected));
    const alone = injectedPaths.flatMap((p) => findings([p])).filter((f) => !beforeKeys.has(f.key));

    const rows = [
      ['flips injected', `${flips.length} (${flips.filter((f) => f.kind === 'split').length} split, ${flips.filter((f) => f.kind === 'join').length} join)`],
      ...['split', 'join'].map((kind) => {
        const some = flips.filter((f) => f.kind === kind);
        return [`recall, ${kind} flips`, `${pct(some.filter((f) => found(f, after)).length, some.length)}  (${some.filter((f) => found(f, after)).length} of ${some.length})`];
      }),
      ['recall, all flips', `${pct(flips.filter((f) => found(f, after)).length, flips.length)}  (${flips.filter((f) => found(f, after)).length} of ${flips.length})`],
      ['precision', `${pct(onFlip.length, after.length)}  (${onFlip.length} of ${after.length} new findings are on a flip; ${before.length} findings before the flips are left out)`],
      ['restored by --apply', `${pct(restored.length, flips.length)}  (${restored.length} of ${flips.length}; ${sideEffects} other characters changed compared with --apply on the text without flips)`],
      ['majority only across files', `${across.length} flips: found counting all files ${pct(across.filter((f) => found(f, after)).length, across.length)}, each file alone ${pct(across.filter((f) => found(f, alone)).length, across.length)}`],
    ];
    const recall = (100 * flips.filter((f) => found(f, after)).length) / flips.length;
    const precision = (100 * onFlip.length) / after.length;
    const restoredPct = (100 * restored.length) / flips.length;
    const acrossRecall = (100 * across.filter((f) => found(f, after)).length) / across.length;
    const width = Math.max(...rows.map(([k]) => k.length));
    console.log(
      [
        `Consistency evaluation: Debian maint-guide-vi (GPL-2+), segmented by vntk@${VNTK_VERSION}, ${chapters.length} files (one per chapter), ${chapters.reduce((s, c) => s + c.lines.length, 0)} lines`,
        `flips on types with at least ${FLIP_MIN_OTHERS} other occurrences, at most one per type, seed ${SEED}; segcorpus defaults (--min-count 3 --min-share 0.75)`,
        '',
        ...rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`),
        '',
        `${recall >= TARGETS.recall ? 'PASS' : 'FAIL'}  recall ≥ ${TARGETS.recall}%: ${recall.toFixed(1)}%`,
        `${precision >= TARGETS.precision ? 'PASS' : 'FAIL'}  precision ≥ ${TARGETS.precision}%: ${precision.toFixed(1)}%`,
        `${restoredPct >= TARGETS.restored ? 'PASS' : 'FAIL'}  restored ≥ ${TARGETS.restored}%: ${restoredPct.toFixed(1)}%`,
        `${acrossRecall >= TARGETS.recall ? 'PASS' : 'FAIL'}  recall ≥ ${TARGETS.recall}% on flips whose majority shows only across files: ${acrossRecall.toFixed(1)}%`,
        '',
        `time: segment ${segmentSeconds.toFixed(1)} s, total ${((performance.now() - started) / 1000).toFixed(1)} s`,
      ].join('\n'),
    );
    if (recall < TARGETS.recall || precision < TARGETS.precision || restoredPct < TARGETS.restored || !(acrossRecall >= TARGETS.recall)) process.exitCode = 1;
    const missed = flips.filter((f) => !found(f, after)).slice(0, 5);
    if (missed.length > 0) {
      console.log(`\nFirst ${missed.length} missed flips:`);
      for (const f of missed) console.log(`  ${f.kind} ${f.type}: ${injected[f.chapter].lines[f.line].slice(Math.max(0, f.offset - 40), f.offset + 40)}`);
    }
    const stray = after.filter((f) => !onFlip.includes(f)).slice(0, 5);
    if (stray.length > 0) {
      console.log(`\nFirst ${stray.length} new findings not on a flip:`);
      for (const f of stray) console.log(`  ${f.file}:${f.line}: ${injected.find((c) => c.name === f.file).lines[f.line - 1].slice(Math.max(0, f.start - 30), f.end + 30)}`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

runEvaluation(main, log);
