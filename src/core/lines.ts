// Text layout: lines with their own endings (LF, CRLF or a lone CR, as VS Code reads them), and tokens.

export interface Line {
  readonly text: string;
  /** '\n', '\r\n', '\r', or '' for the last line. */
  readonly ending: string;
}

/** Every line of `text`, the last one with an empty ending (and empty text when `text` ends with a break). */
export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      lines.push({ text: text.slice(start, i), ending: '\n' });
      start = i + 1;
    } else if (c === 0x0d) {
      const crlf = text.charCodeAt(i + 1) === 0x0a;
      lines.push({ text: text.slice(start, i), ending: crlf ? '\r\n' : '\r' });
      if (crlf) i++;
      start = i + 1;
    }
  }
  lines.push({ text: text.slice(start), ending: '' });
  return lines;
}

/** Tokens are separated by spaces and tabs; any run of them is one separator. */
export function isTokenBreak(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

/** Start and end offsets of the tokens of a line. */
export function tokenBounds(line: string): Array<[number, number]> {
  const bounds: Array<[number, number]> = [];
  const n = line.length;
  let i = 0;
  while (i < n) {
    if (isTokenBreak(line.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && !isTokenBreak(line.charCodeAt(i))) i++;
    bounds.push([start, i]);
  }
  return bounds;
}
