// `npm start`: the extension in a real VS Code on a folder holding the sample corpus, the sample open.
//
// With a desktop `code` on PATH it opens an Extension Development Host there; otherwise (or with
// SEGCORPUS_WEB=1) it serves code-server on 127.0.0.1 and prints the URL to open in a browser,
// which opens the workbench with sample.seg in an editor. The sample is copied into
// .vscode-test/workspace/ (or $SEGCORPUS_START_WORKSPACE), so edits there never touch test fixtures.
import { spawnSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { exitOnSignals, startCodeServer, workbenchUrl } from './code-server.mjs';
import { repoRoot } from './install-runtime.mjs';

const workspace = process.env.SEGCORPUS_START_WORKSPACE ? resolve(process.env.SEGCORPUS_START_WORKSPACE) : join(repoRoot, '.vscode-test', 'workspace');
mkdirSync(workspace, { recursive: true });
const sample = join(workspace, 'sample.seg');
if (!existsSync(sample)) copyFileSync(join(repoRoot, 'test', 'fixtures', 'sample.seg'), sample);

const desktop = process.env.SEGCORPUS_WEB !== '1' && spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
if (desktop) {
  console.log(`Opening VS Code with the extension loaded on ${workspace}`);
  spawn('code', [`--extensionDevelopmentPath=${repoRoot}`, workspace, sample], { stdio: 'inherit', detached: true }).unref();
} else {
  const server = await startCodeServer({ workspace, startTimeoutMs: 120_000 });
  exitOnSignals(() => server.stop());
  const url = workbenchUrl(server, [
    ['extensionDevelopmentPath', server.remoteUri(repoRoot)],
    // Honoured because code-server runs with the smoke-test driver (see code-server.mjs).
    ['openFile', server.remoteUri(sample)],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ]);
  console.log(`\nSegmented Corpus is running in VS Code (code-server) on the sample corpus.\nOpen this URL in a browser; it opens sample.seg:\n\n  ${url}\n\nThe server listens on 127.0.0.1 only; forward the port to reach it from another machine.\nCtrl+C stops it.`);
  await new Promise(() => {}); // serve until interrupted
}
