// What a person does in the editor, as Playwright steps on the code-server workbench.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEditorSession } from '../../scripts/editor/code-server.mjs';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const fixtures = join(repoRoot, 'test', 'fixtures');

/**
 * Runs `steps(page)` in a workbench on test/fixtures with the extension loaded from the repo.
 * On failure the session keeps its logs and a screenshot and prints where.
 */
export async function withEditor(label, steps, { settings = {} } = {}) {
  const session = await startEditorSession({ workspace: fixtures, extensionDevelopmentPath: repoRoot, label, settings });
  let failed = true;
  try {
    await waitForWorkbench(session.page);
    await steps(session.page);
    failed = false;
  } finally {
    await session.close({ failed });
  }
}

export async function waitForWorkbench(page) {
  await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 30_000 });
  // The explorer lists the workspace once the remote file system answers.
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 30_000 });
}

/** Ctrl+P, type the name, wait for the matching row, Enter; resolves when its editor shows text. */
export async function quickOpen(page, fileName) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(fileName);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: fileName }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.editor-instance .monaco-editor .view-line').first().waitFor();
  await page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor();
}

/** The text of the rendered lines (the editor draws spaces as no-break spaces). */
export async function visibleEditorText(page) {
  const lines = await page.locator('.editor-instance .monaco-editor .view-line').allTextContents();
  return lines.join('\n').replace(/\u00a0/g, ' ');
}

/** Waits until the status bar no longer says extensions are activating. */
export async function waitForExtensionsActivated(page) {
  await page.locator('.part.statusbar', { hasText: 'Activating Extensions' }).waitFor({ state: 'detached', timeout: 15_000 });
}
