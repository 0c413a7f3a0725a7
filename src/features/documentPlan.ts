// The normalize plan for one document: the settings' plan, plus its sentence-break words when inference is on.
import * as vscode from 'vscode';
import { BreakWords } from '../core/check';
import { NormalizePlan, withBreakWords } from '../core/normalize';
import { Settings } from './configuration';

const cache = new WeakMap<vscode.TextDocument, { version: number; settings: Settings; plan: NormalizePlan }>();

/**
 * With `segmentedCorpus.normalize.inferSentenceBreaks` on, the break words come from a pass over the
 * whole document, done once per document version and cached.
 */
export function planFor(document: vscode.TextDocument, settings: Settings): NormalizePlan {
  if (!settings.plan.options.inferSentenceBreaks) return settings.plan;
  const cached = cache.get(document);
  if (cached && cached.version === document.version && cached.settings === settings) return cached.plan;
  const words = new BreakWords();
  for (let l = 0; l < document.lineCount; l++) words.addLine(settings.tokenizer.tokenize(document.lineAt(l).text));
  const plan = withBreakWords(settings.plan, words.words());
  cache.set(document, { version: document.version, settings, plan });
  return plan;
}
