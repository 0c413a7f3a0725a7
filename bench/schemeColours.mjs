// Benchmark section "scheme-colours": semantic tokens for the visible range of a 20 MB document with a scheme that redefines digits, against tokenizing the same lines.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpus } from './corpus.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const core = (name) => require(join(repoRoot, 'out', 'src', 'core', name));

const DOC_BYTES = 20_000_000;
/** What a tall editor shows: 60 lines (a corpus line wraps to several screen rows, so this is generous). */
const VISIBLE_LINES = 60;
const RANGE_MS = 5;
/**
 * A request scans each visible character once and builds a token only for a redefined digit: less
 * work than tokenizing those lines (which builds an object per token), so at most as slow.
 */
const RANGE_RATIO = 1;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (t) => Number(process.hrtime.bigint() - t) / 1e6;

export const description = 'semantic tokens for the visible range of a 20 MB document (placeholder colours by the scheme in use)';

export async function run(ctx) {
  const { SchemeColouring, encodeRoleTokens } = core('roleTokens.js');
  const { Tokenizer } = core('tokens.js');
  const { DEFAULT_SCHEME, extendScheme } = core('scheme.js');
  // 7 made a pair and 6 a separator: the sample's commonest digits all need a token.
  const scheme = extendScheme(DEFAULT_SCHEME, { 7: { role: 'pair', open: '«', close: '»' }, 6: { role: 'separator', mark: ';' }, 9: { role: 'number' } });
  const colouring = new SchemeColouring(scheme);
  const defaults = new SchemeColouring(DEFAULT_SCHEME);
  const tokenizer = new Tokenizer(scheme);

  ctx.progress(`generating a ~${DOC_BYTES / 1e6} MB document`);
  const file = writeCorpus(join(ctx.workDir, 'doc.seg'), DOC_BYTES, ctx.samplePath);
  const lines = readFileSync(file.path, 'utf8').split(/\r?\n/);

  // As features/schemeColours.ts does for one request: every line of the range, then the encoding.
  const request = (c, first) => {
    const out = [];
    for (let l = first; l < first + VISIBLE_LINES; l++) c.scanLine(lines[l], l, 0, lines[l].length, out);
    return encodeRoleTokens(out);
  };
  const tokenizeRange = (first) => {
    let n = 0;
    for (let l = first; l < first + VISIBLE_LINES; l++) n += tokenizer.tokenize(lines[l]).length;
    return n;
  };
  ctx.progress('visible ranges across the document, 200 times each');
  const starts = Array.from({ length: 200 }, (_, k) => Math.floor((k / 200) * (lines.length - VISIBLE_LINES)));
  const ranged = [];
  const baseline = [];
  const untouched = [];
  let tokens = 0;
  let chars = 0;
  for (let round = 0; round < 2; round++) {
    for (const first of starts) {
      let t = process.hrtime.bigint();
      const data = request(colouring, first);
      if (round) ranged.push(ms(t));
      tokens += data.length / 5;
      t = process.hrtime.bigint();
      tokenizeRange(first);
      if (round) baseline.push(ms(t));
      t = process.hrtime.bigint();
      request(defaults, first);
      if (round) untouched.push(ms(t));
      if (round) for (let l = first; l < first + VISIBLE_LINES; l++) chars += lines[l].length;
    }
  }
  const ratio = median(ranged) / median(baseline);
  const rows = [
    ['tokenize the visible lines (baseline)', `${VISIBLE_LINES} lines, ${Math.round(chars / starts.length)} chars`, median(baseline).toFixed(3), Math.max(...baseline).toFixed(3)],
    ['semantic tokens, scheme redefining 6, 7, 9', `${Math.round(tokens / starts.length / 2)} tokens`, median(ranged).toFixed(3), Math.max(...ranged).toFixed(3)],
    ['semantic tokens, default scheme (nothing to colour)', '0 tokens', median(untouched).toFixed(4), Math.max(...untouched).toFixed(4)],
  ];
  const targets = [
    { label: `visible range (${VISIBLE_LINES} lines) of ${DOC_BYTES / 1e6} MB < ${RANGE_MS} ms (median of ${starts.length})`, value: `${median(ranged).toFixed(2)} ms`, pass: median(ranged) < RANGE_MS },
    { label: `visible range ≤ ${RANGE_RATIO}× tokenizing the same lines (median, same run)`, value: `${ratio.toFixed(2)}×`, pass: ratio <= RANGE_RATIO },
  ];
  return {
    title: 'scheme colours (semantic tokens)',
    facts: [
      ['document', `${(file.bytes / 1e6).toFixed(1)} MB generated from the sample (bench/corpus.mjs), ${lines.length} lines`],
      ['functions', 'core/roleTokens.ts SchemeColouring.scanLine + encodeRoleTokens (what features/schemeColours.ts runs per request)'],
    ],
    head: ['what', 'size', 'median ms', 'max ms'],
    rows,
    notes: [],
    targets,
    problems: [],
  };
}
