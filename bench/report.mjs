// The text form of a benchmark section's report, shared by bench/run.mjs and sections run on their own.

/** Text form of a section report: { title, facts: [[k, v]], head, rows, notes, targets, problems } or { title, error }. */
export function render(report) {
  const lines = ['', `== ${report.title} ==`];
  if (report.error) {
    lines.push(`ERROR  ${report.error}`);
    return lines.join('\n');
  }
  const keyWidth = Math.max(...report.facts.map(([k]) => k.length));
  for (const [k, v] of report.facts) lines.push(`${k.padEnd(keyWidth)}  ${v}`);
  lines.push('');
  const widths = report.head.map((h, i) => Math.max(h.length, ...report.rows.map((r) => r[i].length)));
  // Left-align the label column, right-align the figures so their decimal points line up.
  const format = (cells) =>
    cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  lines.push(format(report.head), widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of report.rows) lines.push(format(r));
  lines.push('');
  for (const note of report.notes) lines.push(note);
  for (const t of report.targets) {
    const verdict = t.pass === undefined ? 'SKIP' : t.pass ? 'PASS' : 'FAIL';
    lines.push(`${verdict}  ${t.label}: ${t.value}`);
  }
  for (const p of report.problems) lines.push(`ERROR  ${p}`);
  return lines.join('\n');
}
