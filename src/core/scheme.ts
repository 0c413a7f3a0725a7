// The placeholder scheme: what each single-digit token stands for, with validation that names the bad key.

export type PlaceholderRole = 'pair' | 'separator' | 'number' | 'date';

export const PLACEHOLDER_ROLES: readonly PlaceholderRole[] = ['pair', 'separator', 'number', 'date'];

/** A paired mark such as “ ”: the open and close halves. */
export interface PairMarks {
  readonly open: string;
  readonly close: string;
}

export interface PairPlaceholder {
  readonly role: 'pair';
  readonly marks: PairMarks;
  readonly alternatives: readonly PairMarks[];
}

export interface SeparatorPlaceholder {
  readonly role: 'separator';
  readonly mark: string;
  readonly alternatives: readonly string[];
}

/** Number and date placeholders mask a value that cannot be restored. */
export interface MaskPlaceholder {
  readonly role: 'number' | 'date';
}

export type Placeholder = PairPlaceholder | SeparatorPlaceholder | MaskPlaceholder;

/** How a mark sits between words in normalized text: attached to the word before, after, both or neither. */
export type MarkAttach = 'before' | 'after' | 'both' | 'neither';

export const MARK_ATTACH: readonly MarkAttach[] = ['before', 'after', 'both', 'neither'];

/** Digit ('0'..'9') → its placeholder. A digit that is absent is an unknown placeholder. */
export interface Scheme {
  readonly placeholders: Readonly<Partial<Record<string, Placeholder>>>;
  /**
   * Spacing of marks, where it differs from Vietnamese typesetting (marks.ts): `{"«": "neither",
   * "»": "neither"}` sets guillemets the French way.
   */
  readonly attach?: Readonly<Record<string, MarkAttach>>;
}

/** The marks normalize knows without a scheme: the only ones, with the scheme's, that `attach` may name. */
export const BASE_MARK_TEXTS: readonly string[] = ['.', '!', '?', '…', ',', ';', ':', ')', ']', '}', '”', '’', '»', '%', '(', '[', '{', '“', '‘', '«', '/', '-', '–', '"'];

/** The scheme observed in the sample corpus family (see docs/corpus-format.md). */
export const DEFAULT_SCHEME: Scheme = {
  placeholders: {
    '6': {
      role: 'pair',
      marks: { open: '“', close: '”' },
      alternatives: [
        { open: '(', close: ')' },
        { open: '«', close: '»' },
        { open: '"', close: '"' },
      ],
    },
    '7': { role: 'separator', mark: ',', alternatives: [';', ':', '–', '…'] },
    '1': { role: 'number' },
    '4': { role: 'date' },
  },
};

export function placeholderFor(scheme: Scheme, digit: string): Placeholder | undefined {
  return Object.prototype.hasOwnProperty.call(scheme.placeholders, digit) ? scheme.placeholders[digit] : undefined;
}

/** One problem found in a scheme: `key` is a dotted path such as `placeholders.6.role`. */
export interface SchemeProblem {
  readonly key: string;
  readonly message: string;
}

export class SchemeError extends Error {
  constructor(readonly problems: readonly SchemeProblem[]) {
    super(problems.map((p) => `${p.key}: ${p.message}`).join('\n'));
    this.name = 'SchemeError';
  }
}

function show(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// A mark becomes one token of the restored corpus: no token separator in it, and no digit that would
// read as a placeholder again.
function checkMark(value: unknown, key: string, problems: SchemeProblem[]): value is string {
  if (typeof value !== 'string') {
    problems.push({ key, message: `${show(value)} is not a string` });
    return false;
  }
  if (value.length === 0) {
    problems.push({ key, message: 'must not be empty' });
    return false;
  }
  if (/[\s_0-9]/u.test(value)) {
    problems.push({ key, message: `${show(value)} must not contain white space, "_" or a digit` });
    return false;
  }
  return true;
}

/** The `alternatives` of a placeholder (absent: none), each read by `read`; every problem is reported. */
function readAlternatives<T>(value: unknown, key: string, what: 'pairs' | 'marks', problems: SchemeProblem[], read: (alt: unknown, key: string, problems: SchemeProblem[]) => T | undefined): T[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push({ key, message: `${show(value)} is not a list of ${what}` });
    return [];
  }
  const alternatives: T[] = [];
  value.forEach((alt, i) => {
    const one = read(alt, `${key}[${i}]`, problems);
    if (one !== undefined) alternatives.push(one);
  });
  return alternatives;
}

function readPair(value: unknown, key: string, problems: SchemeProblem[]): PairMarks | undefined {
  if (Array.isArray(value) && value.length === 2) {
    const [open, close] = value;
    const okOpen = checkMark(open, `${key}[0]`, problems);
    const okClose = checkMark(close, `${key}[1]`, problems);
    return okOpen && okClose ? { open: open as string, close: close as string } : undefined;
  }
  if (isRecord(value)) {
    const okOpen = checkMark(value.open, `${key}.open`, problems);
    const okClose = checkMark(value.close, `${key}.close`, problems);
    return okOpen && okClose ? { open: value.open as string, close: value.close as string } : undefined;
  }
  problems.push({ key, message: `${show(value)} is not a pair: use ["open", "close"]` });
  return undefined;
}

const KEYS_BY_ROLE: Record<PlaceholderRole, readonly string[]> = {
  pair: ['role', 'open', 'close', 'alternatives'],
  separator: ['role', 'mark', 'alternatives'],
  number: ['role'],
  date: ['role'],
};

function readPlaceholder(value: unknown, key: string, problems: SchemeProblem[]): Placeholder | undefined {
  if (!isRecord(value)) {
    problems.push({ key, message: `${show(value)} is not an object such as {"role": "separator", "mark": ","}` });
    return undefined;
  }
  const role = value.role;
  if (typeof role !== 'string' || !(PLACEHOLDER_ROLES as readonly string[]).includes(role)) {
    problems.push({ key: `${key}.role`, message: `${show(role)} is not one of ${PLACEHOLDER_ROLES.join(', ')}` });
    return undefined;
  }
  const known = KEYS_BY_ROLE[role as PlaceholderRole];
  for (const name of Object.keys(value)) {
    if (!known.includes(name)) {
      problems.push({ key: `${key}.${name}`, message: `is not a setting of a ${role} placeholder (expected ${known.join(', ')})` });
    }
  }
  const before = problems.length;
  switch (role) {
    case 'pair': {
      const okOpen = checkMark(value.open, `${key}.open`, problems);
      const okClose = checkMark(value.close, `${key}.close`, problems);
      const alternatives = readAlternatives(value.alternatives, `${key}.alternatives`, 'pairs', problems, readPair);
      if (!okOpen || !okClose || problems.length > before) return undefined;
      return { role: 'pair', marks: { open: value.open as string, close: value.close as string }, alternatives };
    }
    case 'separator': {
      const okMark = checkMark(value.mark, `${key}.mark`, problems);
      const alternatives = readAlternatives(value.alternatives, `${key}.alternatives`, 'marks', problems, (alt, altKey) => (checkMark(alt, altKey, problems) ? alt : undefined));
      if (!okMark || problems.length > before) return undefined;
      return { role: 'separator', mark: value.mark as string, alternatives };
    }
    default:
      return problems.length > before ? undefined : { role: role as 'number' | 'date' };
  }
}

function marksOf(placeholders: Readonly<Partial<Record<string, Placeholder>>>): string[] {
  return Object.values(placeholders).flatMap((p) => (p?.role === 'pair' ? [p.marks.open, p.marks.close] : p?.role === 'separator' ? [p.mark] : []));
}

function readAttach(value: unknown, known: ReadonlySet<string>, problems: SchemeProblem[]): Record<string, MarkAttach> {
  const attach: Record<string, MarkAttach> = {};
  if (!isRecord(value)) {
    problems.push({ key: 'attach', message: `${show(value)} is not an object mapping marks to ${MARK_ATTACH.join(', ')}` });
    return attach;
  }
  for (const [mark, setting] of Object.entries(value)) {
    const key = `attach.${mark}`;
    if (!known.has(mark)) {
      problems.push({ key, message: `is not a mark normalize knows (${[...known].join(' ')})` });
    } else if (typeof setting !== 'string' || !(MARK_ATTACH as readonly string[]).includes(setting)) {
      problems.push({ key, message: `${show(setting)} is not one of ${MARK_ATTACH.join(', ')}` });
    } else {
      attach[mark] = setting as MarkAttach;
    }
  }
  return attach;
}

/**
 * Reads a scheme from parsed JSON: `{"placeholders": {"7": {"role": "separator", "mark": ","}}}`.
 * The bare map of digits (without the `placeholders` wrapper) is accepted too, as in VS Code settings.
 * Throws a SchemeError listing every problem.
 */
export function schemeFromJson(json: unknown, base?: Scheme): Scheme {
  const problems: SchemeProblem[] = [];
  let map: unknown = json;
  let prefix = '';
  let attachJson: unknown;
  if (isRecord(json) && 'placeholders' in json) {
    for (const name of Object.keys(json)) {
      if (name !== 'placeholders' && name !== 'attach' && name !== '$schema') problems.push({ key: name, message: 'is not a scheme setting (expected placeholders, attach)' });
    }
    map = json.placeholders;
    prefix = 'placeholders.';
    attachJson = json.attach;
  } else if (isRecord(json) && 'attach' in json) {
    // The bare map of digits (settings) may carry the spacing too.
    const { attach, ...digits } = json;
    map = digits;
    attachJson = attach;
  }
  if (!isRecord(map)) {
    throw new SchemeError([{ key: prefix ? 'placeholders' : '(scheme)', message: `${show(map)} is not an object mapping digits to placeholders` }]);
  }
  const placeholders: Record<string, Placeholder> = {};
  for (const [digit, value] of Object.entries(map)) {
    const key = `${prefix}${digit}`;
    if (!/^[0-9]$/.test(digit)) {
      problems.push({ key, message: `${show(digit)} is not a single digit 0-9` });
      continue;
    }
    if (value === null) continue; // null removes a digit, making it unknown
    const placeholder = readPlaceholder(value, key, problems);
    if (placeholder) placeholders[digit] = placeholder;
  }
  let attach: Record<string, MarkAttach> | undefined;
  if (attachJson !== undefined && attachJson !== null) {
    const known = new Set([...BASE_MARK_TEXTS, ...marksOf(base?.placeholders ?? {}), ...marksOf(placeholders)]);
    attach = readAttach(attachJson, known, problems);
  }
  if (problems.length > 0) throw new SchemeError(problems);
  return attach ? { placeholders, attach } : { placeholders };
}

/** Parses scheme JSON text; syntax errors become a SchemeError too. */
export function parseScheme(text: string): Scheme {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new SchemeError([{ key: '(file)', message: `not valid JSON: ${(error as Error).message}` }]);
  }
  return schemeFromJson(json);
}

/** The scheme with some digits overridden: a settings layer on top of the defaults. */
export function extendScheme(base: Scheme, overrides: unknown): Scheme {
  const extra = schemeFromJson(overrides, base);
  const placeholders: Record<string, Placeholder> = { ...(base.placeholders as Record<string, Placeholder>) };
  const raw = (isRecord(overrides) && 'placeholders' in overrides ? overrides.placeholders : overrides) as Record<string, unknown>;
  for (const digit of Object.keys(raw)) {
    if (/^[0-9]$/.test(digit) && raw[digit] === null) delete placeholders[digit];
  }
  Object.assign(placeholders, extra.placeholders);
  const attach = { ...base.attach, ...extra.attach };
  return Object.keys(attach).length > 0 ? { placeholders, attach } : { placeholders };
}

export function schemeToJson(scheme: Scheme): object {
  const out: Record<string, object> = {};
  for (const [digit, p] of Object.entries(scheme.placeholders)) {
    if (!p) continue;
    if (p.role === 'pair') out[digit] = { role: 'pair', open: p.marks.open, close: p.marks.close, alternatives: p.alternatives.map((a) => [a.open, a.close]) };
    else if (p.role === 'separator') out[digit] = { role: 'separator', mark: p.mark, alternatives: [...p.alternatives] };
    else out[digit] = { role: p.role };
  }
  return scheme.attach ? { placeholders: out, attach: { ...scheme.attach } } : { placeholders: out };
}
