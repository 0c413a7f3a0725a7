// The Vietnamese UI is complete: manifest and l10n bundles agree key for key, the bundle is what the sources say, and no visible string bypasses vscode.l10n.t.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';
import { TEMPLATES, fillTemplate } from '../../src/core/messages';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const readJson = (file: string): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(repoRoot, file), 'utf8'));
const HOW_TO = 'see README, Development: adding a string a person sees';

/** "missing in X: a, b" lines, one per key, so the lead sees what to translate. */
function listed(title: string, keys: readonly string[]): string {
  return `${title} (${keys.length}):\n${keys.map((k) => `  ${JSON.stringify(k)}`).join('\n')}\n(${HOW_TO})`;
}

/** The `{0}`, `{1}` … of a message, sorted and unique. */
function placeholders(text: string): string[] {
  return [...new Set(text.match(/\{\d+\}/g) ?? [])].sort();
}

describe('Vietnamese UI (l10n)', function () {
  this.timeout(60000);

  describe('manifest (package.nls.json, package.nls.vi.json)', () => {
    const english = readJson('package.nls.json');
    const vietnamese = readJson('package.nls.vi.json');

    it('has the same keys in English and Vietnamese, every value a non-empty string', () => {
      const untranslated = Object.keys(english).filter((k) => typeof vietnamese[k] !== 'string' || (vietnamese[k] as string).trim() === '');
      assert.deepStrictEqual(untranslated, [], listed('keys of package.nls.json with no Vietnamese in package.nls.vi.json', untranslated));
      const stale = Object.keys(vietnamese).filter((k) => !(k in english));
      assert.deepStrictEqual(stale, [], listed('keys of package.nls.vi.json that package.nls.json no longer has', stale));
    });

    it('defines every %key% package.json uses', () => {
      const manifest = fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8');
      const used = [...new Set([...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]))];
      assert.ok(used.length > 50, `package.json names its strings by key (${used.length} found)`);
      const missing = used.filter((k) => !(k in english) || !(k in vietnamese));
      assert.deepStrictEqual(missing, [], listed('%keys% of package.json missing from package.nls.json or package.nls.vi.json', missing));
    });

    it('declares the l10n folder', () => {
      assert.strictEqual(readJson('package.json').l10n, './l10n');
    });
  });

  describe('bundles (l10n/bundle.l10n.json, l10n/bundle.l10n.vi.json)', () => {
    const bundle = readJson('l10n/bundle.l10n.json') as Record<string, string>;
    const vietnamese = readJson('l10n/bundle.l10n.vi.json') as Record<string, string>;

    it('bundle.l10n.json is what `npm run l10n:export` finds in the sources', () => {
      const out = fs.mkdtempSync(path.join(os.tmpdir(), 'segcorpus-l10n-'));
      try {
        const cli = path.join(path.dirname(require.resolve('@vscode/l10n-dev/package.json')), 'dist', 'cli.js');
        const run = spawnSync(process.execPath, [cli, 'export', '--outDir', out, path.join(repoRoot, 'src')], { encoding: 'utf8' });
        assert.strictEqual(run.status, 0, run.stderr);
        const fresh = JSON.parse(fs.readFileSync(path.join(out, 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
        const added = Object.keys(fresh).filter((k) => !(k in bundle));
        const gone = Object.keys(bundle).filter((k) => !(k in fresh));
        assert.deepStrictEqual(added, [], listed('strings in the sources missing from l10n/bundle.l10n.json (run `npm run l10n:export`)', added));
        assert.deepStrictEqual(gone, [], listed('strings of l10n/bundle.l10n.json no longer in the sources (run `npm run l10n:export`)', gone));
      } finally {
        fs.rmSync(out, { recursive: true, force: true });
      }
    });

    it('bundle.l10n.vi.json translates exactly those strings, none empty, with the same {0} placeholders', () => {
      const untranslated = Object.keys(bundle).filter((k) => typeof vietnamese[k] !== 'string' || vietnamese[k].trim() === '');
      assert.deepStrictEqual(untranslated, [], listed('strings with no Vietnamese in l10n/bundle.l10n.vi.json', untranslated));
      const stale = Object.keys(vietnamese).filter((k) => !(k in bundle));
      assert.deepStrictEqual(stale, [], listed('keys of l10n/bundle.l10n.vi.json that bundle.l10n.json no longer has', stale));
      const broken = Object.keys(bundle).filter((k) => placeholders(k).join() !== placeholders(vietnamese[k]).join());
      assert.deepStrictEqual(broken, [], listed('translations whose {n} placeholders differ from the English', broken));
    });

    it('every core message template is a literal vscode.l10n.t call in src/features/coreMessages.ts, word for word', () => {
      const file = path.join(repoRoot, 'src', 'features', 'coreMessages.ts');
      const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const literals = new Map<string, string>();
      const visit = (node: ts.Node): void => {
        if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name)) {
          const call = findL10nCall(node.initializer);
          if (call) literals.set(node.name.text, (call.arguments[0] as ts.StringLiteral).text);
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
      const differing = Object.entries(TEMPLATES).filter(([id, template]) => literals.get(id) !== template).map(([id]) => id);
      assert.deepStrictEqual(differing, [], `message ids whose literal in coreMessages.ts differs from src/core/messages.ts: ${differing.join(', ')}`);
      // Every template is in both bundles (the export above proves bundle.l10n.json is current).
      assert.deepStrictEqual(Object.values(TEMPLATES).filter((t) => !(t in bundle)), []);
    });

    it('fills templates as vscode.l10n.t does: {n} by position, repeated, unknown braces kept', () => {
      assert.strictEqual(fillTemplate("unmatched '{0}': no closing '{0}' at {1}", ['6', '12']), "unmatched '6': no closing '6' at 12");
      assert.strictEqual(fillTemplate('`{digit}` and {"a": 1} and {2}', ['x']), '`{digit}` and {"a": 1} and {2}');
    });
  });

  describe('no visible string outside vscode.l10n.t', () => {
    it('src/features and the entry points pass every text a person sees through vscode.l10n.t', () => {
      const dirs = [path.join(repoRoot, 'src', 'features'), path.join(repoRoot, 'src')];
      const files = dirs.flatMap((dir) => fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => path.join(dir, f)));
      const problems = files.flatMap((file) => unlocalizedStrings(file));
      assert.ok(files.length > 15, `scanned ${files.length} files`);
      assert.deepStrictEqual(problems, [], `text a person sees that does not go through vscode.l10n.t (${HOW_TO}):\n${problems.join('\n')}`);
    });

    it('the scan finds what it is meant to find', () => {
      const file = path.join(os.tmpdir(), `segcorpus-l10n-probe-${process.pid}.ts`);
      fs.writeFileSync(
        file,
        [
          "void vscode.window.showInformationMessage('Hello there');",
          "void vscode.window.showWarningMessage(vscode.l10n.t('Fine {0}', name), 'Open Settings');",
          "const a = new vscode.CodeAction(`Join as ${x}`, kind);",
          "item.tooltip = 'A tooltip';",
          "const choices = [{ label: 'separator ,', description: vscode.l10n.t('a comma') }];",
          "item.text = `$(warning) ${vscode.l10n.t('{0} shown', n)}`;",
          "progress.report({ message: `${n} files` });",
        ].join('\n'),
      );
      try {
        assert.deepStrictEqual(
          unlocalizedStrings(file).map((p) => p.replace(/^.*?:(\d+): /, '$1: ')),
          ["1: 'Hello there'", "2: 'Open Settings'", '3: `Join as ${…}`', "4: 'A tooltip'", "5: 'separator ,'", '7: `${…} files`'],
        );
      } finally {
        fs.rmSync(file, { force: true });
      }
    });
  });
});

/** The `vscode.l10n.t(…)` call an expression is or returns (`(a) => vscode.l10n.t(…)`). */
function findL10nCall(node: ts.Node): ts.CallExpression | undefined {
  if (ts.isArrowFunction(node)) return findL10nCall(node.body);
  if (ts.isCallExpression(node) && isL10nCall(node) && node.arguments.length > 0 && ts.isStringLiteralLike(node.arguments[0])) return node;
  return undefined;
}

function isL10nCall(node: ts.CallExpression): boolean {
  return node.expression.getText().replace(/\s/g, '').endsWith('l10n.t');
}

// Where text reaches a person: the arguments of these calls (by method name) …
const VISIBLE_CALL_ARGUMENTS: Record<string, 'all' | number> = {
  showInformationMessage: 'all',
  showWarningMessage: 'all',
  showErrorMessage: 'all',
  setStatusBarMessage: 0,
  createOutputChannel: 0,
  appendLine: 'all',
  appendText: 'all',
  appendMarkdown: 'all',
};
// … of these constructors (by class name) …
const VISIBLE_CONSTRUCTOR_ARGUMENTS: Record<string, number> = { CodeAction: 0, Diagnostic: 1, MarkdownString: 0, TreeItem: 0 };
// … and these properties, assigned (`item.text = …`) or in an object literal (`{ title: … }`).
const VISIBLE_PROPERTIES = new Set(['title', 'label', 'description', 'detail', 'tooltip', 'text', 'name', 'message', 'prompt', 'placeHolder', 'placeholder']);

/**
 * Strings that are no text to translate, each with why. Kept short: anything else with a letter in
 * a visible place is reported.
 */
const ALLOWED: ReadonlyArray<{ readonly text: RegExp; readonly why: string }> = [
  // A codicon in status bar text, e.g. `$(warning) ${…}`: an icon id, not a word.
  { text: /^\$\([a-z-]+\)\s*$/, why: 'codicon' },
  // The input box's example: a corpus word, the same in every language.
  { text: /^nâng_cao$/, why: 'corpus example' },
];

/** The text of a string or template literal, substitutions shown as `${…}`. */
function literalText(node: ts.StringLiteralLike | ts.TemplateExpression): string {
  if (ts.isStringLiteralLike(node)) return node.text;
  return node.head.text + node.templateSpans.map((s) => '${…}' + s.literal.text).join('');
}

/** `file:line: 'text'` for every string with a letter in a visible place that is not (inside) a vscode.l10n.t call. */
function unlocalizedStrings(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const report = (node: ts.StringLiteralLike | ts.TemplateExpression): void => {
    // A template's own text counts; its substitutions are looked at on their own.
    const text = ts.isStringLiteralLike(node) ? node.text : [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
    if (!/\p{L}/u.test(text.replace(/\$\([a-z-]+\)/g, ''))) return;
    if (ALLOWED.some((a) => a.text.test(literalText(node)))) return;
    const { line } = source.getLineAndCharacterOfPosition(node.getStart());
    const quote = ts.isStringLiteral(node) ? "'" : '`';
    found.push(`${path.relative(repoRoot, file)}:${line + 1}: ${quote}${literalText(node)}${quote}`);
  };
  // The literals of an expression a person sees, l10n calls and non-text parts left out.
  const inspect = (node: ts.Node | undefined): void => {
    if (!node) return;
    if (ts.isCallExpression(node) && isL10nCall(node)) return;
    if (ts.isStringLiteralLike(node) || ts.isTemplateExpression(node)) report(node);
    if (ts.isTemplateExpression(node)) {
      node.templateSpans.forEach((s) => inspect(s.expression));
      return;
    }
    // A condition's own literals (`x === 'open'`) are not shown; only its branches are.
    if (ts.isConditionalExpression(node)) {
      inspect(node.whenTrue);
      inspect(node.whenFalse);
      return;
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind !== ts.SyntaxKind.PlusToken) return;
    if (ts.isCallExpression(node) || ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) return;
    if (ts.isObjectLiteralExpression(node)) return; // its visible properties are found by name
    ts.forEachChild(node, inspect);
  };
  const visit = (node: ts.Node): void => {
    if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && !(ts.isCallExpression(node) && isL10nCall(node))) {
      const callee = node.expression;
      const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
      const args = node.arguments ?? ts.factory.createNodeArray();
      const which = ts.isNewExpression(node) ? VISIBLE_CONSTRUCTOR_ARGUMENTS[name] : VISIBLE_CALL_ARGUMENTS[name];
      if (which === 'all') args.forEach((a) => inspect(a));
      else if (which !== undefined) inspect(args[which]);
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left) && VISIBLE_PROPERTIES.has(node.left.name.text)) {
      inspect(node.right);
    }
    if (ts.isPropertyAssignment(node) && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) && VISIBLE_PROPERTIES.has(node.name.text)) {
      inspect(node.initializer);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
