// A person rests the mouse on a word of the corpus: the hover shows its sentence cleaned, the word in bold.
import { expectSampleHover, quickOpen, screenshot, waitForExtensionsActivated, withEditor } from './workbench.mjs';

export const name = 'hovering a word shows the cleaned sentence with the word in bold';

export default async function hover() {
  await withEditor(name, async (page) => {
    await quickOpen(page, 'sample.seg');
    await waitForExtensionsActivated(page);
    await expectSampleHover(page);
    await screenshot(page, 'hover.png');
  }, { settings: { 'editor.wordWrap': 'on' } });
}
