#!/usr/bin/env node
// Runs every test/e2e/*.e2e.mjs in turn (each starts its own code-server + browser) and ends with "N passed, N failed".
//
// `node test/e2e/run.mjs [filter[,filter…]]`: the files whose name contains one of the filters.
// SEGCORPUS_E2E_VSIX=FILE.vsix: the extension is installed from that VSIX (code-server
// --install-extension) instead of loaded from the repository; files that export `fromVsix = false`
// (they test the development folder itself) are left out then.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { exitOnSignals } from '../../scripts/editor/code-server.mjs';
import { ensureRuntime } from '../../scripts/editor/install-runtime.mjs';
import { installedVsix, repoRoot } from './workbench.mjs';

const here = join(repoRoot, 'test', 'e2e');
const filters = (process.argv[2] ?? '').split(',').filter(Boolean);

if (installedVsix) {
  if (!existsSync(installedVsix)) {
    console.error(`SEGCORPUS_E2E_VSIX: ${installedVsix} does not exist (npm run package builds one)`);
    process.exit(1);
  }
  console.log(`against the installed VSIX ${installedVsix}`);
} else if (!existsSync(join(repoRoot, 'dist', 'extension.js'))) {
  console.error('dist/extension.js is missing: run `npm run build` first');
  process.exit(1);
}
await ensureRuntime();
exitOnSignals();

const files = readdirSync(here).filter((f) => f.endsWith('.e2e.mjs') && (filters.length === 0 || filters.some((filter) => f.includes(filter)))).sort();
let passed = 0;
let failed = 0;
let run = 0;
for (const file of files) {
  const test = await import(pathToFileURL(join(here, file)).href);
  if (installedVsix && test.fromVsix === false) {
    console.log(`  - ${file}: not against a VSIX (${test.whyNotFromVsix})`);
    continue;
  }
  run++;
  const title = `${file}: ${test.name ?? 'default'}`;
  const started = Date.now();
  try {
    await test.default();
    passed++;
    console.log(`  ✔ ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (error) {
    failed++;
    console.log(`  ✘ ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    console.log(`    ${String(error instanceof Error ? error.stack : error).split('\n').join('\n    ')}`);
  }
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || run === 0 ? 1 : 0);
