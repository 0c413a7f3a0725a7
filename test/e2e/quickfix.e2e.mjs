// A person puts the cursor on a 7 and presses Ctrl+.: the quick fixes offer its comma first, Enter writes it, Ctrl+Z takes it back.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { activeEditorText, fixtures, goTo, openQuickFixes, quickOpen, readable, runCommand, screenshot, waitForExtensionsActivated, withEditor } from './workbench.mjs';

export const name = "Ctrl+. on a 7 offers \"Replace '7' with ','\" first; Enter writes the comma, Ctrl+Z takes it back";

export default async function quickfix() {
  const samplePath = join(fixtures, 'sample.seg');
  const before = readFileSync(samplePath);
  const sample = before.toString('utf8');
  // The 7 after "Ngày 4" (a comma in the restored text), and the one before "Theo" (a likely sentence break).
  const comma = sample.indexOf('Ngày 4 7 Chủ_tịch') + 'Ngày 4 '.length;
  const sentenceBreak = sample.indexOf('TP 7 Theo') + 'TP '.length;
  assert.equal(sample[comma], '7');
  assert.equal(sample[sentenceBreak], '7');

  await withEditor(name, async (page) => {
    await quickOpen(page, 'sample.seg');
    await waitForExtensionsActivated(page);

    await goTo(page, 1, comma + 1);
    const { widget, titles, focused } = await openQuickFixes(page, "Replace '7' with ','");
    assert.equal(titles[0], "Replace '7' with ','", `the preferred fix comes first: ${JSON.stringify(titles)}`);
    assert.equal(focused, "Replace '7' with ','", 'and has the focus, for Enter');
    for (const mark of [';', ':', '–', '…']) assert.ok(titles.includes(`Replace '7' with '${mark}'`), `offers ${mark}: ${JSON.stringify(titles)}`);
    assert.ok(titles.includes('Restore all placeholders in this sentence'), JSON.stringify(titles));
    await screenshot(page, 'quickfix.png'); // docs/images/ only with SEGCORPUS_SCREENSHOTS=1

    await page.keyboard.press('Enter');
    await widget.waitFor({ state: 'hidden' });
    await page.locator('.editor-group-container.active .view-line', { hasText: 'Ngày 4 , Chủ_tịch' }).first().waitFor({ timeout: 10_000 });
    assert.ok(!(await activeEditorText(page)).includes('Ngày 4 7 Chủ_tịch'), 'the 7 is gone');
    await page.locator('.tabs-container .tab.active.dirty', { hasText: 'sample.seg' }).waitFor();

    // Ctrl+Z: the 7 is back and the file is clean again (nothing is ever saved: auto save is off).
    await page.keyboard.press('Control+Z');
    await page.locator('.editor-group-container.active .view-line', { hasText: 'Ngày 4 7 Chủ_tịch' }).first().waitFor({ timeout: 10_000 });
    await page.locator('.tabs-container .tab.active:not(.dirty)', { hasText: 'sample.seg' }).waitFor();

    // On a 7 that the document suggests ends a sentence, the fix tied to that hint comes first.
    await goTo(page, 1, sentenceBreak + 1);
    const atBreak = await openQuickFixes(page, 'End the sentence here');
    assert.equal(atBreak.titles[0], "End the sentence here: '7' → '.'", JSON.stringify(atBreak.titles));
    assert.ok(atBreak.titles.includes("Replace '7' with ','"), JSON.stringify(atBreak.titles));
    await page.keyboard.press('Escape');
    await atBreak.widget.waitFor({ state: 'hidden' });

    // The Problems panel lists the glued `7.` at the end of the sample as a warning.
    await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)');
    const glued = page.locator('.markers-panel .monaco-list-row', { hasText: "placeholder '7' is glued to '.'" }).first();
    await glued.waitFor({ timeout: 10_000 });
    // The severity icon's class says warning (the row may show its quick fix light bulb in the icon's place).
    await glued.locator('.marker-icon.warning').waitFor({ state: 'attached' });
    assert.equal(readable(await glued.locator('.marker-code').textContent()), 'glued-placeholder');
    assert.equal(readable(await glued.locator('.marker-line').textContent()), `[Ln 1, Col ${sample.lastIndexOf('7.') + 1}]`);
    assert.equal(await page.locator('.tabs-container .tab.dirty').count(), 0, 'no editor left with unsaved changes');
  }, { settings: { 'editor.wordWrap': 'on' } });

  assert.ok(readFileSync(samplePath).equals(before), 'sample.seg on disk is unchanged');
}
