// A person opens a 5 MB corpus, selects everything and keeps working: the hover answers within a second, Ctrl+. opens a bounded menu, the status bar says how many problems the panel leaves out.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCorpus } from '../../bench/corpus.mjs';
import { fixtures, hoverWord, quickOpen, readable, screenshot, waitForExtensionsActivated, withEditor } from './workbench.mjs';

export const name = 'on a 5 MB corpus, Ctrl+A then hover answers within 1 s and Ctrl+. opens a menu; the status bar says how many problems are shown';

/** What Ctrl+A may add to a hover's time (the hover before it, in the same run, is the baseline). */
const HOVER_MS = 1000;

export default async function largeFile() {
  const workspace = mkdtempSync(join(tmpdir(), 'segcorpus-e2e-large-'));
  try {
    const file = writeCorpus(join(workspace, 'big.seg'), 5_000_000, join(fixtures, 'sample.seg'));
    assert.ok(file.bytes >= 5_000_000);
    await withEditor(name, async (page) => {
      await quickOpen(page, 'big.seg');
      await waitForExtensionsActivated(page);
      // The problems are published (more than the panel's 1,000): the status bar says so.
      const leftOut = page.locator('.statusbar-item', { hasText: /of [\d,]+ problems shown/ });
      await leftOut.waitFor({ timeout: 60_000 });
      const [shown, total] = readable(await leftOut.textContent()).match(/[\d,]+/g).map((n) => Number(n.replace(/,/g, '')));
      assert.equal(shown, 1000);
      assert.ok(total > shown, `${shown} of ${total}`);

      // A word on the first line to hover.
      const word = readable(await page.locator('.editor-group-container.active .view-line').first().textContent())
        .split(' ')
        .find((w) => /^[\p{L}_]{4,}$/u.test(w));
      assert.ok(word, 'a plain word on the first line');

      await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click({ position: { x: 5, y: 5 } });
      // The same hover before Ctrl+A: how long the mouse, the hover delay and this machine take anyway.
      let started = Date.now();
      await hoverWord(page, word);
      const baseline = Date.now() - started;
      await page.mouse.move(5, 400);
      await page.locator('.monaco-hover .hover-contents').first().waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => {});
      await page.keyboard.press('Control+A');
      await page.locator('.statusbar-item[id="status.editor.selection"]', { hasText: 'selected' }).waitFor({ timeout: 10_000 });
      // Right after Ctrl+A the workbench asks for code actions on the whole document (the light bulb):
      // the extension host must still answer a hover at once.
      started = Date.now();
      const text = await hoverWord(page, word);
      const took = Date.now() - started;
      assert.ok(text.length > 0);
      await screenshot(page, 'large-file-hover.png');
      // Before: the extension host busy for 50-64 s, then dead. On a quiet machine both take well under a second.
      console.log(`    hover: ${baseline} ms before Ctrl+A, ${took} ms right after it`);
      assert.ok(took - baseline < HOVER_MS, `the hover took ${took} ms after Ctrl+A, ${baseline} ms before it`);

      await page.mouse.move(5, 400);
      await page.keyboard.press('Control+.');
      const menu = page.locator('.action-widget:not(.action-list-submenu-panel)');
      const firstEntry = menu.locator('.monaco-list-row.action').first();
      // The workbench asks every provider for the whole document's actions first: on a loaded CI
      // machine once no menu came in 10 s (the same run's extension host answered hovers at once).
      // A second Ctrl+. covers a key press the workbench let go by; the menu must still come.
      await firstEntry.waitFor({ timeout: 15_000 }).catch(async () => {
        await page.keyboard.press('Control+.');
        await firstEntry.waitFor({ timeout: 15_000 });
      });
      const titles = (await menu.locator('.monaco-list-row.action').allTextContents()).map((t) => readable(t).trim());
      await screenshot(page, 'large-file-quickfix.png');
      assert.equal(new Set(titles).size, titles.length, `no duplicate entries: ${JSON.stringify(titles)}`);
      assert.ok(titles.some((t) => /in the file$/.test(t)), `document-wide fixes: ${JSON.stringify(titles)}`);
      assert.ok(titles.length < 150, `${titles.length} entries`);
      await page.keyboard.press('Escape');
      // Still alive: the status bar's problems item and a hover keep answering.
      await page.mouse.move(5, 400);
      await hoverWord(page, word);
    }, { workspace, settings: { 'editor.wordWrap': 'on' } });
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}
