// The test runner VS Code's extension host loads: mocha over every compiled integration test.
import * as fs from 'fs';
import * as path from 'path';
import { format } from 'util';
import Mocha from 'mocha';

/**
 * Set by scripts/editor/vscode-adapter.mjs: there the extension host's console reaches the
 * terminal mixed with workbench log lines, so report lines carry this marker to be picked out.
 */
const reportMarker = process.env.SEGCORPUS_TEST_REPORT_MARKER ?? '';

/** The main suite, on test/fixtures: every compiled test except the multi-root suite's (multiRoot/, run on its own workspace). */
export async function run(): Promise<void> {
  const files = fs
    .readdirSync(__dirname, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.js') && !file.startsWith(`multiRoot${path.sep}`))
    .sort()
    .map((file) => path.join(__dirname, file));
  await runFiles(files);
}

/** Runs the given compiled test files with mocha, its report lines marked for the adapter. */
export async function runFiles(files: readonly string[]): Promise<void> {
  // Colours off: the output travels through the extension host's console, not to a terminal.
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 20_000 });
  // SEGCORPUS_TEST_GREP=<text> runs only the tests whose full title contains it (reaches the
  // extension host through code-server's environment).
  if (process.env.SEGCORPUS_TEST_GREP) mocha.grep(process.env.SEGCORPUS_TEST_GREP);
  // The workbench joins console arguments with spaces instead of applying the format string,
  // so hand it finished lines.
  const reporterBase = Mocha.reporters.Base as unknown as { consoleLog: (...args: unknown[]) => void };
  reporterBase.consoleLog = (...args: unknown[]) => {
    for (const line of format(...args).split('\n')) console.log(reportMarker + line);
  };

  for (const file of files) mocha.addFile(file);

  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
}
