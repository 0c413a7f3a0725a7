// The VSIX holds only what runs in the editor: vsce packs dist/ as it is, and the zip's files are checked against the allow-list.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';

interface ZipEntry { name: string; size: number; compressed: number; read(): Buffer }
interface VsixModule {
  readZipEntries(path: string): { entries: ZipEntry[]; bytes: number };
  vsixProblems(entries: readonly ZipEntry[], options?: { production?: boolean }): string[];
  formatKb(bytes: number): string;
  REQUIRED: string[];
}

const repoRoot = path.resolve(__dirname, '..', '..', '..');
// The tests compile to CommonJS, where `import()` would become require(); load the ES module as such.
const importModule = new Function('url', 'return import(url)') as (url: string) => Promise<VsixModule>;
const loadVsix = () => importModule(pathToFileURL(path.join(repoRoot, 'scripts', 'package', 'vsix.mjs')).href);

/** vsce's packer without vscode:prepublish (no production build here): what `npm run package` zips, from dist/ as it is. */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- vsce's public API always runs the production build; pack() has no typings
const { pack } = require('@vscode/vsce/out/package') as { pack(options: object): Promise<{ packagePath: string }> };

function entry(name: string, text = ''): ZipEntry {
  return { name, size: text.length, compressed: text.length, read: () => Buffer.from(text) };
}

describe('VSIX contents', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'segcorpus-vsix-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('packs the manifest, its strings, the grammar, the icon and the two bundles, nothing else, without a warning', async function () {
    this.timeout(60_000);
    assert.ok(fs.existsSync(path.join(repoRoot, 'dist', 'extension.js')), 'dist/extension.js is built (npm run build)');
    const { readZipEntries, vsixProblems, formatKb } = await loadVsix();
    const said: string[] = [];
    const { log, warn, error } = console;
    console.log = () => {}; // vsce's tree of the files; the checks below read the zip
    console.warn = console.error = (...args: unknown[]) => void said.push(args.join(' '));
    let packagePath: string;
    try {
      ({ packagePath } = await pack({ cwd: repoRoot, packagePath: path.join(dir, 'test.vsix'), dependencies: false, useYarn: false }));
    } finally {
      Object.assign(console, { log, warn, error });
    }
    assert.deepEqual(said, [], 'vsce warns about nothing');

    const vsix = readZipEntries(packagePath);
    const names = vsix.entries.map((e) => e.name);
    assert.deepEqual(vsixProblems(vsix.entries, { production: false }), []);
    // The allow-list already keeps these out; named here so a leak reads plainly.
    assert.deepEqual(names.filter((n) => /^extension\/(src|test|out|node_modules|\.vscode-test|bench|scripts)\//.test(n) || n.endsWith('.map')), []);
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    for (const entryPoint of [manifest.main, manifest.browser, manifest.icon]) assert.ok(names.includes(path.posix.join('extension', entryPoint)), `${entryPoint} is in the VSIX`);
    console.log(`      VSIX: ${names.length} files, ${formatKb(vsix.bytes)}`);
  });

  it('names what does not belong: sources, maps, development folders, files off the list, a missing file, a development bundle', async () => {
    const { vsixProblems, REQUIRED } = await loadVsix();
    const complete = REQUIRED.map((name) => entry(name));
    assert.deepEqual(vsixProblems(complete), []);
    const problems = vsixProblems([
      ...complete.filter((e) => e.name !== 'extension/images/icon.png' && e.name !== 'extension/dist/extension.js'),
      entry('extension/dist/extension.js', 'exports.activate=1;\n//# sourceMappingURL=extension.js.map'),
      entry('extension/dist/extension.js.map'),
      entry('extension/src/extension.ts'),
      entry('extension/node_modules/esbuild/package.json'),
      entry('extension/bench/run.mjs'),
      entry('extension/dist/cli.js'),
      entry('extension/l10n/bundle.l10n.vi.json'),
      entry('extension/package.nls.vi.json'),
    ]);
    assert.deepEqual(problems, [
      'extension/dist/extension.js.map: a source map',
      'extension/src/extension.ts: a development folder',
      'extension/node_modules/esbuild/package.json: a development folder',
      'extension/bench/run.mjs: a development folder',
      'extension/dist/cli.js: not on the allow-list (scripts/package/vsix.mjs)',
      'extension/images/icon.png: missing',
      'extension/dist/extension.js: a development build (it points at a source map): build with `node esbuild.mjs --production`',
    ]);
  });
});
