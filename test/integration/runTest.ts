// Runs the integration suites inside a real VS Code: code-server + headless chromium here, desktop VS Code with SEGCORPUS_DESKTOP=1 or --desktop.
//
// Two runs: the main suite on test/fixtures, then the multi-root suite on a copy of
// test/workspaces/multi-root (folder-level settings; the copy may be written to).
// SEGCORPUS_TEST_SUITE=main or multi-root runs only that one.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const testsDir = path.join(repoRoot, 'out', 'test', 'integration');

async function main(): Promise<void> {
  const desktop = process.env.SEGCORPUS_DESKTOP === '1' || process.argv.includes('--desktop');
  const only = process.env.SEGCORPUS_TEST_SUITE;
  const common = {
    // Without an executable, test-electron downloads desktop VS Code (needs internet and a display).
    // Otherwise the adapter speaks the same CLI and runs the suite in code-server.
    ...(desktop ? {} : { vscodeExecutablePath: path.join(repoRoot, 'scripts', 'editor', 'vscode-adapter.mjs') }),
    extensionDevelopmentPath: repoRoot,
  };
  let multiRoot: string | undefined;
  try {
    if (!only || only === 'main') {
      await runTests({
        ...common,
        extensionTestsPath: path.join(testsDir, 'index.js'),
        launchArgs: [path.join(repoRoot, 'test', 'fixtures'), '--disable-extensions'],
      });
    }
    if (!only || only === 'multi-root') {
      multiRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'segcorpus-multi-root-'));
      fs.cpSync(path.join(repoRoot, 'test', 'workspaces', 'multi-root'), multiRoot, { recursive: true });
      await runTests({
        ...common,
        extensionTestsPath: path.join(testsDir, 'multiRoot', 'index.js'),
        launchArgs: [path.join(multiRoot, 'corpus.code-workspace'), '--disable-extensions'],
      });
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  } finally {
    if (multiRoot) fs.rmSync(multiRoot, { recursive: true, force: true });
  }
}

void main();
