// A person's view of a redefined scheme: a digit the scheme gives another role is coloured like the default digit of that role.
import assert from 'node:assert/strict';
import { eventually, quickOpen, screenshot, tokenColour, waitForExtensionsActivated, withEditor } from './workbench.mjs';

export const name = 'a digit the scheme redefines takes the colour of its new role (5 as a separator, 1 as a pair)';

// test/fixtures/categories.seg: `… 6 x 6 7 năm 1 Ngày 4 5 2007 …`; the default scheme makes 5 unknown, 1 a number.
const SCHEME = { 5: { role: 'separator', mark: ';' }, 1: { role: 'pair', open: '«', close: '»' } };

export default async function schemeColours() {
  await withEditor(name, async (page) => {
    await quickOpen(page, 'categories.seg');
    await waitForExtensionsActivated(page);
    await page.locator('.editor-instance .view-line span span:not(.mtk1)').first().waitFor({ timeout: 10_000 });
    const separator = await tokenColour(page, '7');
    const pair = await tokenColour(page, '6');
    const date = await tokenColour(page, '4');
    assert.ok(separator && pair && date && new Set([separator, pair, date]).size === 3, `the default roles look different: 7 ${separator}, 6 ${pair}, 4 ${date}`);
    // The grammar paints first; the semantic tokens for the visible range follow (seconds later on a busy machine).
    const recoloured = await eventually(async () => (await tokenColour(page, '5')) === separator && (await tokenColour(page, '1')) === pair);
    await screenshot(page, 'scheme-colours.png');
    assert.ok(recoloured, `5 is coloured as the separator 7 (${separator}): ${await tokenColour(page, '5')}; 1 as the pair 6 (${pair}): ${await tokenColour(page, '1')}`);
    assert.equal(await tokenColour(page, '4'), date, 'the date placeholder keeps its colour');
  }, { settings: { 'segmentedCorpus.scheme': SCHEME } });
}
