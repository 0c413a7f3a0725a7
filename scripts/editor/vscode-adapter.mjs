#!/usr/bin/env node
// Stands in for the VS Code executable given to @vscode/test-electron's runTests: same CLI, runs in code-server + headless chromium.
//
// Understands the arguments runTests passes: --extensionDevelopmentPath=, --extensionTestsPath=
// and the workspace path; the desktop-only ones (--no-sandbox, --user-data-dir=, ...) are
// ignored because every run gets a fresh temp user-data dir. Exits with the extension host's
// exit code, so runTests reports pass/fail as with desktop VS Code.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { exitOnSignals, startEditorSession } from './code-server.mjs';

const valueFlags = new Set(['extensionDevelopmentPath', 'extensionTestsPath', 'user-data-dir', 'extensions-dir', 'locale']);

function parseArguments(argv) {
  const flags = {};
  const positional = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const match = /^--([^=]+)(?:=(.*))?$/s.exec(arg);
    if (!match) {
      positional.push(arg);
      continue;
    }
    const [, name, inline] = match;
    const value = inline ?? (valueFlags.has(name) ? argv[++i] : true);
    (flags[name] ??= []).push(value);
  }
  return { flags, positional };
}

// The extension host's console reaches the page mixed with workbench log lines; the test
// runner (test/integration/index.ts) marks its report lines with this so they can be picked out.
// Everything else goes to the session's browser-console.log.
const reportMarker = '\u2063[report] ';
process.env.SEGCORPUS_TEST_REPORT_MARKER = reportMarker; // inherited by code-server's extension host

function printReport(_type, text) {
  for (const line of text.split('\n')) {
    if (line.startsWith(reportMarker)) process.stdout.write(`${line.slice(reportMarker.length)}\n`);
  }
}

async function main() {
  const { flags, positional } = parseArguments(process.argv.slice(2));
  const extensionDevelopmentPath = flags.extensionDevelopmentPath?.[0];
  const extensionTestsPath = flags.extensionTestsPath?.[0];
  if (!extensionDevelopmentPath || !extensionTestsPath) {
    console.error('usage: vscode-adapter.mjs --extensionDevelopmentPath=<dir> --extensionTestsPath=<file> [workspace]');
    return 2;
  }
  if ((flags.extensionDevelopmentPath?.length ?? 0) > 1) {
    console.error('[editor] only the first --extensionDevelopmentPath is loaded by the web workbench');
  }
  const workspace = positional[0] ? resolve(positional[0]) : mkdtempSync(join(tmpdir(), 'segcorpus-empty-workspace-'));
  // The whole suite in one session: a bound against a hung workbench, not a speed target (the suite grows).
  const timeoutMs = Number(process.env.SEGCORPUS_EDITOR_TIMEOUT_MS ?? 900_000);
  const verbose = Boolean(process.env.SEGCORPUS_EDITOR_VERBOSE);

  const started = Date.now();
  // A listener of ours that throws is reported by the workbench and nowhere else: no test would
  // fail for it, so the run does.
  const extensionErrors = [];
  const onConsole = (type, text) => {
    if (type === 'error' && /Error in extension segmented-corpus\.segmented-corpus/.test(text)) extensionErrors.push(text);
  };
  let session;
  exitOnSignals(async () => session?.close({ failed: true }));
  session = await startEditorSession({
    workspace,
    extensionDevelopmentPath: resolve(extensionDevelopmentPath),
    extensionTestsPath: resolve(extensionTestsPath),
    label: 'integration run',
    onConsole,
    onLog: verbose ? (type, text) => process.stdout.write(`[${type}] ${text}\n`) : printReport,
  });
  let timer;
  const code = await Promise.race([
    session.exited,
    new Promise((resolveCode) => {
      timer = setTimeout(() => {
        console.error(`[editor] no result from the extension host after ${timeoutMs / 1000} s`);
        resolveCode(1);
      }, timeoutMs);
    }),
  ]);
  clearTimeout(timer);
  console.log(`[editor] extension host exited with ${code} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  for (const error of extensionErrors) console.error(`[editor] the extension threw: ${error.slice(0, 400)}`);
  const failed = code !== 0 || extensionErrors.length > 0;
  await session.close({ failed });
  return failed ? code || 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`[editor] ${error instanceof Error ? error.stack : error}`);
    process.exit(1);
  },
);
