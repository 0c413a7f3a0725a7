// Installs, on demand and idempotently, what the real-text evaluations need: Debian's maint-guide-vi and python3-nltk, and vntk in a cache folder.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** Where Debian puts the HTML of the Vietnamese "Debian New Maintainers' Guide". */
export const MAINT_GUIDE_HTML = '/usr/share/doc/maint-guide-vi/html';

/** The segmenter version the issue pins: its CRF model decides every word boundary we measure on. */
export const VNTK_VERSION = '1.4.4';

/**
 * Debian packages python3-nltk for /usr/bin/python3; a pyenv or venv `python3` earlier on PATH
 * does not see it, so the system interpreter is tried first. $PYTHON overrides both.
 */
const PYTHON_CANDIDATES = [process.env.PYTHON, '/usr/bin/python3', 'python3'].filter(Boolean);

/** A setup step that cannot be completed here; its message says what to do instead. */
export class SetupError extends Error {}

/** A measurement that could not be taken (a tool failed, or answered out of form); its message says which. */
export class EvalError extends Error {}

/**
 * Runs an evaluation's `main` (which may return its exit code: 0 the targets met, 1 missed). A
 * SetupError or EvalError ends it with its message in one line and exit code 2, so that 1 keeps
 * one meaning; anything else is a bug, thrown with its stack.
 */
export function runEvaluation(main, log) {
  try {
    const code = main();
    if (typeof code === 'number') process.exitCode = code;
  } catch (error) {
    if (!(error instanceof SetupError || error instanceof EvalError)) throw error;
    log(error.message);
    process.exitCode = 2;
  }
}

function run(cmd, args, options = {}) {
  return spawnSync(cmd, args, { encoding: 'utf8', ...options });
}

/** The first interpreter that can import NLTK's Treebank detokenizer, or undefined. */
export function findNltkPython() {
  for (const python of PYTHON_CANDIDATES) {
    const r = run(python, ['-c', 'from nltk.tokenize.treebank import TreebankWordDetokenizer']);
    if (r.status === 0) return python;
  }
  return undefined;
}

/**
 * Makes sure the guide's HTML and NLTK are there. Installs the missing Debian packages when
 * running as root; otherwise explains what to install instead of failing half-way.
 * Returns the Python interpreter that has NLTK.
 */
export function ensureDebianPackages(log) {
  const missing = [];
  if (!existsSync(MAINT_GUIDE_HTML)) missing.push('maint-guide-vi');
  let python = findNltkPython();
  if (!python) missing.push('python3-nltk');
  if (missing.length === 0) return python;
  installDebianPackages(missing, log);
  if (!existsSync(MAINT_GUIDE_HTML)) throw new SetupError(`maint-guide-vi is installed but ${MAINT_GUIDE_HTML} is absent`);
  python = findNltkPython();
  if (!python) throw new SetupError(`python3-nltk is installed but none of ${PYTHON_CANDIDATES.join(', ')} can import it`);
  return python;
}

/** Makes sure the guide's HTML is there (the consistency evaluation needs no NLTK). */
export function ensureMaintGuide(log) {
  if (existsSync(MAINT_GUIDE_HTML)) return;
  installDebianPackages(['maint-guide-vi'], log);
  if (!existsSync(MAINT_GUIDE_HTML)) throw new SetupError(`maint-guide-vi is installed but ${MAINT_GUIDE_HTML} is absent`);
}

function installDebianPackages(missing, log) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    throw new SetupError(
      `missing Debian package(s): ${missing.join(' ')}.\n` +
        `Install them as root (apt-get install -y ${missing.join(' ')}) and run the evaluation again.`,
    );
  }
  log(`installing ${missing.join(' ')} with apt-get...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () => run('apt-get', ['install', '-y', '-q', ...missing], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let r = install();
  if (r.status !== 0) {
    // A fresh machine has empty package lists: refresh them once, then try again.
    log('apt-get install failed; running apt-get update once and retrying...');
    run('apt-get', ['update', '-q'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    r = install();
  }
  if (r.status !== 0) {
    throw new SetupError(`apt-get install -y ${missing.join(' ')} failed:\n${(r.stderr || '').trim()}`);
  }
}

/**
 * vntk's dictionary feature looks every syllable up with Array.indexOf over its 74K entries,
 * which makes segmenting the guide take 40 s. A Set over the very same lower-cased entries gives
 * identical answers (the same strings, compared the same way) about 100 times faster.
 */
function speedUpDictionary(requireFromFeatures) {
  const dictionary = requireFromFeatures('@vntk/dictionary');
  const entries = new Set(dictionary.lower_words);
  dictionary.has = (word) => Boolean(word) && entries.has(word.toLowerCase());
}

/** Loads vntk's CRF word tokenizer from the cache folder, or returns undefined if it is not usable there. */
function tryLoadWordTokenizer(cacheDir) {
  try {
    const requireFromCache = createRequire(join(cacheDir, 'package.json'));
    const pkg = requireFromCache('vntk/package.json');
    if (pkg.version !== VNTK_VERSION) return undefined;
    // The public entry point loads both native modules (crfsuite and fasttext), so a
    // successful require also proves the native builds are complete.
    const tokenizer = requireFromCache('vntk').wordTokenizer();
    speedUpDictionary(createRequire(requireFromCache.resolve('vntk/lib/features/word_features.js')));
    return tokenizer;
  } catch {
    return undefined;
  }
}

/**
 * Returns vntk's word tokenizer, installing vntk into `cacheDir` first if needed.
 * It is deliberately not a devDependency: it compiles two native modules with node-gyp,
 * which every `npm ci` of the project would otherwise pay for.
 */
export function ensureVntk(cacheDir, log) {
  const ready = tryLoadWordTokenizer(cacheDir);
  if (ready) return ready;

  log(`installing vntk@${VNTK_VERSION} into ${cacheDir} (builds native modules, about half a minute)...`);
  mkdirSync(cacheDir, { recursive: true });
  const manifest = {
    name: 'segcorpus-eval-vntk',
    private: true,
    description: 'Cache for scripts/eval: the segmenter used by the real-text evaluation. Safe to delete.',
    dependencies: { vntk: VNTK_VERSION },
    // npm 11 runs no install script unless allowed; these two are the native builds vntk needs.
    allowScripts: { crfsuite: true, fasttext: true },
  };
  writeFileSync(join(cacheDir, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  const r = run('npm', ['install', '--prefix', cacheDir, '--no-audit', '--no-fund'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const tokenizer = r.status === 0 ? tryLoadWordTokenizer(cacheDir) : undefined;
  if (!tokenizer) {
    const output = `${r.stdout || ''}${r.stderr || ''}`.trim().split('\n').slice(-25).join('\n');
    throw new SetupError(
      `could not install vntk@${VNTK_VERSION} into ${cacheDir} (npm exit code ${r.status}).\n` +
        'vntk compiles native modules (crfsuite, fasttext) with node-gyp: a C++ compiler, make, python3 ' +
        'and the Node headers (npm config nodedir) are needed.\n' +
        (output ? `Last lines of npm's output:\n${output}` : 'npm printed nothing; the package loaded but failed to start.'),
    );
  }
  return tokenizer;
}
