// A person's view of the highlighting: in Dark Modern and Light Modern, every category of token looks different from a plain syllable.
import assert from 'node:assert/strict';
import { eventually, quickOpen, screenshot, tokenColour, waitForExtensionsActivated, withEditor } from './workbench.mjs';

/** Picks a colour theme the way a person does: Ctrl+K Ctrl+T, type its name, Enter. */
async function chooseTheme(page, theme) {
  await page.locator('.editor-instance .view-line').first().click();
  await page.keyboard.press('Control+K');
  await page.keyboard.press('Control+T');
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Light Modern' }).first().waitFor({ timeout: 10_000 });
  await page.keyboard.type(theme);
  await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: theme }).waitFor({ timeout: 10_000 });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/* global document, getComputedStyle -- the evaluate callbacks run in the page */
const editorBackground = (page) => page.evaluate(() => getComputedStyle(document.querySelector('.editor-instance .monaco-editor-background')).backgroundColor);

export const name = 'every token category is coloured apart from plain syllables, in Dark Modern and Light Modern';

// test/fixtures/categories.seg: one token of each category, each text unique on the line.
const CATEGORIES = {
  'compound word': 'Chủ',
  'syllable joiner': '_',
  'proper-name compound': 'Lê',
  acronym: 'UBND',
  'pair placeholder': '6',
  'separator placeholder': '7',
  'number placeholder': '1',
  'date placeholder': '4',
  'unknown placeholder': '5',
  'real number': '2007',
  'literal punctuation': '…',
};

export default async function colours() {
  for (const theme of ['Dark Modern', 'Light Modern']) {
    await withEditor(`${name} (${theme})`, async (page) => {
      await quickOpen(page, 'categories.seg');
      await waitForExtensionsActivated(page);
      await chooseTheme(page, theme);
      // Dark Modern's editor is #1F1F1F, Light Modern's #FFFFFF: the theme really is the one named.
      // The theme is applied a moment after the picker closes (later on a busy machine): wait for it.
      const expected = theme === 'Dark Modern' ? 'rgb(31, 31, 31)' : 'rgb(255, 255, 255)';
      await eventually(async () => (await editorBackground(page)) === expected, 10_000, 100);
      assert.strictEqual(await editorBackground(page), expected, `${theme} is applied`);
      await page.locator('.editor-instance .view-line span span:not(.mtk1)').first().waitFor({ timeout: 10_000 });
      const plain = await tokenColour(page, 'trẻ');
      assert.ok(plain, 'the plain syllable is rendered');
      const same = [];
      for (const [category, text] of Object.entries(CATEGORIES)) {
        const colour = await tokenColour(page, text);
        assert.ok(colour, `${category} '${text}' is rendered as a token of its own in ${theme}`);
        if (colour === plain) same.push(`${category} '${text}'`);
      }
      assert.deepStrictEqual(same, [], `in ${theme} these look like plain syllables (${plain})`);
      await screenshot(page, `colours-${theme.toLowerCase().replace(/ /g, '-')}.png`);
    });
  }
}
