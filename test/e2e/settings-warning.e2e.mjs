// A person with an invalid placeholder scheme in their settings is told so, and restore keeps working with the defaults.
import assert from 'node:assert/strict';
import { quickOpen, readable, runCommand, waitForExtensionsActivated, withEditor } from './workbench.mjs';

export const name = 'an invalid segmentedCorpus.scheme shows a warning with Open Settings';

export default async function settingsWarning() {
  await withEditor(name, async (page) => {
    await quickOpen(page, 'sample.seg');
    await waitForExtensionsActivated(page);

    // Headless, notifications do not pop up as toasts: the notification centre lists them.
    await runCommand(page, 'Notifications: Show Notifications');
    const warning = page.locator('.notifications-center .notification-list-item', { hasText: 'invalid settings' });
    await warning.waitFor({ timeout: 10_000 });
    const text = readable(await warning.textContent());
    assert.match(text, /segmentedCorpus\.scheme\.7/);
    assert.match(text, /defaults used/);
    await warning.locator('.monaco-button', { hasText: 'Open Settings' }).waitFor();
  }, { settings: { 'segmentedCorpus.scheme': { 7: { role: 'comma' } } } });
}
