// Generates a large, corpus-like benchmark file from the sample article, deterministically and by streaming writes.
import { closeSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';

// Fixed seed: every run, and every size, benchmarks the same text (a smaller file is a prefix of a larger one).
const SEED = 0x5e9c0415;
const MIN_LINE_CHARS = 50;
const MAX_LINE_CHARS = 5000;
const EMPTY_LINE_RATE = 0.03;
const CRLF_LINE_RATE = 0.05;
// Flushing about 4 MB at a time keeps memory flat for 1 GB while keeping write() calls few.
const FLUSH_CHARS = 3_000_000;

/** mulberry32: tiny, fast and good enough to shuffle text; Math.random cannot be seeded. */
export function seededRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Splits the sample into clauses: runs of tokens between separator placeholders (`7`) and full stops.
 * A `7` inside an open quote (`6 … 6`) does not split, so most clauses keep their quotes paired and
 * the generated lines exercise pairing the way real lines do rather than being full of strays.
 */
export function clausesOf(sample) {
  const tokens = sample.trim().split(/\s+/);
  const clauses = [];
  let current = [];
  let quoteOpen = false;
  const flush = () => {
    if (current.length > 0) clauses.push(clauseOf(current));
    current = [];
  };
  for (const token of tokens) {
    if (token === '6') quoteOpen = !quoteOpen;
    if (token === '.' || token === '7.' || (token === '7' && !quoteOpen)) {
      flush();
      if (token !== '7') quoteOpen = false;
    } else {
      current.push(token);
    }
  }
  flush();
  return clauses;
}

/** A clause with where each token ends, so the last clause of a line can be cut at a token boundary. */
function clauseOf(tokens) {
  const text = tokens.join(' ');
  const ends = [];
  const openAfter = [];
  let offset = 0;
  let open = false;
  for (const token of tokens) {
    if (token === '6') open = !open;
    offset += token.length;
    ends.push(offset);
    openAfter.push(open);
    offset += 1;
  }
  return { text, ends, openAfter };
}

/** Returns a function producing one line (without its line break) per call. */
export function lineMaker(sample, seed = SEED) {
  const clauses = clausesOf(sample);
  const random = seededRandom(seed);
  const pick = (n) => Math.floor(random() * n);
  const logMin = Math.log(MIN_LINE_CHARS);
  const logSpan = Math.log(MAX_LINE_CHARS) - logMin;

  return () => {
    // Log-uniform lengths: many short lines, a long tail of article-sized ones, as in news corpora.
    const target = Math.round(Math.exp(logMin + random() * logSpan));
    let line = '';
    let quoteOpen = false;
    let full = false;
    while (!full && line.length < target) {
      // A sentence is either a run of neighbouring clauses starting anywhere (a rotation of the
      // article) or clauses drawn from anywhere (a shuffle), so lines differ but still read like text.
      const count = 1 + pick(5);
      const consecutive = random() < 0.6;
      const start = pick(clauses.length);
      for (let i = 0; i < count && line.length < target; i++) {
        const clause = clauses[consecutive ? (start + i) % clauses.length : pick(clauses.length)];
        const separator = line.length === 0 ? '' : i === 0 ? ' . ' : ' 7 ';
        const room = target - line.length - separator.length;
        if (clause.text.length <= room) {
          line += separator + clause.text;
          continue;
        }
        // The line is full: cut this last clause at a token boundary, or leave it out when only a
        // sliver of room is left (the line then ends a little short of its target, which is fine).
        full = true;
        if (line.length > 0 && room < 20) break;
        let k = 0;
        while (k < clause.ends.length - 1 && clause.ends[k] < room) k++;
        line += separator + clause.text.slice(0, clause.ends[k]);
        quoteOpen = clause.openAfter[k];
        break;
      }
    }
    if (quoteOpen) line += ' 6';
    // Line ends as the sample shows them: a spaced full stop, a redundant separator before it, or `7.` glued on.
    const end = random();
    return line + (end < 0.85 ? ' .' : end < 0.95 ? ' 7 .' : ' 7.');
  };
}

/** writeSync may write less than asked (it mirrors write(2)); loop until the chunk is out. */
function writeAll(fd, text) {
  const buffer = Buffer.from(text, 'utf8');
  let written = 0;
  while (written < buffer.length) written += writeSync(fd, buffer, written);
  return buffer.length;
}

/**
 * Writes about `targetBytes` bytes of corpus to `path` (stopping at the first line break past it) and
 * returns what was written. Every line, including the last, ends in a line break.
 */
export function writeCorpus(path, targetBytes, samplePath) {
  const makeLine = lineMaker(readFileSync(samplePath, 'utf8'));
  const random = seededRandom(SEED ^ 0x9e3779b9);
  const fd = openSync(path, 'w');
  let bytes = 0;
  let lines = 0;
  let emptyLines = 0;
  let crlfLines = 0;
  let chunk = [];
  let chunkChars = 0;
  try {
    while (bytes < targetBytes) {
      const kind = random();
      let text;
      if (kind < EMPTY_LINE_RATE) {
        text = '\n';
        emptyLines++;
      } else if (kind < EMPTY_LINE_RATE + CRLF_LINE_RATE) {
        text = makeLine() + '\r\n';
        crlfLines++;
      } else {
        text = makeLine() + '\n';
      }
      chunk.push(text);
      chunkChars += text.length;
      lines++;
      // 1.4 bytes per char overestimates Vietnamese UTF-8 (about 1.33), so near the end the chunk is
      // flushed early and then line by line: the file lands within one line of the requested size.
      if (chunkChars >= FLUSH_CHARS || bytes + chunkChars * 1.4 >= targetBytes) {
        bytes += writeAll(fd, chunk.join(''));
        chunk = [];
        chunkChars = 0;
      }
    }
    if (chunk.length > 0) bytes += writeAll(fd, chunk.join(''));
    // On disk before any timed run, so the kernel's background writeback does not land in one.
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return { path, bytes, lines, emptyLines, crlfLines };
}
