// The line contract that lets segcorpus run split across processes and machines (GNU parallel, Hadoop Streaming, Spark), gzip and JSON Lines included.
import * as assert from 'assert';
import { ChildProcess, spawn, spawnSync } from 'child_process';
import fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { ByteRestorer } from '../../src/core/byteRestorer';
import { normalizeBytes, planNormalize } from '../../src/core/normalize';
import { DEFAULT_SCHEME } from '../../src/core/scheme';
import { ByteStats, CorpusStats, emptyStats } from '../../src/core/stats';
import { buildTransform, transformSpec } from '../../src/node/chunkTransform';
import { CLI, runCli, runCliBytes } from './cliRun';
import { REPO, SAMPLE, SAMPLE_PATH } from './fixtures';
import { CORPUS_TOKENS, corpusOf, linesOf } from './generators';
import { Transform, streamed } from './streaming';
import { wasmFor } from './wasmBuild';

const encoder = new TextEncoder();

const lineArb = linesOf(fc.oneof(...CORPUS_TOKENS), fc.constantFrom(' ', ' ', '  ', '\t'));
const corpusArb = corpusOf(lineArb);

/** A text and cut points after some of its line feeds: the parts GNU parallel, Hadoop or Spark hand to separate processes. */
const splitArb = corpusArb.chain((text) => {
  const afterLf: number[] = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) afterLf.push(i + 1);
  return fc.tuple(fc.constant(text), fc.subarray(afterLf));
});

function partsOf(text: string, cuts: readonly number[]): string[] {
  const parts: string[] = [];
  let from = 0;
  for (const cut of [...cuts, text.length]) {
    parts.push(text.slice(from, cut));
    from = cut;
  }
  return parts.filter((p) => p !== '');
}

function count(text: string, re: RegExp): number {
  return (text.match(re) ?? []).length;
}

function sumStats(a: CorpusStats, b: CorpusStats): CorpusStats {
  const sum = emptyStats() as unknown as Record<string, number | Record<string, number>>;
  for (const [key, value] of Object.entries(a)) {
    const other = (b as unknown as Record<string, unknown>)[key];
    if (typeof value === 'number') sum[key] = value + (other as number);
    else if (Array.isArray(value)) {
      // A histogram: counts by length, added length by length.
      const longer = value.length >= (other as number[]).length ? value : (other as number[]);
      sum[key] = longer.map((_, i) => (value[i] ?? 0) + ((other as number[])[i] ?? 0)) as unknown as Record<string, number>;
    } else {
      const digits: Record<string, number> = { ...(value as Record<string, number>) };
      for (const [d, n] of Object.entries(other as Record<string, number>)) digits[d] = (digits[d] ?? 0) + n;
      sum[key] = digits;
    }
  }
  return sum as unknown as CorpusStats;
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

describe('segcorpus line contract (beyond one machine)', function () {
  this.timeout(120000);
  let tmp: string;

  before(() => {
    assert.ok(fs.existsSync(CLI), 'dist/cli.js is built by npm test (pretest)');
  });
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'segcorpus-contract-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('property: any split at line feeds, processed part by part and concatenated, equals the whole (normalize, restore, stats)', () => {
    const plan = planNormalize(DEFAULT_SCHEME);
    const transforms: Array<[string, () => Transform]> = [
      ['normalize (WebAssembly)', () => {
        const normalizer = wasmFor(plan);
        return (lines, afterLoneCr) => normalizer.normalizeChunk(lines, afterLoneCr);
      }],
      ['normalize (string)', () => (lines, afterLoneCr) => normalizeBytes(lines, plan, afterLoneCr)],
      ['restore', () => {
        const restorer = new ByteRestorer(DEFAULT_SCHEME);
        return (lines) => restorer.restoreChunk(lines);
      }],
    ];
    const stats = new ByteStats(DEFAULT_SCHEME);
    const statsOf = (text: string): CorpusStats => {
      const result = emptyStats();
      stats.addLines(result, encoder.encode(text.replace(/^\ufeff/, '')));
      return result;
    };
    fc.assert(
      fc.property(splitArb, fc.integer({ min: 1, max: 40 }), ([text, cuts], chunk) => {
        const parts = partsOf(text, cuts);
        for (const [name, make] of transforms) {
          // Every part in a process of its own: a fresh transform, no state carried over.
          const whole = streamed(text, [chunk], make());
          assert.strictEqual(parts.map((p) => streamed(p, [chunk], make())).join(''), whole, name);
          assert.strictEqual(count(whole, /\r\n|\r|\n/g), count(text, /\r\n|\r|\n/g), `${name}: one line out for one line in`);
        }
        assert.deepStrictEqual(parts.map(statsOf).reduce(sumStats, emptyStats()), statsOf(text), 'stats of the parts add up to the whole');
      }),
      { numRuns: 300 },
    );
  });

  it('property: JSON Lines split at line feeds give the same records as the whole', () => {
    const records = fc.tuple(fc.array(fc.tuple(lineArb, fc.boolean()), { minLength: 1, maxLength: 10 }), fc.boolean()).map(([lines, finalBreak]) => {
      const text = lines.map(([line, ascii], id) => {
        const json = JSON.stringify({ id, text: line, n: [1, { text: 'x_y' }] });
        return ascii ? json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : json;
      }).join('\n');
      return finalBreak ? text + '\n' : text;
    });
    const split = records.chain((text) => {
      const afterLf: number[] = [];
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) afterLf.push(i + 1);
      return fc.tuple(fc.constant(text), fc.subarray(afterLf));
    });
    for (const op of ['normalize', 'restore'] as const) {
      const make = (): Transform => buildTransform(transformSpec(op, DEFAULT_SCHEME, {}, undefined, { field: 'text', passOther: false }));
      fc.assert(
        fc.property(split, fc.integer({ min: 1, max: 64 }), ([text, cuts], chunk) => {
          const whole = streamed(text, [chunk], make());
          assert.strictEqual(partsOf(text, cuts).map((p) => streamed(p, [chunk], make())).join(''), whole, op);
          assert.strictEqual(count(whole, /\n/g), count(text, /\n/g), 'one record out for one record in');
        }),
        { numRuns: 150 },
      );
    }
  });

  it('property, through the CLI: parts in separate processes concatenate to the output of one (check: the same findings)', () => {
    let run = 0;
    fc.assert(
      fc.property(splitArb, ([text, cuts]) => {
        const parts = partsOf(text, cuts);
        const dir = path.join(tmp, `run-${run++}`);
        fs.mkdirSync(dir);
        const whole = path.join(dir, 'whole.seg');
        fs.writeFileSync(whole, text);
        const files = parts.map((p, k) => {
          const file = path.join(dir, `part-${k}.seg`);
          fs.writeFileSync(file, p);
          return file;
        });
        for (const command of ['normalize', 'restore']) {
          const one = runCli([command, whole]);
          assert.strictEqual(one.status, 0, one.stderr);
          assert.strictEqual(one.stderr, '');
          // Stdin and file alike: a stage of a pipeline reads stdin.
          const pieces = files.map((f, k) => (k % 2 === 0 ? runCli([command, f]) : runCli([command], fs.readFileSync(f))));
          assert.deepStrictEqual(pieces.map((p) => p.status), pieces.map(() => 0));
          assert.strictEqual(pieces.map((p) => p.stdout).join(''), one.stdout, command);
          assert.strictEqual(count(one.stdout, /\r\n|\r|\n/g), count(text, /\r\n|\r|\n/g));
        }
        // check: every finding but the corpus-wide segmentation one (off with an unreachable
        // --min-count) is about its line alone; a part's line numbers are shifted by the lines before it.
        const findings = (file: string, shift: number): object[] => {
          const r = runCli(['check', '--json', '--min-count', '1000000', file]);
          assert.ok(r.status === 0 || r.status === 1, r.stderr);
          return (JSON.parse(r.stdout) as Array<{ line: number }>).map((f) => ({ ...f, file: 'corpus', line: f.line + shift }));
        };
        let shift = 0;
        const byParts = files.flatMap((f, k) => {
          const rows = findings(f, shift);
          shift += count(parts[k], /\r\n|\r|\n/g);
          return rows;
        });
        // A part that starts with U+FEFF has it read as a byte order mark (so a part file's columns
        // start after it), where inside the whole it is a character of its line (README, Beyond one machine).
        if (!parts.slice(1).some((p) => p.startsWith('\ufeff'))) assert.deepStrictEqual(byParts, findings(whole, 0), 'check findings');
      }),
      { numRuns: 6 },
    );
  });

  it('errors go to stderr only, one line, with a status of one meaning; nothing is asked, terminal or not', () => {
    const cases: Array<[string[], string | Buffer, number, RegExp]> = [
      [['normalize'], Buffer.from([0x61, 0x0a, 0xff, 0x0a]), 2, /invalid UTF-8 at byte offset 2/],
      [['normalize', '--jsonl'], '{"text":"a"}\n{"id":2}\n', 2, /<stdin>: line 2: no field "text"/],
      [['normalize', '--tone-style', 'x'], 'a\n', 2, /--tone-style takes old, new or keep/],
      [['restore', path.join(tmp, 'missing.seg')], '', 2, /cannot read .*missing\.seg: no such file/],
      [['stats', '--gzip'], 'a\n', 2, /--gzip does not apply to 'stats'/],
      [['normalize', '--field', 'text'], 'a\n', 2, /--field reads JSON Lines: add --jsonl/],
      [['normalize', '--jsonl', '--infer-sentence-breaks'], 'a\n', 2, /--infer-sentence-breaks reads plain lines/],
    ];
    for (const [args, input, status, message] of cases) {
      const r = runCli(args, input);
      assert.strictEqual(r.status, status, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message);
      assert.strictEqual(r.stderr.split('\n').length, 2, `${args.join(' ')}: one line`);
      assert.strictEqual(r.stdout, '', `${args.join(' ')}: nothing on stdout`);
    }
    // 1 is check's, for findings only; the findings go to stdout, stderr stays empty.
    const found = runCli(['check'], 'a 6 b\n');
    assert.strictEqual(found.status, 1);
    assert.match(found.stdout, /^<stdin>:1:3: error: unmatched pair placeholder/);
    assert.strictEqual(found.stderr, '');
    // Without a command it is a usage error too: the help goes to stderr.
    const bare = runCli([]);
    assert.strictEqual(bare.status, 2);
    assert.strictEqual(bare.stdout, '');
    // --help and the README give the same table of statuses.
    const help = runCli(['--help']).stdout;
    const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
    for (const status of ['0', '1', '2', '130', '141']) {
      assert.match(help, new RegExp(`\\b${status}\\b`), `--help lists ${status}`);
      assert.match(readme, new RegExp(`^\\| ${status}[ ,]`, 'm'), `README lists ${status}`);
    }
    // A terminal on stdin and stdout (a pseudo-terminal from script(1)): no question, no wait.
    const input = path.join(tmp, 'in.seg');
    fs.writeFileSync(input, '6 a_b 6 7 .\n');
    for (const command of ['normalize', 'restore', 'check', 'stats']) {
      const r = spawnSync('script', ['-qec', `"${process.execPath}" "${CLI}" ${command} "${input}"`, '/dev/null'], { encoding: 'utf8', timeout: 20000, stdio: ['pipe', 'pipe', 'pipe'] });
      assert.strictEqual(r.status, 0, `${command} under a terminal: ${r.stdout}${r.stderr}`);
      assert.doesNotMatch(r.stdout, /\?\s*$|\[y\/n\]/i, `${command} asks nothing`);
    }
  });

  it('reads gzip by its magic bytes (file or stdin, any name, several members) and writes it for .gz or --gzip', () => {
    const text = SAMPLE + '\n\n6 a_b 6 7 .';
    const expected = runCli(['normalize'], text).stdout;
    const gz = path.join(tmp, 'corpus.seg.gz');
    fs.writeFileSync(gz, zlib.gzipSync(text));
    assert.strictEqual(runCli(['normalize', gz]).stdout, expected);
    assert.strictEqual(runCli(['normalize'], zlib.gzipSync(text)).stdout, expected, 'gzip on stdin');
    // `cat a.gz b.gz` and pigz write several members: read as one stream.
    const cut = text.indexOf('\n', 300) + 1;
    const members = Buffer.concat([zlib.gzipSync(text.slice(0, cut)), zlib.gzipSync(text.slice(cut))]);
    assert.strictEqual(runCli(['normalize'], members).stdout, expected, 'two members');
    // By name out: a .gz file is gzip; --gzip compresses stdout.
    const out = path.join(tmp, 'out.txt.gz');
    assert.strictEqual(runCli(['normalize', gz, '-o', out]).status, 0);
    assert.strictEqual(zlib.gunzipSync(fs.readFileSync(out)).toString(), expected);
    const piped = runCliBytes(['restore', '--gzip'], members);
    assert.strictEqual(piped.status, 0, piped.stderr);
    assert.strictEqual(zlib.gunzipSync(piped.stdout).toString(), runCli(['restore'], text).stdout);
    // check and stats read gzip too, and the line numbers are the text's.
    assert.strictEqual(runCli(['stats', '--json', gz]).stdout, runCli(['stats', '--json'], text).stdout);
    assert.match(runCli(['check'], zlib.gzipSync('ok\na 6 b\n')).stdout, /^<stdin>:2:3: error: unmatched pair placeholder '6'.*\[unmatched-pair\]\n$/);
    // consistency --apply writes each output under its input's name: a .gz one as gzip.
    const shard = path.join(tmp, 'shard.seg.gz');
    fs.writeFileSync(shard, zlib.gzipSync('nâng_cao a\nnâng_cao b\nnâng_cao c\nnâng cao d\n'));
    const applied = runCli(['consistency', shard, '--apply', '--out-dir', path.join(tmp, 'fixed')]);
    assert.strictEqual(applied.status, 0, applied.stderr);
    assert.strictEqual(zlib.gunzipSync(fs.readFileSync(path.join(tmp, 'fixed', 'shard.seg.gz'))).toString(), 'nâng_cao a\nnâng_cao b\nnâng_cao c\nnâng_cao d\n');
    // Through worker threads and small chunks, the same bytes.
    const many = path.join(tmp, 'many.seg.gz');
    fs.writeFileSync(many, zlib.gzipSync(text.repeat(300)));
    const threaded = runCli(['normalize', many, '-j', '2'], undefined, { SEGCORPUS_CHUNK_BYTES: '4096' });
    assert.strictEqual(threaded.stdout, runCli(['normalize'], text.repeat(300)).stdout);
  });

  it('refuses damaged gzip in one line, status 2, leaving no output file', () => {
    const whole = zlib.gzipSync(SAMPLE.repeat(50));
    const out = path.join(tmp, 'out.txt');
    for (const bytes of [whole.subarray(0, whole.length - 20), Buffer.concat([whole.subarray(0, 30), Buffer.alloc(40, 7), whole.subarray(70)])]) {
      const input = path.join(tmp, 'bad.gz');
      fs.writeFileSync(input, bytes);
      const r = runCli(['normalize', input, '-o', out]);
      assert.strictEqual(r.status, 2, r.stderr);
      assert.match(r.stderr, /^segcorpus: .*bad\.gz: damaged gzip data \(.+\); the file was cut short or is not gzip\n$/);
      assert.deepStrictEqual(fs.readdirSync(tmp), ['bad.gz']);
    }
  });

  it('gzip output: Ctrl+C leaves nothing, a closed pipe is quiet (141), a full disk is one line (2)', async () => {
    const big = path.join(tmp, 'big.seg');
    const block = Buffer.from(`${SAMPLE}\n`.repeat(100));
    const fd = fs.openSync(big, 'w');
    for (let written = 0; written < 60e6; written += block.length) fs.writeSync(fd, block);
    fs.closeSync(fd);
    const outDir = path.join(tmp, 'out');
    fs.mkdirSync(outDir);
    const child = spawn(process.execPath, [CLI, 'normalize', big, '-j', '1', '-o', path.join(outDir, 'out.txt.gz')], { stdio: 'ignore' });
    const done = exited(child);
    const until = Date.now() + 20000;
    while (!fs.readdirSync(outDir).some((f) => f.endsWith('.tmp') && fs.statSync(path.join(outDir, f)).size > 0) && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
    child.kill('SIGINT');
    assert.strictEqual(await done, 130);
    assert.deepStrictEqual(fs.readdirSync(outDir), [], 'neither the output nor its temporary file');
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" normalize --gzip "${big}" 2>"${tmp}/err" | head -c 1 >/dev/null; echo \${PIPESTATUS[0]}`], { encoding: 'utf8' });
    assert.strictEqual(r.stdout.trim(), '141');
    assert.strictEqual(fs.readFileSync(`${tmp}/err`, 'utf8'), '');
    const full = fs.openSync('/dev/full', 'w');
    try {
      const f = spawnSync(process.execPath, [CLI, 'normalize', '--gzip', SAMPLE_PATH], { stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
      assert.strictEqual(f.status, 2);
      assert.strictEqual(f.stderr, 'segcorpus: cannot write standard output: no space left on device\n');
    } finally {
      fs.closeSync(full);
    }
    const f = runCli(['normalize', SAMPLE_PATH, '-o', '/dev/full', '--gzip']);
    assert.strictEqual(f.status, 2);
    assert.strictEqual(f.stderr, 'segcorpus: cannot write /dev/full: no space left on device\n');
  });

  it('--jsonl --field: normalize and restore rewrite the field only, check and stats read it, errors name the line', () => {
    const lines = ['{"id":1,"text":"6 Đặt_hàng 6 7 ."}', '', '{"id":2,"text":"a 6 b","meta":{"text":"c_d 7"}}\r', '{"id":3,"text":"\\u0110\\u1eb7t_h\\u00e0ng 7 x"}'];
    const input = lines.join('\n') + '\n';
    let r = runCli(['normalize', '--jsonl'], input);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.strictEqual(r.stdout, '{"id":1,"text":"“Đặt hàng”."}\n\n{"id":2,"text":"a “b","meta":{"text":"c_d 7"}}\r\n{"id":3,"text":"\\u0110\\u1eb7t h\\u00e0ng, x"}\n');
    assert.strictEqual(runCli(['restore', '--jsonl', '--field', 'text'], input).stdout, input.replace('6 Đặt_hàng 6 7 .', '“ Đặt_hàng ” , .').replace('a 6 b', 'a “ b').replace('h\\u00e0ng 7 x', 'h\\u00e0ng , x'));
    assert.strictEqual(runCli(['normalize', '--jsonl', '--field', 'meta.text', '--pass-other-lines'], input).stdout, input.replace('c_d 7', 'c d,'));
    r = runCli(['check', '--jsonl'], input);
    assert.strictEqual(r.status, 1);
    // Columns are the text's; line 1's text ends with a separator before the full stop.
    assert.match(r.stdout, /^<stdin>:1:14: information: .*\[separator-before-final\]\n<stdin>:3:3: error: unmatched pair placeholder '6'.*\[unmatched-pair\]\n$/);
    const stats = JSON.parse(runCli(['stats', '--jsonl', '--json'], input).stdout) as CorpusStats;
    assert.deepStrictEqual(stats, JSON.parse(runCli(['stats', '--json'], '6 Đặt_hàng 6 7 .\n\na 6 b\nĐặt_hàng 7 x\n').stdout));
    // Line numbers in the whole input, through threads and small chunks alike.
    const many = path.join(tmp, 'many.jsonl');
    fs.writeFileSync(many, input.repeat(2000) + '{"text":7}\n' + input);
    for (const command of ['normalize', 'restore', 'check', 'stats']) {
      r = runCli([command, '--jsonl', many, '-j', '2'].filter((a) => !(command === 'check' || command === 'stats') || (a !== '-j' && a !== '2')), undefined, { SEGCORPUS_CHUNK_BYTES: '4096' });
      assert.strictEqual(r.status, 2, command);
      assert.strictEqual(r.stderr, `segcorpus: ${many}: line 8001: field "text" is a number, not a string (--pass-other-lines writes such lines unchanged)\n`);
    }
    r = runCli(['normalize', '--jsonl', '--pass-other-lines', many, '-j', '2'], undefined, { SEGCORPUS_CHUNK_BYTES: '4096' });
    assert.strictEqual(r.status, 0, r.stderr);
    assert.strictEqual(r.stdout, runCli(['normalize', '--jsonl'], input).stdout.repeat(2000) + '{"text":7}\n' + runCli(['normalize', '--jsonl'], input).stdout);
    // gzip and JSON Lines together.
    const gz = runCliBytes(['normalize', '--jsonl', '--gzip'], zlib.gzipSync(input));
    assert.strictEqual(zlib.gunzipSync(gz.stdout).toString(), runCli(['normalize', '--jsonl'], input).stdout);
  });

  describe('under GNU parallel', () => {
    let dir: string;
    let big: string;
    before(function () {
      if (spawnSync('parallel', ['--version']).status !== 0) assert.fail('GNU parallel is needed (apt-get install parallel; .ci/run installs it)');
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'segcorpus-parallel-'));
      big = path.join(dir, 'big.seg');
      const made = spawnSync(process.execPath, ['--input-type=module', '-e', `import { writeCorpus } from ${JSON.stringify(path.join(REPO, 'bench', 'corpus.mjs'))}; writeCorpus(${JSON.stringify(big)}, 32e6, ${JSON.stringify(SAMPLE_PATH)});`]);
      assert.strictEqual(made.status, 0, made.stderr?.toString());
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    const sh = (script: string): void => {
      const r = spawnSync('bash', ['-o', 'pipefail', '-c', script], { cwd: dir, encoding: 'utf8', env: { ...process.env, CLI } });
      assert.strictEqual(r.status, 0, `${script}\n${r.stderr}`);
    };
    const same = (a: string, b: string): void => {
      assert.ok(fs.readFileSync(path.join(dir, a)).equals(fs.readFileSync(path.join(dir, b))), `${a} and ${b} differ`);
    };

    it('parallel --pipepart --block 10M -k gives the bytes of one process', () => {
      sh('node "$CLI" normalize big.seg > one.txt');
      sh('parallel --pipepart -a big.seg --block 10M -k node "$CLI" normalize > parts.txt');
      same('one.txt', 'parts.txt');
      sh('node "$CLI" restore big.seg > one.seg && parallel --pipepart -a big.seg --block 10M -k node "$CLI" restore > parts.seg');
      same('one.seg', 'parts.seg');
    });

    it('the same for --jsonl records', () => {
      // The first 12 MB of the corpus's lines as records: {"id":…,"text":…}, non-ASCII escaped in
      // every other one; blocks of 3 MB, so that there are as many parts as for the plain text.
      const text = fs.readFileSync(big, 'utf8').slice(0, 12e6);
      const records = text.split('\n').slice(0, -1).map((line, id) => {
        const json = JSON.stringify({ id, text: line, source: 'bench' });
        return id % 2 ? json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : json;
      });
      fs.writeFileSync(path.join(dir, 'big.jsonl'), records.join('\n') + '\n');
      sh('node "$CLI" normalize --jsonl big.jsonl > one.jsonl');
      sh('parallel --pipepart -a big.jsonl --block 3M -k node "$CLI" normalize --jsonl > parts.jsonl');
      same('one.jsonl', 'parts.jsonl');
    });

    it('and for gzip through parallel --pipe: members concatenated read back as one output', () => {
      sh('gzip -1 -c big.seg > big.seg.gz && node "$CLI" normalize big.seg.gz -o one.txt.gz');
      sh('zcat big.seg.gz | parallel --pipe --block 10M -k node "$CLI" normalize --gzip > parts.txt.gz');
      sh('zcat one.txt.gz > one.txt && zcat parts.txt.gz > parts.txt');
      same('one.txt', 'parts.txt');
    });
  });
});
