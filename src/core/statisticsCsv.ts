// Corpus statistics as CSV: one row per figure (section, key, value), for spreadsheets and R or pandas.
import { CorpusStatistics } from './corpusStatistics';

function field(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The same figures as the JSON, flattened: `figure` rows for the scalar counts, then one section per
 * table (placeholders by digit, problems by rule, histograms by length, top words, growth points).
 */
export function statisticsCsv(s: CorpusStatistics): string {
  const rows: Array<[string, string | number, string | number]> = [];
  for (const [key, value] of Object.entries(s)) {
    if (typeof value === 'number') rows.push(['figure', key, value]);
  }
  for (const [digit, count] of Object.entries(s.placeholders)) rows.push(['placeholder', digit, count]);
  for (const [rule, count] of Object.entries(s.problems ?? {})) rows.push(['problem', rule, count]);
  for (const [n, count] of Object.entries(s.sentenceLengths)) rows.push(['sentenceLength', n, count]);
  for (const [n, count] of Object.entries(s.wordLengths)) rows.push(['wordLength', n, count]);
  for (const { word, count } of s.topWords) rows.push(['topWord', word, count]);
  for (const { word, count } of s.topCompounds) rows.push(['topCompound', word, count]);
  for (const [tokens, types] of s.growth) rows.push(['growth', tokens, types]);
  return ['section,key,value', ...rows.map((r) => r.map(field).join(','))].join('\r\n') + '\r\n';
}
