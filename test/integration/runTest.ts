// Runs the integration suite inside a real VS Code: code-server + headless chromium here, desktop VS Code with SEGCORPUS_DESKTOP=1 or --desktop.
import * as path from 'path';
import { runTests } from '@vscode/test-electron';

const repoRoot = path.resolve(__dirname, '..', '..', '..');

async function main(): Promise<void> {
  const desktop = process.env.SEGCORPUS_DESKTOP === '1' || process.argv.includes('--desktop');
  try {
    await runTests({
      // Without an executable, test-electron downloads desktop VS Code (needs internet and a display).
      // Otherwise the adapter speaks the same CLI and runs the suite in code-server.
      ...(desktop ? {} : { vscodeExecutablePath: path.join(repoRoot, 'scripts', 'editor', 'vscode-adapter.mjs') }),
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(repoRoot, 'out', 'test', 'integration', 'index.js'),
      launchArgs: [path.join(repoRoot, 'test', 'fixtures'), '--disable-extensions'],
    });
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

void main();
