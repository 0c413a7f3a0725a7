// A person rests the mouse on a word of the corpus: the hover shows its sentence cleaned, the word in bold; on a 6, a link to its partner moves the cursor there.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectSampleHover, fixtures, hoverWord, quickOpen, readable, screenshot, waitForExtensionsActivated, withEditor } from './workbench.mjs';

export const name = 'hovering a word shows the cleaned sentence with the word in bold; marks render bold, the partner link moves the cursor';

export default async function hover() {
  const sample = readFileSync(join(fixtures, 'sample.seg'), 'utf8');
  const closing = sample.indexOf('6', sample.indexOf('6') + 1);
  await withEditor(name, async (page) => {
    await quickOpen(page, 'sample.seg');
    await waitForExtensionsActivated(page);
    await expectSampleHover(page);
    await screenshot(page, 'hover.png');

    // A 7 touching the word before it once cleaned ("Ngày 4, Chủ tịch"): its comma in bold, no literal ** or backticks.
    await page.mouse.move(5, 5);
    const seven = await hoverWord(page, '7'); // the first 7 of the sample: "Ngày 4 7 Chủ_tịch"
    const hover = page.locator('.monaco-hover').first();
    assert.equal(readable(await hover.locator('.hover-contents strong').first().textContent()), ',');
    assert.ok(!seven.includes('**'), `no literal ** in the hover: ${seven}`);
    assert.ok(!seven.includes('`'), `no literal backticks: ${seven}`);
    assert.equal(readable(await hover.locator('.hover-contents code').first().textContent()), '7');
    assert.match(seven, /7: separator placeholder → ,/);
    await screenshot(page, 'hover-separator.png');

    // The opening 6: its quote in bold, and "column N" of its partner a link that moves the cursor there.
    await page.mouse.move(5, 5);
    const six = await hoverWord(page, '6'); // the first character of the sample
    assert.equal(readable(await hover.locator('.hover-contents strong').first().textContent()), '“');
    assert.ok(!six.includes('**'), six);
    const link = hover.locator('.hover-contents a', { hasText: `column ${closing + 1}` });
    await link.waitFor();
    await screenshot(page, 'hover-pair.png');
    await link.click();
    await page.locator('.statusbar-item[id="status.editor.selection"]', { hasText: `Ln 1, Col ${closing + 1}` }).waitFor({ timeout: 10_000 });
  }, { settings: { 'editor.wordWrap': 'on' } });
}
