// Runs the extension inside a real VS Code: code-server serves the workbench, headless Debian chromium shows it.
//
// Used by the @vscode/test-electron adapter (integration tests) and by the e2e tests. One session
// = one code-server on a free port with a fresh user-data dir + one browser page. A failed
// session keeps its temp dir (server log, browser console, VS Code logs, screenshot).
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, cpSync, createWriteStream, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { ensureRuntime, runtime, runtimeDir } from './install-runtime.mjs';

const extensionId = 'segmented-corpus.segmented-corpus';

/** User settings for a quiet, deterministic workbench. */
const baseSettings = {
  // A monospace font with every Vietnamese letter precomposed (Debian fonts-noto-mono) where it is
  // installed; DejaVu Sans Mono, the fallback, draws stacked tone marks apart.
  'editor.fontFamily': "'Noto Sans Mono', 'Droid Sans Mono', monospace",
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'chat.disableAIFeatures': true,
};

// code-server runs in its own process group, so an interrupted run would leave it behind:
// kill whatever is still running when this process exits.
const liveServers = new Set();
process.once('exit', () => {
  for (const child of liveServers) {
    try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
  }
});

/** Exit on Ctrl+C / SIGTERM through process.exit, so the exit hook above runs. */
export function exitOnSignals(onSignal = async () => {}) {
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]]) {
    process.once(signal, () => {
      onSignal(signal).finally(() => process.exit(code));
    });
  }
}

/** Settings that make code-server run the extension in its web-worker extension host (the `browser` bundle). */
export const webExtensionHostSettings = { 'remote.extensionKind': { [extensionId]: ['web'] } };

function timeout(ms, what) {
  let timer;
  const promise = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s waiting for ${what}`)), ms);
  });
  return { promise, cancel: () => clearTimeout(timer) };
}

/**
 * The files the VSIX ships, as vsce lists them from .vscodeignore (its own reading of the patterns,
 * so this copy and the real package cannot disagree).
 */
export async function packagedFiles(extensionDir) {
  const { listFiles } = createRequire(join(extensionDir, 'package.json'))('@vscode/vsce');
  return listFiles({ cwd: extensionDir, packageManager: 'none' });
}

/**
 * Installs the extension into `extensionsDir`: a .vsix file with code-server's own
 * `--install-extension`, as a person installs it; a folder as its VSIX would (its packaged files
 * copied), which needs no production build. Either way it is an installed extension, not one under
 * development: VS Code applies workspace trust to installed extensions only.
 */
async function installExtension(extension, { extensionsDir, userData, tmp }) {
  if (extension.endsWith('.vsix')) {
    const result = spawnSync(runtime.node, [
      runtime.codeServerEntry,
      // Our config file: without one code-server writes a default into the home folder.
      '--config', join(tmp, 'config.yaml'),
      '--user-data-dir', userData,
      '--extensions-dir', extensionsDir,
      '--install-extension', resolve(extension),
    ], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, TMPDIR: join(tmp, 't'), EXTENSIONS_GALLERY: '{}' } });
    if (result.status !== 0 || !/successfully installed/.test(result.stdout)) {
      throw new Error(`code-server --install-extension ${extension} failed (${result.status ?? result.signal ?? result.error?.message}):\n${`${result.stdout}${result.stderr}`.trim().slice(-2000)}`);
    }
    return;
  }
  const manifest = JSON.parse(readFileSync(join(extension, 'package.json'), 'utf8'));
  const target = join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  for (const file of await packagedFiles(extension)) {
    mkdirSync(dirname(join(target, file)), { recursive: true });
    copyFileSync(join(extension, file), join(target, file));
  }
}

/**
 * Workspace trust as a person meets it: on, and the workspace not trusted (Restricted Mode), with
 * no startup dialog asking, so the workbench opens straight into Restricted Mode.
 */
const untrustedSettings = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
};

/**
 * Starts code-server on 127.0.0.1 with a free port, in its own process group. Workspace trust is
 * off unless `untrusted`: then it is on and the workspace (never trusted in a fresh user-data dir)
 * opens in Restricted Mode. `installedExtension`: a .vsix file to install, or a folder to install as
 * from its VSIX. `locale`: the display language (`vi`), as a person sets it: extensions read their
 * package.nls.<locale>.json and l10n bundle for it. VS Code takes a display language only when a
 * language pack provides it; `languagePack` is the folder of one, installed first (the machines here
 * cannot download one).
 * @param {{ workspace: string, settings?: object, tempDir?: string, startTimeoutMs?: number, untrusted?: boolean, installedExtension?: string, locale?: string, languagePack?: string }} options
 */
export async function startCodeServer({ workspace, settings = {}, tempDir, startTimeoutMs = 60_000, untrusted = false, installedExtension, locale, languagePack }) {
  await ensureRuntime();
  const tmp = tempDir ?? mkdtempSync(join(tmpdir(), 'segcorpus-editor-'));
  const userData = join(tmp, 'user-data');
  for (const dir of [join(userData, 'User'), join(tmp, 'extensions'), join(tmp, 't')]) mkdirSync(dir, { recursive: true });
  const userSettings = { ...baseSettings, ...(untrusted ? untrustedSettings : {}), ...settings };
  writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify(userSettings, null, 2));
  if (languagePack) {
    const pack = JSON.parse(readFileSync(join(languagePack, 'package.json'), 'utf8'));
    const installed = join(tmp, 'extensions', `${pack.publisher}.${pack.name}-${pack.version}`);
    cpSync(languagePack, installed, { recursive: true });
    // The index of language packs VS Code reads when it serves the workbench (it writes it itself
    // only when a pack is installed through it, after the first page was served).
    const packs = {};
    for (const l of pack.contributes.localizations) {
      packs[l.languageId] = {
        hash: `${pack.name}-${pack.version}`,
        extensions: [{ extensionIdentifier: { id: `${pack.publisher}.${pack.name}` }, version: pack.version }],
        translations: Object.fromEntries(l.translations.map((t) => [t.id, join(installed, t.path)])),
        label: l.localizedLanguageName,
      };
    }
    writeFileSync(join(userData, 'languagepacks.json'), JSON.stringify(packs));
  }
  // Our own config file: the default one would ask for a password.
  writeFileSync(join(tmp, 'config.yaml'), 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
  if (installedExtension) await installExtension(installedExtension, { extensionsDir: join(tmp, 'extensions'), userData, tmp });

  const args = [
    runtime.codeServerEntry,
    '--config', join(tmp, 'config.yaml'),
    '--auth', 'none',
    '--bind-addr', '127.0.0.1:0',
    '--disable-telemetry',
    '--disable-update-check',
    ...(untrusted ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    // Without the smoke-test driver the web client ignores the `payload` query parameter.
    '--vscode-option', 'enable-smoke-test-driver',
    '--user-data-dir', userData,
    '--extensions-dir', join(tmp, 'extensions'),
    '--ignore-last-opened',
    ...(locale ? ['--locale', locale] : []),
    resolve(workspace),
  ];
  const child = spawn(runtime.node, args, {
    detached: true, // own process group: stop() kills code-server and every child it spawned
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PATH: `${dirname(runtime.node)}:${process.env.PATH ?? ''}`,
      TMPDIR: join(tmp, 't'),
      EXTENSIONS_GALLERY: '{}', // no marketplace lookups
    },
  });
  const serverLog = createWriteStream(join(tmp, 'code-server.log'));
  child.stdout.pipe(serverLog, { end: false });
  child.stderr.pipe(serverLog, { end: false });

  liveServers.add(child);
  let exited = false;
  child.once('exit', () => { exited = true; });

  const port = await new Promise((resolvePort, reject) => {
    let seen = '';
    const limit = timeout(startTimeoutMs, `code-server to listen (log: ${join(tmp, 'code-server.log')})`);
    limit.promise.catch(reject);
    const onData = (chunk) => {
      seen += chunk.toString();
      const match = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(seen);
      if (match) {
        limit.cancel();
        child.stdout.off('data', onData);
        resolvePort(Number(match[1]));
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code, signal) => {
      limit.cancel();
      reject(new Error(`code-server exited (${code ?? signal}) before listening; log: ${join(tmp, 'code-server.log')}\n${seen.slice(-2000)}`));
    });
  }).catch(async (error) => {
    await killGroup(child);
    throw error;
  });

  return {
    port,
    url: `http://127.0.0.1:${port}`,
    tmp,
    workspace: resolve(workspace),
    process: child,
    /** A path on the server as a URI the web workbench resolves through the remote connection. */
    remoteUri: (path) => `vscode-remote://127.0.0.1:${port}${resolve(path)}`,
    async stop() {
      if (!exited) await killGroup(child);
      serverLog.end();
    },
  };
}

async function killGroup(child) {
  liveServers.delete(child);
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exit = once(child, 'exit');
  const signal = (name) => {
    try { process.kill(-child.pid, name); } catch { /* already gone */ }
  };
  signal('SIGTERM');
  const grace = timeout(5_000, 'code-server to stop');
  try {
    await Promise.race([exit, grace.promise]);
  } catch {
    signal('SIGKILL');
    await exit;
  } finally {
    grace.cancel();
  }
  signal('SIGKILL'); // stragglers in the group (extension host, pty host, file watcher)
}

/** playwright-core from the runtime folder (not a project dependency: it is only needed with code-server). */
export function playwright() {
  return createRequire(join(runtimeDir, 'package.json'))('playwright-core');
}

/** Headless Debian chromium; the runtime never downloads a browser. */
export async function launchBrowser() {
  await ensureRuntime();
  return playwright().chromium.launch({
    executablePath: runtime.chromium,
    // Our signal handler closes the session (screenshot first); playwright would close the browser before it.
    handleSIGINT: false,
    handleSIGTERM: false,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update'],
  });
}

/**
 * The workbench's address for the server's workspace: a folder, or a multi-root workspace when it
 * is a .code-workspace file; `payload` is the list of [name, value] options the workbench reads.
 */
export function workbenchUrl(server, payload) {
  const kind = server.workspace.endsWith('.code-workspace') ? 'workspace' : 'folder';
  return `${server.url}/?${kind}=${encodeURIComponent(server.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/**
 * Opens the workbench on the server's workspace with the extension under development loaded,
 * and (with extensionTestsPath) the test runner. `exited` resolves with the extension host's
 * exit code once the tests finish.
 */
export async function openWorkbench({ server, browser, extensionDevelopmentPath, extensionTestsPath, onLog = () => {}, onConsole = () => {}, viewport = { width: 1280, height: 800 } }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const consoleLog = createWriteStream(join(server.tmp, 'browser-console.log'));
  page.on('console', (message) => {
    consoleLog.write(`[${message.type()}] ${message.text()}\n`);
    onConsole(message.type(), message.text());
  });
  page.on('pageerror', (error) => consoleLog.write(`[pageerror] ${error.stack ?? error}\n`));

  let resolveExit;
  const exited = new Promise((resolveCode) => { resolveExit = resolveCode; });
  const vscodeLogs = [];
  await page.exposeFunction('codeAutomationExit', (code, logs) => {
    if (Array.isArray(logs)) vscodeLogs.push(...logs);
    resolveExit(typeof code === 'number' ? code : 1);
  });
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = Array.isArray(args) ? args.map(String).join(' ') : String(args);
    consoleLog.write(`[automation:${type}] ${text}\n`);
    onLog(type, text);
  });

  const payload = [
    ...(extensionDevelopmentPath ? [['extensionDevelopmentPath', server.remoteUri(extensionDevelopmentPath)]] : []),
    ...(extensionTestsPath ? [['extensionTestsPath', server.remoteUri(extensionTestsPath)]] : []),
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  await page.goto(workbenchUrl(server, payload));
  return {
    page,
    exited,
    /** VS Code's own log files, handed over with the exit call. */
    vscodeLogs,
    async close() {
      await context.close().catch(() => {});
      consoleLog.end();
    },
  };
}

/** The last lines of the extension host's log and the browser's errors, for a run whose temp dir nobody will open. */
function printEvidence(tmp) {
  const files = readdirSync(tmp, { recursive: true, encoding: 'utf8' })
    .filter((f) => /(^|\/)(remoteexthost|exthost|workerexthost)\.log$|^browser-console\.log$/.test(f))
    .sort();
  for (const file of files) {
    let lines = readFileSync(join(tmp, file), 'utf8').split('\n').filter(Boolean);
    if (file === 'browser-console.log') lines = lines.filter((l) => /^\[(error|pageerror)\]/.test(l));
    if (lines.length === 0) continue;
    console.error(`[editor] last lines of ${file}:`);
    for (const line of lines.slice(-25)) console.error(`[editor]   ${line.slice(0, 400)}`);
  }
}

/**
 * A whole session: server + browser + workbench. Call close({ failed }) when done; a failed
 * session keeps its temp dir with a screenshot and prints where.
 * @param {{ workspace: string, extensionDevelopmentPath?: string, installedExtension?: string, extensionTestsPath?: string, settings?: object, untrusted?: boolean, onLog?: (type: string, text: string) => void, onConsole?: (type: string, text: string) => void, label?: string }} options
 */
export async function startEditorSession(options) {
  const server = await startCodeServer(options);
  let browser;
  let workbench;
  const session = {
    server,
    get page() { return workbench?.page; },
    get exited() { return workbench?.exited; },
    tmp: server.tmp,
    async close({ failed = false } = {}) {
      if (failed) await keepEvidence();
      await workbench?.close();
      await browser?.close().catch(() => {});
      await server.stop();
      if (failed) {
        console.error(`[editor] ${options.label ?? 'session'} failed; logs and screenshot kept in ${server.tmp}`);
        // A CI machine is gone with its temp dir: the tails of the telling logs go to the output.
        if (process.env.CI) printEvidence(server.tmp);
      } else {
        rmSync(server.tmp, { recursive: true, force: true });
      }
    },
  };
  async function keepEvidence() {
    if (workbench?.page) {
      await workbench.page.screenshot({ path: join(server.tmp, 'failure.png'), timeout: 10_000 }).catch((e) => console.error(`[editor] no screenshot: ${e.message}`));
    }
    for (const log of workbench?.vscodeLogs ?? []) {
      const path = join(server.tmp, 'vscode-logs', log.relativePath);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, log.contents);
    }
  }
  try {
    browser = await launchBrowser();
    workbench = await openWorkbench({ ...options, server, browser });
  } catch (error) {
    await session.close({ failed: true });
    throw error;
  }
  return session;
}
