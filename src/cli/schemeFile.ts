// The --scheme file of the CLI: read, bounded and parsed, every problem in one message.
import * as fs from 'fs';
import { DEFAULT_SCHEME, Scheme, SchemeError, parseScheme } from '../core/scheme';
import { InputError, describe } from '../node/errors';
import { say } from './messages';

/** A scheme is a few hundred bytes; these bounds keep a wrong file from becoming a crash. */
const MAX_SCHEME_BYTES = 1024 * 1024;
const MAX_SCHEME_DEPTH = 32;
/** A mark is punctuation: a few characters. A longer one would make every output buffer huge. */
const MAX_MARK_CHARS = 32;

/** How deeply the JSON text nests (brackets outside strings), without parsing it. */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') deepest = Math.max(deepest, ++depth);
    else if (c === '}' || c === ']') depth--;
  }
  return deepest;
}

export function loadScheme(file: string | undefined): Scheme {
  if (file === undefined) return DEFAULT_SCHEME;
  let text: string;
  try {
    const size = fs.statSync(file).size;
    if (size > MAX_SCHEME_BYTES) throw new InputError(say('schemeTooBig', file, size, MAX_SCHEME_BYTES));
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(say('cannotReadScheme', file, describe(error)));
  }
  // Editors on Windows save JSON with a byte order mark; JSON.parse refuses it.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (nestingDepth(text) > MAX_SCHEME_DEPTH) throw new InputError(say('schemeTooDeep', file, MAX_SCHEME_DEPTH));
  let scheme: Scheme;
  try {
    scheme = parseScheme(text);
  } catch (error) {
    if (error instanceof SchemeError) {
      // The problems name JSON keys and values, in the core's words (English).
      throw new InputError(`${say('invalidScheme', file)}\n${error.problems.map((p) => `  ${p.key}: ${p.message}`).join('\n')}`);
    }
    throw error;
  }
  for (const [digit, p] of Object.entries(scheme.placeholders)) {
    const marks = p?.role === 'separator' ? [p.mark, ...p.alternatives] : p?.role === 'pair' ? [p.marks, ...p.alternatives].flatMap((m) => [m.open, m.close]) : [];
    const long = marks.find((m) => [...m].length > MAX_MARK_CHARS);
    if (long !== undefined) throw new InputError(`${say('invalidScheme', file)}\n  ${say('schemeMarkTooLong', digit, [...long].length, MAX_MARK_CHARS)}`);
  }
  return scheme;
}

