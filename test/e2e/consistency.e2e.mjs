// A person opens a file whose `đường sắt` the rest of the workspace joins, presses Ctrl+. on it and Enter: it becomes `đường_sắt`; the Segmentation Variations view lists the variation and its occurrences.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { activeEditorText, fixtures, goTo, openQuickFixes, quickOpen, readable, runCommand, screenshot, waitForExtensionsActivated, withEditor } from './workbench.mjs';

export const name = 'Ctrl+. on `đường sắt` (joined in the other files) offers "Follow the majority here" first; Enter joins it; the variations view lists it';

export default async function consistency() {
  const path = join(fixtures, 'consistency', 'railway-a.seg');
  const before = readFileSync(path);
  const column = before.toString('utf8').indexOf('đường sắt') + 1;

  await withEditor(name, async (page) => {
    await quickOpen(page, 'railway-a.seg');
    await waitForExtensionsActivated(page);
    // The workspace is counted in the background: the problem shows once railway-b.seg is read.
    await page.locator('.editor-group-container.active .squiggly-info').first().waitFor({ timeout: 30_000 });
    await goTo(page, 1, column + 2);

    const { widget, titles, focused } = await openQuickFixes(page, 'Follow the majority here');
    assert.equal(titles[0], 'Follow the majority here: `đường_sắt`', JSON.stringify(titles));
    assert.ok(titles.includes('Keep `đường sắt` as it is'), JSON.stringify(titles));
    assert.equal(focused, titles[0], 'the preferred fix has the focus, for Enter');
    await screenshot(page, 'consistency-quickfix.png');

    await page.keyboard.press('Enter');
    await widget.waitFor({ state: 'hidden' });
    await page.locator('.editor-group-container.active .view-line', { hasText: 'Tuyến đường_sắt Bắc_Nam' }).first().waitFor({ timeout: 10_000 });
    assert.ok((await activeEditorText(page)).includes('Tuyến đường_sắt Bắc_Nam'));
    await page.keyboard.press('Control+Z');
    await page.locator('.editor-group-container.active .view-line', { hasText: 'Tuyến đường sắt Bắc_Nam' }).first().waitFor({ timeout: 10_000 });

    // The view: the variations of the workspace, most frequent first, with their forms and counts.
    await runCommand(page, 'Explorer: Focus on Segmentation Variations View');
    const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Segmentation Variations' }) });
    const variation = view.locator('.monaco-list-row', { hasText: 'đường sắt' }).first();
    await variation.waitFor({ timeout: 15_000 });
    assert.equal(readable(await variation.locator('.label-description').textContent()), 'đường_sắt 4 · đường sắt 1');
    await view.locator('.monaco-list-row', { hasText: 'nâng cao' }).first().waitFor();
    await variation.click();
    await view.locator('.monaco-list-row', { hasText: 'railway-b.seg:2' }).first().waitFor({ timeout: 10_000 });
    // Room for the picture: the folder list folded away, the side bar wider (its sash dragged as a hand does).
    await page.locator('.pane-header', { hasText: 'fixtures' }).first().click();
    const sash = page.locator('.part.sidebar + .monaco-sash, .monaco-sash.vertical').first();
    const box = await sash.boundingBox();
    if (box) {
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + 260, box.y + box.height / 2, { steps: 5 });
      await page.mouse.up();
    }
    await view.locator('.monaco-list-row', { hasText: 'railway-b.seg:2' }).first().waitFor();
    await screenshot(page, 'variations-view.png');
    await page.locator('.tabs-container .tab.active:not(.dirty)', { hasText: 'railway-a.seg' }).waitFor();
  }, { settings: { 'editor.wordWrap': 'on' } });

  assert.ok(readFileSync(path).equals(before), 'railway-a.seg on disk is unchanged');
}
