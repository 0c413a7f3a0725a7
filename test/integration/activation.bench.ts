// Benchmark (bench/activation.mjs): the extension started by hand once the workbench is idle, timed inside the extension host in wall and CPU time.
import * as vscode from 'vscode';

const EXTENSION_ID = 'segmented-corpus.segmented-corpus';
const marker = process.env.SEGCORPUS_TEST_REPORT_MARKER ?? '';
/** The workbench's own start (built-in extensions activating) is over by then, so only ours is timed. */
const SETTLE_MS = 3000;

export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded`);
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  if (extension.isActive) throw new Error(`${EXTENSION_ID} is already active: nothing in the workspace may activate it`);
  // Loading dist/extension.js (read, compiled, evaluated) and activate(): the Running Extensions
  // editor's figure. CPU time does not grow with the machine's load as wall time does.
  const cpu = process.cpuUsage();
  const started = performance.now();
  const api = (await extension.activate()) as { activation?: { wall: number; cpu: number } };
  const wall = performance.now() - started;
  const used = process.cpuUsage(cpu);
  if (!api?.activation) throw new Error('activate() returned no activation timing (dist/extension.js: src/loadClock.ts)');
  // host: what the extension host spent, reading and compiling the file included; bundle: from the
  // bundle's first statement to the end of activate(), as the extension measures it.
  console.log(`${marker}activation ${JSON.stringify({ host: { wall, cpu: (used.user + used.system) / 1000 }, bundle: api.activation })}`);
}
