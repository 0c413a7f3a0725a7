// Colours every token class of the grammar in VS Code's own default themes, and fails when a class
// looks like a plain syllable in Dark Modern or Light Modern (the requirement).
//
// The theme files come from the VS Code that `npm run editor:install` puts under .vscode-test/
// (code-server); without it the check is skipped. Another theme folder: THEMES_DIR=<dir>.
// Usage: node test/grammar/theme-colors.mjs [--json]
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadGrammar } from '../../bench/grammar.mjs';
import { runtime } from '../../scripts/editor/install-runtime.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const grammarPath = join(repoRoot, 'syntaxes', 'segmented-corpus.tmLanguage.json');
const themesDir = process.env.THEMES_DIR ?? join(runtime.codeServer, 'lib', 'vscode', 'extensions', 'theme-defaults', 'themes');

// [label, file]; the first two are required to tell every class from a plain syllable.
const THEMES = [
  ['Dark Modern', 'dark_modern.json', true],
  ['Light Modern', 'light_modern.json', true],
  ['Dark 2026', '2026-dark.json', false],
  ['Light 2026', '2026-light.json', false],
  ['Dark+', 'dark_plus.json', false],
  ['Light+', 'light_plus.json', false],
];

// [token class, token, offset of the part to look at, its length]; the first one is the reference.
const PROBES = [
  ['plain syllable', 'trẻ', 0, 3],
  ['syllable joiner _', 'hội_nghị', 3, 1],
  ['compound word', 'hội_nghị', 0, 3],
  ['proper-name compound', 'Lê_Thanh_Hải', 0, 2],
  ['acronym', 'UBND', 0, 4],
  ['pair placeholder 6', '6', 0, 1],
  ['separator placeholder 7', '7', 0, 1],
  ['number placeholder 1', '1', 0, 1],
  ['date placeholder 4', '4', 0, 1],
  ['unknown placeholder 5', '5', 0, 1],
  ['glued placeholder 7. (digit)', '7.', 0, 1],
  ['glued placeholder 7. (mark)', '7.', 1, 1],
  ['literal punctuation …', '…', 0, 1],
  ['real number 2007', '2007', 0, 4],
  ['stray joiner ._Taylor', '._Taylor', 1, 1],
];

const FONT_STYLES = [[1, 'italic'], [2, 'bold'], [4, 'underline'], [8, 'strikethrough']];

/** JSON with comments and trailing commas, as theme files may be written. */
function parseJsonc(text) {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      out += text.slice(start, i + 1);
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      i = text.indexOf('*/', i + 2) + 1;
    } else {
      out += c;
    }
  }
  return JSON.parse(out.replace(/,(\s*[}\]])/g, '$1'));
}

/** A theme with its `include` chain resolved the way VS Code does: included rules first, own colours win. */
function loadTheme(file) {
  const theme = parseJsonc(readFileSync(join(themesDir, file), 'utf8'));
  const base = theme.include ? loadTheme(theme.include.replace(/^\.\//, '')) : { colors: {}, tokenColors: [] };
  return { colors: { ...base.colors, ...theme.colors }, tokenColors: [...base.tokenColors, ...(theme.tokenColors ?? [])] };
}

async function main() {
  const json = process.argv.includes('--json');
  if (!existsSync(join(themesDir, THEMES[0][1]))) {
    console.log(`theme colours: skipped, no VS Code theme files in ${themesDir} (npm run editor:install, or THEMES_DIR=<dir>)`);
    return 0;
  }
  // The same loading as the grammar benchmark: vscode-textmate over oniguruma's WebAssembly build.
  const { grammar, registry, INITIAL } = await loadGrammar(grammarPath);

  // One line holding every probe token; remember where each looked-at part is.
  let line = '';
  const spans = PROBES.map(([, token, offset, length]) => {
    if (line) line += ' ';
    const at = line.length + offset;
    line += token;
    return [at, at + length];
  });

  const results = [];
  const failures = [];
  for (const [label, file, required] of THEMES) {
    const theme = loadTheme(file);
    // VS Code puts the editor colours first, as the default rule.
    registry.setTheme({
      settings: [{ settings: { foreground: theme.colors['editor.foreground'], background: theme.colors['editor.background'] } }, ...theme.tokenColors],
    });
    const colorMap = registry.getColorMap();
    const { tokens } = grammar.tokenizeLine2(line, INITIAL);
    const styleAt = (offset) => {
      let metadata = tokens[1];
      for (let k = 0; k < tokens.length && tokens[k] <= offset; k += 2) metadata = tokens[k + 1];
      const foreground = colorMap[(metadata >>> 15) & 0x1ff].toUpperCase();
      const fontStyle = FONT_STYLES.filter(([bit]) => ((metadata >>> 11) & 0xf) & bit).map(([, name]) => name).join(' ');
      return fontStyle ? `${foreground} ${fontStyle}` : foreground;
    };
    const styles = spans.map(([start, end]) => {
      const style = styleAt(start);
      // A part that is not one token would be coloured unevenly: report it as such.
      for (let i = start + 1; i < end; i++) if (styleAt(i) !== style) return `${style}…`;
      return style;
    });
    results.push({ theme: label, file, required, styles });
    styles.forEach((style, i) => {
      if (i > 0 && required && style === styles[0]) failures.push(`${PROBES[i][0]} looks like a plain syllable in ${label} (${style})`);
    });
  }

  if (json) {
    console.log(JSON.stringify({ themesDir, probes: PROBES.map((p) => p[0]), results, failures }, null, 2));
  } else {
    const head = ['token class', ...results.map((r) => r.theme + (r.required ? ' *' : ''))];
    const rows = PROBES.map(([label], i) => [label, ...results.map((r) => (i > 0 && r.styles[i] === r.styles[0] ? `${r.styles[i]} (=plain)` : r.styles[i]))]);
    const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
    const format = (cells) => cells.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd();
    console.log(`theme colours (${themesDir})\n* required: every class must differ from a plain syllable\n`);
    console.log([format(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(format)].join('\n'));
    console.log(failures.length ? `\nFAIL\n${failures.join('\n')}` : '\nPASS: every token class differs from a plain syllable in the required themes');
  }
  return failures.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
