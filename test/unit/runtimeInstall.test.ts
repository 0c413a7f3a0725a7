// The editor runtime's install: the tools' output goes to the log file, the terminal gets a few progress lines.
import * as assert from 'assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';

type RunLogged = (step: string, command: string, args: string[], options: { started: number; log: fs.WriteStream }) => Promise<number>;

const installer = path.resolve(__dirname, '..', '..', '..', 'scripts', 'editor', 'install-runtime.mjs');
// The tests compile to CommonJS, where `import()` would become require(); load the ES module as such.
const importModule = new Function('url', 'return import(url)') as (url: string) => Promise<{ runLogged: RunLogged }>;

/** A child that talks like node-gyp under make: hundreds of compiler lines on both streams. */
const noisyBuild = `
for (const module of ['@vscode/spdlog', '@vscode/spdlog', 'kerberos']) {
  console.log("make: Entering directory '/r/node_modules/code-server/lib/vscode/node_modules/" + module + "/build'");
  for (let i = 0; i < 150; i++) (i % 2 ? console.error : console.log)('  CXX(target) Release/obj.target/' + module + '/src/file' + i + '.o');
}
process.exit(Number(process.argv[1]));
`;

describe('editor runtime install output', () => {
  let dir: string;
  let said: string[];
  const consoleLog = console.log;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'segcorpus-install-log-'));
    said = [];
    console.log = (...args: unknown[]) => void said.push(args.join(' '));
  });

  afterEach(() => {
    console.log = consoleLog;
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function build(status: number): Promise<{ code: number; logged: string }> {
    const { runLogged } = await importModule(pathToFileURL(installer).href);
    const logFile = path.join(dir, 'install.log');
    const log = fs.createWriteStream(logFile);
    const code = await runLogged('2/2 build', process.execPath, ['-e', noisyBuild, String(status)], { started: Date.now(), log });
    await new Promise((done) => log.end(done));
    return { code, logged: fs.readFileSync(logFile, 'utf8') };
  }

  it('logs every line to the file and says only which module is compiling, with the time', async () => {
    const { code, logged } = await build(0);
    assert.equal(code, 0);
    assert.equal(logged.split('\n').filter((l) => l.startsWith('  CXX(target)')).length, 450, 'both streams, every line, in the log');
    // The seconds since the start: 0 on a quiet machine, more on a loaded one.
    assert.deepEqual(
      said.map((line) => line.replace(/\(\d+ s\)$/, '(N s)')),
      ['[editor runtime] 2/2 build: compiling @vscode/spdlog (N s)', '[editor runtime] 2/2 build: compiling kerberos (N s)'],
    );
  });

  it("returns the step's exit status", async () => {
    assert.equal((await build(3)).code, 3);
  });
});
