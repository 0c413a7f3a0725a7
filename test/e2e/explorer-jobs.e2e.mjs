// A person right-clicks a corpus file in the Explorer, chooses Normalize to File…, accepts the suggested name: the clean file is written beside it and opens from the message.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually, fixtures, repoRoot, runCommand, screenshot, waitForExtensionsActivated, withEditor } from './workbench.mjs';

export const name = 'Normalize to File… from the Explorer context menu writes the clean file beside the corpus';

export default async function explorerJobs() {
  // A workspace of its own: the job writes beside the source.
  const workspace = mkdtempSync(join(tmpdir(), 'segcorpus-explorer-jobs-'));
  copyFileSync(join(fixtures, 'sample.seg'), join(workspace, 'sample.seg'));
  const output = join(workspace, 'sample.clean.txt');
  try {
    await withEditor(name, async (page) => {
      const row = page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'sample.seg' });
      await row.waitFor();
      const item = page.locator('.monaco-menu .action-item', { hasText: 'Normalize to File…' });
      // The extension's menu items join the menu once the extension host has read its manifest.
      for (let attempt = 0; ; attempt++) {
        await row.click({ button: 'right' });
        if (await item.waitFor({ timeout: 3_000 }).then(() => true, () => false)) break;
        if (attempt === 5) await item.waitFor({ timeout: 1 });
        await page.keyboard.press('Escape');
      }
      for (const title of ['Restore Punctuation to File…', 'Check Corpus Files']) await page.locator('.monaco-menu .action-item', { hasText: title }).waitFor();
      await screenshot(page, 'explorer-jobs.png');
      await item.click();
      await waitForExtensionsActivated(page);

      // The save dialog (code-server's own, a quick input) suggests sample.clean.txt beside the source.
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ timeout: 15_000 });
      await page.waitForFunction(() => globalThis.document.querySelector('.quick-input-widget input')?.value.endsWith('sample.clean.txt'), null, { timeout: 10_000 });
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });

      const expected = spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), 'normalize', join(fixtures, 'sample.seg')]).stdout;
      await eventually(() => existsSync(output), 15_000, 100);
      assert.ok(readFileSync(output).equals(expected), 'the same bytes as segcorpus normalize');

      // The message says where and opens it (headless, notifications wait in the notification centre).
      await runCommand(page, 'Notifications: Show Notifications');
      const notification = page.locator('.notifications-center .notification-list-item', { hasText: 'normalized into' });
      await notification.waitFor({ timeout: 10_000 });
      assert.ok((await notification.textContent()).includes('sample.clean.txt'));
      await notification.locator('.monaco-button', { hasText: 'Open' }).click();
      await page.locator('.tabs-container .tab.active', { hasText: 'sample.clean.txt' }).waitFor({ timeout: 10_000 });
      await page.locator('.editor-instance .view-line', { hasText: 'Đặt hàng' }).first().waitFor();
    }, { workspace });
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}
