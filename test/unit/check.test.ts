import * as assert from 'assert';
import { checkLine } from '../../src/core/check';
import { DEFAULT_SCHEME } from '../../src/core/scheme';
import { countLine, emptyStats } from '../../src/core/stats';
import { tokenize } from '../../src/core/tokens';
import { SAMPLE } from './fixtures';

describe('check and stats', () => {
  it('finds unmatched pairs, unknown and glued placeholders with their ranges', () => {
    const line = '6 a 6 b 6 5 c 7.';
    const findings = checkLine(tokenize(line, DEFAULT_SCHEME)).map((f) => `${f.code}@${line.slice(f.start, f.end)}:${f.start}`);
    assert.deepStrictEqual(findings, ['unmatched-pair@6:8', 'unknown-placeholder@5:10', 'glued-placeholder@7.:14']);
  });

  it('finds only the glued 7. in the sample', () => {
    assert.deepStrictEqual(checkLine(tokenize(SAMPLE, DEFAULT_SCHEME)).map((f) => f.code), ['glued-placeholder']);
  });

  it('takes severities', () => {
    const [f] = checkLine(tokenize('6 a', DEFAULT_SCHEME), { 'unmatched-pair': 'hint', 'unknown-placeholder': 'warning', 'glued-placeholder': 'warning' });
    assert.strictEqual(f.severity, 'hint');
  });

  it('counts syllables of compounds and placeholders per digit', () => {
    const stats = emptyStats();
    countLine(stats, tokenize('Lê_Thanh_Hải đã 7 6 x 6 5. 2007 … #', DEFAULT_SCHEME));
    countLine(stats, []);
    assert.deepStrictEqual(stats, {
      lines: 2, tokens: 10, words: 3, compounds: 1, syllables: 5,
      placeholders: { '7': 1, '6': 2, '5': 1 }, unknownPlaceholders: 1, gluedPlaceholders: 1,
      punctuation: 1, numbers: 1, other: 1,
    });
  });
});
