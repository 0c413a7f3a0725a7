// A person whose VS Code speaks Vietnamese (--locale vi): the palette, the problems, the hover and the quick fixes of the extension are in Vietnamese.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtures, goTo, hoverWord, openQuickFixes, quickOpen, screenshot, waitForExtensionsActivated, withEditor } from './workbench.mjs';

export const name = 'with --locale vi the command titles, a diagnostic, the hover and the quick fixes are in Vietnamese';

export default async function vietnamese() {
  const sample = readFileSync(join(fixtures, 'sample.seg'), 'utf8');
  // "tổ_chức 7 ." : a separator placeholder before a full stop (separator-before-final).
  const redundant = sample.indexOf('tổ_chức 7 .') + 'tổ_chức '.length;
  assert.equal(sample[redundant], '7');
  const sevensBefore = sample.slice(0, redundant).split('7').length - 1;

  await withEditor(name, async (page) => {
    await quickOpen(page, 'sample.seg');
    await waitForExtensionsActivated(page);

    // The palette: the command titles come from package.nls.vi.json.
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill('>Chuẩn hoá');
    const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Segmented Corpus: Chuẩn hoá tài liệu' }).first();
    await row.waitFor({ timeout: 10_000 });
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Segmented Corpus: Chuẩn hoá vùng chọn' }).first().waitFor();
    await screenshot(page, 'vi-palette.png');
    await page.keyboard.press('Escape');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });

    // The diagnostic and the hover of that 7: the problem from the core's message table, the hover's lines.
    const hover = await hoverWord(page, '7', { occurrence: sevensBefore });
    await page
      .locator('.monaco-hover', { hasText: "dấu giữ chỗ phân cách '7' đứng trước dấu kết câu: thừa, Chuẩn hoá sẽ bỏ nó" })
      .first()
      .waitFor({ timeout: 15_000 })
      .catch(async (error) => {
        throw new Error(`the hover shows the Vietnamese diagnostic; it shows: ${await page.locator('.monaco-hover').first().textContent()}`, { cause: error });
      });
    assert.match(hover, /7: dấu giữ chỗ phân cách → ,/, hover);
    assert.match(hover, /bị bỏ khi chuẩn hoá ở đây/, hover);
    assert.ok(!/separator placeholder/.test(hover), `no English left in the hover: ${hover}`);
    await screenshot(page, 'vi-hover.png');

    // The quick fixes of that 7.
    await page.mouse.move(5, 5);
    await goTo(page, 1, redundant + 1);
    const { titles } = await openQuickFixes(page, "Xoá '7' thừa");
    assert.ok(titles.includes('Khôi phục mọi dấu giữ chỗ trong câu này'), JSON.stringify(titles));
    assert.ok(titles.every((t) => !/^(Replace|Remove|Restore)\b/.test(t)), `every title in Vietnamese: ${JSON.stringify(titles)}`);
    await screenshot(page, 'vi-quickfix.png');
    await page.keyboard.press('Escape');
  }, { locale: 'vi', settings: { 'editor.wordWrap': 'on' } });
}
