// The command lines the editor offers, the check report in the CLI's format, and what a command says when VS Code keeps the corpus file from extensions.
import * as assert from 'assert';
import { LineChecker } from '../../src/core/check';
import { EDITOR_SYNC_LIMIT, adviceWithoutDocument, checkReport, cliCommandLine, severitySummary, shellWord } from '../../src/core/commandLine';
import { DocumentChecker } from '../../src/core/documentCheck';
import { DEFAULT_SCHEME } from '../../src/core/scheme';
import { Tokenizer } from '../../src/core/tokens';
import { runCli } from './cliRun';
import { SAMPLE } from './fixtures';

const CORPUS = ['.seg', '.wseg', '.tok'];

describe('command lines and reports', () => {
  it('quotes what the shell would split or expand', () => {
    assert.strictEqual(shellWord('/data/a.seg'), '/data/a.seg');
    assert.strictEqual(shellWord('/data/my corpus.seg'), `'/data/my corpus.seg'`);
    assert.strictEqual(shellWord(`it's $HOME`), `'it'\\''s $HOME'`);
    assert.strictEqual(cliCommandLine(['check', '--hints', '/a b.seg']), `segcorpus check --hints '/a b.seg'`);
  });

  it('Check Whole File lists what `segcorpus check --hints` prints, line for line', () => {
    const lines = [...SAMPLE.split('\n'), 'a 6 b 7 .', 'x7 _y 5 .'];
    const input = lines.join('\n');
    const doc = new DocumentChecker(new Tokenizer(DEFAULT_SCHEME), new LineChecker(DEFAULT_SCHEME));
    doc.load(lines.length, (l) => lines[l]);
    const run = runCli(['check', '--hints', '-'], input);
    assert.strictEqual(run.status, 1, `errors found: ${run.stderr}`);
    const cli = run.stdout.trimEnd();
    assert.ok(cli.split('\n').length > 3);
    assert.strictEqual(checkReport('<stdin>', doc.allFindings()), cli);
  });

  it('sums up the severities, most severe first', () => {
    assert.strictEqual(severitySummary({ error: 1, warning: 0, information: 2, hint: 1200 }), '1 error, 2 information, 1,200 hints');
    assert.strictEqual(severitySummary({ error: 0, warning: 0, information: 0, hint: 0 }), 'no problems');
  });
});

describe('a command with no document for the active corpus file', () => {
  it('over the sync limit: says why, and offers the command line that does the same', () => {
    const advice = adviceWithoutDocument('segmentedCorpus.normalizeDocument', { path: '/data/big corpus.seg', bytes: 65_000_000 }, CORPUS);
    assert.ok(advice);
    assert.match(advice.message, /big corpus\.seg is too large for extensions: VS Code hands them files of up to 50 million characters, and this one has 65 MB/);
    assert.deepStrictEqual(advice.offers, [{ title: 'Copy Command Line', l10n: { id: 'copyCommandLine', args: [] }, kind: 'copyCommandLine', commandLine: `segcorpus normalize '/data/big corpus.seg' -o '/data/big corpus.clean.txt'` }]);
  });

  it('each command is offered its counterpart', () => {
    const line = (id: string) => adviceWithoutDocument(id, { path: '/d/a.wseg', bytes: EDITOR_SYNC_LIMIT }, CORPUS)?.offers[0].commandLine;
    assert.strictEqual(line('segmentedCorpus.restorePunctuationDocument'), 'segcorpus restore /d/a.wseg -o /d/a.restored.seg');
    assert.strictEqual(line('segmentedCorpus.fixAll'), 'segcorpus restore /d/a.wseg -o /d/a.restored.seg');
    assert.strictEqual(line('segmentedCorpus.checkWholeFile'), 'segcorpus check --hints /d/a.wseg');
    assert.strictEqual(line('segmentedCorpus.copyCleanedSelection'), 'segcorpus normalize /d/a.wseg -o /d/a.clean.txt');
  });

  it('a smaller file VS Code kept (shown as binary) gets the same offer, with a reason that fits', () => {
    const advice = adviceWithoutDocument('segmentedCorpus.normalizeDocument', { path: '/d/a.seg', bytes: 1000 }, CORPUS);
    assert.match(advice?.message ?? '', /VS Code did not hand a\.seg to extensions/);
  });

  it('not a corpus file: no advice (the command asks for a corpus file)', () => {
    assert.strictEqual(adviceWithoutDocument('segmentedCorpus.normalizeDocument', { path: '/d/a.txt', bytes: 65_000_000 }, CORPUS), undefined);
    assert.strictEqual(adviceWithoutDocument('segmentedCorpus.normalizeDocument', { path: '/d/seg', bytes: 65_000_000 }, CORPUS), undefined);
  });
});
