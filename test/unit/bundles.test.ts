// The features the Node host loads on first use stay out of dist/extension.js, and every bundle they come from is built and packed.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { FEATURE_BUNDLES } from '../../src/node/featureBundles';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
/** What esbuild.mjs records of each extension bundle: its entry and the bytes each module adds to it. */
const BUNDLES_JSON = path.join(repoRoot, 'dist', 'bundles.json');

/**
 * The modules that make the features heavy, by feature: each must reach the Node host only through
 * its feature's bundle. (Shared core modules, such as the normalizer, may be in both.)
 */
const LOADED_ON_FIRST_USE: Record<keyof typeof FEATURE_BUNDLES, string[]> = {
  viewer: ['src/features/viewer.ts', 'src/core/lineIndex.ts', 'src/core/looseFind.ts'],
  statistics: ['src/features/statistics.ts', 'src/features/statisticsPanel.ts', 'src/core/statisticsCharts.ts', 'src/core/statisticsCsv.ts', 'src/core/corpusStatistics.ts', 'src/core/vocabulary.ts'],
  fileJobs: ['src/features/fileJobs.ts', 'src/features/fileProblems.ts'],
  consistency: ['src/features/consistencyParts.ts', 'src/features/consistency.ts', 'src/features/consistencyActions.ts', 'src/features/variationsView.ts', 'src/core/variations.ts', 'src/core/lexicon.ts'],
};

interface Recorded {
  readonly entryPoint: string;
  readonly bytes: number;
  readonly inputs: Record<string, number>;
}

function recorded(): Record<string, Recorded> {
  assert.ok(fs.existsSync(BUNDLES_JSON), 'dist/bundles.json is written by the build (npm run build)');
  return JSON.parse(fs.readFileSync(BUNDLES_JSON, 'utf8')) as Record<string, Recorded>;
}

// The tests compile to CommonJS, where `import()` would become require(); load the ES module as such.
const importModule = new Function('url', 'return import(url)') as (url: string) => Promise<{ REQUIRED: string[] }>;

describe('bundles: features loaded on first use', () => {
  it('keeps each feature\'s modules out of the Node bundle dist/extension.js', () => {
    const main = recorded()['dist/extension.js'];
    assert.ok(main, 'dist/extension.js is recorded in dist/bundles.json');
    const pulledIn = Object.values(LOADED_ON_FIRST_USE).flat().filter((module) => module in main.inputs);
    assert.deepEqual(pulledIn, [], 'a module loaded on first use was imported (not `import type`) by a module of dist/extension.js');
  });

  it('builds each feature\'s bundle from its module, with the modules it keeps out of dist/extension.js', () => {
    const bundles = recorded();
    for (const [feature, { file, entry }] of Object.entries(FEATURE_BUNDLES)) {
      const bundle = bundles[`dist/${file}`];
      assert.ok(bundle, `dist/${file} (${feature}) is built by esbuild.mjs`);
      assert.equal(bundle.entryPoint, entry);
      for (const module of LOADED_ON_FIRST_USE[feature as keyof typeof FEATURE_BUNDLES]) assert.ok(module in bundle.inputs, `${module} is in dist/${file}`);
    }
  });

  it('keeps every feature in the web bundle, which cannot load files', () => {
    const web = recorded()['dist/web/extension.js'];
    assert.ok(web, 'dist/web/extension.js is recorded in dist/bundles.json');
    assert.deepEqual(Object.values(LOADED_ON_FIRST_USE).flat().filter((module) => !(module in web.inputs)), []);
  });

  it('packs every feature bundle in the VSIX (scripts/package/vsix.mjs, .vscodeignore)', async () => {
    const { REQUIRED } = await importModule(pathToFileURL(path.join(repoRoot, 'scripts', 'package', 'vsix.mjs')).href);
    const ignore = fs.readFileSync(path.join(repoRoot, '.vscodeignore'), 'utf8').split('\n');
    for (const { file } of Object.values(FEATURE_BUNDLES)) {
      assert.ok(REQUIRED.includes(`extension/dist/${file}`), `dist/${file} is required in the VSIX`);
      assert.ok(ignore.includes(`!dist/${file}`), `.vscodeignore lets dist/${file} in`);
    }
  });
});
