// A person corrects the segmentation of the sample with the keys (split, join, join previous, toggle, two cursors), Ctrl+Z each step back, and joins two words from the Ctrl+. menu.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { activeEditorText, fixtures, goTo, openQuickFixes, quickOpen, readable, screenshot, waitForExtensionsActivated, withEditor } from './workbench.mjs';

export const name = 'Ctrl+Alt+K/J/Shift+J/U split, join and flip boundaries at the cursors, Ctrl+Z takes each back; Ctrl+. joins a selection';

/** The sample is one line that the editor wraps: its rendered rows put back together. */
async function lineText(page) {
  return (await activeEditorText(page)).replace(/\n/g, '');
}

/** Presses `key`, then waits until the line holds `expected` (and not `gone`, when given). */
async function pressUntil(page, key, expected, gone) {
  await page.keyboard.press(key);
  return lineHolds(page, expected, gone, `after ${key}`);
}

async function lineHolds(page, expected, gone, when = 'now') {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const text = await lineText(page);
    if (text.includes(expected) && (!gone || !text.includes(gone))) return text;
    if (Date.now() > deadline) throw new Error(`${when} the line holds no "${expected}"${gone ? ` (or still "${gone}")` : ''}: ${text.slice(0, 300)}…`);
    await page.waitForTimeout(50);
  }
}

/** The status bar entry with the word under the cursor. */
async function wordStatus(page, expected) {
  const item = page.locator('.statusbar-item', { hasText: expected });
  await item.first().waitFor({ timeout: 10_000 });
  return readable(await item.first().textContent()).trim();
}

const count = (text, needle) => text.split(needle).length - 1;

export default async function segmentation() {
  const samplePath = join(fixtures, 'sample.seg');
  const before = readFileSync(samplePath);
  const sample = before.toString('utf8');
  const col = (needle, delta = 0) => {
    const at = sample.indexOf(needle);
    assert.ok(at >= 0, needle);
    return at + delta + 1;
  };

  await withEditor(name, async (page) => {
    await quickOpen(page, 'sample.seg');
    await waitForExtensionsActivated(page);

    // In `cán_bộ`: the status bar shows the word and its syllables.
    await goTo(page, 1, col('cán_bộ', 1));
    assert.equal(await wordStatus(page, 'cán_bộ'), 'cán_bộ · 2 syllables');

    await pressUntil(page, 'Control+Alt+K', 'đào_tạo cán bộ trẻ');
    await wordStatus(page, 'cán · 1 syllable');
    await pressUntil(page, 'Control+Alt+J', 'đào_tạo cán_bộ trẻ');
    await pressUntil(page, 'Control+Alt+Shift+J', 'đào_tạo_cán_bộ trẻ');

    // The sample's own error: `nâng cao_trình_độ` is `nâng_cao trình_độ`. Two flips: after `nâng`, then on the `_` after `cao`.
    await goTo(page, 1, col('nâng cao_trình_độ', 4));
    await pressUntil(page, 'Control+Alt+U', 'phải nâng_cao_trình_độ');
    await goTo(page, 1, col('nâng cao_trình_độ', 8));
    await pressUntil(page, 'Control+Alt+U', 'phải nâng_cao trình_độ chuyên_môn');
    await wordStatus(page, 'nâng_cao · 2 syllables');

    // Two cursors: select `công_tác`, Ctrl+D adds the next one; one Ctrl+Alt+K splits both.
    await goTo(page, 1, col('công_tác'));
    await page.keyboard.press('Control+Shift+ArrowRight');
    await page.keyboard.press('Control+D');
    await page.locator('.statusbar-item[id="status.editor.selection"]', { hasText: '2 selections' }).waitFor({ timeout: 10_000 });
    const split = await pressUntil(page, 'Control+Alt+K', 'chương_trình công tác Tổ_chức', 'công_tác');
    assert.equal(count(split, 'công tác'), 2, 'both split');
    await screenshot(page, 'segmentation-keys.png');

    // Ctrl+Z takes back one command at a time: first both splits at once.
    const undone = await pressUntil(page, 'Control+Z', 'chương_trình công_tác Tổ_chức', 'công tác');
    assert.equal(count(undone, 'công_tác'), 2, 'one undo brings both back');
    await pressUntil(page, 'Control+Z', 'phải nâng_cao_trình_độ chuyên_môn');
    await pressUntil(page, 'Control+Z', 'phải nâng cao_trình_độ chuyên_môn');
    await pressUntil(page, 'Control+Z', 'đào_tạo cán_bộ trẻ', 'đào_tạo_cán');
    await pressUntil(page, 'Control+Z', 'đào_tạo cán bộ trẻ');
    await pressUntil(page, 'Control+Z', 'đào_tạo cán_bộ trẻ', 'cán bộ');
    await page.locator('.tabs-container .tab.active:not(.dirty)', { hasText: 'sample.seg' }).waitFor();
    assert.equal(await lineText(page), sample, 'the line is the sample again');

    // Ctrl+. on a selection of two words offers "Join as `nâng_tầm`"; Enter on it joins them.
    await goTo(page, 1, col('nâng tầm'));
    for (let i = 0; i < 'nâng tầm'.length; i++) await page.keyboard.press('Shift+ArrowRight');
    await page.waitForTimeout(400);
    const { widget, row } = await openQuickFixes(page, /^Join as .nâng_tầm.$/);
    for (let i = 0; i < 20 && !(await row.evaluate((e) => e.classList.contains('focused'))); i++) await page.keyboard.press('ArrowDown');
    await screenshot(page, 'segmentation-join-action.png'); // docs/images/ only with SEGCORPUS_SCREENSHOTS=1
    await page.keyboard.press('Enter');
    await widget.waitFor({ state: 'hidden' });
    await lineHolds(page, 'để nâng_tầm quản_lý');
    await pressUntil(page, 'Control+Z', 'để nâng tầm quản_lý');
    assert.equal(await page.locator('.tabs-container .tab.dirty').count(), 0, 'no editor left with unsaved changes');
  }, { settings: { 'editor.wordWrap': 'on', 'editor.renderWhitespace': 'none' } });

  assert.ok(readFileSync(samplePath).equals(before), 'sample.seg on disk is unchanged');
}
