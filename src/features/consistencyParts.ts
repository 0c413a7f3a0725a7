// The consistency check with its view and quick fixes, made together when first needed: what dist/consistency.js holds for the Node host (consistencyRegistration.ts loads it).
import * as vscode from 'vscode';
import type { CorpusConfiguration } from './configuration';
import { CorpusConsistency } from './consistency';
import type { CountThread } from './consistencyRegistration';
import { ConsistencyFixes } from './consistencyActions';
import { VariationsView } from './variationsView';

export { addToLexicon, followMajorityEverywhere, forgetIgnored } from './consistencyActions';
export { applyMajorityOf, searchVariations } from './variationsView';

export interface ConsistencyParts extends vscode.Disposable {
  readonly consistency: CorpusConsistency;
  readonly view: VariationsView;
  readonly fixes: ConsistencyFixes;
}

/** The check (it starts counting with the first corpus, as before it was loaded), the view's rows, the quick fixes. */
export function makeConsistency(config: CorpusConfiguration, state: vscode.Memento, countThread?: (document: string) => CountThread): ConsistencyParts {
  const consistency = new CorpusConsistency(config, state, countThread);
  const view = new VariationsView(consistency);
  return {
    consistency,
    view,
    fixes: new ConsistencyFixes(consistency),
    dispose: () => {
      view.dispose();
      consistency.dispose();
    },
  };
}
