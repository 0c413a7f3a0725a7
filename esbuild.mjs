// Builds the bundles: the Node extension host, the web extension host, the CLI, and the desktop
// editor's file jobs (loaded only when one runs, so the extension itself stays small). The CLI and the
// transform worker also carry the WebAssembly normalizer, compiled here from src/wasm/normalize.as.
import * as esbuild from 'esbuild';

import { mkdirSync, readFileSync, watch as watchFile, writeFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const WASM_SOURCE = 'src/wasm/normalize.as';
// The typesetting rules, shared with the string normalizer: one source, compiled by esbuild and by asc.
const RULES_SOURCE = 'src/core/typesetter.ts';
// Beside the bundles, for the unit tests (test/unit/wasm.test.ts); the bundles embed their own copy.
const WASM_OUT = 'dist/normalize.wasm';

/** Compiles normalize.as with AssemblyScript: SIMD, no GC (it allocates nothing), no imports. */
async function compileWasm() {
  let asc;
  try {
    asc = (await import('assemblyscript/asc')).default;
  } catch (error) {
    throw new Error(`assemblyscript is needed to build ${WASM_SOURCE} (a devDependency: run npm install): ${error.message}`);
  }
  // asc reads sources by module name: give it the .as file as normalize.ts, next to the rules it imports.
  const sources = { 'normalize.ts': readFileSync(WASM_SOURCE, 'utf8'), 'typesetter.ts': readFileSync(RULES_SOURCE, 'utf8') };
  const result = await asc.compileString(sources, {
    optimizeLevel: 3,
    shrinkLevel: 0,
    runtime: 'stub',
    enable: ['simd'],
    noAssert: true,
    use: ['abort='],
  });
  if (result.error || !result.binary) throw new Error(`asc failed on ${WASM_SOURCE} and ${RULES_SOURCE}:\n${result.stderr.toString()}`);
  mkdirSync('dist', { recursive: true });
  writeFileSync(WASM_OUT, result.binary);
  console.log(`  ${WASM_OUT}  ${(result.binary.length / 1024).toFixed(1)}kb`);
  return result.binary;
}

/**
 * `import * as vscode from 'vscode'` in each of the ~25 files made esbuild copy the whole API object
 * (hundreds of properties, one getter each) once per file as the bundle loads: measured as the
 * largest part of activation in code-server. Every file imports this one module instead, which
 * copies it once.
 */
const vscodeOnce = {
  name: 'vscode-once',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) => (args.namespace === 'vscode-once' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-once' }));
    build.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
  },
};

/**
 * The features the Node host loads on first use, each from a bundle of its own (src/node/featureBundles.ts
 * names the same files; the web bundle carries them itself).
 */
const FEATURE_BUNDLES = [
  ['src/features/viewer.ts', 'dist/viewer.js'],
  ['src/features/statistics.ts', 'dist/statistics.js'],
  ['src/features/fileJobs.ts', 'dist/file-job-commands.js'],
  ['src/features/consistencyParts.ts', 'dist/consistency.js'],
];

/**
 * What each extension bundle is made of, module by module, in dist/bundles.json (never shipped):
 * test/unit/bundles.test.ts reads it to keep the features loaded on first use out of dist/extension.js.
 */
const BUNDLES_JSON = 'dist/bundles.json';
const recordInputs = {
  name: 'record-inputs',
  setup(build) {
    build.onEnd((result) => {
      if (!result.metafile) return;
      const recorded = (() => {
        try {
          return JSON.parse(readFileSync(BUNDLES_JSON, 'utf8'));
        } catch {
          return {};
        }
      })();
      for (const [outfile, output] of Object.entries(result.metafile.outputs)) {
        if (!output.entryPoint) continue;
        recorded[outfile] = { entryPoint: output.entryPoint, bytes: output.bytes, inputs: Object.fromEntries(Object.entries(output.inputs).map(([file, { bytesInOutput }]) => [file, bytesInOutput])) };
      }
      mkdirSync('dist', { recursive: true });
      writeFileSync(BUNDLES_JSON, JSON.stringify(recorded, null, 1) + '\n');
    });
  },
};

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'info',
  target: 'es2022',
};

function builds(wasm) {
  // src/wasm/module.ts reads the module from this constant, as the version from SEGCORPUS_VERSION.
  const wasmDefine = { SEGCORPUS_NORMALIZE_WASM: JSON.stringify(Buffer.from(wasm).toString('base64')) };
  const lean = { minifyWhitespace: true, minifySyntax: true };
  return {
    plain: [
      { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', plugins: [vscodeOnce, recordInputs], metafile: true },
      { ...common, entryPoints: ['src/extension.browser.ts'], outfile: 'dist/web/extension.js', platform: 'browser', format: 'cjs', plugins: [vscodeOnce, recordInputs], metafile: true },
      ...FEATURE_BUNDLES.map(([entry, outfile]) => ({ ...common, entryPoints: [entry], outfile, platform: 'node', format: 'cjs', plugins: [vscodeOnce, recordInputs], metafile: true })),
      // The editor's file jobs read and write in the extension host and transform in dist/worker.js: no wasm of their own.
      { ...common, entryPoints: ['src/node/editorJobs.ts'], outfile: 'dist/file-jobs.js', platform: 'node', format: 'cjs' },
      { ...common, entryPoints: ['src/node/checkWorker.ts'], outfile: 'dist/check-worker.js', platform: 'node', format: 'cjs' },
      // The editor's consistency count of a big document, off the extension host's thread.
      { ...common, entryPoints: ['src/node/countWorker.ts'], outfile: 'dist/count-worker.js', platform: 'node', format: 'cjs' },
      // Files on virtual file systems, read through workspace.fs (the web bundle carries the same engine).
      { ...common, entryPoints: ['src/features/workspaceFsEngine.ts'], outfile: 'dist/workspace-fs-jobs.js', platform: 'node', format: 'cjs', plugins: [vscodeOnce] },
    ],
    // The CLI and its workers without whitespace or comments: each run reads and parses them before
    // any work starts, and the comments' Vietnamese examples would make V8 hold the whole source as
    // UTF-16. Names stay, so a stack trace still reads.
    withWasm: [
      { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', ...lean, banner: { js: '#!/usr/bin/env node' }, define: { SEGCORPUS_VERSION: JSON.stringify(version), ...wasmDefine } },
      { ...common, entryPoints: ['src/node/worker.ts'], outfile: 'dist/worker.js', platform: 'node', format: 'cjs', ...lean, define: wasmDefine },
      { ...common, entryPoints: ['src/node/consistencyWorker.ts'], outfile: 'dist/consistency-worker.js', platform: 'node', format: 'cjs', ...lean, define: wasmDefine },
    ],
  };
}

const { plain, withWasm } = builds(await compileWasm());
if (watch) {
  const contexts = await Promise.all(plain.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  let wasmContexts = await Promise.all(withWasm.map((b) => esbuild.context(b)));
  await Promise.all(wasmContexts.map((c) => c.watch()));
  // The wasm goes in through a define, which esbuild does not watch: rebuild those bundles by hand.
  // One save fires several events: one rebuild for all of those that arrive while one is waiting.
  let pending = Promise.resolve();
  let queued = false;
  const rebuildWasm = () => {
    if (queued) return;
    queued = true;
    pending = pending.then(async () => {
      queued = false;
      try {
        const next = builds(await compileWasm()).withWasm;
        await Promise.all(wasmContexts.map((c) => c.dispose()));
        wasmContexts = await Promise.all(next.map((b) => esbuild.context(b)));
        await Promise.all(wasmContexts.map((c) => c.watch()));
      } catch (error) {
        console.error(error.message);
      }
    });
  };
  watchFile(WASM_SOURCE, rebuildWasm);
  watchFile(RULES_SOURCE, rebuildWasm);
} else {
  await Promise.all([...plain, ...withWasm].map((b) => esbuild.build(b)));
}
