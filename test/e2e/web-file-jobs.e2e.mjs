// The web extension host's file jobs (workspace.fs, the string normalizer, a size cap), run from the Explorer as a person does: the CLI's bytes, the cap said above it, Cancel writes nothing.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCorpus } from '../../bench/corpus.mjs';
import { webExtensionHostSettings } from '../../scripts/editor/code-server.mjs';
import { chooseMenuItem, fixtures, openExplorerMenu, repoRoot, runCommand, screenshot, waitForExtensionsActivated, withEditor } from './workbench.mjs';

export const name = 'in the web extension host, Normalize to File… from the Explorer writes the CLI\'s bytes, refuses a file over the cap, and Cancel writes nothing';

/** The cap of the workspace.fs engine (src/features/fileJobEngine.ts WORKSPACE_FS_MAX_BYTES), in MB as its message rounds it. */
const CAP_BYTES = 32 * 1024 * 1024;
const capMb = (CAP_BYTES / 1e6).toFixed(0);

/** Right-click `fileName` in the Explorer, choose `title`, accept the output name the save dialog suggests. */
async function fromExplorer(page, fileName, title, suggested) {
  await chooseMenuItem(page, await openExplorerMenu(page, fileName, title));
  await waitForExtensionsActivated(page);
  await page.locator('.quick-input-widget input').waitFor({ timeout: 15_000 });
  await page.waitForFunction((name) => globalThis.document.querySelector('.quick-input-widget input')?.value.endsWith(name), suggested, { timeout: 10_000 });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/**
 * A notification in the notification centre (headless, they wait there instead of popping up).
 * The centre hides itself when its last notification goes (a finished progress): shown again as needed.
 */
async function notification(page, text, timeout = 60_000) {
  const item = page.locator('.notifications-center .notification-list-item', { hasText: text }).first();
  const deadline = Date.now() + timeout;
  while (!(await item.isVisible())) {
    if (Date.now() > deadline) await item.waitFor({ timeout: 1 });
    if (!(await page.locator('.notifications-center.visible').isVisible())) await runCommand(page, 'Notifications: Show Notifications');
    await item.waitFor({ timeout: 2_000 }).catch(() => undefined);
  }
  return item;
}

export default async function webFileJobs() {
  const workspace = mkdtempSync(join(tmpdir(), 'segcorpus-web-file-jobs-'));
  const sample = join(fixtures, 'sample.seg');
  // Several of the engine's 1 MB slices, with CRLF and empty lines; one just under the cap (slow
  // enough with the string normalizer to be cancelled), one just over it.
  writeCorpus(join(workspace, 'corpus.seg'), 3_000_000, sample);
  writeCorpus(join(workspace, 'slow.seg'), CAP_BYTES - 1_000_000, sample);
  writeCorpus(join(workspace, 'over.seg'), CAP_BYTES + 1_000_000, sample);
  const leftovers = () => readdirSync(workspace).filter((f) => !f.endsWith('.seg'));
  try {
    await withEditor(name, async (page) => {
      // The CLI's bytes, through workspace.fs in the browser's extension host.
      await fromExplorer(page, 'corpus.seg', 'Normalize to File…', 'corpus.clean.txt');
      await notification(page, 'normalized into');
      const expected = spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), 'normalize', join(workspace, 'corpus.seg')], { maxBuffer: 1 << 26 }).stdout;
      assert.ok(readFileSync(join(workspace, 'corpus.clean.txt')).equals(expected), 'the same bytes as segcorpus normalize');

      // Over the cap: the message says the cap and where to go instead; nothing is written.
      await fromExplorer(page, 'over.seg', 'Normalize to File…', 'over.clean.txt');
      const refused = await notification(page, `here file jobs read files of up to ${capMb} MB`);
      assert.match(await refused.textContent(), /over\.seg is \d+ MB/);
      assert.match(await refused.textContent(), /segcorpus command line/);
      await screenshot(page, 'web-file-jobs-cap.png');
      assert.ok(!existsSync(join(workspace, 'over.clean.txt')), 'nothing written above the cap');

      // Cancel from the progress notification while it runs: nothing is written.
      await fromExplorer(page, 'slow.seg', 'Normalize to File…', 'slow.clean.txt');
      const progress = await notification(page, 'Normalizing slow.seg', 15_000);
      await progress.hover();
      await progress.locator('.monaco-button', { hasText: 'Cancel' }).click();
      await notification(page, 'cancelled; nothing was written');
      assert.ok(!existsSync(join(workspace, 'slow.clean.txt')), 'cancelled: no output');
      assert.deepEqual(leftovers(), ['corpus.clean.txt'], 'no other file in the folder');
    }, { workspace, settings: webExtensionHostSettings });
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}
