// The manifest as VS Code reads it on install: every command a menu or key binding names is declared, and the marketplace fields are there.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const home = 'https://github.com/segmented-corpus/segmented-corpus';

describe('manifest', () => {
  it('declares every command that a menu or key binding names (VS Code lists the others as problems of the installed extension)', () => {
    const declared = new Set<string>(manifest.contributes.commands.map((c: { command: string }) => c.command));
    const named: string[] = [];
    for (const [menu, items] of Object.entries(manifest.contributes.menus as Record<string, { command?: string }[]>)) {
      for (const item of items) if (item.command) named.push(`${menu}: ${item.command}`);
    }
    for (const binding of manifest.contributes.keybindings ?? []) named.push(`keybindings: ${binding.command}`);
    assert.deepEqual(named.filter((n) => !declared.has(n.slice(n.indexOf(': ') + 2))), []);
  });

  it('has what a marketplace page shows: icon, banner, repository, bugs, homepage, categories, keywords', () => {
    assert.ok(fs.existsSync(path.join(repoRoot, manifest.icon)), `${manifest.icon} exists`);
    assert.match(manifest.icon, /\.png$/, 'the marketplace takes a PNG icon, not an SVG');
    assert.match(manifest.galleryBanner.color, /^#[0-9a-f]{6}$/i);
    assert.ok(['dark', 'light'].includes(manifest.galleryBanner.theme));
    assert.equal(manifest.homepage, home);
    assert.equal(manifest.repository.url, `${home}.git`);
    assert.equal(manifest.bugs.url, `${home}/issues`);
    assert.ok(manifest.categories.length > 0 && manifest.keywords.length > 0);
    // The marketplace keeps at most 30 keywords; vsce refuses more.
    assert.ok(manifest.keywords.length <= 30);
  });
});
