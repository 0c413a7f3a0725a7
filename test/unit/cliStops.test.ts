// The segcorpus CLI when a run is cut short: signals, a closed pipe, a full disk, outputs that are not plain files.
import * as assert from 'assert';
import { ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CLI, runCli } from './cliRun';
import { SAMPLE, SAMPLE_PATH as FIXTURE } from './fixtures';


/** About `bytes` of corpus lines cut from the sample, so a run takes long enough to be interrupted. */
function bigCorpus(file: string, bytes: number): void {
  const words = SAMPLE.trim().split(' ');
  const lines: string[] = [];
  for (let i = 0; i < 400; i++) lines.push(words.slice(i % 200, (i % 200) + 20 + (i % 150)).join(' '));
  const block = Buffer.from(lines.join('\n') + '\n');
  const fd = fs.openSync(file, 'w');
  for (let written = 0; written < bytes; written += block.length) fs.writeSync(fd, block);
  fs.closeSync(fd);
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }> {
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, at: Date.now() })));
}

/**
 * A device node of our own (as root, a copy of /dev/null or /dev/full in the test folder), so that a
 * CLI that wrongly renames over it cannot break the machine's; else the system one.
 */
function deviceNode(dir: string, name: 'null' | 'full'): string {
  const own = path.join(dir, name);
  if (spawnSync('mknod', ['-m', '666', own, 'c', '1', name === 'null' ? '3' : '7']).status === 0) return own;
  return `/dev/${name}`;
}

async function until(condition: () => boolean, ms = 10000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('segcorpus CLI cut short', function () {
  this.timeout(60000);
  let tmp: string;
  let big: string;

  before(() => {
    assert.ok(fs.existsSync(CLI), 'dist/cli.js is built by npm test (pretest)');
    big = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'segcorpus-big-')), 'big.seg');
    bigCorpus(big, 160e6);
  });
  after(() => fs.rmSync(path.dirname(big), { recursive: true, force: true }));
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'segcorpus-stop-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  for (const [signal, status] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    for (const args of [['normalize', '-j', '1'], ['restore', '-j', '1'], ['normalize', '-j', '2']]) {
      it(`${args.join(' ')} stops on ${signal} mid-job: status ${status}, no output, no temporary file`, async () => {
        const out = path.join(tmp, 'out.txt');
        const child = spawn(process.execPath, [CLI, ...args, big, '-o', out], { stdio: 'ignore' });
        const done = exited(child);
        // Mid-job: the temporary output exists and is growing.
        await until(() => fs.readdirSync(tmp).some((f) => f.endsWith('.tmp') && fs.statSync(path.join(tmp, f)).size > 0));
        const sent = Date.now();
        child.kill(signal);
        const { code, at } = await done;
        assert.strictEqual(code, status);
        assert.ok(at - sent < 2000, `stopped ${at - sent} ms after the signal`);
        assert.deepStrictEqual(fs.readdirSync(tmp), [], 'neither the output nor its temporary file');
      });
    }
  }

  it('stops check and stats on SIGINT with status 130', async () => {
    for (const command of ['check', 'stats']) {
      // stats reads 160 MB in about a second on a quiet machine: it reads a stdin kept open instead,
      // so that it cannot finish before the signal; check takes several seconds over the file.
      const fromStdin = command === 'stats';
      const child = spawn(process.execPath, fromStdin ? [CLI, command] : [CLI, command, big], { stdio: [fromStdin ? 'pipe' : 'ignore', 'ignore', 'ignore'] });
      const done = exited(child);
      if (fromStdin) {
        child.stdin?.on('error', () => undefined); // the child goes while stdin is open: that is the test
        child.stdin?.write(fs.readFileSync(FIXTURE).toString().repeat(2000));
      }
      // Well past start-up (a signal before the handlers exist kills the process outright), well before the end.
      await new Promise((r) => setTimeout(r, 1000));
      const sent = Date.now();
      child.kill('SIGINT');
      const { code, at } = await done;
      assert.strictEqual(code, 130, command);
      assert.ok(at - sent < 2000, `${command} stopped ${at - sent} ms after the signal`);
    }
  });

  it('removes the stdin spool of --infer-sentence-breaks when interrupted, and when done', async () => {
    const env = { ...process.env, TMPDIR: tmp };
    const child = spawn(process.execPath, [CLI, 'normalize', '--infer-sentence-breaks'], { stdio: ['pipe', 'ignore', 'ignore'], env });
    const done = exited(child);
    child.stdin?.on('error', () => undefined); // the child goes while stdin is open: that is the test
    child.stdin?.write(SAMPLE.repeat(200));
    // The stdin is still open: the spool is being written.
    await until(() => fs.readdirSync(tmp).length > 0 && fs.readdirSync(path.join(tmp, fs.readdirSync(tmp)[0])).length > 0);
    child.kill('SIGTERM');
    assert.strictEqual((await done).code, 143);
    assert.deepStrictEqual(fs.readdirSync(tmp), [], 'no spool left');
    const r = runCli(['normalize', '--infer-sentence-breaks'], SAMPLE, { TMPDIR: tmp });
    assert.strictEqual(r.status, 0);
    assert.deepStrictEqual(fs.readdirSync(tmp), []);
  });

  it('ends quietly with status 141 when the reader of stdout goes (| head -1)', () => {
    const input = path.join(tmp, 'in.seg');
    bigCorpus(input, 8e6);
    for (const command of ['normalize', 'restore', 'check', 'stats']) {
      const r = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" ${command} "${input}" 2>"${tmp}/err" | head -c 1 >/dev/null; echo \${PIPESTATUS[0]}`], { encoding: 'utf8' });
      // stats writes once, at the end, into a pipe that head may not have closed yet.
      assert.ok(r.stdout.trim() === '141' || (command === 'stats' && r.stdout.trim() === '0'), `${command}: status ${r.stdout}`);
      assert.strictEqual(fs.readFileSync(`${tmp}/err`, 'utf8'), '', `${command} prints nothing`);
    }
  });

  it('writes its whole output, with its status, to a reader of stdout that is slow to start (it exits as soon as stdout has it)', () => {
    const input = path.join(tmp, 'in.seg');
    bigCorpus(input, 4e6);
    // The consistency count in its worker thread, whose end the exit does not wait for.
    const env = `SEGCORPUS_CONSISTENCY_WORKER=1`;
    for (const command of ['check', 'stats', 'normalize']) {
      const direct = spawnSync('bash', ['-c', `${env} "${process.execPath}" "${CLI}" ${command} "${input}" > "${tmp}/direct"`]);
      const r = spawnSync('bash', ['-c', `${env} "${process.execPath}" "${CLI}" ${command} "${input}" 2>"${tmp}/err" | (sleep 0.3; cat > "${tmp}/slow"); echo \${PIPESTATUS[0]}`], { encoding: 'utf8' });
      assert.strictEqual(r.stdout.trim(), String(direct.status), `${command}: the same status`);
      assert.strictEqual(fs.readFileSync(`${tmp}/err`, 'utf8'), '', `${command} prints nothing on stderr`);
      const whole = fs.readFileSync(`${tmp}/direct`);
      // stats writes a short table, at the end; the others more than a pipe holds.
      if (command !== 'stats') assert.ok(whole.length > 1 << 16, `${command}: more than a pipe holds (${whole.length} bytes)`);
      assert.ok(fs.readFileSync(`${tmp}/slow`).equals(whole), `${command}: the whole output through the pipe`);
    }
  });

  it('reports a full disk on stdout or -o in one line, status 2', () => {
    const full = fs.openSync('/dev/full', 'w');
    try {
      for (const command of ['normalize', 'restore', 'check', 'stats']) {
        const r = spawnSync(process.execPath, [CLI, command, FIXTURE], { stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
        assert.strictEqual(r.status, 2, `${command}: ${r.stderr}`);
        assert.strictEqual(r.stderr, 'segcorpus: cannot write standard output: no space left on device\n');
      }
    } finally {
      fs.closeSync(full);
    }
    const device = deviceNode(tmp, 'full');
    const r = runCli(['normalize', FIXTURE, '-o', device]);
    assert.strictEqual(r.status, 2);
    assert.strictEqual(r.stderr, `segcorpus: cannot write ${device}: no space left on device\n`);
    assert.ok(fs.statSync(device).isCharacterDevice(), 'the device is still a device');
  });

  it('writes a device or a FIFO directly, never replacing it with a file', async () => {
    const device = deviceNode(tmp, 'null');
    let r = runCli(['restore', FIXTURE, '-o', device]);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.ok(fs.statSync(device).isCharacterDevice(), 'the device is still a device');
    if (device !== '/dev/null') fs.rmSync(device);
    const fifo = path.join(tmp, 'fifo');
    assert.strictEqual(spawnSync('mkfifo', [fifo]).status, 0);
    const reader = spawn('cat', [fifo]);
    let got = '';
    reader.stdout.on('data', (d: Buffer) => (got += d.toString()));
    const readerDone = exited(reader);
    r = runCli(['normalize', '-o', fifo], '6 a_b 6 7 .\n');
    assert.strictEqual(r.status, 0, r.stderr);
    await readerDone;
    assert.strictEqual(got, '“a b”.\n');
    assert.ok(fs.lstatSync(fifo).isFIFO());
    assert.deepStrictEqual(fs.readdirSync(tmp), ['fifo']);
  });

  it('writes through a symlink to its target, keeping the link and the target’s mode', () => {
    const target = path.join(tmp, 'target.txt');
    fs.writeFileSync(target, 'old');
    fs.chmodSync(target, 0o640);
    const link = path.join(tmp, 'link.txt');
    fs.symlinkSync('target.txt', link);
    const r = runCli(['normalize', '-o', link], '6 a_b 6 7 .\n');
    assert.strictEqual(r.status, 0, r.stderr);
    assert.ok(fs.lstatSync(link).isSymbolicLink(), 'the link is still a link');
    assert.strictEqual(fs.readFileSync(target, 'utf8'), '“a b”.\n');
    assert.strictEqual(fs.statSync(target).mode & 0o777, 0o640);
    assert.deepStrictEqual(fs.readdirSync(tmp).sort(), ['link.txt', 'target.txt']);
    // A dangling link: the file it names is made.
    fs.rmSync(target);
    assert.strictEqual(runCli(['restore', '-o', link], '7\n').status, 0);
    assert.strictEqual(fs.readFileSync(target, 'utf8'), ',\n');
    assert.ok(fs.lstatSync(link).isSymbolicLink());
  });

  it('refuses -o with a folder, ".", or an empty name up front, leaving nothing', () => {
    const inner = path.join(tmp, 'inner');
    fs.mkdirSync(inner);
    for (const [o, cwd] of [[inner, tmp], ['.', inner], ['', tmp], [`${inner}/`, tmp]]) {
      const r = runCli(['normalize', FIXTURE, '-o', o], undefined, {}, cwd);
      assert.strictEqual(r.status, 2, `-o '${o}'`);
      assert.match(r.stderr, /^segcorpus: (cannot write .*folder|-o needs a file name)/);
      assert.strictEqual(r.stderr.split('\n').length, 2, 'one line');
    }
    assert.deepStrictEqual(fs.readdirSync(tmp), ['inner']);
    assert.deepStrictEqual(fs.readdirSync(inner), []);
  });
});
