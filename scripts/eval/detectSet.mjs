// Builds the labelled set behind `npm run eval:detect`: real text found offline on a Debian machine, as files a person might open as .txt, each labelled segmented or not.
//
// Deterministic: sorted file lists, a fixed-seed generator for every choice, the segmenter pinned
// (vntk@1.4.4). The set goes to .cache/detect/set (ignored); only this script is committed.
//   segmented  Debian maint-guide-vi and the Vietnamese messages of installed programs (.mo),
//              segmented by vntk, with placeholders (the sample corpus's scheme) and with the
//              punctuation kept as tokens; the sample corpus, also with CRLF + BOM and restored.
//   plain      the same Vietnamese text unsegmented (paragraphs, the guide's .txt, messages);
//              the Vietnamese .po files of installed programs; English (Debian docs, man page
//              sources); code (node_modules, /usr/include, the Python library); CSV (distro-info,
//              zoneinfo tables converted, numpy test data, ISO code lists with Vietnamese names).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { seededRandom } from '../../bench/corpus.mjs';
import { extractParagraphs } from './extract.mjs';
import { toPlaceholderLine } from './mapping.mjs';
import { MAINT_GUIDE_HTML, SetupError, ensureVntk } from './setup.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
export const REPO = resolve(HERE, '../..');
/**
 * The set is variant 0. Another variant draws other files, groupings and messages with the same
 * recipe (every seed moved by 1000 × variant): a fresh sample to check thresholds set on variant 0.
 */
export const setDir = (variant = 0) => join(REPO, '.cache', 'detect', variant === 0 ? 'set' : `set-variant-${variant}`);
let seedOffset = 0;
const VNTK_CACHE = join(REPO, '.cache', 'vntk');
/** Bumped when the set's recipe changes, so an old set is rebuilt rather than measured. */
export const SET_VERSION = 1;

const MAINT_GUIDE_TXT = '/usr/share/doc/maint-guide-vi/maint-guide.vi.txt.gz';
const VI_MESSAGES = '/usr/share/locale/vi/LC_MESSAGES';
/** A stored file keeps at most this much (the detector reads 64 K characters; some margin for the cut). */
const MAX_CHARS = 128 * 1024;

/** A seeded generator, so every run picks the same files (another for each variant). */
function generator(seed) {
  return seededRandom(seed + seedOffset);
}

function shuffled(items, seed) {
  const random = generator(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Consecutive runs of `lines`, each of a length drawn from `sizes`, as file texts (one line a paragraph). */
function groupLines(lines, sizes, seed, count) {
  const random = generator(seed);
  const files = [];
  let at = 0;
  while (files.length < count && at < lines.length) {
    const size = sizes[Math.floor(random() * sizes.length)];
    files.push(lines.slice(at, at + size).join('\n') + '\n');
    at += size;
  }
  return files;
}

/** Files under `dir` (recursively, sorted) whose names end with one of `extensions`. */
function listFiles(dir, extensions, { maxDepth = 6 } = {}) {
  const out = [];
  const walk = (path, depth) => {
    let entries;
    try {
      entries = readdirSync(path, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const full = join(path, entry.name);
      if (entry.isDirectory() && depth < maxDepth) walk(full, depth + 1);
      else if (entry.isFile() && extensions.some((ext) => entry.name.endsWith(ext))) out.push(full);
    }
  };
  walk(dir, 0);
  return out;
}

/** The text of a file (gunzipped when .gz), or undefined when it is not UTF-8 text of a useful size. */
function readText(path) {
  let bytes;
  try {
    if (statSync(path).size > 8 * 1024 * 1024) return undefined;
    bytes = readFileSync(path);
    if (path.endsWith('.gz')) bytes = gunzipSync(bytes);
  } catch {
    return undefined;
  }
  if (bytes.includes(0)) return undefined;
  const text = bytes.toString('utf8');
  if (text.includes('\ufffd') || text.trim().length < 200) return undefined;
  return capped(text);
}

function capped(text) {
  if (text.length <= MAX_CHARS) return text;
  const cut = text.lastIndexOf('\n', MAX_CHARS);
  return text.slice(0, cut > 0 ? cut + 1 : MAX_CHARS);
}

/** Picks up to `count` readable files of `paths` in a seeded order. */
function pickTexts(paths, count, seed) {
  const out = [];
  for (const path of shuffled(paths, seed)) {
    if (out.length === count) break;
    const text = readText(path);
    if (text !== undefined) out.push({ source: path, text });
  }
  return out;
}

/** A .mo file as .po text (gettext's msgunfmt). */
function moToPo(path) {
  const r = spawnSync('msgunfmt', [path], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new SetupError(`msgunfmt ${path} failed (is gettext installed?): ${r.stderr}`);
  return r.stdout;
}

/** The msgid/msgstr pairs of .po text, unescaped (plural forms: the first). */
function poEntries(po) {
  const entries = [];
  const unquote = (lines) => lines.map((l) => JSON.parse(l.replace(/^\s*(msgid|msgstr(\[0\])?|msgid_plural)?\s*/, ''))).join('');
  for (const block of po.split(/\n\n+/)) {
    const idLines = [];
    const strLines = [];
    let into;
    for (const line of block.split('\n')) {
      if (line.startsWith('msgid ')) into = idLines;
      else if (line.startsWith('msgid_plural') || (line.startsWith('msgstr[') && !line.startsWith('msgstr[0]'))) into = undefined;
      else if (line.startsWith('msgstr')) into = strLines;
      else if (!line.startsWith('"')) continue;
      if (into) into.push(line);
    }
    try {
      const id = unquote(idLines);
      const str = unquote(strLines);
      if (id && str) entries.push({ id, str });
    } catch {
      // an escape JSON does not know (\a, octal): leave the entry out
    }
  }
  return entries;
}

const words = (text) => text.split(/\s+/).filter(Boolean);
/** Running Vietnamese text: enough words, most with a diacritic-bearing letter, no code or format directives. */
function isVietnameseProse(text) {
  const w = words(text);
  if (w.length < 5) return false;
  if (/[%$<>{}\\_|]|--|:\/\//.test(text)) return false;
  return w.filter((x) => /(?![\p{ASCII}])\p{L}/u.test(x)).length / w.length >= 0.3;
}

/** vntk's words joined the corpus way, real punctuation kept as tokens. */
const punctuationLine = (words_) => words_.map((word) => word.split(/\s+/).join('_')).join(' ');

/** The labelled set as [{ name, label, kind, source, text }]. */
export function buildSet(log, variant = 0) {
  seedOffset = 1000 * variant;
  if (!existsSync(MAINT_GUIDE_HTML) || !existsSync(MAINT_GUIDE_TXT)) {
    throw new SetupError(`${MAINT_GUIDE_HTML} is missing: apt-get install -y maint-guide-vi (npm run eval installs it)`);
  }
  const tokenizer = ensureVntk(VNTK_CACHE, log);
  const files = [];
  const add = (label, kind, source, text) => files.push({ label, kind, source, text });

  // Vietnamese prose: the guide's paragraphs, and the messages of installed programs.
  const guide = extractParagraphs(MAINT_GUIDE_HTML).paragraphs.map((p) => p.text);
  const moFiles = readdirSync(VI_MESSAGES).filter((f) => f.endsWith('.mo')).sort();
  const programMo = moFiles.filter((f) => !f.startsWith('iso_'));
  const messages = [];
  const seen = new Set();
  for (const file of programMo) {
    for (const { str } of poEntries(moToPo(join(VI_MESSAGES, file)))) {
      const text = str.replace(/\s+/g, ' ').trim();
      if (isVietnameseProse(text) && !seen.has(text)) {
        seen.add(text);
        messages.push(text);
      }
    }
  }
  log(`${guide.length} guide paragraphs, ${messages.length} program messages; segmenting with vntk...`);
  const segment = (texts) =>
    texts.map((text) => {
      const tagged = tokenizer.tag(text);
      return { text, placeholders: toPlaceholderLine(text, tagged).line, punctuation: punctuationLine(tagged) };
    });
  const guideSeg = segment(guide);
  const messageSeg = segment(shuffled(messages, 11).slice(0, 2500));

  // Paragraphs a file: mostly small to medium files, a few past the 64 K the detector reads.
  const SIZES = [2, 3, 5, 8, 12, 20, 30, 50];
  const BIG = [300, 600];
  const grouped = (rows, field, seed, count, sizes = SIZES) => groupLines(rows.map((r) => r[field]), sizes, seed, count);
  for (const text of grouped(guideSeg, 'placeholders', 1, 40)) add('segmented', 'guide, segmented, placeholders', 'maint-guide-vi + vntk', text);
  for (const text of grouped(guideSeg, 'punctuation', 2, 40)) add('segmented', 'guide, segmented, punctuation', 'maint-guide-vi + vntk', text);
  for (const text of grouped(guideSeg, 'placeholders', 3, 2, BIG)) add('segmented', 'guide, segmented, placeholders', 'maint-guide-vi + vntk', text);
  for (const text of grouped(messageSeg, 'placeholders', 4, 20, SIZES.map((s) => s * 3))) add('segmented', 'messages, segmented, placeholders', 'vi .mo + vntk', text);
  for (const text of grouped(messageSeg, 'punctuation', 5, 20, SIZES.map((s) => s * 3))) add('segmented', 'messages, segmented, punctuation', 'vi .mo + vntk', text);
  const sample = readFileSync(join(REPO, 'test', 'fixtures', 'sample.seg'), 'utf8');
  add('segmented', 'sample corpus', 'test/fixtures/sample.seg', sample);
  add('segmented', 'sample corpus', 'sample.seg with a BOM and CRLF', '\ufeff' + (sample + '\n' + sample).replace(/\n/g, '\r\n'));
  add('segmented', 'sample corpus', 'test/fixtures/sample.restored.seg', readFileSync(join(REPO, 'test', 'fixtures', 'sample.restored.seg'), 'utf8'));

  for (const text of grouped(guideSeg, 'text', 1, 40)) add('plain', 'guide, plain Vietnamese', 'maint-guide-vi', text);
  for (const text of grouped(messageSeg, 'text', 4, 20, SIZES.map((s) => s * 3))) add('plain', 'messages, plain Vietnamese', 'vi .mo', text);
  const guideTxt = gunzipSync(readFileSync(MAINT_GUIDE_TXT)).toString('utf8').split('\n');
  for (const text of groupLines(guideTxt, [20, 40, 80, 160, 400], 6, 25)) add('plain', 'guide .txt, plain Vietnamese', MAINT_GUIDE_TXT, text);
  for (const file of shuffled(programMo, 7).slice(0, 40)) add('plain', '.po (Vietnamese)', `msgunfmt ${file}`, capped(moToPo(join(VI_MESSAGES, file))));

  // English: Debian's documentation and man page sources.
  const docs = listFiles('/usr/share/doc', ['README', 'README.gz', 'README.md', 'README.txt', 'NEWS.gz', 'copyright', 'changelog.gz', 'FAQ', 'TODO'], { maxDepth: 2 }).filter(
    (p) => !p.includes('-vi/'),
  );
  for (const { source, text } of pickTexts(docs, 60, 8)) add('plain', 'English (Debian docs)', source, text);
  for (const { source, text } of pickTexts(listFiles('/usr/share/man/man1', ['.1.gz'], { maxDepth: 0 }), 30, 9)) add('plain', 'English (man page source)', source, text);

  // Code.
  const nodeModules = join(REPO, 'node_modules');
  const js = ['typescript/lib', 'mocha/lib', 'fast-check/lib', 'eslint/lib', 'esbuild/lib', '@typescript-eslint', 'assemblyscript/std'].flatMap((d) =>
    listFiles(join(nodeModules, d), ['.js', '.ts', '.mjs', '.cjs'], { maxDepth: 4 }),
  );
  for (const { source, text } of pickTexts(js, 40, 10)) add('plain', 'code (JavaScript/TypeScript)', relative(REPO, source), text);
  for (const { source, text } of pickTexts(listFiles('/usr/include', ['.h'], { maxDepth: 2 }), 30, 12)) add('plain', 'code (C headers)', source, text);
  for (const { source, text } of pickTexts(listFiles('/usr/lib/python3', ['.py'], { maxDepth: 4 }).concat(listFiles('/usr/lib/python3.11', ['.py'], { maxDepth: 0 })), 40, 13)) {
    add('plain', 'code (Python)', source, text);
  }

  // CSV.
  for (const path of listFiles('/usr/share/distro-info', ['.csv'], { maxDepth: 0 })) add('plain', 'CSV', path, readFileSync(path, 'utf8'));
  for (const path of listFiles('/usr/share/zoneinfo', ['.tab'], { maxDepth: 0 })) {
    const rows = readFileSync(path, 'utf8').split('\n').filter((l) => l && !l.startsWith('#'));
    const quote = (field) => (/[",]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field);
    add('plain', 'CSV', `${path} as CSV`, rows.map((r) => r.split('\t').map(quote).join(',')).join('\n') + '\n');
    add('plain', 'TSV', path, readFileSync(path, 'utf8'));
  }
  // Any other CSV installed (numpy's test data, where a Python is installed with it).
  const csvs = ['/usr/share', '/usr/lib/python3', `${process.env.HOME ?? '/root'}/.pyenv/versions`].filter(existsSync).flatMap((d) => listFiles(d, ['.csv'], { maxDepth: 9 }));
  for (const { source, text } of pickTexts(csvs.filter((p) => !p.startsWith('/usr/share/distro-info')), 20, 14)) add('plain', 'CSV', source, text);
  // System tables as CSV: whitespace-separated columns, comments dropped.
  for (const path of ['/etc/services', '/etc/protocols', '/usr/share/i18n/SUPPORTED'].filter(existsSync)) {
    const rows = readFileSync(path, 'utf8').split('\n').map((l) => l.replace(/#.*/, '').trim()).filter(Boolean);
    add('plain', 'CSV', `${path} as CSV`, rows.map((r) => r.split(/\s+/).join(',')).join('\n') + '\n');
  }
  // ISO code lists with their Vietnamese names: CSV whose second column is Vietnamese.
  for (const file of moFiles.filter((f) => f.startsWith('iso_'))) {
    const rows = poEntries(moToPo(join(VI_MESSAGES, file))).map(({ id, str }) => [id, str].map((f) => (/[",\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(','));
    if (rows.length >= 20) add('plain', 'CSV (English,Vietnamese)', `${file} as CSV`, capped(['english,vietnamese', ...rows].join('\n') + '\n'));
  }

  const counts = new Map();
  return files.map((f) => {
    const slug = f.kind.replace(/[^a-z]+/gi, '-').replace(/^-|-$/g, '').toLowerCase();
    const k = (counts.get(slug) ?? 0) + 1;
    counts.set(slug, k);
    return { ...f, name: `${f.label}/${slug}-${String(k).padStart(3, '0')}-${basename(f.source).replace(/[^\w.-]+/g, '_').slice(0, 40)}.txt` };
  });
}

/** Builds a variant of the set into setDir(variant) unless one of this version is there; returns the manifest. */
export function ensureSet(log, variant = 0) {
  const dir = setDir(variant);
  const manifestPath = join(dir, 'manifest.json');
  if (existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    if (manifest.version === SET_VERSION) return manifest;
  }
  rmSync(dir, { recursive: true, force: true });
  const files = buildSet(log, variant);
  for (const f of files) {
    const path = join(dir, f.name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.text);
  }
  const manifest = { version: SET_VERSION, files: files.map(({ name, label, kind, source }) => ({ name, label, kind, source })) };
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 1) + '\n');
  log(`built ${files.length} files into ${relative(process.cwd(), dir)}`);
  return manifest;
}
