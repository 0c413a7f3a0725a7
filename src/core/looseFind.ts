// Find that ignores segmentation and case: `nâng_cao` finds `nâng cao`, `Nâng cao` and `nâng_cao`, over a line or over a whole file.
import { ByteSource, LineIndex, READ_CHUNK, lineText, walkLines } from './lineIndex';

/** A match in a line: UTF-16 offsets into the line as read. */
export interface LineMatch {
  readonly start: number;
  readonly end: number;
}

const SEPARATORS = /[\s_]+/u;
const COMBINING = /[\u0300-\u036f]/;

/**
 * A query compiled once: its syllables in composed lower case, to be found with any run of
 * spaces, tabs or `_` between them (the boundary a segmenter chose does not matter).
 */
export class LooseQuery {
  private readonly pattern: RegExp;
  readonly syllables: readonly string[];
  /** The longest syllable whose every case spelling is known, as UTF-8 bytes: a block without it holds no match. */
  private readonly needle: CaseBytes | undefined;

  constructor(query: string) {
    this.syllables = query.normalize('NFC').toLowerCase().split(SEPARATORS).filter((s) => s.length > 0);
    if (this.syllables.length === 0) throw new RangeError('the query has no syllables');
    const escaped = this.syllables.map((s) => s.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&'));
    this.pattern = new RegExp(escaped.join('[ \\t_]+'), 'giu');
    const spelled = this.syllables.filter((syllable) => [...syllable].every(hasKnownCases));
    const longest = spelled.sort((a, b) => utf8.encode(b).length - utf8.encode(a).length)[0];
    this.needle = longest === undefined ? undefined : new CaseBytes(longest);
  }

  /**
   * Whether the UTF-8 bytes may hold a match: false only when they cannot (the needle syllable is
   * not there in any case). Decoded text with combining marks (NFD) always may.
   */
  mayMatchBytes(bytes: Uint8Array): boolean {
    if (!this.needle) return true;
    // U+0300–U+036F start with these bytes: decomposed text is searched as text.
    if (bytes.indexOf(0xcc) >= 0 || bytes.indexOf(0xcd) >= 0) return true;
    return this.needle.within(bytes);
  }

  /** A query, or undefined when the text has nothing to look for (only spaces and underscores). */
  static parse(query: string): LooseQuery | undefined {
    return query.split(SEPARATORS).some((s) => s.length > 0) ? new LooseQuery(query) : undefined;
  }

  /** Every match in the line, left to right, not overlapping. */
  findAll(line: string): LineMatch[] {
    // Decomposed text (NFD, from other tools) is searched composed; offsets are mapped back.
    const composed = COMBINING.test(line) ? line.normalize('NFC') : line;
    const matches: LineMatch[] = [];
    this.pattern.lastIndex = 0;
    for (let m = this.pattern.exec(composed); m; m = this.pattern.exec(composed)) {
      matches.push({ start: m.index, end: m.index + m[0].length });
    }
    if (composed === line) return matches;
    return matches.map((m) => ({ start: rawOffset(line, m.start), end: rawOffset(line, m.end) }));
  }

  /** Whether the line holds a match. */
  test(line: string): boolean {
    const composed = COMBINING.test(line) ? line.normalize('NFC') : line;
    this.pattern.lastIndex = 0;
    return this.pattern.test(composed);
  }
}

const utf8 = new TextEncoder();

/**
 * Characters whose spellings in any case are exactly the character, its toLowerCase() and its
 * toUpperCase() (plus the few that `/…/iu` also folds, added in CaseBytes): ASCII letters and
 * digits and the Latin blocks Vietnamese uses, but the odd ones of those (ß ẞ ſ ẛ, the Dž digraphs).
 */
function hasKnownCases(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  if (c < 0x80) return /[0-9A-Za-z]/.test(ch);
  if (c === 0xdf || c === 0x17f || c === 0x1e9b || c === 0x1e9e || (c >= 0x1c4 && c <= 0x1cc) || (c >= 0x1f1 && c <= 0x1f3)) return false;
  return (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff);
}

/** Finds a syllable in UTF-8 bytes in any letter case, without decoding them. */
class CaseBytes {
  /** Per character, its spellings in UTF-8. */
  private readonly chars: Uint8Array[][];

  constructor(syllable: string) {
    this.chars = [...syllable].map((ch) => {
      const forms = new Set([ch, ch.toLowerCase(), ch.toUpperCase()]);
      // Signs that Unicode case folding (the `iu` flags) takes to these letters.
      if (ch === 'k') forms.add('\u212a');
      if (ch === 'å') forms.add('\u212b');
      return [...forms].filter((f) => [...f].length === 1).map((f) => utf8.encode(f));
    });
  }

  within(bytes: Uint8Array): boolean {
    const starts = new Set(this.chars[0].map((form) => form[0]));
    for (const first of starts) {
      for (let at = bytes.indexOf(first); at >= 0; at = bytes.indexOf(first, at + 1)) {
        if (this.at(bytes, at, 0)) return true;
      }
    }
    return false;
  }

  private at(bytes: Uint8Array, position: number, char: number): boolean {
    if (char === this.chars.length) return true;
    for (const form of this.chars[char]) {
      let k = 0;
      while (k < form.length && bytes[position + k] === form[k]) k++;
      if (k === form.length && this.at(bytes, position + k, char + 1)) return true;
    }
    return false;
  }
}

/** The offset in `raw` whose composed prefix is `composedOffset` long (the prefix lengths only grow). */
function rawOffset(raw: string, composedOffset: number): number {
  let low = 0;
  let high = raw.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (raw.slice(0, mid).normalize('NFC').length < composedOffset) low = mid + 1;
    else high = mid;
  }
  // Never inside a character's combining marks: a match ends after them.
  while (low < raw.length && COMBINING.test(raw[low])) low++;
  return low;
}

/** A match in a file: the line (0-based) and the first match in it. */
export interface FileMatch extends LineMatch {
  readonly line: number;
}

export interface FileSearch {
  /** Where to start: the line after (forward) or before (backward) this one; the search wraps around. */
  readonly fromLine: number;
  readonly backward: boolean;
  /** Called now and then with the share of the file searched (0 … 1). */
  readonly progress?: (fraction: number) => void;
  /** Checked between chunks: true stops the search (it resolves to undefined). */
  readonly cancelled?: () => boolean;
  /** Runs between chunks, so that the host's event loop keeps turning. */
  readonly pause?: () => Promise<void>;
}

/**
 * The next match of `query` in the file after `fromLine` (or the previous one before it),
 * wrapping around the end; undefined when there is none (or the search was cancelled).
 * Forward, lines are streamed from the index's anchor; backward, the file is searched block by
 * block (one sample interval at a time), so only what the index has reached is searched.
 */
export async function searchFile(source: ByteSource, index: LineIndex, query: LooseQuery, search: FileSearch): Promise<FileMatch | undefined> {
  const pause = search.pause ?? (async () => undefined);
  const cancelled = search.cancelled ?? (() => false);
  const progress = search.progress ?? (() => undefined);
  let stopped = false;
  let sinceYield = 0;
  let searchedBytes = 0;
  const total = Math.max(1, source.size);
  // Yields and reports every chunk's worth of bytes; false stops the walk.
  const account = async (bytes: number): Promise<boolean> => {
    sinceYield += bytes + 1;
    searchedBytes += bytes + 1;
    if (sinceYield >= READ_CHUNK) {
      sinceYield = 0;
      progress(Math.min(1, searchedBytes / total));
      await pause();
      if (cancelled()) stopped = true;
    }
    return !stopped;
  };

  if (!search.backward) {
    // From the line after fromLine to the end, then from the start up to fromLine itself.
    const first = await forward(source, index, query, search.fromLine + 1, Infinity, account);
    if (first || stopped) return stopped ? undefined : first;
    const wrapped = await forward(source, index, query, 0, search.fromLine + 1, account);
    return stopped ? undefined : wrapped;
  }
  const last = index.done ? index.lineCount : Math.max(index.lineCount, search.fromLine + 1);
  const before = await backward(source, index, query, search.fromLine - 1, 0, account);
  if (before || stopped) return stopped ? undefined : before;
  const wrapped = await backward(source, index, query, last - 1, search.fromLine, account);
  return stopped ? undefined : wrapped;
}

type Account = (bytes: number) => Promise<boolean>;

/** The first match in lines `from` … `until - 1` of the lines visited one by one (the exact rule: cut lines, NFD, offsets). */
async function forwardByLine(source: ByteSource, index: LineIndex, query: LooseQuery, from: number, until: number, account: Account): Promise<FileMatch | undefined> {
  let found: FileMatch | undefined;
  if (from >= until) return undefined;
  await walkLines(source, index, from, async (line, bytes, cut) => {
    if (line >= until) return false;
    const text = lineText(bytes, line, cut);
    if (query.test(text)) {
      const [m] = query.findAll(text);
      found = { line, start: m.start, end: m.end };
      return false;
    }
    return account(bytes.length);
  });
  return found;
}

const blockDecoder = new TextDecoder('utf-8');

/**
 * The first match in lines from … until - 1. Most of a file holds no match: a megabyte at a time
 * is looked at whole, first as bytes (is a syllable of the query there in any case?), then decoded
 * and tested with one regular-expression pass; only a block that holds a match is searched line
 * by line.
 */
async function forward(source: ByteSource, index: LineIndex, query: LooseQuery, from: number, until: number, account: Account): Promise<FileMatch | undefined> {
  if (from >= until) return undefined;
  let line = -1;
  let byte = 0;
  await walkLines(source, index, from, (l, _bytes, _cut, start) => {
    line = l;
    byte = start;
    return false;
  });
  if (line < 0) return undefined;
  while (byte < source.size && line < until) {
    const chunk = await source.read(byte, Math.min(READ_CHUNK, source.size - byte));
    if (chunk.length === 0) break;
    const atEnd = byte + chunk.length >= source.size;
    const lastFeed = chunk.lastIndexOf(0x0a);
    // A line longer than a chunk: that line on its own.
    const block = atEnd ? chunk : lastFeed >= 0 ? chunk.subarray(0, lastFeed + 1) : undefined;
    let lines = 0;
    if (block) for (let at = block.indexOf(0x0a); at >= 0; at = block.indexOf(0x0a, at + 1)) lines++;
    const blockLines = block ? lines + (atEnd && block[block.length - 1] !== 0x0a ? 1 : 0) : 1;
    if (!block || (query.mayMatchBytes(block) && query.test(blockDecoder.decode(block)))) {
      const found = await forwardByLine(source, index, query, line, Math.min(until, line + blockLines), account);
      if (found) return found;
      if (!block) {
        // Skip the long line: find where the next one starts.
        let next = -1;
        await walkLines(source, index, line + 1, (_line, _bytes, _cut, start) => {
          next = start;
          return false;
        });
        if (next < 0) return undefined;
        byte = next;
        line++;
        continue;
      }
    } else if (!(await account(block.length))) {
      return undefined;
    }
    line += blockLines;
    byte += block.length;
  }
  return undefined;
}

/** The last match in lines downTo … from (from ≥ downTo), searched one index block at a time from the end. */
async function backward(source: ByteSource, index: LineIndex, query: LooseQuery, from: number, downTo: number, account: Account): Promise<FileMatch | undefined> {
  if (from < downTo) return undefined;
  for (let blockStart = Math.floor(from / index.every) * index.every; blockStart + index.every > downTo; blockStart -= index.every) {
    let found: FileMatch | undefined;
    let going = true;
    const start = Math.max(blockStart, downTo);
    await walkLines(source, index, start, async (line, bytes, cut) => {
      if (line > from || line >= blockStart + index.every) return false;
      const text = lineText(bytes, line, cut);
      if (query.test(text)) {
        const matches = query.findAll(text);
        const m = matches[matches.length - 1];
        found = { line, start: m.start, end: m.end };
      }
      going = await account(bytes.length);
      return going;
    });
    if (!going) return undefined;
    if (found) return found;
    if (blockStart === 0) break;
  }
  return undefined;
}
