#!/usr/bin/env node
// Runs every test/e2e/*.e2e.mjs in turn (each starts its own code-server + browser) and ends with "N passed, N failed".
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { exitOnSignals } from '../../scripts/editor/code-server.mjs';
import { ensureRuntime } from '../../scripts/editor/install-runtime.mjs';
import { repoRoot } from './workbench.mjs';

const here = join(repoRoot, 'test', 'e2e');
const filter = process.argv[2];

if (!existsSync(join(repoRoot, 'dist', 'extension.js'))) {
  console.error('dist/extension.js is missing: run `npm run build` first');
  process.exit(1);
}
await ensureRuntime();
exitOnSignals();

const files = readdirSync(here).filter((f) => f.endsWith('.e2e.mjs') && (!filter || f.includes(filter))).sort();
let passed = 0;
let failed = 0;
for (const file of files) {
  const test = await import(pathToFileURL(join(here, file)).href);
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
process.exit(failed > 0 || files.length === 0 ? 1 : 0);
