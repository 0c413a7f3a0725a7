// The statistics page's charts and CSV: labelled, escaped, every count in its bar, the same figures as the JSON.
import * as assert from 'assert';
import fc from 'fast-check';
import { StatisticsTally } from '../../src/core/corpusStatistics';
import { DEFAULT_SCHEME } from '../../src/core/scheme';
import { binLengths, columnChart, lineChart, rankChart } from '../../src/core/statisticsCharts';
import { statisticsCsv } from '../../src/core/statisticsCsv';
import { SAMPLE } from './fixtures';

const TEXT = { title: 'Độ dài <câu>', description: 'Sentences & words', xLabel: 'words', yLabel: 'sentences' };
const plain = (n: number): string => String(n);

describe('statistics charts', () => {
  it('bins any length histogram into at most the bars asked for (plus the tail), losing no count', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.integer({ min: 1, max: 5000 }).map(String), fc.integer({ min: 1, max: 1000 })), fc.integer({ min: 1, max: 40 }), (histogram, maxBars) => {
        const bars = binLengths(histogram, maxBars);
        const total = Object.values(histogram).reduce((a, b) => a + b, 0);
        assert.strictEqual(bars.reduce((a, b) => a + b.value, 0), total);
        assert.ok(bars.length <= maxBars + 1, `${bars.length} bars`);
      }),
    );
  });

  it('draws an SVG image with its title, description, axis labels and one bar per bin, text escaped', () => {
    const svg = columnChart('lengths', TEXT, [{ label: '1–5', value: 3 }, { label: '≥6', value: 1 }], plain);
    assert.match(svg, /^<svg class="chart" id="lengths" [^>]*role="img" aria-labelledby="lengths-title lengths-desc"/);
    assert.ok(svg.includes('<title id="lengths-title">Độ dài &lt;câu&gt;</title>'));
    assert.ok(svg.includes('<desc id="lengths-desc">Sentences &amp; words</desc>'));
    assert.strictEqual(svg.match(/<rect class="bar"/g)?.length, 2);
    assert.ok(svg.includes('>words</text>') && svg.includes('>sentences</text>'));
    assert.ok(svg.includes('<title>1–5: 3</title>'));
  });

  it('labels only every k-th column when labels would overlap', () => {
    const bars = Array.from({ length: 30 }, (_, i) => ({ label: `${i * 10 + 1}–${i * 10 + 10}`, value: i }));
    const svg = columnChart('many', TEXT, bars, plain);
    const labels = [...svg.matchAll(/<text class="tick" x="([\d.]+)" y="\d+" text-anchor="middle">/g)].map((m) => Number(m[1]));
    assert.ok(labels.length < 30 && labels.length > 5, `${labels.length} labels`);
    // 7 characters of 12 px text need about 58 px: neighbouring labels are further apart than that.
    for (let i = 1; i < labels.length; i++) assert.ok(labels[i] - labels[i - 1] >= 58, `labels at ${labels[i - 1]} and ${labels[i]}`);
  });

  it('draws the top words as ranked bars, long words cut with the whole word in the bar’s title', () => {
    const long = 'a_'.repeat(30) + 'b';
    const svg = rankChart('top', TEXT, [{ label: long, value: 5 }, { label: 'của', value: 2 }], plain);
    assert.ok(svg.includes(`<title>${long}: 5</title>`));
    assert.ok(svg.includes('…</text>'));
    assert.ok(svg.includes('>của</text>'));
  });

  it('draws the growth curve from the origin through every point', () => {
    const svg = lineChart('growth', TEXT, [[100, 80], [200, 120]], plain);
    assert.match(svg, /<path class="line" d="M64\.0 244\.0 L[\d. ]+L[\d. ]+"/);
  });

  it('writes the CSV with every figure of the JSON, quoting what needs it', () => {
    const tally = new StatisticsTally(DEFAULT_SCHEME, { problems: true, top: 1000 });
    tally.addLine(SAMPLE.trimEnd());
    tally.addLine('a,b "c" a,b');
    const s = tally.result();
    const rows = statisticsCsv(s).trimEnd().split('\r\n');
    assert.strictEqual(rows[0], 'section,key,value');
    assert.ok(rows.includes(`figure,types,${s.types}`));
    assert.ok(rows.includes('topWord,"a,b",2'), 'a comma in a word is quoted');
    assert.ok(rows.includes('topWord,"""c""",1'), 'a quote in a word is doubled');
    assert.ok(rows.includes(`figure,compoundShare,${s.compoundShare}`));
    assert.ok(rows.includes(`placeholder,6,${s.placeholders['6']}`));
    assert.ok(rows.includes(`problem,glued-placeholder,${s.problems?.['glued-placeholder']}`));
    assert.strictEqual(rows.filter((r) => r.startsWith('growth,')).length, s.growth.length);
    assert.strictEqual(rows.filter((r) => r.startsWith('topWord,')).length, s.topWords.length);
    for (const [n, c] of Object.entries(s.sentenceLengths)) assert.ok(rows.includes(`sentenceLength,${n},${c}`));
  });
});
