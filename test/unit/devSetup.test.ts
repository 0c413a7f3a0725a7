// F5 in VS Code: the launch configurations run the extension and its tests from what the repository builds, and none of it ships.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as path from 'path';

const repoRoot = path.resolve(__dirname, '..', '..', '..');

interface LaunchConfiguration {
  name: string;
  type: string;
  request: string;
  args: string[];
  outFiles?: string[];
  preLaunchTask?: string;
}

function readJson<T>(relative: string): T {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, relative), 'utf8')) as T;
}

/** A launch argument's value with ${workspaceFolder} resolved. */
function resolved(value: string): string {
  return value.replace('${workspaceFolder}', repoRoot);
}

function flag(configuration: LaunchConfiguration, name: string): string | undefined {
  const prefix = `--${name}=`;
  return configuration.args.find((a) => a.startsWith(prefix))?.slice(prefix.length);
}

describe('F5 (.vscode/launch.json, tasks.json)', () => {
  let launch: { configurations: LaunchConfiguration[] };
  let tasks: Array<{ label: string; type: string; script: string }>;
  let scripts: Record<string, string>;
  before(() => {
    launch = readJson('.vscode/launch.json');
    tasks = readJson<{ tasks: typeof tasks }>('.vscode/tasks.json').tasks;
    scripts = readJson<{ scripts: typeof scripts }>('package.json').scripts;
  });
  const byName = (name: string) => {
    const found = launch.configurations.find((c) => c.name === name);
    assert.ok(found, `a launch configuration "${name}"`);
    return found;
  };

  it('every configuration starts an Extension Development Host on this folder, after a task that exists', () => {
    for (const configuration of launch.configurations) {
      assert.equal(configuration.type, 'extensionHost', configuration.name);
      assert.equal(configuration.request, 'launch', configuration.name);
      assert.equal(flag(configuration, 'extensionDevelopmentPath'), '${workspaceFolder}', configuration.name);
      const task = tasks.find((t) => t.label === configuration.preLaunchTask);
      assert.ok(task, `${configuration.name}: its preLaunchTask "${configuration.preLaunchTask}" is in tasks.json`);
      assert.equal(task.type, 'npm');
      assert.ok(scripts[task.script], `${configuration.name}: npm script "${task.script}" exists`);
    }
  });

  it('"Run Extension" builds the bundle that package.json loads', () => {
    const run = byName('Run Extension');
    const task = tasks.find((t) => t.label === run.preLaunchTask);
    assert.equal(task?.script, 'build');
    assert.match(scripts.build, /esbuild\.mjs/);
    const main = readJson<{ main: string }>('package.json').main;
    assert.ok(run.outFiles?.some((glob) => path.join(repoRoot, main).startsWith(resolved(glob).replace(/\*\*.*$/, ''))), `outFiles cover ${main}`);
  });

  it('"Extension Tests" compiles the tests and loads the integration runner on test/fixtures', () => {
    const tests = byName('Extension Tests');
    const script = tasks.find((t) => t.label === tests.preLaunchTask)?.script ?? '';
    assert.match(scripts[script] ?? '', /compile-tests/, 'the tests are compiled first');
    const runner = resolved(flag(tests, 'extensionTestsPath') ?? '');
    // out/test/integration/index is compiled from test/integration/index.ts, which exports run().
    assert.equal(path.relative(repoRoot, runner), path.join('out', 'test', 'integration', 'index'));
    assert.match(fs.readFileSync(path.join(repoRoot, 'test', 'integration', 'index.ts'), 'utf8'), /export async function run\(\)/);
    assert.ok(tests.args.some((a) => resolved(a) === path.join(repoRoot, 'test', 'fixtures')), 'the workspace is test/fixtures, as in runTest');
  });

  it('.vscode/ is kept in git but left out of the VSIX', () => {
    const gitignore = fs.readFileSync(path.join(repoRoot, '.gitignore'), 'utf8').split('\n');
    assert.ok(!gitignore.some((l) => /^\/?\.vscode\/?$/.test(l.trim())), '.gitignore does not hide .vscode/');
    // .vscodeignore leaves out everything (**) and lets back in only the files the editor runs.
    const rules = fs.readFileSync(path.join(repoRoot, '.vscodeignore'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    assert.equal(rules[0], '**');
    const letBackIn = rules.filter((r) => r.startsWith('!'));
    assert.ok(letBackIn.length > 0);
    assert.ok(!letBackIn.some((r) => r.startsWith('!.vscode') || r.startsWith('!**') || r === '!*'), `nothing under .vscode/ is let back in: ${letBackIn.join(' ')}`);
  });
});
