#!/usr/bin/env node
// `npm run package`: the VSIX built by vsce from the production bundles, checked against the allow-list, its size printed.
//
// vsce runs through its API, not its command line: the command line asks the registry for a newer
// vsce when the output is a terminal, and packaging must work offline.
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeVsix, readZipEntries, vsixProblems } from './vsix.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

const USAGE = `usage: node scripts/package/package.mjs [--out FILE.vsix]
Builds the production bundles (vscode:prepublish), packs the VSIX (default: <name>-<version>.vsix
in the repository) and checks its files against scripts/package/vsix.mjs. Exit 1 when a check fails.`;

/** Packs the VSIX with vsce (which runs vscode:prepublish first) and returns its path. */
export async function packageVsix(out) {
  const manifest = require(join(repoRoot, 'package.json'));
  const packagePath = resolve(out ?? join(repoRoot, `${manifest.name}-${manifest.version}.vsix`));
  mkdirSync(dirname(packagePath), { recursive: true });
  const { createVSIX } = require('@vscode/vsce');
  // No dependencies to walk (esbuild bundles everything), npm rather than a guess at yarn.
  await createVSIX({ cwd: repoRoot, packagePath, dependencies: false, useYarn: false });
  return packagePath;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    process.exit(0);
  }
  const outAt = args.indexOf('--out');
  if ((outAt >= 0 && !args[outAt + 1]) || args.some((a, i) => a !== '--out' && i !== outAt + 1)) {
    console.error(USAGE);
    process.exit(2);
  }
  try {
    const path = await packageVsix(outAt >= 0 ? args[outAt + 1] : undefined);
    const vsix = readZipEntries(path);
    console.log(describeVsix(path, vsix));
    const problems = vsixProblems(vsix.entries);
    for (const problem of problems) console.error(`package: ${problem}`);
    process.exit(problems.length > 0 ? 1 : 0);
  } catch (error) {
    console.error(`package: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
