// The Node host's features loaded on first use: each is a bundle of its own beside dist/extension.js, required when first needed, so activation reads and compiles less.
import * as path from 'path';
import type { OnDemandFeatures } from '../features/onDemand';

/**
 * The bundles, by feature, and the module each is built from: esbuild.mjs builds them, the VSIX
 * must carry them (scripts/package/vsix.mjs, .vscodeignore); test/unit/bundles.test.ts keeps the
 * lists equal and these modules out of dist/extension.js.
 */
export const FEATURE_BUNDLES: Readonly<Record<keyof OnDemandFeatures, { readonly file: string; readonly entry: string }>> = {
  viewer: { file: 'viewer.js', entry: 'src/features/viewer.ts' },
  statistics: { file: 'statistics.js', entry: 'src/features/statistics.ts' },
  fileJobs: { file: 'file-job-commands.js', entry: 'src/features/fileJobs.ts' },
  consistency: { file: 'consistency.js', entry: 'src/features/consistencyParts.ts' },
};

/** The features as modules required from `bundleDir` (where dist/extension.js is) on first use. */
export function featureBundles(bundleDir: string): OnDemandFeatures {
  // A path esbuild cannot follow: the feature stays out of the extension's bundle.
  const load = (feature: keyof OnDemandFeatures) => {
    let module: unknown;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return () => (module ??= require(path.join(bundleDir, FEATURE_BUNDLES[feature].file)));
  };
  return { viewer: load('viewer'), statistics: load('statistics'), fileJobs: load('fileJobs'), consistency: load('consistency') } as OnDemandFeatures;
}
