// One document's segmentation counted from its lines a block at a time, then judged: the count an editor runs on a thread of its own.
import { SpelledLines } from './syllables';
import { ConsistencyOptions, SegmentationFinding, Variations } from './variations';

/** Consecutive lines as UTF-8 with each line's byte range (EncodedLines' fields). */
export interface LineBlock {
  readonly bytes: Uint8Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
}

/** What a count ends with: the counts, and the findings of the lines that have some (line numbers from 0, in order). */
export interface BlockCountResult {
  readonly variations: Variations;
  readonly lines: number[];
  readonly findings: SegmentationFinding[][];
}

/**
 * Counts lines as they come, a block at a time (pass one: compounds noted, each line kept as
 * spellings), then, at finish(), counts every occurrence and judges the lines that disagree: the
 * same counts and findings as the editor's count in slices on the extension host, and as
 * `segcorpus check` over the same text.
 */
export class BlockCount {
  private readonly variations: Variations;
  private readonly spelled = new SpelledLines();
  private readonly blocks: LineBlock[] = [];

  constructor(options: Partial<ConsistencyOptions>, lexicon: readonly string[]) {
    this.variations = new Variations(options);
    for (const word of lexicon) this.variations.addLexiconWord(word);
  }

  add(block: LineBlock): void {
    this.blocks.push(block);
    const { bytes, starts, ends } = block;
    for (let k = 0; k < starts.length; k++) this.variations.noteCompoundsSpelling(bytes, starts[k], ends[k], this.spelled);
  }

  finish(): BlockCountResult {
    const v = this.variations;
    const spelled = this.spelled;
    // What is counted is kept for finding the lines that disagree: one read of every line, not two.
    // Past SpelledLines' bound the lines are read again from their bytes.
    if (!spelled.full) v.countSpelled(spelled, 0, spelled.lineCount, true);
    else for (const { bytes, starts, ends } of this.blocks) for (let k = 0; k < starts.length; k++) v.count(bytes, starts[k], ends[k]);
    const lines: number[] = [];
    const findings: SegmentationFinding[][] = [];
    const keep = (line: number, found: SegmentationFinding[]): void => {
      if (found.length === 0) return;
      lines.push(line);
      findings.push(found);
    };
    if (v.hasDisagreements()) {
      let first = 0;
      for (const { bytes, starts, ends } of this.blocks) {
        if (!spelled.full) {
          // Only the lines the spellings show disagreeing can have findings.
          for (const l of v.disagreeingLines(spelled, first, first + starts.length)) keep(l, v.findingsOf(bytes, starts[l - first], ends[l - first]));
        } else {
          for (let k = 0; k < starts.length; k++) keep(first + k, v.findingsOf(bytes, starts[k], ends[k]));
        }
        first += starts.length;
      }
    }
    return { variations: v, lines, findings };
  }
}
