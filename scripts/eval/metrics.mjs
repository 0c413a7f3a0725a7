// Comparison helpers for the evaluation: character edit distance and a word-level diff that shows where two texts part.

/**
 * Levenshtein distance between two strings, counted in code points (a Vietnamese letter with two
 * marks is one edit, not two UTF-16 units). Shared prefix and suffix are trimmed first: outputs
 * that differ in one spot then cost little, and the one-row DP is O(n·m) only on the middle.
 */
export function editDistance(a, b) {
  if (a === b) return 0;
  let x = Array.from(a);
  let y = Array.from(b);
  let start = 0;
  while (start < x.length && start < y.length && x[start] === y[start]) start++;
  let endX = x.length;
  let endY = y.length;
  while (endX > start && endY > start && x[endX - 1] === y[endY - 1]) {
    endX--;
    endY--;
  }
  x = x.slice(start, endX);
  y = y.slice(start, endY);
  if (x.length < y.length) [x, y] = [y, x]; // the row follows the shorter string
  if (y.length === 0) return x.length;
  const row = new Uint32Array(y.length + 1);
  for (let j = 0; j <= y.length; j++) row[j] = j;
  for (let i = 1; i <= x.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= y.length; j++) {
      const above = row[j];
      row[j] = x[i - 1] === y[j - 1] ? diagonal : 1 + Math.min(diagonal, above, row[j - 1]);
      diagonal = above;
    }
  }
  return row[y.length];
}

/**
 * The differing stretches of two texts, split on spaces and aligned by longest common subsequence,
 * as [{ from, to }] where `from` is the reference's words and `to` the candidate's.
 * Word-level hunks read better than character edits when judging which rule misfired.
 */
export function wordHunks(reference, candidate) {
  const a = reference.split(' ');
  const b = candidate.split(' ');
  const n = a.length;
  const m = b.length;
  // lcs[i][j] = LCS length of a[i..] and b[j..], flattened.
  const lcs = new Uint16Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] = a[i] === b[j] ? lcs[(i + 1) * (m + 1) + j + 1] + 1 : Math.max(lcs[(i + 1) * (m + 1) + j], lcs[i * (m + 1) + j + 1]);
    }
  }
  const hunks = [];
  let from = [];
  let to = [];
  const flush = () => {
    if (from.length || to.length) hunks.push({ from: from.join(' '), to: to.join(' ') });
    from = [];
    to = [];
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      flush();
      i++;
      j++;
    } else if (j >= m || (i < n && lcs[(i + 1) * (m + 1) + j] >= lcs[i * (m + 1) + j + 1])) {
      from.push(a[i++]);
    } else {
      to.push(b[j++]);
    }
  }
  flush();
  return hunks;
}

/** A hunk as `[-reference-]{+candidate+}`, the wdiff notation. */
export function formatHunk({ from, to }) {
  return `${from ? `[-${from}-]` : ''}${to ? `{+${to}+}` : ''}`;
}

/**
 * The hunk with letters folded to `a` and digits to `0`, so that every instance of one rule
 * problem (`dụ)` → `dụ )`, `hàng”` → `hàng ”`) groups under one shape.
 */
export function hunkShape({ from, to }) {
  const fold = (s) => s.replace(/\p{L}+/gu, 'a').replace(/\p{N}+/gu, '0');
  return `${fold(from)}  →  ${fold(to)}`;
}
