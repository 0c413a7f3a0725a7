// The segcorpus command line through a child process, as users and pipelines run it.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { normalizeText, planNormalize } from '../../src/core/normalize';
import { DEFAULT_SCHEME } from '../../src/core/scheme';
import { FINDING_CODES } from '../../src/core/check';
import { CLI, runCli } from './cliRun';
import { SAMPLE, SAMPLE_PATH, fixture } from './fixtures';


describe('segcorpus CLI', function () {
  this.timeout(60000);
  let tmp: string;

  before(() => {
    assert.ok(fs.existsSync(CLI), 'dist/cli.js is built by npm test (pretest)');
  });
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'segcorpus-cli-'));
  });
  afterEach(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('is bundled as ASCII, without comments: V8 reads and parses it one byte a character, on every run', () => {
    for (const bundle of ['cli.js', 'consistency-worker.js', 'worker.js']) {
      const bytes = fs.readFileSync(path.join(path.dirname(CLI), bundle));
      const at = bytes.findIndex((b) => b >= 0x80);
      assert.strictEqual(at, -1, `${bundle}: a byte above ASCII at ${at}: ${bytes.subarray(Math.max(0, at - 40), at + 20).toString()}`);
      // Whitespace minified (esbuild.mjs): a run's start parses none of the sources' comments.
      assert.ok(!bytes.includes('\n  /**'), `${bundle} keeps doc comments`);
    }
  });

  it('normalizes the sample to the checked output', () => {
    const r = runCli(['normalize', SAMPLE_PATH]);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.strictEqual(r.stdout, fixture('sample.normalized.txt'));
    assert.ok(r.stdout.startsWith('“Đặt hàng” đào tạo cán bộ trẻ Ngày 4, Chủ tịch UBND TPHCM Lê Thanh Hải đã dự hội nghị'));
  });

  it('restores the sample', () => {
    const r = runCli(['restore', SAMPLE_PATH]);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.strictEqual(r.stdout, fixture('sample.restored.seg'));
  });

  it('reads stdin, with or without -', () => {
    assert.strictEqual(runCli(['normalize'], '6 a_b 6 7 .\n').stdout, '“a b”.\n');
    assert.strictEqual(runCli(['normalize', '-'], '6 a_b 6 7 .\n').stdout, '“a b”.\n');
    assert.strictEqual(runCli(['restore'], '6 a_b 6 7 .\n').stdout, '“ a_b ” , .\n');
  });

  it('passes the normalize options through', () => {
    const r = runCli(['normalize', '--keep-underscores', '--number-placeholder', '<số>', '--date-placeholder=', '--nfc', '--tone-style', 'new'], 'hòa_bình năm 1 Ngày 4 7 a\n');
    assert.strictEqual(r.stdout, 'hoà_bình năm <số> Ngày, a\n');
    assert.strictEqual(runCli(['normalize', '--separator-at-line-end', 'drop'], 'a 7\n').stdout, 'a\n');
    assert.strictEqual(runCli(['normalize'], 'a 7\n').stdout, 'a,\n');
  });

  it('takes --quote-marks like the setting, and a scheme file that sets mark spacing (issue 7)', () => {
    assert.strictEqual(runCli(['normalize', '--quote-marks', 'guillemets'], '6 a 6 7 b\n').stdout, '«a», b\n');
    assert.strictEqual(runCli(['normalize', '--quote-marks=straight'], '6 a 6\n').stdout, '"a"\n');
    const bad = runCli(['normalize', '--quote-marks', 'square'], 'a\n');
    assert.strictEqual(bad.status, 2);
    assert.match(bad.stderr, /--quote-marks takes scheme, curly, straight or guillemets, not 'square'/);
    const french = path.join(tmp, 'french.json');
    fs.writeFileSync(french, JSON.stringify({ placeholders: { '6': { role: 'pair', open: '«', close: '»' } }, attach: { '«': 'neither', '»': 'neither' } }));
    // Through the worker threads too: the scheme goes to them as JSON.
    const line = '6 Tuổi_trẻ 6 và « a »\n';
    const expected = '« Tuổi trẻ » và « a »\n';
    assert.strictEqual(runCli(['normalize', '--scheme', french], line).stdout, expected);
    assert.strictEqual(runCli(['normalize', '--scheme', french, '-j', '2'], line.repeat(200000), { SEGCORPUS_WASM: '1' }).stdout, expected.repeat(200000));
  });

  it('infers sentence breaks from the whole input, file or stdin alike', () => {
    const file = runCli(['normalize', '--infer-sentence-breaks', SAMPLE_PATH]);
    assert.strictEqual(file.status, 0, file.stderr);
    assert.match(file.stdout, /TP\. Theo đồng chí/);
    assert.strictEqual(runCli(['normalize', '--infer-sentence-breaks'], SAMPLE).stdout, file.stdout);
    assert.doesNotMatch(runCli(['normalize', SAMPLE_PATH]).stdout, /TP\. Theo/);
  });

  it('writes -o atomically and never over the input', () => {
    const out = path.join(tmp, 'out.txt');
    let r = runCli(['normalize', SAMPLE_PATH, '-o', out]);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.strictEqual(r.stdout, '');
    assert.strictEqual(fs.readFileSync(out, 'utf8'), fixture('sample.normalized.txt'));
    assert.deepStrictEqual(fs.readdirSync(tmp), ['out.txt'], 'no temporary file is left');

    const input = path.join(tmp, 'in.seg');
    fs.writeFileSync(input, SAMPLE);
    r = runCli(['normalize', input, '-o', input]);
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /refusing to write the output over the input/);
    assert.strictEqual(fs.readFileSync(input, 'utf8'), SAMPLE);
  });

  it('rejects invalid UTF-8 naming the byte offset, leaving no output file', () => {
    const input = path.join(tmp, 'bad.seg');
    fs.writeFileSync(input, Buffer.concat([Buffer.from('6 Đặt_hàng 6\nab '), Buffer.from([0xc3, 0x28]), Buffer.from(' c\n')]));
    const out = path.join(tmp, 'out.txt');
    const r = runCli(['normalize', input, '-o', out]);
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /invalid UTF-8 at byte offset 20/);
    assert.ok(!fs.existsSync(out));
    assert.deepStrictEqual(fs.readdirSync(tmp), ['bad.seg']);
  });

  it('rejects a binary file, and an existing output survives a failed run', () => {
    const input = path.join(tmp, 'bin.seg');
    fs.writeFileSync(input, Buffer.from('abc\0def\n'));
    const out = path.join(tmp, 'out.txt');
    fs.writeFileSync(out, 'previous result');
    const r = runCli(['restore', input, '-o', out]);
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /binary file \(NUL byte at offset 3\)/);
    assert.strictEqual(fs.readFileSync(out, 'utf8'), 'previous result');
  });

  it('reports unreadable input and bad usage with exit 2', () => {
    let r = runCli(['normalize', path.join(tmp, 'missing.seg')]);
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /cannot read .*missing\.seg: no such file/);
    r = runCli(['normalize', tmp]);
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /is a directory/);
    r = runCli(['normalize', '--frobnicate']);
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /unknown option '--frobnicate'/);
    r = runCli(['squash']);
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /unknown command 'squash'/);
    r = runCli(['stats', '--keep-underscores']);
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /--keep-underscores does not apply to 'stats'/);
    r = runCli(['normalize', '--jobs', '0']);
    assert.strictEqual(r.status, 2);
    r = runCli(['normalize', '--tone-style', 'sideways']);
    assert.strictEqual(r.status, 2);
    r = runCli(['normalize', '-o']);
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /-o needs a value/);
    r = runCli(['normalize', '-o', path.join(tmp, 'no', 'such', 'dir', 'x')], 'a\n');
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /does not exist/);
    r = runCli([]);
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /Usage:/);
    assert.strictEqual(r.stdout, '', 'a usage error prints nothing on stdout');
    r = runCli(['--help']);
    assert.strictEqual(r.status, 0);
    assert.match(r.stdout, /segcorpus normalize/);
  });

  it('uses a scheme file and explains a bad one', () => {
    const good = path.join(tmp, 'scheme.json');
    fs.writeFileSync(good, JSON.stringify({ placeholders: { '6': { role: 'pair', open: '(', close: ')' }, '7': { role: 'separator', mark: ';' } } }));
    assert.strictEqual(runCli(['normalize', '--scheme', good], '6 QLNN 6 7 a\n').stdout, '(QLNN); a\n');
    const bad = path.join(tmp, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ placeholders: { '7': { role: 'comma' } } }));
    const r = runCli(['normalize', '--scheme', bad], 'a\n');
    assert.strictEqual(r.status, 2);
    assert.match(r.stderr, /invalid scheme .*bad\.json:\n {2}placeholders\.7\.role: "comma" is not one of pair, separator, number, date/);
    const broken = path.join(tmp, 'broken.json');
    fs.writeFileSync(broken, '{');
    assert.match(runCli(['check', '--scheme', broken], 'a\n').stderr, /not valid JSON/);
  });

  it('check reports file:line:col findings and exits 1 on errors', () => {
    const input = path.join(tmp, 'c.seg');
    fs.writeFileSync(input, 'a 6 b\r\nok 7 .\nx 5 y 7.\n');
    let r = runCli(['check', input]);
    assert.strictEqual(r.status, 1);
    assert.strictEqual(
      r.stdout,
      [
        `${input}:1:3: error: unmatched pair placeholder '6': no closing '6' after it in this line [unmatched-pair]`,
        `${input}:2:4: information: separator placeholder '7' before sentence-final punctuation: redundant, normalize drops it [separator-before-final]`,
        `${input}:3:3: warning: unknown placeholder '5': the scheme does not define this digit [unknown-placeholder]`,
        `${input}:3:7: warning: placeholder '7' is glued to '.': tokens should be separated by a space [glued-placeholder]`,
        `${input}:3:7: information: separator placeholder '7' before sentence-final punctuation: redundant, normalize drops it [separator-before-final]`,
        '',
      ].join('\n'),
    );
    r = runCli(['check', SAMPLE_PATH]);
    assert.strictEqual(r.status, 0, 'the sample has warnings only');
    assert.doesNotMatch(r.stdout, /likely-sentence-break/);
    const hints = runCli(['check', '--hints', SAMPLE_PATH]).stdout;
    assert.match(hints, /hint: likely sentence break: 'Theo' is written 'theo' elsewhere/);
    assert.strictEqual(runCli(['check', '--hints'], fs.readFileSync(SAMPLE_PATH)).stdout, hints.split(SAMPLE_PATH).join('<stdin>'));
    assert.strictEqual(runCli(['check', '--strict', SAMPLE_PATH]).status, 1);
    r = runCli(['check', '--json'], '6 a\n');
    assert.deepStrictEqual(JSON.parse(r.stdout), [
      { file: '<stdin>', line: 1, column: 1, endColumn: 2, severity: 'error', code: 'unmatched-pair', message: "unmatched pair placeholder '6': no closing '6' after it in this line" },
    ]);
  });

  it('stats counts tokens, words, compounds and placeholders per digit', () => {
    const r = runCli(['stats', '--json', SAMPLE_PATH]);
    assert.strictEqual(r.status, 0, r.stderr);
    const stats = JSON.parse(r.stdout);
    assert.strictEqual(stats.tokens, SAMPLE.split(' ').length);
    assert.strictEqual(stats.compounds, 149);
    assert.deepStrictEqual(stats.placeholders, { '1': 4, '4': 1, '6': 22, '7': 52 });
    assert.match(runCli(['stats', SAMPLE_PATH]).stdout, /^lines +1\ntokens +364\n/);
  });

  it('keeps a byte order mark and CRLF through a file', () => {
    const input = path.join(tmp, 'bom.seg');
    fs.writeFileSync(input, '\ufeff6 a 6 7 .\r\nb_c\r\n');
    assert.strictEqual(runCli(['normalize', input]).stdout, '\ufeff“a”.\r\nb c\r\n');
    assert.strictEqual(runCli(['restore', input]).stdout, '\ufeff“ a ” , .\r\nb_c\r\n');
  });

  it('gives the same bytes with worker threads as with one thread, and as the in-memory normalizer', () => {
    // Many small chunks (a testing knob) make the parallel path cut lines everywhere.
    const lines: string[] = [];
    const words = SAMPLE.split(' ');
    for (let i = 0; i < 3000; i++) lines.push(words.slice(i % 300, (i % 300) + 5 + (i % 60)).join(i % 7 === 0 ? '\t' : ' '));
    const text = lines.map((l, i) => l + (i % 3 === 0 ? '\r\n' : '\n')).join('');
    const input = path.join(tmp, 'many.seg');
    fs.writeFileSync(input, text);
    const env = { SEGCORPUS_CHUNK_BYTES: '4096' };
    const one = runCli(['normalize', input, '--jobs', '1'], undefined, env);
    const two = runCli(['normalize', input, '--jobs', '2'], undefined, env);
    assert.strictEqual(one.status, 0, one.stderr);
    assert.strictEqual(two.status, 0, two.stderr);
    assert.strictEqual(two.stdout, one.stdout);
    assert.strictEqual(one.stdout, normalizeText(text, planNormalize(DEFAULT_SCHEME)));
    const rTwo = runCli(['restore', input, '--jobs', '2', '-o', path.join(tmp, 'r.seg')], undefined, env);
    assert.strictEqual(rTwo.status, 0, rTwo.stderr);
    assert.strictEqual(fs.readFileSync(path.join(tmp, 'r.seg'), 'utf8'), runCli(['restore', input, '--jobs', '1'], undefined, env).stdout);
  });
  it('keeps as it came a line emptied between a lone CR and an LF, whatever the chunks and the normalizer', () => {
    const input = path.join(tmp, 'lone-cr.seg');
    fs.writeFileSync(input, 'a\r  \nb_c\r\t\n\r_\nd 7 .\r 7 \n');
    // Chunks of 1 to 5 bytes end right after each lone CR somewhere; the string and WebAssembly normalizers.
    for (const wasm of ['0', '1']) {
      for (const bytes of ['1', '2', '3', '4', '5', '4096']) {
        const r = runCli(['normalize', input, '-j', '1'], undefined, { SEGCORPUS_CHUNK_BYTES: bytes, SEGCORPUS_WASM: wasm });
        assert.strictEqual(r.status, 0, r.stderr);
        assert.strictEqual(r.stdout, 'a\r  \nb c\r\t\n\r_\nd.\r 7 \n', `chunks of ${bytes} bytes, SEGCORPUS_WASM=${wasm}`);
      }
    }
  });
  describe('consistency', () => {
    const majority = ['cần nâng_cao trình_độ 7 .', 'nâng_cao chất_lượng .', 'để nâng_cao .'];
    const write = (name: string, lines: readonly string[], ending = '\n'): string => {
      const file = path.join(tmp, name);
      fs.writeFileSync(file, lines.join(ending) + ending);
      return file;
    };

    it('check reports inconsistent segmentation counted over all the files, spanning the occurrence', () => {
      const a = write('a.seg', majority);
      const b = write('b.seg', ['x', 'phải nâng cao  chất_lượng .']);
      let r = runCli(['check', b]);
      assert.strictEqual(r.status, 0, r.stderr);
      assert.strictEqual(r.stdout, '', 'one file alone has no majority');
      r = runCli(['check', a, b]);
      assert.strictEqual(r.status, 0, 'information does not fail the check');
      assert.strictEqual(r.stdout, `${a}:1:23: information: separator placeholder '7' before sentence-final punctuation: redundant, normalize drops it [separator-before-final]\n${b}:2:6: information: \`nâng cao\` is split here; joined as \`nâng_cao\` in 3 of 4 places [inconsistent-segmentation]\n`);
      r = runCli(['check', '--json', a, b]);
      assert.deepStrictEqual(JSON.parse(r.stdout)[1], {
        file: b, line: 2, column: 6, endColumn: 14, severity: 'information', code: 'inconsistent-segmentation', message: '`nâng cao` is split here; joined as `nâng_cao` in 3 of 4 places',
      });
      // stdin is counted with the files
      r = runCli(['check', a, '-'], 'phải nâng cao\n');
      assert.match(r.stdout, /^<stdin>:1:6: information: `nâng cao` is split here/m);
      assert.strictEqual(runCli(['check', '--min-count', '5', a, b]).stdout.includes('inconsistent'), false);
      assert.strictEqual(runCli(['check', '--min-share', '0.8', a, b]).stdout.includes('inconsistent'), false);
    });

    it('check gives the same report with the worker thread as without, in line order, and its errors', () => {
      const lines: string[] = [];
      for (let i = 0; i < 400; i++) lines.push(i % 9 === 0 ? 'phải nâng cao 6 chất_lượng' : i % 5 === 0 ? 'x 6 nâng_cao' : 'nâng_cao trình_độ 7 .');
      const a = write('a.seg', lines);
      const b = write('b.seg', lines.slice(0, 50).reverse());
      const inline = runCli(['check', a, b], undefined, { SEGCORPUS_CONSISTENCY_WORKER: '0' });
      const threaded = runCli(['check', a, b], undefined, { SEGCORPUS_CONSISTENCY_WORKER: '1' });
      assert.strictEqual(threaded.status, 1, threaded.stderr);
      assert.strictEqual(threaded.stdout, inline.stdout);
      assert.strictEqual(inline.status, 1);
      const reported = inline.stdout.trim().split('\n').map((l) => l.split(':').slice(0, 3));
      assert.ok(inline.stdout.includes('[inconsistent-segmentation]') && inline.stdout.includes('[unmatched-pair]'));
      const order = reported.map(([file, line, column]) => [file === a ? 0 : 1, Number(line), Number(column)]);
      assert.deepStrictEqual(order, [...order].sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2]), 'file, line and column order');
      fs.writeFileSync(b, Buffer.from([0x61, 0xff, 0x0a]));
      const bad = runCli(['check', a, b], undefined, { SEGCORPUS_CONSISTENCY_WORKER: '1' });
      assert.strictEqual(bad.status, 2);
      assert.match(bad.stderr, /^segcorpus: .*b\.seg: invalid UTF-8 at byte offset 1/);
    });

    it('check writes in text what --json reports, finding for finding: lines with both kinds of finding merged by column, files waiting or not', () => {
      type Row = { file: string; line: number; column: number; severity: string; message: string; code: string };
      const lines: string[] = [];
      for (let i = 0; i < 300; i++) lines.push(i % 20 === 0 ? 'phải nâng cao 6 chất_lượng 7 .' : i % 20 === 10 ? 'Đổi 6 nâng cao 7.' : i % 20 === 5 ? 'họ nâng cao trình_độ' : i % 3 === 0 ? 'x' : 'nâng_cao trình_độ 7 .');
      const a = write('a.seg', lines);
      const b = write('b é.seg', lines.slice(0, 90).reverse());
      for (const env of [{ SEGCORPUS_CONSISTENCY_WORKER: '0' }, { SEGCORPUS_CONSISTENCY_WORKER: '1' }, { SEGCORPUS_CONSISTENCY_WORKER: '1', SEGCORPUS_MAX_WAITING_FINDINGS: '1' }]) {
        for (const strict of [[], ['--strict']]) {
          const text = runCli(['check', ...strict, a, b], undefined, env);
          const json = runCli(['check', '--json', ...strict, a, b], undefined, env);
          assert.strictEqual(text.stderr, '');
          assert.strictEqual(text.status, json.status);
          const rows = JSON.parse(json.stdout) as Row[];
          assert.strictEqual(text.stdout, rows.map((f) => `${f.file}:${f.line}:${f.column}: ${f.severity}: ${f.message} [${f.code}]\n`).join(''));
          // Each kind alone, merged here: files in order, lines in order, a line's findings by
          // column (the line rules' first where they tie).
          const rules = JSON.parse(runCli(['check', '--json', '--severity', 'inconsistent-segmentation=off', a, b], undefined, env).stdout) as Row[];
          const others = FINDING_CODES.filter((code) => code !== 'inconsistent-segmentation').map((code) => `${code}=off`);
          const segmentation = JSON.parse(runCli(['check', '--json', '--severity', others.join(','), a, b], undefined, env).stdout) as Row[];
          const key = (f: Row): number => (f.file === a ? 0 : 1e9) + f.line;
          const expected = [...rules, ...segmentation].map((f, k) => ({ f, k })).sort((x, y) => key(x.f) - key(y.f) || x.f.column - y.f.column || x.k - y.k).map(({ f }) => f);
          assert.deepStrictEqual(rows, expected);
          const both = new Set(rules.map(key).filter((k) => segmentation.some((f) => key(f) === k)));
          assert.ok(both.size > 0 && segmentation.length > both.size, 'lines with both kinds of finding, and with segmentation findings alone');
        }
      }
    });

    it('check --severity sets a rule’s severity, turns a rule off (the corpus count too) and refuses what it does not know', () => {
      const a = write('a.seg', majority);
      const b = write('b.seg', ['x', 'phải nâng cao  chất_lượng .']);
      for (const worker of ['0', '1']) {
        const env = { SEGCORPUS_CONSISTENCY_WORKER: worker };
        let r = runCli(['check', '--severity', 'separator-before-final=error', '--severity', 'inconsistent-segmentation=warning', a, b], undefined, env);
        assert.strictEqual(r.status, 1, 'an error now fails the check');
        assert.strictEqual(r.stdout, `${a}:1:23: error: separator placeholder '7' before sentence-final punctuation: redundant, normalize drops it [separator-before-final]\n${b}:2:6: warning: \`nâng cao\` is split here; joined as \`nâng_cao\` in 3 of 4 places [inconsistent-segmentation]\n`);
        r = runCli(['check', '--severity', 'separator-before-final=off,inconsistent-segmentation=hint', '--json', a, b], undefined, env);
        assert.deepStrictEqual(JSON.parse(r.stdout).map((f: { code: string; severity: string }) => `${f.code} ${f.severity}`), ['inconsistent-segmentation hint']);
        // Off is not counted at all: a lexicon that cannot be read is then never read.
        r = runCli(['check', '--severity', 'inconsistent-segmentation=off', '--lexicon', path.join(tmp, 'none.txt'), a, b], undefined, env);
        assert.strictEqual(r.status, 0, r.stderr);
        assert.strictEqual(r.stdout.includes('inconsistent'), false);
      }
      for (const bad of ['separator-before-final', 'nope=off', 'unmatched-pair=loud', 'unmatched-pair=off=on', 'unmatched-pair=off,']) {
        const r = runCli(['check', '--severity', bad, a]);
        assert.strictEqual(r.status, 2, bad);
        assert.match(r.stderr, /^segcorpus: --severity takes RULE=LEVEL \(LEVEL: error, warning, information, hint or off; RULE: unmatched-pair, .*\), not '/, bad);
      }
      assert.match(runCli(['normalize', '--severity', 'unmatched-pair=off', a]).stderr, /--severity does not apply to 'normalize'/);
    });

    it('check --lexicon flags a split lexicon word however rare', () => {
      const lexicon = path.join(tmp, 'words.txt');
      fs.writeFileSync(lexicon, '# known\ntrình_độ\n');
      const r = runCli(['check', '--lexicon', lexicon], 'nâng trình độ\n');
      assert.strictEqual(r.stdout, '<stdin>:1:6: information: `trình độ` is split here; `trình_độ` is a lexicon word (joined in 0 of 1 place) [inconsistent-segmentation]\n');
      assert.match(runCli(['check', '--lexicon', path.join(tmp, 'none.txt')], 'a\n').stderr, /cannot read lexicon .*none\.txt: no such file/);
    });

    it('prints the variations table, as text and JSON', () => {
      const a = write('a.seg', [...majority, 'phải nâng cao chất_lượng .']);
      let r = runCli(['consistency', a]);
      assert.strictEqual(r.status, 0, r.stderr);
      assert.strictEqual(r.stdout, 'sequence  count  majority  share  flagged  forms\nnâng cao      4  nâng_cao  75.0%        1  nâng_cao 3, nâng cao 1\n');
      r = runCli(['consistency', '--json', '--min-share', '0.9', a]);
      assert.deepStrictEqual(JSON.parse(r.stdout), [
        { sequence: 'nâng cao', total: 4, forms: [{ form: 'nâng_cao', count: 3 }, { form: 'nâng cao', count: 1 }], majority: null, share: 0.75, disagreeing: 0, lexicon: false },
      ]);
    });

    it('--apply --out-dir rewrites flagged occurrences only, keeping every other byte, atomically', () => {
      const a = write('a.seg', [...majority, ...majority], '\r\n');
      const bText = '\ufeffx\r\nphải nâng \t cao chất_lượng .\rlone\n\nnâng cao_trình_độ';
      const b = path.join(tmp, 'b.seg');
      fs.writeFileSync(b, bText);
      const out = path.join(tmp, 'out', 'deeper');
      const r = runCli(['consistency', a, b, '--apply', '--out-dir', out]);
      assert.strictEqual(r.status, 0, r.stderr);
      assert.strictEqual(r.stdout, '');
      assert.deepStrictEqual(fs.readdirSync(out).sort(), ['a.seg', 'b.seg'], 'no temporary file is left');
      assert.strictEqual(fs.readFileSync(path.join(out, 'a.seg'), 'utf8'), fs.readFileSync(a, 'utf8'));
      assert.strictEqual(fs.readFileSync(path.join(out, 'b.seg'), 'utf8'), '\ufeffx\r\nphải nâng_cao chất_lượng .\rlone\n\nnâng_cao trình_độ');
      assert.strictEqual(fs.readFileSync(b, 'utf8'), bText, 'the input is untouched');
    });

    it('--apply refuses an out-dir holding an input, colliding names, and stdin', () => {
      const a = write('a.seg', majority);
      let r = runCli(['consistency', a, '--apply', '--out-dir', tmp]);
      assert.strictEqual(r.status, 2);
      assert.match(r.stderr, /refusing to write over the input .*a\.seg: --out-dir .* holds it/);
      assert.strictEqual(fs.readFileSync(a, 'utf8'), majority.join('\n') + '\n');
      fs.mkdirSync(path.join(tmp, 'sub'));
      const other = path.join(tmp, 'sub', 'a.seg');
      fs.writeFileSync(other, 'y\n');
      r = runCli(['consistency', a, other, '--apply', '--out-dir', path.join(tmp, 'out')]);
      assert.strictEqual(r.status, 2);
      assert.match(r.stderr, /would both be written to/);
      assert.ok(!fs.existsSync(path.join(tmp, 'out', 'a.seg')));
      // a hard link to an input in the out-dir is the input
      fs.mkdirSync(path.join(tmp, 'linked'));
      fs.linkSync(a, path.join(tmp, 'linked', 'a.seg'));
      r = runCli(['consistency', a, '--apply', '--out-dir', path.join(tmp, 'linked')]);
      assert.strictEqual(r.status, 2);
      assert.match(r.stderr, /refusing to write over the input/);
      assert.strictEqual(runCli(['consistency', '--apply', '--out-dir', tmp], 'a\n').status, 2);
      assert.match(runCli(['consistency', a, '--apply']).stderr, /--apply and --out-dir go together/);
      assert.match(runCli(['consistency', a, '--min-share', '1.5']).stderr, /--min-share takes a share above 0 and at most 1/);
      assert.match(runCli(['consistency', a, '--min-count', '0']).stderr, /--min-count takes a whole number/);
      assert.match(runCli(['stats', '--lexicon', a]).stderr, /--lexicon does not apply to 'stats'/);
    });
  });
});
