// Benchmark section "activation": the VSIX's bundles by size, and its activation in code-server, timed inside the extension host and as the workbench shows it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readZipEntries } from '../scripts/package/vsix.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const KB = 1024;
/** The Node bundle, without WebAssembly: what the extension host reads and compiles on activation. */
const NODE_BUNDLE_KB = 150;
const ACTIVATION_MS = 30;
const NODE_BUNDLE = 'extension/dist/extension.js';
const WEB_BUNDLE = 'extension/dist/web/extension.js';
const TITLE = 'activation and size';
/** An unrelated plain-text file: opening it activates the extension too (onLanguage:plaintext, for auto-detect). */
const NOTES = 'Shopping list\nmilk, eggs, bread\ncall the plumber on Tuesday\n';

const kb = (bytes) => `${(bytes / KB).toFixed(1)}`;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export const description = 'the VSIX (production bundles): Node and web bundle sizes; activation time in code-server (CPU and wall time in the extension host, the Running Extensions figure)';

/** Packs the VSIX into workDir with `npm run package`'s script (production build), then puts the development build back in dist/. */
function packageVsix(workDir) {
  const vsix = join(workDir, 'segmented-corpus.vsix');
  const packed = spawnSync(process.execPath, [join(repoRoot, 'scripts', 'package', 'package.mjs'), '--out', vsix], { cwd: repoRoot, encoding: 'utf8' });
  // The sections after this one and the developer find dist/ as `npm run build` left it.
  const rebuilt = spawnSync(process.execPath, [join(repoRoot, 'esbuild.mjs')], { cwd: repoRoot, encoding: 'utf8' });
  if (packed.status !== 0) throw new Error(`npm run package failed: ${`${packed.stderr}${packed.stdout}`.trim().split('\n').slice(-3).join(' / ')}`);
  if (rebuilt.status !== 0) throw new Error(`node esbuild.mjs failed after packaging: ${rebuilt.stderr.trim().split('\n').slice(-3).join(' / ')}`);
  return vsix;
}

/**
 * The sizes that matter: the Node bundle with and without the WebAssembly it carries (embedded as
 * base64 or shipped as .wasm files), the web bundle, any other script, the VSIX.
 */
function sizes(vsix) {
  const { entries, bytes } = readZipEntries(vsix);
  const entry = (name) => entries.find((e) => e.name === name);
  const node = entry(NODE_BUNDLE);
  const web = entry(WEB_BUNDLE);
  if (!node || !web) throw new Error(`the VSIX lacks ${node ? WEB_BUNDLE : NODE_BUNDLE}`);
  const wasmFiles = entries.filter((e) => e.name.endsWith('.wasm'));
  // The CLI's module, compiled by the production build: a bundle that embeds it holds its base64.
  const wasmSource = join(repoRoot, 'dist', 'normalize.wasm');
  const base64 = existsSync(wasmSource) ? readFileSync(wasmSource).toString('base64') : undefined;
  const embedded = base64 && node.read().includes(base64) ? base64.length : 0;
  const otherScripts = entries.filter((e) => e.name.endsWith('.js') && e !== node && e !== web);
  return { node, web, wasmFiles, embedded, otherScripts, bytes };
}

/** The activation figures the Running Extensions editor shows: { name: ms } for every extension it lists as activated. */
async function runningExtensions(page, runCommand) {
  await runCommand(page, 'Developer: Show Running Extensions');
  const ours = page.locator('.runtime-extensions-editor .extension', { hasText: 'Segmented Corpus' }).locator('.activation-time', { hasText: /Activation: \d/ });
  await ours.waitFor({ timeout: 30_000 });
  const rows = await page.locator('.runtime-extensions-editor .extension').evaluateAll((elements) =>
    elements.map((e) => [e.querySelector('.name')?.textContent ?? '', e.querySelector('.activation-time')?.textContent ?? '']));
  const figures = {};
  for (const [name, time] of rows) {
    const match = /Activation: ([\d.]+)\s*ms/.exec(time);
    if (match) figures[name] = Number(match[1]);
  }
  return figures;
}

/**
 * Activation as the workbench times it (code loading + the activate() call, the Running Extensions
 * editor's figure), in one code-server with the VSIX installed: for each sample the page opens a
 * new folder holding just the file (a new extension host, no editor restored), and the file is opened.
 */
async function activation(ctx, vsix) {
  const { startEditorSession } = await import('../scripts/editor/code-server.mjs');
  const { quickOpen, runCommand, waitForWorkbench } = await import('../test/e2e/workbench.mjs');
  const files = { 'sample.seg': readFileSync(ctx.samplePath), 'notes.txt': NOTES };
  const cases = [['sample.seg', 'opening a corpus (onLanguage:segmented-corpus)'], ['notes.txt', 'opening an unrelated .txt (onLanguage:plaintext)']];
  const samples = new Map(cases.map(([file]) => [file, { ours: [], builtIns: [] }]));
  const start = join(ctx.workDir, 'start');
  mkdirSync(start, { recursive: true });
  // A tall page: the Running Extensions list draws only the rows in view, and ours, quick, comes last.
  const session = await startEditorSession({ workspace: start, installedExtension: vsix, label: 'bench activation', viewport: { width: 1280, height: 3000 } });
  let failed = true;
  try {
    const page = session.page;
    for (let run = 0; run < ctx.runs; run++) {
      for (const [file] of cases) {
        ctx.progress(`${file}, sample ${run + 1} of ${ctx.runs}`);
        const folder = join(ctx.workDir, `${run}-${file}`);
        mkdirSync(folder);
        writeFileSync(join(folder, file), files[file]);
        const payload = [['skipWelcome', 'true'], ['skipReleaseNotes', 'true']];
        await page.goto(`${session.server.url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
        await waitForWorkbench(page);
        await quickOpen(page, file);
        const { 'Segmented Corpus': ours, ...others } = await runningExtensions(page, runCommand);
        samples.get(file).ours.push(ours);
        samples.get(file).builtIns.push(median(Object.values(others)));
      }
    }
    failed = false;
  } finally {
    await session.close({ failed });
  }
  return cases.map(([file, label]) => ({ file, label, ...samples.get(file) }));
}

/**
 * Activation timed inside the extension host (test/integration/activation.bench.ts): the VSIX's
 * files unpacked and loaded in code-server, started by hand once the workbench is idle. One
 * code-server per sample (an extension activates once per host).
 */
function activationInHost(ctx, vsix) {
  const unpacked = join(ctx.workDir, 'unpacked');
  for (const entry of readZipEntries(vsix).entries) {
    if (!entry.name.startsWith('extension/') || entry.name.endsWith('/')) continue;
    const path = join(unpacked, entry.name.slice('extension/'.length));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, entry.read());
  }
  const script = join(repoRoot, 'out', 'test', 'integration', 'activation.bench.js');
  if (!existsSync(script)) throw new Error(`${script} is missing (npm run compile-tests)`);
  const empty = join(ctx.workDir, 'empty');
  mkdirSync(empty, { recursive: true });
  const samples = [];
  for (let run = 0; run < ctx.runs; run++) {
    ctx.progress(`activate() in the extension host, sample ${run + 1} of ${ctx.runs}`);
    const result = spawnSync(
      process.execPath,
      [join(repoRoot, 'scripts', 'editor', 'vscode-adapter.mjs'), `--extensionDevelopmentPath=${unpacked}`, `--extensionTestsPath=${script}`, empty],
      { encoding: 'utf8', timeout: 300_000 },
    );
    const line = (result.stdout ?? '').split('\n').find((l) => l.includes('activation {'));
    if (!line) throw new Error(`no activation figures from the editor (exit ${result.status}): ${(result.stderr || result.stdout || '').trim().split('\n').slice(-3).join(' / ')}`);
    samples.push(JSON.parse(line.slice(line.indexOf('activation {') + 'activation '.length)));
  }
  return samples;
}

export async function run(ctx) {
  const facts = [
    ['VSIX', 'scripts/package/package.mjs (npm run package): production bundles, vsce; the development build is put back afterwards'],
    ['Node bundle', `${NODE_BUNDLE.slice('extension/'.length)} (package.json "main"), what the desktop and remote extension hosts load`],
    ['on first use', 'dist/viewer.js, statistics.js, file-job-commands.js, consistency.js: the features the Node host loads when first used (src/node/featureBundles.ts); the web bundle carries them'],
  ];
  ctx.progress('packaging the VSIX (production build)');
  const vsix = packageVsix(ctx.workDir);
  const { node, web, wasmFiles, embedded, otherScripts, bytes } = sizes(vsix);
  const withoutWasm = node.size - embedded;
  const wasmBytes = embedded + wasmFiles.reduce((sum, e) => sum + e.size, 0);
  const rows = [
    ['Node bundle without WebAssembly', kb(withoutWasm), kb(node.compressed), `${(withoutWasm / (NODE_BUNDLE_KB * KB)).toFixed(2)}× the target`],
    ['Node bundle with its WebAssembly', kb(withoutWasm + wasmBytes), '', wasmBytes === 0 ? 'it carries none (the CLI\'s normalize.wasm is not in the VSIX)' : `${kb(wasmBytes)} KB of WebAssembly (${embedded ? 'embedded' : ''}${embedded && wasmFiles.length ? ' + ' : ''}${wasmFiles.map((e) => e.name.slice('extension/'.length)).join(', ')})`],
    ['web bundle (dist/web/extension.js)', kb(web.size), kb(web.compressed), ''],
    ...otherScripts.map((e) => [e.name.slice('extension/'.length), kb(e.size), kb(e.compressed), '']),
    ['VSIX', kb(bytes), '', ''],
  ];
  const targets = [{ label: `Node bundle without WebAssembly < ${NODE_BUNDLE_KB} KB`, value: `${kb(withoutWasm)} KB`, pass: withoutWasm < NODE_BUNDLE_KB * KB }];
  const head = ['what', 'KB / ms', 'KB packed', 'vs'];
  const notes = [];

  const noEditor = process.env.BENCH_NO_EDITOR === '1' ? 'BENCH_NO_EDITOR=1' : !existsSync(join(repoRoot, '.vscode-test', 'code-server', '.installed')) ? 'no editor runtime (npm run editor:install)' : undefined;
  if (noEditor) {
    facts.push(['activation', `skipped: ${noEditor}`]);
    targets.push({ label: `activation < ${ACTIVATION_MS} ms (CPU time in the extension host, median)`, value: noEditor, pass: undefined });
  } else {
    facts.push(['activation', 'the VSIX\'s files in code-server, started once the workbench is idle: loading dist/extension.js and activate(), timed inside the extension host (CPU time of the host process, and wall time)']);
    facts.push(['in the workbench', `the Running Extensions editor's figure (code loading + the activate() call) with the VSIX installed, opening each file in a new folder; baseline: the median of the built-in extensions activated in the same host (they start with it, so both share the machine's load)`]);
    const inHost = activationInHost(ctx, vsix);
    const figure = (pick) => {
      const values = inHost.map(pick);
      return { median: median(values), runs: values.map((v) => v.toFixed(1)).join(' ') };
    };
    const hostCpu = figure((s) => s.host.cpu);
    for (const [label, f] of [
      ['activation, CPU time in the extension host (file read and compiled, bundle run, activate())', hostCpu],
      ['  of which the bundle run and activate() (measured by the extension, src/loadClock.ts)', figure((s) => s.bundle.cpu)],
      ['activation, wall time in the extension host', figure((s) => s.host.wall)],
      ['  of which the bundle run and activate()', figure((s) => s.bundle.wall)],
    ]) rows.push([label, f.median.toFixed(1), '', `runs ${f.runs} ms`]);
    targets.push({ label: `activation < ${ACTIVATION_MS} ms (CPU time in the extension host, median)`, value: `${hostCpu.median.toFixed(1)} ms (${(hostCpu.median / ACTIVATION_MS).toFixed(2)}× the target)`, pass: hostCpu.median < ACTIVATION_MS });
    for (const { label, ours, builtIns } of await activation(ctx, vsix)) {
      const ms = median(ours);
      rows.push([`in the workbench, ${label}`, `${ms}`, '', `${(ms / median(builtIns)).toFixed(2)}× built-ins (${median(builtIns)} ms); runs ${ours.join(' ')} ms`]);
    }
    notes.push('The workbench rounds to whole ms and its figure is wall time: on a loaded machine it stretches with every other process (and with the built-in extensions starting beside ours); the CPU time does not.');
  }
  return { title: TITLE, facts, head, rows, notes, targets, problems: [] };
}
