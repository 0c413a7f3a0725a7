// The features activation registers but does not load: their commands, views and providers load the feature's module on first use (the Node host requires it from a bundle of its own, the web host has it bundled).
import type * as Consistency from './consistencyParts';
import type * as FileJobs from './fileJobs';
import type * as Statistics from './statistics';
import type * as Viewer from './viewer';

/**
 * The modules of the features loaded on first use; every call returns the same module. The Node
 * host's come from src/node/featureBundles.ts (dist/*.js), the web host's are imported.
 */
export interface OnDemandFeatures {
  readonly viewer: () => typeof Viewer;
  readonly statistics: () => typeof Statistics;
  readonly fileJobs: () => typeof FileJobs;
  readonly consistency: () => typeof Consistency;
}

/** A part of a feature made when it is first needed, then kept, and disposed with the feature if it was made. */
export class Lazy<T extends { dispose(): void }> {
  private value: T | undefined;
  private disposed = false;

  constructor(private readonly make: () => T) {}

  /** The part, made now if it was not yet. */
  get(): T {
    if (this.disposed) throw new Error('Segmented Corpus: the extension was deactivated');
    return (this.value ??= this.make());
  }

  /** The part if it was made, without making it. */
  get made(): T | undefined {
    return this.value;
  }

  dispose(): void {
    this.disposed = true;
    this.value?.dispose();
    this.value = undefined;
  }
}
