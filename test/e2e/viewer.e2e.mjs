// A person opens a 75 MB corpus (over VS Code's sync limit), takes "Open in Viewer" from the message, and reads, scrolls, goes to a line and finds in it.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCorpus } from '../../bench/corpus.mjs';
import { fixtures, readable, runCommand, screenshot, withEditor } from './workbench.mjs';

export const name = 'a 75 MB corpus over the sync limit in the Segmented Corpus Viewer: first screen, scroll, go to line, find';

/** The viewer's page: a webview is an iframe holding the extension's page in another. */
function viewerFrame(page) {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

/** The line numbers on screen. */
async function shownLines(frame) {
  return (await frame.locator('.row .ln').allTextContents()).map(Number);
}

export default async function viewer() {
  const workspace = mkdtempSync(join(tmpdir(), 'segcorpus-e2e-viewer-'));
  try {
    const file = writeCorpus(join(workspace, 'huge.seg'), 75_000_000, join(fixtures, 'sample.seg'));
    const lines = readFileSync(file.path, 'utf8').split('\n');
    await withEditor(name, async (page) => {
      // Ctrl+P as quickOpen does, with more time: the workbench reads all 75 MB into its text model first.
      await page.keyboard.press('Control+P');
      await page.locator('.quick-input-widget input').fill('huge.seg');
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'huge.seg' }).first().waitFor();
      await page.keyboard.press('Enter');
      await page.locator('.editor-instance .monaco-editor .view-line').first().waitFor({ timeout: 120_000 });
      // The editor shows the file but extensions get no document: the message offers the viewer.
      await runCommand(page, 'Segmented Corpus: Normalize Document');
      await runCommand(page, 'Notifications: Show Notifications');
      const message = page.locator('.notifications-center .notification-list-item', { hasText: 'too large for extensions' });
      await message.waitFor({ timeout: 60_000 });
      const clicked = Date.now();
      await message.locator('.monaco-button', { hasText: 'Open in Viewer' }).click();
      await page.locator('.tabs-container .tab.active', { hasText: 'huge.seg' }).waitFor();

      // First screen: line 1 with the file's text, coloured by token class, before the index is done.
      const frame = viewerFrame(page);
      await frame.locator('#status', { hasText: /lines/ }).waitFor({ timeout: 60_000 });
      const pageUp = Date.now() - clicked;
      await frame.locator('.row .ln', { hasText: /^1$/ }).waitFor({ timeout: 30_000 });
      // Rows show "Reading…" until the extension's answer arrives.
      await frame.locator('.row .tok-compound').first().waitFor({ state: 'attached', timeout: 30_000 });
      console.log(`    page up ${pageUp} ms, first screen ${Date.now() - clicked} ms after the click (the workbench opening the webview included)`);
      const firstText = readable(await frame.locator('.row').first().locator('.text').textContent());
      assert.equal(firstText, lines[0].replace(/\r$/, ''));
      assert.ok((await frame.locator('.row').count()) < 200, 'only the lines on screen are in the page');
      assert.ok(await frame.locator('.tok-separator').count(), 'separator placeholders coloured');
      assert.ok(await frame.locator('.tok-joiner').count(), 'joiners coloured');
      await frame.locator('#status', { hasText: /lines/ }).waitFor();

      // Keyboard: the lines have the focus; Page Down twice moves the cursor and scrolls.
      await frame.locator('#scroller').focus();
      await page.keyboard.press('PageDown');
      await page.keyboard.press('PageDown');
      await page.keyboard.press('ArrowDown');
      const cursorLine = Number(await frame.locator('.row.cursor .ln').textContent());
      assert.ok(cursorLine > 20, `cursor on line ${cursorLine}`);
      // Scrolling with the wheel far down draws other lines.
      await frame.locator('#scroller').hover();
      await page.mouse.wheel(0, 40_000);
      await frame.locator('.row .ln').first().filter({ hasNotText: /^1$/ }).waitFor();
      const afterScroll = await shownLines(frame);
      assert.ok(afterScroll[0] > 100, `scrolled to line ${afterScroll[0]}`);

      // Go to Line: Ctrl+G in the viewer asks for a number.
      await frame.locator('#scroller').focus();
      await page.keyboard.press('Control+G');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor();
      await input.fill('20000');
      await page.keyboard.press('Enter');
      await frame.locator('.row.cursor .ln', { hasText: /^20000$/ }).waitFor({ timeout: 30_000 });
      await frame.locator('.row.cursor .pending').waitFor({ state: 'detached', timeout: 30_000 });
      const target = readable(await frame.locator('.row.cursor .text').textContent());
      assert.equal(target, lines[19999].replace(/\r$/, '').slice(0, target.length));
      // The cleaned text of the line under the cursor.
      await frame.locator('#cleaned .label', { hasText: 'Line 20,000, cleaned' }).waitFor({ timeout: 10_000 });
      assert.ok(!(await frame.locator('#cleaned-text').textContent()).includes('_'), 'cleaned: syllables joined by spaces');

      // Find, segmentation-insensitive: `nâng cao` finds `nâng_cao` as written in the corpus.
      await page.keyboard.press('Control+F');
      await frame.locator('#query').waitFor();
      await frame.locator('#query').fill('Nâng cao');
      await page.keyboard.press('Enter');
      await frame.locator('#find-status', { hasText: /^Line / }).waitFor({ timeout: 60_000 });
      const matchLine = Number((await frame.locator('#find-status').textContent()).replace(/\D/g, ''));
      assert.ok(matchLine > 20000, `the next match after line 20,000 is on line ${matchLine}`);
      // The match is drawn over its token spans (syllable, joiner, syllable) once the line is back with its matches.
      await frame.locator('.row.cursor .match.current').first().waitFor({ state: 'attached', timeout: 30_000 });
      const current = readable((await frame.locator('.row.cursor .match.current').allTextContents()).join(''));
      assert.match(current, /^nâng[ _]cao$/i);
      assert.match(lines[matchLine - 1], /nâng[ _]cao/i);
      // The match is scrolled into view sideways.
      const box = await frame.locator('.row.cursor .match.current').first().boundingBox();
      assert.ok(box && box.x > 0 && box.x < 1280, `the match is on screen: ${JSON.stringify(box)}`);
      await runCommand(page, 'Notifications: Clear All Notifications');
      await frame.locator('#query').focus();
      await screenshot(page, 'viewer.png');
      // Next match with Enter again: further along the line, further down, or wrapped to the start.
      const where = async () => `${await frame.locator('#find-status').textContent()} ${JSON.stringify(await frame.locator('.row.cursor .match.current').first().boundingBox().catch(() => null))}`;
      const before = await where();
      await frame.locator('#query').press('Enter');
      for (let waited = 0; (await where()) === before; waited += 250) {
        assert.ok(waited < 60_000, 'Enter moves to the next match');
        await page.waitForTimeout(250);
      }
    }, { workspace, settings: { 'workbench.editorLargeFileConfirmation': 4096 } });
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}
