// The extension's settings for each workspace folder, read once and again on change: the scheme and normalize plan, validated.
import * as vscode from 'vscode';
import { DEFAULT_SEVERITIES, FINDING_CODES, FindingCode, RuleSetting } from '../core/check';
import { MarkTable } from '../core/marks';
import { NormalizePlan, readNormalizeOptions, planNormalize } from '../core/normalize';
import { DEFAULT_SCHEME, Scheme, SchemeError, extendScheme } from '../core/scheme';
import { Tokenizer } from '../core/tokens';

export const LANGUAGE_ID = 'segmented-corpus';
/** Normalized text: plain prose, but with its own defaults (word wrap) and none of the corpus features. */
export const CLEAN_LANGUAGE_ID = 'segmented-corpus-clean';
const SECTION = 'segmentedCorpus';

export type NormalizeTarget = 'beside' | 'inPlace';

/** A snapshot of the settings; a new one is made on every change, so holders never see a half-update. */
export interface Settings {
  readonly scheme: Scheme;
  readonly plan: NormalizePlan;
  readonly tokenizer: Tokenizer;
  /** The scheme's marks and how they attach (plan.marks): read by the quick fixes. */
  readonly marks: MarkTable;
  readonly normalizeTarget: NormalizeTarget;
  readonly hoverEnabled: boolean;
  readonly previewDelay: number;
  readonly diagnosticsEnabled: boolean;
  readonly severities: Record<FindingCode, RuleSetting>;
  readonly maxProblems: number;
  readonly consistency: ConsistencySettings;
}

export type ConsistencyScope = 'document' | 'workspace' | 'auto';

/** How variations are counted and judged (`segmentedCorpus.consistency.*`). */
export interface ConsistencySettings {
  readonly minOccurrences: number;
  readonly minShare: number;
  /** The lexicon file as set (relative to the workspace folder, or absolute), '' for none. */
  readonly lexicon: string;
  readonly scope: ConsistencyScope;
}

const RULE_SETTINGS: readonly RuleSetting[] = ['error', 'warning', 'information', 'hint', 'off'];

/** Which resources a settings change reaches (a folder-level change reaches only that folder's documents). */
export interface CorpusConfigurationChange {
  affects(resource: vscode.Uri): boolean;
}

/** The cache key and configuration scope of the folder a resource is in ('' outside every folder). */
function folderOf(resource: vscode.Uri): { key: string; folder?: vscode.WorkspaceFolder } {
  const folder = vscode.workspace.getWorkspaceFolder(resource);
  return folder ? { key: folder.uri.toString(), folder } : { key: '' };
}

/**
 * Every setting is `resource`-scoped: a folder of a multi-root workspace (its .vscode/settings.json)
 * may override the user's and the workspace's values. Settings only differ between folders, not
 * between the files of one folder, so a snapshot is kept per folder.
 */

const SCOPES: readonly ConsistencyScope[] = ['document', 'workspace', 'auto'];

function readConsistency(config: vscode.WorkspaceConfiguration, problems: string[]): ConsistencySettings {
  const minOccurrences = config.get<unknown>('consistency.minOccurrences', 3);
  const minShare = config.get<unknown>('consistency.minShare', 0.75);
  const lexicon = config.get<unknown>('consistency.lexicon', '');
  const scope = config.get<unknown>('consistency.scope', 'auto');
  const okCount = typeof minOccurrences === 'number' && Number.isInteger(minOccurrences) && minOccurrences >= 2;
  // Half or less is no majority: two forms could both claim it.
  const okShare = typeof minShare === 'number' && minShare > 0.5 && minShare <= 1;
  if (!okCount) problems.push(`${SECTION}.consistency.minOccurrences: ${JSON.stringify(minOccurrences)} is not a whole number of at least 2`);
  if (!okShare) problems.push(`${SECTION}.consistency.minShare: ${JSON.stringify(minShare)} is not a share above 0.5 and at most 1`);
  if (typeof lexicon !== 'string') problems.push(`${SECTION}.consistency.lexicon: not a path`);
  if (!SCOPES.includes(scope as ConsistencyScope)) problems.push(`${SECTION}.consistency.scope: ${JSON.stringify(scope)} is not one of ${SCOPES.join(', ')}`);
  return {
    minOccurrences: okCount ? minOccurrences : 3,
    minShare: okShare ? minShare : 0.75,
    lexicon: typeof lexicon === 'string' ? lexicon.trim() : '',
    scope: SCOPES.includes(scope as ConsistencyScope) ? (scope as ConsistencyScope) : 'auto',
  };
}

export class CorpusConfiguration implements vscode.Disposable {
  private readonly snapshots = new Map<string, Settings>();
  private readonly changed = new vscode.EventEmitter<CorpusConfigurationChange>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** The last warning shown per folder, so an unchanged bad setting is not reported again on every edit. */
  private readonly lastWarnings = new Map<string, string>();

  constructor() {
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(SECTION)) return;
      // Read again at once what was in use, so a bad value is reported when it is set.
      for (const key of [...this.snapshots.keys()]) {
        const folder = key ? vscode.workspace.workspaceFolders?.find((f) => f.uri.toString() === key) : undefined;
        if (key && !folder) this.forget(key);
        else if (event.affectsConfiguration(SECTION, folder?.uri)) this.snapshots.set(key, this.read(key, folder));
      }
      this.changed.fire({ affects: (resource) => event.affectsConfiguration(SECTION, resource) });
    }, null, this.subscriptions);
    vscode.workspace.onDidChangeWorkspaceFolders((event) => {
      for (const folder of event.removed) this.forget(folder.uri.toString());
    }, null, this.subscriptions);
  }

  /** The settings in force for a document (or any resource): its folder's, cached until they change. */
  settingsFor(resource: vscode.Uri | { readonly uri: vscode.Uri }): Settings {
    const { key, folder } = folderOf(resource instanceof vscode.Uri ? resource : resource.uri);
    let settings = this.snapshots.get(key);
    if (!settings) {
      settings = this.read(key, folder);
      this.snapshots.set(key, settings);
    }
    return settings;
  }

  /**
   * The settings of the window as a whole, read without a folder: what is counted across the
   * workspace (the `segmentedCorpus.consistency.*` settings, `window`-scoped) is read here.
   */
  get windowSettings(): Settings {
    let settings = this.snapshots.get('');
    if (!settings) {
      settings = this.read('', undefined);
      this.snapshots.set('', settings);
    }
    return settings;
  }

  private forget(key: string): void {
    this.snapshots.delete(key);
    this.lastWarnings.delete(key);
  }

  private read(key: string, folder: vscode.WorkspaceFolder | undefined): Settings {
    const config = vscode.workspace.getConfiguration(SECTION, folder?.uri ?? null); // null: the window's value, without the warning VS Code logs for no resource
    const problems: string[] = [];
    let scheme = DEFAULT_SCHEME;
    const overrides = config.get<unknown>('scheme');
    if (overrides !== undefined && overrides !== null) {
      try {
        scheme = extendScheme(DEFAULT_SCHEME, overrides);
      } catch (error) {
        if (!(error instanceof SchemeError)) throw error;
        problems.push(...error.problems.map((p) => `${SECTION}.scheme.${p.key}: ${p.message}`));
      }
    }
    const raw = config.get<Record<string, unknown>>('normalize') ?? {};
    const { options, problems: optionProblems } = readNormalizeOptions(raw, `${SECTION}.normalize.`);
    problems.push(...optionProblems.map((p) => `${p.key}: ${p.message}`));
    const target = raw.target === 'inPlace' ? 'inPlace' : 'beside';
    const severities: Record<FindingCode, RuleSetting> = { ...DEFAULT_SEVERITIES };
    const rawSeverities = config.get<Record<string, unknown>>('diagnostics.severity') ?? {};
    for (const [code, value] of Object.entries(rawSeverities)) {
      if (!(FINDING_CODES as readonly string[]).includes(code)) problems.push(`${SECTION}.diagnostics.severity.${code}: not a rule (rules: ${FINDING_CODES.join(', ')})`);
      else if (!RULE_SETTINGS.includes(value as RuleSetting)) problems.push(`${SECTION}.diagnostics.severity.${code}: ${JSON.stringify(value)} is not one of ${RULE_SETTINGS.join(', ')}`);
      else severities[code as FindingCode] = value as RuleSetting;
    }
    const maxProblems = config.get<number>('diagnostics.maxProblems', 1000);
    const delay = config.get<number>('preview.delay', 300);
    const consistency = readConsistency(config, problems);
    this.warn(key, folder, problems);
    const plan = planNormalize(scheme, options);
    return {
      scheme,
      plan,
      tokenizer: new Tokenizer(scheme),
      marks: plan.marks,
      normalizeTarget: target,
      hoverEnabled: config.get<boolean>('hover.enabled', true) !== false,
      previewDelay: typeof delay === 'number' && delay >= 0 ? Math.min(delay, 10000) : 300,
      diagnosticsEnabled: config.get<boolean>('diagnostics.enabled', true) !== false,
      severities,
      maxProblems: typeof maxProblems === 'number' && maxProblems >= 0 ? Math.floor(maxProblems) : 1000,
      consistency,
    };
  }

  private warn(key: string, folder: vscode.WorkspaceFolder | undefined, problems: string[]): void {
    const text = problems.join('; ');
    if (text === (this.lastWarnings.get(key) ?? '')) return;
    // Files outside every folder ('') and the one folder of a single-folder workspace read the same values: say it once.
    const alreadyShown = [...this.lastWarnings.values()].includes(text);
    this.lastWarnings.set(key, text);
    if (!text || alreadyShown) return;
    // The problems name setting keys and JSON values: they stay as written.
    const message =
      folder && (vscode.workspace.workspaceFolders?.length ?? 0) > 1
        ? vscode.l10n.t('Segmented Corpus: invalid settings in folder {0}, defaults used instead — {1}', folder.name, text)
        : vscode.l10n.t('Segmented Corpus: invalid settings, defaults used instead — {0}', text);
    void vscode.window.showWarningMessage(message, vscode.l10n.t('Open Settings')).then((choice) => {
      if (choice) void vscode.commands.executeCommand('workbench.action.openSettingsJson');
    });
  }

  dispose(): void {
    vscode.Disposable.from(...this.subscriptions).dispose();
    this.changed.dispose();
  }
}
