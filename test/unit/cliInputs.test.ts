// The segcorpus CLI on odd inputs and arguments: long lines, FIFOs, folders, UTF-16, odd schemes, attached option values.
import * as assert from 'assert';
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CLI, runCli } from './cliRun';

describe('segcorpus CLI inputs and arguments', function () {
  this.timeout(60000);
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'segcorpus-inputs-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('refuses a line longer than the cap with its line number, status 2, leaving no output', () => {
    const input = path.join(tmp, 'long.seg');
    fs.writeFileSync(input, `a 7 b\r\n6 c 6\n${'x_y '.repeat(400)}\nd\n`);
    const out = path.join(tmp, 'out.txt');
    const env = { SEGCORPUS_MAX_LINE_BYTES: '1000', SEGCORPUS_CHUNK_BYTES: '256' };
    for (const command of ['normalize', 'restore', 'check', 'stats']) {
      const r = runCli([command, input, ...(command === 'normalize' || command === 'restore' ? ['-o', out] : [])], undefined, env);
      assert.strictEqual(r.status, 2, `${command}: ${r.stderr}`);
      assert.strictEqual(r.stderr, `segcorpus: ${input}: line 3 is longer than 1000 bytes, the longest line segcorpus reads (set SEGCORPUS_MAX_LINE_BYTES to allow more)\n`);
    }
    assert.deepStrictEqual(fs.readdirSync(tmp), ['long.seg']);
    // Under the cap, the same line goes through.
    assert.strictEqual(runCli(['stats', input, '--json'], undefined, { SEGCORPUS_MAX_LINE_BYTES: '2000' }).status, 0);
    // From stdin, and with no line break at all.
    const r = runCli(['normalize'], 'z'.repeat(3000), env);
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /<stdin>: line 1 is longer than 1000 bytes/);
  });

  it('takes a byte order mark that a FIFO hands over one byte at a time', async () => {
    const fifo = path.join(tmp, 'in.fifo');
    assert.strictEqual(spawnSync('mkfifo', [fifo]).status, 0);
    for (const [command, expected] of [['normalize', '\ufeff“a”.\n'], ['restore', '\ufeff“ a ” , .\n']]) {
      const child = spawn(process.execPath, [CLI, command, fifo]);
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      const done = new Promise<number | null>((resolve) => child.on('exit', resolve));
      const fd = fs.openSync(fifo, 'w');
      for (const byte of Buffer.from('\ufeff6 a 6 7 .\n')) {
        fs.writeSync(fd, Buffer.from([byte]));
        await new Promise((r) => setTimeout(r, 5));
      }
      fs.closeSync(fd);
      assert.strictEqual(await done, 0, stderr);
      assert.strictEqual(stdout, expected);
    }
  });

  it('refuses a folder as stdin', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${CLI}" normalize < "${tmp}"`], { encoding: 'utf8' });
    assert.strictEqual(r.status, 2);
    assert.strictEqual(r.stderr, 'segcorpus: standard input is a folder, not a corpus file\n');
  });

  it('names UTF-16 (by its byte order mark or its NUL bytes) instead of calling it binary', () => {
    const text = '6 Đặt_hàng 6 7 .\n';
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    const cases: Array<[Buffer, string]> = [
      [Buffer.concat([Buffer.from([0xff, 0xfe]), le]), 'LE'],
      [Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'BE'],
      [le, 'LE'],
      [be, 'BE'],
    ];
    for (const [bytes, order] of cases) {
      const input = path.join(tmp, 'u16.seg');
      fs.writeFileSync(input, bytes);
      const r = runCli(['normalize', input]);
      assert.strictEqual(r.status, 2);
      assert.strictEqual(r.stderr, `segcorpus: ${input}: UTF-16 (${order}) text; convert it to UTF-8 first (iconv -f UTF-16${order} -t UTF-8)\n`);
    }
    // Still binary when it is not text at all.
    fs.writeFileSync(path.join(tmp, 'bin'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0]));
    assert.match(runCli(['stats', path.join(tmp, 'bin')]).stderr, /binary file/);
  });

  it('accepts a scheme with a byte order mark, and refuses a huge or deeply nested one in one message', () => {
    const bom = path.join(tmp, 'bom.json');
    fs.writeFileSync(bom, '\ufeff' + JSON.stringify({ placeholders: { '7': { role: 'separator', mark: ';' } } }));
    assert.strictEqual(runCli(['normalize', '--scheme', bom], 'a 7 b\n').stdout, 'a; b\n');
    const cases: Array<[string, string | Buffer, RegExp]> = [
      ['huge.json', JSON.stringify({ placeholders: { '7': { role: 'separator', mark: 'x'.repeat(2e6) } } }), /bytes; a scheme is a small JSON file/],
      ['long-mark.json', JSON.stringify({ placeholders: { '6': { role: 'pair', open: 'y'.repeat(60000), close: ')' } } }), /placeholders\.6: a mark of 60000 characters; marks are at most 32/],
      ['deep.json', '['.repeat(100000) + ']'.repeat(100000), /nested more than 32 levels deep/],
      ['deep-object.json', '{"placeholders":' + '{"a":'.repeat(100000) + '1' + '}'.repeat(100001), /nested more than 32 levels deep/],
    ];
    for (const [name, text, message] of cases) {
      fs.writeFileSync(path.join(tmp, name), text);
      const r = runCli(['normalize', '--scheme', path.join(tmp, name)], 'a 7 b\n');
      assert.strictEqual(r.status, 2, name);
      assert.match(r.stderr, message);
      assert.doesNotMatch(r.stderr, /internal error/);
    }
  });

  it('takes attached values (-j2, --jobs=2, -oFILE) and refuses an option-like value that is not attached', () => {
    assert.strictEqual(runCli(['normalize', '-j2'], 'a_b 7 c\n').stdout, 'a b, c\n');
    assert.strictEqual(runCli(['normalize', '--jobs=2'], 'a_b\n').stdout, 'a b\n');
    assert.strictEqual(runCli(['restore', `-o${path.join(tmp, 'x.seg')}`], '7\n').status, 0);
    assert.strictEqual(fs.readFileSync(path.join(tmp, 'x.seg'), 'utf8'), ',\n');
    let r = runCli(['normalize', '-o', '--nfc'], 'a\n', {}, tmp);
    assert.strictEqual(r.status, 2);
    assert.strictEqual(r.stderr, "segcorpus: -o needs a value, not the option-like '--nfc' (to mean it, write --output=--nfc)\n");
    assert.deepStrictEqual(fs.readdirSync(tmp), ['x.seg'], 'no file named --nfc');
    r = runCli(['normalize', '--output=--nfc'], 'a\n', {}, tmp);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.ok(fs.existsSync(path.join(tmp, '--nfc')));
    assert.strictEqual(runCli(['normalize', '-j', '-1']).status, 2);
  });

  it('check: a digit between numbers and slashes is a number, not an unknown placeholder', () => {
    assert.strictEqual(runCli(['check'], 'Ngày 23 / 5 / 2024 và 1 / 5 .\n').stdout, '');
    assert.match(runCli(['check'], 'Ngày 5 đ\n').stdout, /unknown placeholder '5'/);
    assert.match(runCli(['check'], 'a 5 / b\n').stdout, /unknown placeholder '5'/);
  });
});
