// The text summary of `segcorpus stats`: the figures a person reads at a glance, aligned in two columns.
import { CorpusStatistics } from '../core/corpusStatistics';

/** Words listed on one line of the summary (the JSON has all of --top). */
const LISTED = 10;

function mean(histogram: Record<string, number>): number {
  let total = 0;
  let weighted = 0;
  for (const [n, count] of Object.entries(histogram)) {
    total += count;
    weighted += Number(n) * count;
  }
  return total > 0 ? weighted / total : 0;
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)} %`;
}

export function statsSummary(s: CorpusStatistics): string {
  const rows: Array<[string, string | number]> = [
    ['lines', s.lines],
    ['tokens', s.tokens],
    ['words', s.words],
    ['compounds', s.compounds],
    ['syllables', s.syllables],
    ...Object.keys(s.placeholders).map((d): [string, number] => [`placeholder ${d}`, s.placeholders[d]]),
    ['unknown placeholders', s.unknownPlaceholders],
    ['glued placeholders', s.gluedPlaceholders],
    ['punctuation', s.punctuation],
    ['numbers', s.numbers],
    ['other', s.other],
    ['sentences', s.sentences],
    ['types', s.types],
    ['compound share', percent(s.compoundShare)],
    ['words per sentence', mean(s.sentenceLengths).toFixed(1)],
    ['syllables per word', mean(s.wordLengths).toFixed(2)],
    ['type/token ratio', s.words > 0 ? (s.types / s.words).toFixed(3) : '0'],
    ['top words', s.topWords.slice(0, LISTED).map((w) => `${w.word} ${w.count}`).join(', ')],
    ['top compounds', s.topCompounds.slice(0, LISTED).map((w) => `${w.word} ${w.count}`).join(', ')],
    ...Object.entries(s.problems ?? {}).map(([code, count]): [string, number] => [`problems ${code}`, count]),
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`.trimEnd() + '\n').join('');
}
