// segcorpus speaks English unless the locale for messages is Vietnamese (LC_ALL, LC_MESSAGES, LANG = vi*): tables, choice, and the built CLI in both.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { USAGE } from '../../src/cli/args';
import { CLI_MESSAGES, USAGE_VIETNAMESE, cliLanguage } from '../../src/cli/messages';
import { runCli } from './cliRun';
import { SAMPLE_PATH } from './fixtures';

/** Runs the built CLI with exactly these locale variables (the others of the environment removed). */
function cli(args: string[], locale: Record<string, string>, input?: string) {
  return runCli(args, input, { LC_ALL: undefined, LC_MESSAGES: undefined, LANG: undefined, ...locale });
}

const placeholders = (text: string): string => [...new Set(text.match(/\{\d+\}/g) ?? [])].sort().join();

describe('segcorpus in Vietnamese (LANG=vi)', function () {
  this.timeout(60000);

  it('reads the language as POSIX does: LC_ALL, then LC_MESSAGES, then LANG, the first set and not empty', () => {
    assert.strictEqual(cliLanguage({}), 'en');
    assert.strictEqual(cliLanguage({ LANG: 'C' }), 'en');
    assert.strictEqual(cliLanguage({ LANG: 'vi_VN.UTF-8' }), 'vi');
    assert.strictEqual(cliLanguage({ LANG: 'vi' }), 'vi');
    assert.strictEqual(cliLanguage({ LANG: 'en_US.UTF-8', LC_MESSAGES: 'vi_VN' }), 'vi');
    assert.strictEqual(cliLanguage({ LANG: 'vi_VN.UTF-8', LC_ALL: 'C' }), 'en');
    assert.strictEqual(cliLanguage({ LANG: 'vi_VN.UTF-8', LC_ALL: '' }), 'vi', 'an empty LC_ALL is not set');
    assert.strictEqual(cliLanguage({ LANG: 'vietnamese-nope' }), 'en', 'vi then a separator, not any word starting with vi');
  });

  it('has a Vietnamese sentence for every English one, with the same {0} placeholders', () => {
    const english = CLI_MESSAGES.en as Record<string, string>;
    const vietnamese = CLI_MESSAGES.vi as Record<string, string>;
    assert.deepStrictEqual(Object.keys(vietnamese).sort(), Object.keys(english).sort());
    const empty = Object.keys(english).filter((k) => vietnamese[k].trim() === '');
    assert.deepStrictEqual(empty, [], `no Vietnamese for: ${empty.join(', ')}`);
    const differing = Object.keys(english).filter((k) => placeholders(english[k]) !== placeholders(vietnamese[k]));
    assert.deepStrictEqual(differing, [], `placeholders differ in: ${differing.join(', ')}`);
  });

  it('the Vietnamese help names every option the English help names', () => {
    const options = (text: string) => new Set(text.match(/(?<![\w-])--?[a-z][a-z-]*/g));
    const missing = [...options(USAGE)].filter((o) => !options(USAGE_VIETNAMESE).has(o));
    assert.deepStrictEqual(missing, [], `options in USAGE (args.ts) missing from USAGE_VIETNAMESE (messages.ts): ${missing.join(' ')}`);
  });

  it('LANG=C: errors, stats and help in English, as before', () => {
    const C = { LANG: 'C' };
    assert.deepStrictEqual(cli(['frob'], C), { status: 2, stdout: '', stderr: "segcorpus: unknown command 'frob' (commands: normalize, restore, check, stats, consistency)\n" });
    assert.strictEqual(cli(['normalize', '/nonexistent/a.seg'], C).stderr, 'segcorpus: cannot read /nonexistent/a.seg: no such file\n');
    assert.strictEqual(cli(['normalize', '-j', '0'], C).stderr, "segcorpus: --jobs takes a whole number from 1 to 64, not '0'\n");
    assert.match(cli(['stats'], C, 'a_b 6 c 6 .\n').stdout, /^lines {2,}1\ntokens {2,}5\n/);
    assert.strictEqual(cli(['--help'], C).stdout, USAGE + '\n');
  });

  it('LANG=vi_VN.UTF-8: errors, stats and help in Vietnamese; exit statuses and check findings unchanged', () => {
    const vi = { LANG: 'vi_VN.UTF-8' };
    assert.deepStrictEqual(cli(['frob'], vi), { status: 2, stdout: '', stderr: "segcorpus: lệnh không xác định 'frob' (các lệnh: normalize, restore, check, stats, consistency)\n" });
    const missing = cli(['normalize', '/nonexistent/a.seg'], vi);
    assert.strictEqual(missing.status, 2);
    assert.strictEqual(missing.stderr, 'segcorpus: không đọc được /nonexistent/a.seg: không có tệp này\n');
    assert.strictEqual(cli(['normalize', '-j', '0'], vi).stderr, "segcorpus: --jobs nhận một số nguyên từ 1 đến 64, không nhận '0'\n");
    const utf16 = cli(['normalize'], vi, 'a\u0000b\u0000');
    assert.strictEqual(utf16.stderr, 'segcorpus: <stdin>: văn bản UTF-16 (LE); hãy chuyển sang UTF-8 trước (iconv -f UTF-16LE -t UTF-8)\n');
    const stats = cli(['stats'], vi, 'a_b 6 c 6 .\n').stdout;
    assert.match(stats, /^dòng {2,}1\ntoken {2,}5\ntừ {2,}2\ntừ ghép {2,}1\nâm tiết {2,}3\ndấu giữ chỗ 6 {2,}2\n/);
    assert.strictEqual(cli(['--help'], vi).stdout, USAGE_VIETNAMESE + '\n');
    // LC_ALL=C wins over LANG=vi.
    assert.strictEqual(cli(['frob'], { ...vi, LC_ALL: 'C' }).stderr, "segcorpus: unknown command 'frob' (commands: normalize, restore, check, stats, consistency)\n");
    // check: the findings are a format other tools read (file:line:col: severity: message [code]), in English in every language.
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'segcorpus-vi-')), 'a.seg');
    try {
      fs.copyFileSync(SAMPLE_PATH, file);
      const C = cli(['check', file], { LANG: 'C' });
      const inVietnamese = cli(['check', file], vi);
      assert.strictEqual(inVietnamese.status, C.status);
      assert.strictEqual(inVietnamese.stdout, C.stdout);
      assert.match(C.stdout, /separator placeholder '7' before sentence-final punctuation/);
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });

  it('LANG=vi: every label of the stats summary, the same figures; --json keys stay English', () => {
    const input = 'a_b 6 c 7. 9\n';
    const rows = (text: string): string[][] => text.trimEnd().split('\n').map((line) => line.split(/ {2,}/));
    const english = rows(cli(['stats', '--problems', '--vocabulary'], { LANG: 'C' }, input).stdout);
    const vietnamese = rows(cli(['stats', '--problems', '--vocabulary'], { LANG: 'vi' }, input).stdout);
    assert.deepStrictEqual(vietnamese.map((r) => r[1]), english.map((r) => r[1]), 'the same figures, row for row');
    const untranslated = vietnamese.map((r) => r[0]).filter((label, i) => label === english[i][0]);
    assert.deepStrictEqual(untranslated, [], 'no label left in English');
    assert.deepStrictEqual(vietnamese.slice(-6).map((r) => r[0]), ['từ ghép gặp nhiều nhất', 'vấn đề unmatched-pair', 'vấn đề unknown-placeholder', 'vấn đề glued-placeholder', 'vấn đề separator-before-final', 'vấn đề malformed-join']);
    assert.strictEqual(cli(['stats', '--json'], { LANG: 'vi' }, input).stdout, cli(['stats', '--json'], { LANG: 'C' }, input).stdout);
  });

  it('LANG=vi: gzip and JSON Lines errors and their usage errors in Vietnamese, also from worker threads; LANG=C as before', () => {
    const vi = { LANG: 'vi_VN.UTF-8' };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'segcorpus-vi-'));
    try {
      assert.strictEqual(cli(['stats', '--top', 'x'], vi).stderr, "segcorpus: --top nhận một số nguyên từ 0 đến 999999, không nhận 'x'\n");
      assert.strictEqual(cli(['stats', '--jsonl', '--field', 'a.'], vi).stderr, "segcorpus: --field nhận một khoá, hoặc các khoá nối bằng dấu chấm (meta.text), không nhận 'a.'\n");
      assert.strictEqual(cli(['stats', '--top', 'x'], { LANG: 'C' }).stderr, "segcorpus: --top takes a whole number from 0 to 999999, not 'x'\n");
      assert.strictEqual(cli(['stats', '--jsonl', '--field', 'a.'], { LANG: 'C' }).stderr, "segcorpus: --field takes a key, or keys joined by dots (meta.text), not 'a.'\n");
      const whole = zlib.gzipSync('a_b 6 c 6 .\n'.repeat(200));
      const bad = path.join(dir, 'bad.gz');
      fs.writeFileSync(bad, whole.subarray(0, whole.length - 20));
      const damaged = cli(['normalize', bad], vi);
      assert.strictEqual(damaged.status, 2);
      assert.match(damaged.stderr, /^segcorpus: .*bad\.gz: dữ liệu gzip bị hỏng \(.+\); tệp bị cắt cụt hoặc không phải gzip\n$/);
      // A record problem names its line; the phrases inside it (a number, the end of the line) are translated too.
      const problems: Array<[string, string, string]> = [
        ['{"text":7}', 'trường "text" là một số, không phải một chuỗi', 'field "text" is a number, not a string'],
        ['{"a":1', 'JSON không hợp lệ: gặp cuối dòng ở cột 7', 'not valid JSON: the end of the line at column 7'],
        ['[1]', "không phải một đối tượng JSON (dòng bắt đầu bằng '[')", "not a JSON object (it starts with '[')"],
        ['{"meta":[]}', 'không có trường "text"', 'no field "text"'],
      ];
      for (const [record, inVietnamese, inEnglish] of problems) {
        assert.strictEqual(cli(['normalize', '--jsonl'], vi, `{"text":"a"}\n${record}\n`).stderr, `segcorpus: <stdin>: dòng 2: ${inVietnamese} (--pass-other-lines ghi nguyên những dòng như vậy)\n`);
        assert.strictEqual(cli(['check', '--jsonl'], { LANG: 'C' }, `{"text":"a"}\n${record}\n`).stderr, `segcorpus: <stdin>: line 2: ${inEnglish} (--pass-other-lines writes such lines unchanged)\n`);
      }
      // Through worker threads (normalize) and on the main thread (stats): the problem crosses as an id.
      const many = path.join(dir, 'many.jsonl');
      fs.writeFileSync(many, '{"text":"6 Đặt_hàng 6 7 ."}\n'.repeat(3000) + '{"text":{"a":1}}\n');
      for (const args of [['normalize', '--jsonl', many, '-j', '2'], ['stats', '--jsonl', many]]) {
        const r = cli(args, { ...vi, SEGCORPUS_CHUNK_BYTES: '4096' });
        assert.strictEqual(r.status, 2, args[0]);
        assert.strictEqual(r.stderr, `segcorpus: ${many}: dòng 3001: trường "text" là một đối tượng, không phải một chuỗi (--pass-other-lines ghi nguyên những dòng như vậy)\n`);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
