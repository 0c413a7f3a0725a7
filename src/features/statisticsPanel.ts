// The statistics page: a webview of tables and SVG charts drawn here, themed by the editor's colours, under a strict content security policy.
import * as vscode from 'vscode';
import { Bar, ChartText, binLengths, columnChart, escapeXml, lineChart, rankChart } from '../core/statisticsCharts';
import type { StatisticsModel } from './statistics';
import { histogramMean as mean } from '../core/corpusStatistics';
import { webviewPageHtml } from './webviewPage';

const VIEW_TYPE = 'segmentedCorpus.statistics';
/** Bars in a length histogram: enough to see the shape, few enough to label. */
const HISTOGRAM_BARS = 30;

/** One panel, reused: a new count replaces what it shows. */
export class StatisticsPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private shown: StatisticsModel | undefined;
  private readonly media: vscode.Uri;

  constructor(
    extensionUri: vscode.Uri,
    private readonly onExport: (format: 'json' | 'csv') => Promise<void>,
  ) {
    this.media = vscode.Uri.joinPath(extensionUri, 'media');
  }

  get model(): StatisticsModel | undefined {
    return this.panel ? this.shown : undefined;
  }

  show(model: StatisticsModel): void {
    this.shown = model;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(VIEW_TYPE, '', { viewColumn: vscode.ViewColumn.Active, preserveFocus: false }, {
        enableScripts: true,
        localResourceRoots: [this.media],
      });
      this.panel.onDidDispose(() => (this.panel = undefined));
      this.panel.webview.onDidReceiveMessage((message: { type?: string; format?: string }) => {
        if (message?.type === 'export' && (message.format === 'json' || message.format === 'csv')) void this.onExport(message.format);
      });
    } else {
      this.panel.reveal(undefined, false);
    }
    this.panel.title = vscode.l10n.t('Statistics: {0}', model.label);
    this.panel.webview.html = this.html(this.panel.webview, model);
  }

  private html(webview: vscode.Webview, model: StatisticsModel): string {
    const s = model.statistics;
    const language = vscode.env.language;
    const numberFormat = new Intl.NumberFormat(language, { maximumFractionDigits: 0 });
    const count = (n: number): string => numberFormat.format(n);
    const share = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 });
    const decimal = new Intl.NumberFormat(language, { maximumFractionDigits: 2 });
    const figures: Array<[string, string]> = [
      [vscode.l10n.t('Lines'), count(s.lines)],
      [vscode.l10n.t('Sentences'), count(s.sentences)],
      [vscode.l10n.t('Tokens'), count(s.tokens)],
      [vscode.l10n.t('Syllables'), count(s.syllables)],
      [vscode.l10n.t('Words'), count(s.words)],
      [vscode.l10n.t('Types (distinct words)'), count(s.types)],
      [vscode.l10n.t('Compounds'), count(s.compounds)],
      [vscode.l10n.t('Share of compounds'), share.format(s.compoundShare)],
      [vscode.l10n.t('Words per sentence'), decimal.format(mean(s.sentenceLengths))],
      [vscode.l10n.t('Syllables per word'), decimal.format(mean(s.wordLengths))],
      [vscode.l10n.t('Punctuation'), count(s.punctuation)],
      [vscode.l10n.t('Numbers'), count(s.numbers)],
      [vscode.l10n.t('Other tokens'), count(s.other)],
      [vscode.l10n.t('Unknown placeholders'), count(s.unknownPlaceholders)],
      [vscode.l10n.t('Glued placeholders'), count(s.gluedPlaceholders)],
    ];
    const placeholders = Object.entries(s.placeholders).map(([digit, n]): [string, string] => [digit, count(n)]);
    const problems = Object.entries(s.problems ?? {}).map(([rule, n]): [string, string] => [rule, count(n)]);
    const sentenceBars = binLengths(s.sentenceLengths, HISTOGRAM_BARS);
    const wordBars = binLengths(s.wordLengths, HISTOGRAM_BARS);
    const topWords: Bar[] = s.topWords.map((w) => ({ label: w.word, value: w.count }));
    const topCompounds: Bar[] = s.topCompounds.map((w) => ({ label: w.word, value: w.count }));
    const occurrences = vscode.l10n.t('occurrences');
    // A chart, and the same numbers as a table one key press away (for screen readers and for reading exact values).
    const figure = (id: string, chart: ChartText, svg: string, bars: readonly Bar[], headings: readonly [string, string]): string =>
      `<figure tabindex="0" aria-labelledby="${id}-caption"><figcaption id="${id}-caption">${escapeXml(chart.title)}</figcaption>${svg}<details><summary>${escapeXml(vscode.l10n.t('Data as a table'))}</summary>${table(`${id}-data`, '', headings, bars.map((b): [string, string] => [b.label, count(b.value)]))}</details></figure>`;
    // A length histogram: its table's headings are the chart's axes.
    const histogram = (id: string, chart: ChartText, bars: readonly Bar[]): string => figure(id, chart, columnChart(id, chart, bars, count), bars, [chart.xLabel, chart.yLabel]);
    const ranking = (id: string, title: string, description: string, item: string, bars: readonly Bar[]): string => {
      const chart = text(title, description, occurrences, '');
      return figure(id, chart, rankChart(id, chart, bars, count), bars, [item, occurrences]);
    };
    const growth = text(vscode.l10n.t('Vocabulary growth'), vscode.l10n.t('Distinct words against words read: a curve that keeps rising means new words keep coming.'), vscode.l10n.t('words read'), vscode.l10n.t('distinct words'));
    const charts = [
      histogram('sentence-lengths', text(vscode.l10n.t('Sentence length'), vscode.l10n.t('How many sentences have each length, in words.'), vscode.l10n.t('words per sentence'), vscode.l10n.t('sentences')), sentenceBars),
      histogram('word-lengths', text(vscode.l10n.t('Word length'), vscode.l10n.t('How many words have each length, in syllables.'), vscode.l10n.t('syllables per word'), vscode.l10n.t('words')), wordBars),
      ranking('top-words', vscode.l10n.t('Most frequent words'), vscode.l10n.t('The {0} most frequent words and how often each occurs.', topWords.length), vscode.l10n.t('word'), topWords),
      ranking('top-compounds', vscode.l10n.t('Most frequent compounds'), vscode.l10n.t('The {0} most frequent compounds and how often each occurs.', topCompounds.length), vscode.l10n.t('compound'), topCompounds),
      figure('growth', growth, lineChart('growth', growth, s.growth, count), s.growth.map(([x, y]) => ({ label: count(x), value: y })), [growth.xLabel, growth.yLabel]),
    ];
    const files = model.files.length === 1 ? model.files[0].path.split('/').pop() ?? '' : vscode.l10n.t('{0} files', model.files.length);
    return webviewPageHtml(webview, {
      language,
      stylesheet: vscode.Uri.joinPath(this.media, 'statistics.css'),
      script: vscode.Uri.joinPath(this.media, 'statistics.js'),
      title: vscode.l10n.t('Statistics: {0}', model.label),
      body: `<header>
<h1>${escapeXml(vscode.l10n.t('Corpus statistics'))}: ${escapeXml(model.label)}</h1>
<p class="subtitle">${escapeXml(files)}</p>
<div class="actions">
<button type="button" data-export="json">${escapeXml(vscode.l10n.t('Export JSON…'))}</button>
<button type="button" data-export="csv">${escapeXml(vscode.l10n.t('Export CSV…'))}</button>
</div>
</header>
<main>
<section class="tables">
${table('figures', vscode.l10n.t('Figures'), [vscode.l10n.t('Figure'), vscode.l10n.t('Count')], figures)}
${table('placeholders', vscode.l10n.t('Placeholders per digit'), [vscode.l10n.t('Digit'), vscode.l10n.t('Count')], placeholders)}
${table('problems', vscode.l10n.t('Problems per rule'), [vscode.l10n.t('Rule'), vscode.l10n.t('Count')], problems)}
</section>
<section class="charts">
${charts.join('\n')}
</section>
</main>`,
    });
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

function text(title: string, description: string, xLabel: string, yLabel: string): ChartText {
  return { title, description, xLabel, yLabel };
}

function table(id: string, caption: string, head: readonly [string, string], rows: ReadonlyArray<readonly [string, string]>): string {
  const body = rows.map(([k, v]) => `<tr><th scope="row">${escapeXml(k)}</th><td>${escapeXml(v)}</td></tr>`).join('');
  return `<table id="${id}">${caption ? `<caption>${escapeXml(caption)}</caption>` : ''}<thead><tr><th scope="col">${escapeXml(head[0])}</th><th scope="col">${escapeXml(head[1])}</th></tr></thead><tbody>${body}</tbody></table>`;
}
