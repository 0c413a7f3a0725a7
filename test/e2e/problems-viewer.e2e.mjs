// A person checks a corpus over VS Code's sync limit from the Explorer, then clicks a problem's code in the Problems panel: the viewer opens at that line.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCorpus } from '../../bench/corpus.mjs';
import { chooseMenuItem, fixtures, openExplorerMenu, runCommand, screenshot, waitForExtensionsActivated, withEditor } from './workbench.mjs';

export const name = 'Check Corpus Files on a 56 MB corpus: a problem\'s code in the Problems panel opens the viewer at its line';

function viewerFrame(page) {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

export default async function problemsViewer() {
  const workspace = mkdtempSync(join(tmpdir(), 'segcorpus-e2e-problems-viewer-'));
  try {
    // Over the sync limit (50 MiB) in bytes: the size the extension goes by.
    writeCorpus(join(workspace, 'big.seg'), 56_000_000, join(fixtures, 'sample.seg'));
    await withEditor(name, async (page) => {
      await chooseMenuItem(page, await openExplorerMenu(page, 'big.seg', 'Check Corpus Files'));
      await waitForExtensionsActivated(page);

      // The message says it is done and offers the Problems panel (headless, messages wait in the
      // notification centre, which hides itself when the progress notification goes).
      const done = page.locator('.notifications-center .notification-list-item', { hasText: 'checked big.seg' }).first();
      const deadline = Date.now() + 180_000;
      while (!(await done.isVisible())) {
        if (Date.now() > deadline) await done.waitFor({ timeout: 1 });
        if (!(await page.locator('.notifications-center.visible').isVisible())) await runCommand(page, 'Notifications: Show Notifications');
        await done.waitFor({ timeout: 3_000 }).catch(() => undefined);
      }
      await done.locator('.monaco-button', { hasText: 'Show Problems' }).click();
      const entry = page.locator('.markers-panel .monaco-list-row', { has: page.locator('a.monaco-link') }).first();
      await entry.waitFor({ timeout: 30_000 });
      const link = entry.locator('a.monaco-link');
      const at = /\[Ln (\d+), Col \d+\]/.exec(await entry.textContent());
      assert.ok(at, `the entry says its line: ${await entry.textContent()}`);
      const line = Number(at[1]);
      await link.hover();
      await screenshot(page, 'problems-viewer-link.png');
      await link.click();

      // The viewer opens on the file, its cursor on that line.
      await page.locator('.tabs-container .tab.active', { hasText: 'big.seg' }).waitFor({ timeout: 30_000 });
      const frame = viewerFrame(page);
      await frame.locator('.row.cursor .ln', { hasText: new RegExp(`^${line}$`) }).waitFor({ timeout: 60_000 });
      await screenshot(page, 'problems-viewer-opened.png');
    }, { workspace });
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}
