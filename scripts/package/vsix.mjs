// What a VSIX holds, read from the zip itself, and the allow-list of what the Segmented Corpus VSIX may hold.
//
// `node scripts/package/vsix.mjs FILE.vsix` prints its files and sizes and exits 1 when a file is
// not on the allow-list, a required one is missing or a bundle is a development build.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';

/**
 * The files the VSIX must hold (vsce writes the manifest and content types, and renames README.md,
 * CHANGELOG.md and LICENSE). A new bundle the extension loads goes here and into .vscodeignore.
 */
export const REQUIRED = [
  'extension.vsixmanifest',
  '[Content_Types].xml',
  'extension/package.json',
  'extension/package.nls.json',
  'extension/readme.md',
  'extension/changelog.md',
  'extension/LICENSE.txt',
  'extension/images/icon.png',
  'extension/language-configuration.json',
  'extension/syntaxes/segmented-corpus.tmLanguage.json',
  'extension/dist/extension.js',
  'extension/dist/web/extension.js',
  // The features the Node host loads on first use (src/node/featureBundles.ts).
  'extension/dist/viewer.js',
  'extension/dist/statistics.js',
  'extension/dist/file-job-commands.js',
  'extension/dist/consistency.js',
  'extension/dist/file-jobs.js',
  'extension/dist/worker.js',
  'extension/dist/check-worker.js',
  'extension/dist/count-worker.js',
  'extension/dist/workspace-fs-jobs.js',
];

/** Files it may hold besides: translations of the manifest and of the messages, webview assets. */
export const OPTIONAL = [
  /^extension\/package\.nls\.[a-z]{2}(-[a-z]{2,4})?\.json$/,
  /^extension\/l10n\/bundle\.l10n(\.[a-z]{2}(-[a-z]{2,4})?)?\.json$/,
  /^extension\/media\/[\w./-]+\.(css|js|svg|png)$/, /^extension\/media\/walkthrough\/sample\.seg$/,
];

/** What never belongs in it, named so a failure says why (the allow-list already leaves these out). */
const FORBIDDEN = [
  [/^extension\/(src|test|out|bench|scripts|node_modules|\.vscode-test|\.vscode|\.ci|docs)\//, 'a development folder'],
  [/\.map$/, 'a source map'],
  [/\.tsx?$/, 'TypeScript source'],
  [/\.vsix$/, 'a VSIX'],
];

/**
 * The entries of a zip file from its central directory: name, compressed and uncompressed size,
 * and a reader of the content (stored or deflated, the two methods vsce writes).
 */
export function readZipEntries(path) {
  const zip = readFileSync(path);
  // The end-of-central-directory record is the last 22 bytes, unless a comment follows it.
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error(`${path}: not a zip file (no end of central directory)`);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`${path}: broken central directory at byte ${at}`);
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localHeader = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    entries.push({
      name,
      size,
      compressed,
      read() {
        const start = localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
        const data = zip.subarray(start, start + compressed);
        if (method === 0) return Buffer.from(data);
        if (method === 8) return inflateRawSync(data);
        throw new Error(`${path}: ${name} uses zip method ${method}`);
      },
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { entries, bytes: zip.length };
}

/**
 * What is wrong with a VSIX's entries: files off the allow-list, required files missing and, unless
 * `production` is false (a VSIX packed from whatever dist/ holds, in the unit test), development bundles.
 */
export function vsixProblems(entries, { production = true } = {}) {
  const problems = [];
  const names = new Set(entries.map((e) => e.name));
  for (const { name } of entries) {
    if (name.endsWith('/')) continue;
    const forbidden = FORBIDDEN.find(([pattern]) => pattern.test(name));
    if (forbidden) problems.push(`${name}: ${forbidden[1]}`);
    else if (!REQUIRED.includes(name) && !OPTIONAL.some((pattern) => pattern.test(name))) problems.push(`${name}: not on the allow-list (scripts/package/vsix.mjs)`);
  }
  for (const name of REQUIRED) if (!names.has(name)) problems.push(`${name}: missing`);
  for (const entry of production ? entries : []) {
    // A production bundle has no source map (esbuild.mjs --production); a development one points at its .map.
    if (entry.name.startsWith('extension/dist/') && entry.name.endsWith('.js') && entry.read().includes('//# sourceMappingURL=')) {
      problems.push(`${entry.name}: a development build (it points at a source map): build with \`node esbuild.mjs --production\``);
    }
  }
  return problems;
}

export function formatKb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** The listing `npm run package` prints: every file with its size and packed size, then the VSIX's size. */
export function describeVsix(path, { entries, bytes }) {
  const files = entries.filter((e) => !e.name.endsWith('/'));
  const width = Math.max(...files.map((e) => e.name.length));
  const lines = files.map((e) => `  ${e.name.padEnd(width)}  ${formatKb(e.size).padStart(9)}  ${formatKb(e.compressed).padStart(9)} packed`);
  const unpacked = files.reduce((sum, e) => sum + e.size, 0);
  lines.push(`${basename(path)}: ${files.length} files, ${formatKb(bytes)} (${formatKb(unpacked)} unpacked)`);
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const path = process.argv[2];
  if (!path) {
    console.error('usage: node scripts/package/vsix.mjs FILE.vsix');
    process.exit(2);
  }
  const vsix = readZipEntries(path);
  console.log(describeVsix(path, vsix));
  const problems = vsixProblems(vsix.entries);
  for (const problem of problems) console.error(`vsix: ${problem}`);
  process.exit(problems.length > 0 ? 1 : 0);
}
