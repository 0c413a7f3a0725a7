// Variations: the same syllables segmented in different ways across a corpus, counted, judged against the majority, and rewritten to it.
//
// A candidate is the syllable sequence of a word written joined somewhere (`nâng_cao`) or of a
// lexicon word; only candidates are counted, so memory follows the corpus's compound vocabulary,
// not its n-grams. Counting reads lines twice: noteCompounds() over every line finds the
// candidates, count() over every line counts each candidate's occurrences by form. Over files,
// noteCompoundsSpelling() reads the bytes once and keeps each line as its tokens' spelling
// numbers, which countSpelled() and disagreeingLines() read instead of the bytes.
//
// An occurrence of a candidate is any run of its syllables inside one line, across words or
// within one, whose boundaries can be read (no placeholder or punctuation in between). Its form
// is the boundary pattern: each inner boundary joined or not, and whether its first and last
// syllables are joined to a syllable outside it. An occurrence lying inside a longer word
// (`Chủ_tịch` in `Phó_Chủ_tịch`) is that word's business and is not counted.
import { Message, MessageId, message, messageText } from './messages';
import { utf16Length } from './byteText';
import { Boundary, SpelledLines, SyllableLine, SyllableTable } from './syllables';

export interface ConsistencyOptions {
  /** Occurrences a sequence needs before its majority counts. */
  readonly minCount: number;
  /** The share of the occurrences the majority form needs, 0–1. */
  readonly minShare: number;
  /** The longest sequence counted, in syllables. */
  readonly maxSyllables: number;
}

export const DEFAULT_CONSISTENCY: ConsistencyOptions = { minCount: 3, minShare: 0.75, maxSyllables: 6 };

/** Form bits: bit k (k < n - 1) is the boundary after syllable k, set when joined; then the two edges. */
const leftEdgeBit = (n: number): number => 1 << (n - 1);
const rightEdgeBit = (n: number): number => 1 << n;
const innerMask = (n: number): number => (1 << (n - 1)) - 1;

/** One occurrence that goes against the majority (or the lexicon). Offsets are bytes from the line's start. */
export interface Disagreement {
  /** The first syllable's index in the line's SyllableLine, and how many. */
  readonly first: number;
  readonly length: number;
  readonly start: number;
  readonly end: number;
  readonly form: number;
  /** The form to follow, and how many places write it. */
  readonly majority: number;
  readonly majorityCount: number;
  readonly total: number;
  readonly lexicon: boolean;
  readonly sequence: number;
}

/** A finding of the `inconsistent-segmentation` rule, in UTF-16 offsets of the line. */
export interface SegmentationFinding {
  readonly start: number;
  readonly end: number;
  /** The token the occurrence starts in. */
  readonly tokenIndex: number;
  readonly message: string;
  /** The message as an id and arguments, for the editor to translate. */
  readonly l10n: Message;
  /** The occurrence as written, and as the majority writes it (this occurrence's own letters). */
  readonly written: string;
  readonly majority: string;
  /** The folded syllables, space separated, as in Variation.sequence: what an ignore list or a view names. */
  readonly sequence: string;
}

/** A boundary to rewrite, in UTF-16 offsets of the line: replace [start, end) by `text` (`_` or a space). */
export interface BoundaryEdit {
  readonly start: number;
  readonly end: number;
  readonly text: '_' | ' ';
}

/** One row of the variations table. */
export interface Variation {
  /** The folded syllables, space separated. */
  readonly sequence: string;
  readonly total: number;
  /** Every form with its count, most frequent first; `…_` marks an edge joined to a syllable outside. */
  readonly forms: ReadonlyArray<{ readonly form: string; readonly count: number }>;
  /** The majority form when it is clear (or the lexicon's), else undefined. */
  readonly majority: string | undefined;
  readonly share: number;
  /** Occurrences that the rule flags. */
  readonly disagreeing: number;
  readonly lexicon: boolean;
}

const NO_NODE = 0;

/**
 * The counts of a corpus (a document, or many files). Lines are given as UTF-8 bytes; the *Text
 * methods take strings for callers that hold them (the editor).
 *
 * Incremental use (an editor): count a changed line out with count(old, -1) and in with
 * count(new, +1). A new compound made by an edit creates a candidate that is not counted anywhere
 * yet (`hasFresh`); it takes no part in any judgement until recountFresh() has read every line for it.
 */
export class Variations {
  readonly options: ConsistencyOptions;
  readonly syllables = new SyllableTable();
  private readonly line = new SyllableLine();

  // The candidate trie: node 0 is the root; a child is found by (parent, syllable) in an open-addressing table.
  private childKeysParent = new Int32Array(1 << 12);
  private childKeysSyllable = new Int32Array(1 << 12);
  private childValues = new Int32Array(1 << 12);
  private childCount = 0;
  /** The root's children by syllable id, the hottest lookup. */
  private rootChild = new Int32Array(1 << 10);
  private nodeCount = 1;
  private nodeParent = new Int32Array(1 << 10);
  private nodeSyllable = new Int32Array(1 << 10);
  private nodeDepth = new Uint8Array(1 << 10);
  /** Bit (syllable & 31) set for each child's syllable: most walks end on a syllable no child has, told here without a hash probe. */
  private nodeChildBits = new Int32Array(1 << 10);
  /** 1 for a candidate (a sequence seen joined), 2 for a lexicon word, 3 both. */
  private nodeKind = new Uint8Array(1 << 10);
  /** When the node's counting started: -1 fresh (not counted), else the counting round. */
  private nodeRound = new Int32Array(1 << 10);
  private nodeTotal = new Int32Array(1 << 10);
  private nodeFirstForm = new Int32Array(1 << 10);
  /** The judgement of a node, kept until its counts change: the form to follow, -1 none, -2 not judged yet. */
  private nodeVerdict = new Int32Array(1 << 10);
  private nodeVerdictCount = new Int32Array(1 << 10);
  private round = 0;
  private freshCount = 0;

  // Forms: a short list per node (a sequence rarely has more than three).
  private formPattern = new Int32Array(1 << 10);
  private formCount = new Int32Array(1 << 10);
  private formNext = new Int32Array(1 << 10);
  private formsUsed = 0;

  /** Per spelling number of the syllable table: 1 once noteCompoundsSpelling() has looked at it. */
  private spellingNoted = new Uint8Array(1 << 10);

  private encoded = new Uint8Array(1 << 12);
  private readonly encoder = new TextEncoder();

  /**
   * What countSpelled() counted when asked to keep it, line by line, for disagreeingLines() to
   * read instead of replaying and walking every line again: each occurrence as (node, form). Kept
   * for the lines of one SpelledLines counted in order from its first; anything else that changes
   * the counts drops it.
   */
  private seen: SeenOccurrences | undefined;
  /** countSpelled()'s walk, kept while it holds (see tokenWalk), and what changes the trie (new nodes, candidates). */
  private walkCache: TokenWalk | undefined;
  private trieVersion = 0;
  /** What walks spelled lines for countSpelled() when it can (see useWalker). */
  private walker: SpelledWalker | undefined;

  constructor(options: Partial<ConsistencyOptions> = {}) {
    this.options = { ...DEFAULT_CONSISTENCY, ...options };
    if (!(this.options.maxSyllables >= 2 && this.options.maxSyllables <= 16)) throw new RangeError('maxSyllables must be 2–16');
    this.nodeRound[0] = -1;
    this.nodeFirstForm[0] = -1;
  }

  /**
   * Has countSpelled() count through `walker` (WebAssembly, where it runs: src/wasm): the same
   * counts, in the same order, and what it keeps for disagreeingLines() the same, a few times faster.
   */
  useWalker(walker: SpelledWalker | undefined): void {
    this.walker = walker;
  }

  /** Forgets what countSpelled() saw: the counts are about to change some other way. */
  private unsee(): void {
    this.seen = undefined;
  }

  /**
   * The counts as plain data for another thread, and the buffers that may move with them (this
   * Variations is unusable once they have): postMessage(data, buffers), then revive() there.
   * Everything is typed arrays, numbers, strings and one Map, which structured clone copies.
   */
  transferable(): { data: object; buffers: ArrayBuffer[] } {
    // The encoder is the one field structured clone refuses; revive() makes a new one.
    const data: Record<string, unknown> = { ...(this as unknown as Record<string, unknown>) };
    delete data.encoder;
    // Only disagreeingLines() reads it, right after counting: it stays behind.
    delete data.seen;
    // Worked out again there, from the trie.
    delete data.walkCache;
    // A walker (WebAssembly) belongs to its thread; the other counts with TokenWalk unless given one.
    delete data.walker;
    const buffers = new Set<ArrayBuffer>();
    const collect = (value: unknown): void => {
      if (ArrayBuffer.isView(value)) buffers.add(value.buffer as ArrayBuffer);
      else if (Array.isArray(value)) value.forEach(collect);
      else if (value !== null && typeof value === 'object' && !(value instanceof Map)) Object.values(value).forEach(collect);
    };
    collect(data);
    return { data, buffers: [...buffers] };
  }

  /** The Variations whose transferable() data this is, after a structured clone. */
  static revive(data: object): Variations {
    // Made by the constructor, then given the fields: the shape the code was optimized for (see SyllableTable.revive).
    const fields = data as { options: Partial<ConsistencyOptions>; syllables: object; line: object };
    return Object.assign(new Variations(fields.options), data, { syllables: SyllableTable.revive(fields.syllables), line: Object.assign(new SyllableLine(), fields.line) });
  }

  /** Whether some candidates wait for recountFresh(). */
  get hasFresh(): boolean {
    return this.freshCount > 0;
  }

  /** Adds a lexicon word (syllables joined by `_`): its split occurrences are always flagged. */
  addLexiconWord(word: string): void {
    this.unsee();
    const parts = word.split('_');
    if (parts.length < 2 || parts.length > this.options.maxSyllables || parts.some((p) => p === '')) return;
    let node = NO_NODE;
    for (const part of parts) node = this.childOrNew(node, this.syllables.idOfText(part));
    this.markCandidate(node, 2);
  }

  /** Pass one: makes a candidate of every compound of the line in bytes[start, end). */
  noteCompounds(bytes: Uint8Array, start: number, end: number): void {
    this.unsee();
    // Only tokens with a `_` matter: find those, and read nothing else closely.
    const line = this.line;
    const max = this.options.maxSyllables;
    for (let i = start; i < end; i++) {
      if (bytes[i] !== 0x5f) continue;
      let from = i;
      while (from > start && !isBreakByte(bytes[from - 1])) from--;
      let to = i + 1;
      while (to < end && !isBreakByte(bytes[to])) to++;
      this.syllables.scan(bytes, from, to, line);
      if (line.count >= 2 && line.count <= max) {
        let node = NO_NODE;
        for (let k = 0; k < line.count; k++) node = this.childOrNew(node, line.ids[k]);
        this.markCandidate(node, 1);
      }
      i = to;
    }
  }

  noteCompoundsOfText(text: string): void {
    const n = this.encode(text);
    this.noteCompounds(this.encoded, 0, n);
  }

  /**
   * Pass one for a corpus read once: notes the compounds of the line in bytes[start, end), as
   * noteCompounds() does, and appends the line to `spelled`, for countSpelled() and
   * disagreeingLines() to read again without its bytes. A line that no longer fits (`spelled.full`)
   * is only noted: the later passes must then read the bytes.
   */
  noteCompoundsSpelling(bytes: Uint8Array, start: number, end: number, spelled: SpelledLines): void {
    this.unsee();
    if (spelled.full) {
      this.noteCompounds(bytes, start, end);
      return;
    }
    this.syllables.spell(bytes, start, end, spelled);
    if (spelled.full) {
      this.noteCompounds(bytes, start, end);
      return;
    }
    this.noteLastLine(spelled);
  }

  /**
   * noteCompoundsSpelling() for a line whose tokens were numbered elsewhere, in the order they first
   * came (normalize.as spell(): `numbered[from, to)`, see SyllableTable.spellNumbered): the same
   * spellings, counts and candidates as from the bytes alone.
   */
  noteCompoundsNumbered(bytes: Uint8Array, start: number, end: number, numbered: Int32Array, from: number, to: number, spelled: SpelledLines): void {
    this.unsee();
    if (spelled.full) {
      this.noteCompounds(bytes, start, end);
      return;
    }
    this.syllables.spellNumbered(bytes, numbered, from, to, spelled);
    if (spelled.full) {
      this.noteCompounds(bytes, start, end);
      return;
    }
    this.noteLastLine(spelled);
  }

  /**
   * noteCompoundsNumbered() for `count` lines in a row whose spellings were all seen before (so
   * all looked at): each line is its numbers, already encoded as SpelledLines keeps them. Line k
   * is bytes[starts[k], ends[k]), its entries encoded[encodedEnds[k - 1], encodedEnds[k]) (the
   * first from `from`).
   */
  noteSeenLines(bytes: Uint8Array, starts: Int32Array, ends: Int32Array, encoded: Uint8Array, from: number, encodedEnds: Int32Array, count: number, spelled: SpelledLines): void {
    this.unsee();
    const kept = spelled.full ? 0 : spelled.pushEncodedLines(encoded, from, encodedEnds, count);
    // Lines past the bound: the later passes read their bytes again.
    for (let k = kept; k < count; k++) this.noteCompounds(bytes, starts[k], ends[k]);
  }

  /** The compounds of the line last appended to `spelled` made candidates. */
  private noteLastLine(spelled: SpelledLines): void {
    // A spelling is a compound or not once and for all: each is looked at the first time only.
    const l = spelled.lineCount - 1;
    const tokens = spelled.entriesOf(l);
    const max = this.options.maxSyllables;
    for (let p = 0, stop = tokens.length; p < stop; p++) {
      const v = tokens[p];
      if (v >= 0) {
        if (v < this.spellingNoted.length && this.spellingNoted[v] === 1) continue;
        if (v >= this.spellingNoted.length) {
          const noted = new Uint8Array(Math.max(this.spellingNoted.length * 2, v + 1));
          noted.set(this.spellingNoted);
          this.spellingNoted = noted;
        }
        this.spellingNoted[v] = 1;
        const n = this.syllables.syllablesOfSpelling(v);
        if (n < 2 || n > max) continue;
        let node = NO_NODE;
        for (let k = 0; k < n; k++) node = this.childOrNew(node, this.syllables.syllableOfSpelling(v, k));
        this.markCandidate(node, 1);
      } else if (v !== SpelledLines.NOT_A_WORD) {
        const n = -2 - v;
        if (n >= 2 && n <= max) {
          let node = NO_NODE;
          for (let k = 1; k <= n; k++) node = this.childOrNew(node, tokens[p + k]);
          this.markCandidate(node, 1);
        }
        p += n;
      }
    }
  }

  /**
   * Pass two over the lines of `spelled` (which must not be full), as count() over their bytes:
   * every line, or those in [from, to) (an editor counts a few at a time between yields).
   * `keep`: keep what was counted for disagreeingLines(), which then reads no line again (a
   * third more time here, most of that pass saved; memory: 8 bytes an occurrence, up to 128 MB).
   */
  countSpelled(spelled: SpelledLines, from = 0, to = spelled.lineCount, keep = false): void {
    if (this.round === 0) this.startRound();
    // Kept from the first line on, in order, or not at all.
    if (keep && from === 0) this.seen = new SeenOccurrences(spelled);
    let seen = keep && this.seen !== undefined && this.seen.spelled === spelled && this.seen.lines === from ? this.seen : undefined;
    if (seen === undefined) this.seen = undefined;
    const visit = (node: number, form: number): void => {
      if (this.nodeRound[node] < 0) return;
      this.addForm(node, form, 1);
      if (seen !== undefined && !seen.add(node, form)) seen = this.seen = undefined;
    };
    const walk = this.tokenWalk();
    if (walk === undefined) {
      for (let l = from; l < to; l++) {
        this.syllables.replay(spelled, l, this.line);
        this.walk((node, _first, _n, form) => visit(node, form));
        seen?.endLine();
      }
      return;
    }
    // A walker elsewhere (WebAssembly) counts the same, line by line.
    if (this.walker === undefined || !walk.countWith(this.walker, spelled, from, to, visit, () => seen?.endLine())) {
      for (let l = from; l < to; l++) {
        const tokens = spelled.entriesOf(l);
        walk.countLine(tokens, 0, tokens.length, visit);
        seen?.endLine();
      }
    }
    // The words that are a candidate whole, each spelling's occurrences at once.
    walk.addWholeCounts((node, form, count) => {
      if (this.nodeRound[node] >= 0) this.addForm(node, form, count);
    });
  }

  /**
   * A walk of this table's spelled lines token by token (see TokenWalk), or undefined when the
   * table remembers no token (its lines are then written out, and read by replay() and walk()).
   */
  private tokenWalk(): TokenWalk | undefined {
    const arrays = this.syllables.spellingArrays();
    if (!arrays) return undefined;
    // What it has worked out holds while the trie and the spellings stay as they were (an editor counts a few lines at a time).
    const spellings = this.syllables.spellingCount;
    if (this.walkCache?.fits(arrays, spellings, this.trieVersion)) return this.walkCache;
    const trie = { rootChild: this.rootChild, childBits: this.nodeChildBits, keysParent: this.childKeysParent, keysSyllable: this.childKeysSyllable, values: this.childValues };
    this.walkCache = new TokenWalk(arrays, spellings, this.options.maxSyllables, trie, this.nodeKind, this.trieVersion);
    return this.walkCache;
  }


  /**
   * The lines of `spelled` (indices) holding an occurrence against a clear majority or the
   * lexicon: those for which disagreements() finds something; the only lines a findings pass
   * needs to read. Every line, or those in [from, to).
   */
  disagreeingLines(spelled: SpelledLines, from = 0, to = spelled.lineCount): number[] {
    const found: number[] = [];
    if (!this.hasDisagreements()) return found;
    const seen = this.seen;
    const walk = this.tokenWalk();
    if (seen !== undefined && seen.spelled === spelled && to <= seen.lines && walk !== undefined) {
      const { ends, pairs } = seen;
      // A word that is a candidate whole was counted without being kept: whether its spelling goes against the majority, once per spelling.
      const against = (node: number, n: number): boolean => {
        if (this.nodeRound[node] < 0) return false;
        const majority = this.majorityFormOf(node, n);
        return majority >= 0 && ((innerMask(n) ^ majority) & innerMask(n)) !== 0;
      };
      for (let l = from; l < to; l++) {
        let disagrees = false;
        for (let p = l === 0 ? 0 : ends[l - 1], stop = ends[l]; p < stop && !disagrees; p += 2) {
          const node = pairs[p];
          const n = this.nodeDepth[node];
          const majority = this.majorityFormOf(node, n);
          disagrees = majority >= 0 && ((pairs[p + 1] ^ majority) & innerMask(n)) !== 0;
        }
        if (disagrees) {
          found.push(l);
          continue;
        }
        const tokens = spelled.entriesOf(l);
        if (walk.anyWhole(tokens, 0, tokens.length, against)) found.push(l);
      }
      return found;
    }
    let disagrees = false;
    const visit = (node: number, _first: number, n: number, form: number): void => {
      if (disagrees || this.nodeRound[node] < 0) return;
      const majority = this.majorityFormOf(node, n);
      if (majority >= 0 && ((form ^ majority) & innerMask(n)) !== 0) disagrees = true;
    };
    for (let l = from; l < to; l++) {
      this.syllables.replay(spelled, l, this.line);
      disagrees = false;
      this.walk(visit);
      if (disagrees) found.push(l);
    }
    return found;
  }

  /**
   * Pass two: adds (sign 1) or removes (sign -1) the occurrences of the line in bytes[start, end)
   * to the counts of the counted candidates. Fresh candidates found by noteCompounds() before any
   * count() start being counted now; later ones wait for recountFresh().
   */
  count(bytes: Uint8Array, start: number, end: number, sign: 1 | -1 = 1): void {
    this.unsee();
    if (this.round === 0) this.startRound();
    this.syllables.scan(bytes, start, end, this.line);
    this.walk((node, _first, _n, form) => {
      if (this.nodeRound[node] >= 0) this.addForm(node, form, sign);
    });
  }

  countText(text: string, sign: 1 | -1 = 1): void {
    const n = this.encode(text);
    this.count(this.encoded, 0, n, sign);
  }

  /** An edited line, for an editor: counted out as it was and in as it is, its new compounds noted. */
  /**
   * Returns whether the judgement of a sequence in either line changed (its majority form, or
   * whether it has a clear one): then other lines' findings may change too, and an editor should
   * judge the document again (in the background); otherwise only this line's findings changed, and
   * the counts quoted in other lines' messages.
   */
  replaceLineText(before: string, after: string): boolean {
    const touched = [...this.sequencesOfText(before), ...this.sequencesOfText(after)];
    const judged = touched.map((node) => this.majorityOf(node, this.nodeDepth[node])?.form ?? -1);
    this.countText(before, -1);
    this.noteCompoundsOfText(after);
    this.countText(after, 1);
    return touched.some((node, k) => (this.majorityOf(node, this.nodeDepth[node])?.form ?? -1) !== judged[k]);
  }

  /** The counted sequences that occur in a line. */
  private sequencesOfText(text: string): number[] {
    const n = this.encode(text);
    this.syllables.scan(this.encoded, 0, n, this.line);
    const nodes: number[] = [];
    this.walk((node) => {
      if (this.nodeRound[node] >= 0) nodes.push(node);
    });
    return nodes;
  }

  /**
   * Counts the fresh candidates (compounds made after counting began) over every line of the
   * document, as they are now; they take part in judgements from then on.
   */
  recountFresh(lineCount: number, lineAt: (index: number) => string): void {
    if (this.freshCount === 0) return;
    this.unsee();
    const round = this.startRound();
    for (let l = 0; l < lineCount; l++) {
      const n = this.encode(lineAt(l));
      this.syllables.scan(this.encoded, 0, n, this.line);
      this.walk((node, _first, _n, form) => {
        if (this.nodeRound[node] === round) this.addForm(node, form, 1);
      });
    }
  }

  /** Turns every fresh candidate into a counted one, in a new round. */
  private startRound(): number {
    const round = ++this.round;
    for (let node = 1; node < this.nodeCount; node++) if (this.nodeKind[node] !== 0 && this.nodeRound[node] < 0) this.nodeRound[node] = round;
    this.freshCount = 0;
    return round;
  }

  /**
   * Whether any occurrence anywhere goes against a clear majority or the lexicon: when none does,
   * no line needs reading for findings.
   */
  hasDisagreements(): boolean {
    for (let node = 1; node < this.nodeCount; node++) {
      if (this.nodeKind[node] === 0 || this.nodeRound[node] < 0) continue;
      const n = this.nodeDepth[node];
      const verdict = this.majorityOf(node, n);
      if (verdict === undefined) continue;
      for (let f = this.nodeFirstForm[node]; f >= 0; f = this.formNext[f]) {
        if (this.formCount[f] > 0 && (this.formPattern[f] & innerMask(n)) !== (verdict.form & innerMask(n))) return true;
      }
    }
    return false;
  }

  /** The occurrences of the line in bytes[start, end) that go against a clear majority or the lexicon. */
  disagreements(bytes: Uint8Array, start: number, end: number): Disagreement[] {
    this.syllables.scan(bytes, start, end, this.line);
    return this.judgeLine();
  }

  /**
   * disagreements() of the line in bytes[start, end) that `spelled` keeps as its line `l` (spelled
   * by this table): its tokens' spellings read from there instead of hashed again.
   */
  disagreementsSpelled(spelled: SpelledLines, l: number, bytes: Uint8Array, start: number, end: number): Disagreement[] {
    this.syllables.scanSpelled(spelled, l, bytes, start, end, this.line);
    return this.judgeLine();
  }

  private judgeLine(): Disagreement[] {
    const found: Disagreement[] = [];
    const line = this.line;
    this.walk((node, first, n, form) => {
      if (this.nodeRound[node] < 0) return;
      const verdict = this.majorityOf(node, n);
      if (verdict === undefined) return;
      const inner = innerMask(n);
      if ((form & inner) === (verdict.form & inner)) return;
      found.push({
        first,
        length: n,
        start: line.starts[first],
        end: line.ends[first + n - 1],
        form,
        majority: verdict.form,
        majorityCount: verdict.count,
        total: this.nodeTotal[node],
        lexicon: verdict.lexicon,
        sequence: node,
      });
    });
    return found;
  }

  /** The `inconsistent-segmentation` findings of the line in bytes[start, end), in UTF-16 offsets from its start. */
  findingsOf(bytes: Uint8Array, start: number, end: number): SegmentationFinding[] {
    const found = this.disagreements(bytes, start, end);
    return found.length === 0 ? NO_FINDINGS : found.map((d) => this.describe(bytes, start, d));
  }

  /** The `inconsistent-segmentation` findings of a line of text, in UTF-16 offsets. */
  findingsOfText(text: string): SegmentationFinding[] {
    const n = this.encode(text);
    const bytes = this.encoded;
    return this.disagreements(bytes, 0, n).map((d) => this.describe(bytes, 0, d));
  }

  /** A disagreement as a finding: UTF-16 offsets and the message, for the line whose bytes start at `lineStart`. */
  describe(bytes: Uint8Array, lineStart: number, d: Disagreement): SegmentationFinding {
    const line = this.line;
    const written = this.render(bytes, lineStart, d.first, d.length, d.form & innerMask(d.length));
    const majority = this.render(bytes, lineStart, d.first, d.length, d.majority & innerMask(d.length));
    const n = d.length;
    const inner = innerMask(n);
    const hereJoined = (d.form & inner) === inner;
    const majorJoined = (d.majority & inner) === inner;
    const majorSplit = (d.majority & inner) === 0;
    const places = message(d.total === 1 ? 'placesOne' : 'placesMany', d.majorityCount, d.total);
    const id: MessageId = d.lexicon ? 'splitLexiconWord' : majorJoined ? 'splitAgainstJoined' : majorSplit && hereJoined ? 'joinedAgainstSplit' : 'segmentedDifferently';
    const l10n = message(id, written, majority, places);
    const start = utf16Length(bytes, lineStart, lineStart + d.start);
    return {
      start,
      end: start + utf16Length(bytes, lineStart + d.start, lineStart + d.end),
      tokenIndex: line.tokens[d.first],
      message: messageText(l10n),
      l10n,
      written,
      majority,
      sequence: this.sequenceText(d.sequence),
    };
  }

  /** A sequence's folded syllables, space separated. */
  sequenceText(node: number): string {
    return this.sequenceIds(node)
      .map((id) => this.syllables.text(id))
      .join(' ');
  }

  /** The occurrence's syllables as written, with the given inner boundaries. */
  private render(bytes: Uint8Array, lineStart: number, first: number, n: number, pattern: number): string {
    const line = this.line;
    let text = '';
    for (let k = 0; k < n; k++) {
      if (k > 0) text += pattern & (1 << (k - 1)) ? '_' : ' ';
      text += decoder.decode(bytes.subarray(lineStart + line.starts[first + k], lineStart + line.ends[first + k]));
    }
    return text;
  }

  /**
   * The boundary rewrites that make every flagged occurrence of the line follow its majority, in
   * byte offsets from `start`: inner boundaries take the majority's; an edge the majority leaves
   * open is opened (`x_nâng cao` → `x nâng_cao`), one it joins is left alone (what to join to is
   * not known). Where two occurrences ask a boundary for opposite things, the better attested
   * majority wins. White space between two words, however long, becomes one `_`; a `_` becomes one space.
   */
  applyEdits(bytes: Uint8Array, start: number, end: number, accept?: (d: Disagreement) => boolean): Array<{ start: number; end: number; text: '_' | ' ' }> {
    const all = this.disagreements(bytes, start, end);
    const found = accept ? all.filter(accept) : all;
    if (found.length === 0) return [];
    const line = this.line;
    // Per boundary before syllable k: wanted joined (1) or not (0), and the weight of the evidence.
    const wanted = new Map<number, { joined: boolean; weight: number }>();
    const want = (k: number, joined: boolean, weight: number): void => {
      const seen = wanted.get(k);
      if (seen !== undefined && seen.weight >= weight) return;
      wanted.set(k, { joined, weight });
    };
    for (const d of found) {
      const weight = d.lexicon ? Number.MAX_SAFE_INTEGER : d.majorityCount;
      for (let b = 0; b < d.length - 1; b++) want(d.first + b + 1, (d.majority & (1 << b)) !== 0, weight);
      if (d.form & leftEdgeBit(d.length) && !(d.majority & leftEdgeBit(d.length))) want(d.first, false, weight);
      if (d.form & rightEdgeBit(d.length) && !(d.majority & rightEdgeBit(d.length))) want(d.first + d.length, false, weight);
    }
    const edits: Array<{ start: number; end: number; text: '_' | ' ' }> = [];
    for (const [k, { joined }] of [...wanted].sort((a, b) => a[0] - b[0])) {
      if (joined === (line.before[k] === Boundary.Joined)) continue;
      edits.push({ start: line.ends[k - 1], end: line.starts[k], text: joined ? '_' : ' ' });
    }
    return edits;
  }

  /**
   * applyEdits() for a line of text, in UTF-16 offsets; `only` limits it to the occurrences of one
   * sequence (folded, space separated), or to the one occurrence starting at a UTF-16 offset;
   * `except` leaves out sequences (those a person chose to keep).
   */
  applyEditsOfText(text: string, only: { readonly sequence?: string; readonly start?: number; readonly except?: ReadonlySet<string> } = {}): BoundaryEdit[] {
    const n = this.encode(text);
    const bytes = this.encoded;
    const except = only.except !== undefined && only.except.size > 0 ? only.except : undefined;
    const accept =
      only.sequence === undefined && only.start === undefined && except === undefined
        ? undefined
        : (d: Disagreement): boolean =>
            (only.sequence === undefined || this.sequenceText(d.sequence) === only.sequence) &&
            (except === undefined || !except.has(this.sequenceText(d.sequence))) &&
            (only.start === undefined || utf16Length(bytes, 0, d.start) === only.start);
    return this.applyEdits(bytes, 0, n, accept).map((e) => {
      const start = utf16Length(bytes, 0, e.start);
      return { start, end: start + utf16Length(bytes, e.start, e.end), text: e.text };
    });
  }

  /**
   * Every run of the given syllables in a line of text, in any segmentation (`nâng_cao` finds
   * `nâng cao`, `Nâng_cao` and the `nâng_cao` inside `nâng_cao_trình_độ`): what a search finds.
   * `sequence` is a word or syllables separated by spaces or `_`; offsets are UTF-16.
   */
  occurrencesOfText(text: string, sequence: string): Array<{ start: number; end: number; text: string }> {
    const parts = sequence.split(/[\s_]+/).filter((p) => p !== '');
    if (parts.length === 0) return [];
    const wanted = parts.map((p) => this.syllables.idOfText(p));
    const n = this.encode(text);
    const bytes = this.encoded;
    const line = this.line;
    this.syllables.scan(bytes, 0, n, line);
    const found: Array<{ start: number; end: number; text: string }> = [];
    for (let i = 0; i + wanted.length <= line.count; i++) {
      let k = 0;
      while (k < wanted.length && line.ids[i + k] === wanted[k] && (k === 0 || line.before[i + k] !== Boundary.Break)) k++;
      if (k < wanted.length) continue;
      const from = line.starts[i];
      const to = line.ends[i + wanted.length - 1];
      const start = utf16Length(bytes, 0, from);
      found.push({ start, end: start + utf16Length(bytes, from, to), text: decoder.decode(bytes.subarray(from, to)) });
    }
    return found;
  }

  /** The variations: sequences written with more than one inner pattern (or split lexicon words), most frequent first. */
  table(): Variation[] {
    const rows: Variation[] = [];
    for (let node = 1; node < this.nodeCount; node++) {
      if (this.nodeKind[node] === 0 || this.nodeRound[node] < 0 || this.nodeTotal[node] === 0) continue;
      const n = this.nodeDepth[node];
      const inner = innerMask(n);
      const forms: Array<{ pattern: number; count: number }> = [];
      let patterns = 0;
      const seenInner = new Set<number>();
      for (let f = this.nodeFirstForm[node]; f >= 0; f = this.formNext[f]) {
        if (this.formCount[f] === 0) continue;
        forms.push({ pattern: this.formPattern[f], count: this.formCount[f] });
        if (!seenInner.has(this.formPattern[f] & inner)) {
          seenInner.add(this.formPattern[f] & inner);
          patterns++;
        }
      }
      const verdict = this.majorityOf(node, n);
      const lexicon = (this.nodeKind[node] & 2) !== 0;
      // Written joined nowhere any more (edited away), and not in the lexicon: no longer a candidate.
      if (!lexicon && !forms.some((f) => (f.pattern & inner) === inner)) continue;
      if (patterns < 2 && !(lexicon && forms.some((f) => (f.pattern & inner) !== inner))) continue;
      forms.sort((a, b) => b.count - a.count || a.pattern - b.pattern);
      const syllables = this.sequenceIds(node);
      const total = this.nodeTotal[node];
      const best = forms[0];
      rows.push({
        sequence: syllables.map((id) => this.syllables.text(id)).join(' '),
        total,
        forms: forms.map((f) => ({ form: this.formText(syllables, f.pattern), count: f.count })),
        majority: verdict ? this.formText(syllables, verdict.form & inner) : undefined,
        share: verdict ? verdict.count / total : best.count / total,
        disagreeing: verdict ? forms.filter((f) => (f.pattern & inner) !== (verdict.form & inner)).reduce((s, f) => s + f.count, 0) : 0,
        lexicon,
      });
    }
    return rows.sort((a, b) => b.total - a.total || (a.sequence < b.sequence ? -1 : a.sequence > b.sequence ? 1 : 0));
  }

  private formText(syllables: readonly number[], pattern: number): string {
    const n = syllables.length;
    let text = pattern & leftEdgeBit(n) ? '…_' : '';
    syllables.forEach((id, k) => {
      if (k > 0) text += pattern & (1 << (k - 1)) ? '_' : ' ';
      text += this.syllables.text(id);
    });
    return pattern & rightEdgeBit(n) ? text + '_…' : text;
  }

  private sequenceIds(node: number): number[] {
    const ids: number[] = [];
    for (let at = node; at !== NO_NODE; at = this.nodeParent[at]) ids.push(this.nodeSyllable[at]);
    return ids.reverse();
  }

  /**
   * The form an occurrence of the node's sequence should take, if any: for a lexicon word, joined
   * with open edges; else the most frequent inner pattern, when the sequence has enough
   * occurrences and that pattern a large enough share. Edges do not split the vote (`tin nén` and
   * `tập_tin nén` both write `tin nén` split); the majority's edges are those most of its
   * occurrences have.
   */
  private majorityOf(node: number, n: number): { form: number; count: number; lexicon: boolean } | undefined {
    const form = this.majorityFormOf(node, n);
    if (form < 0) return undefined;
    return { form, count: this.nodeVerdictCount[node], lexicon: (this.nodeKind[node] & 2) !== 0 };
  }

  /** majorityOf()'s form, or -1 for none: what a pass over every occurrence asks, without an object each time. */
  private majorityFormOf(node: number, n: number): number {
    // Judged once per change of the node's counts: a findings pass asks for every occurrence.
    let form = this.nodeVerdict[node];
    if (form === -2) {
      const verdict = this.judge(node, n);
      this.nodeVerdict[node] = form = verdict ? verdict.form : -1;
      this.nodeVerdictCount[node] = verdict ? verdict.count : 0;
    }
    return form;
  }

  private judge(node: number, n: number): { form: number; count: number; lexicon: boolean } | undefined {
    const inner = innerMask(n);
    let bestInner = -1;
    let bestCount = 0;
    let joined = 0;
    for (let f = this.nodeFirstForm[node]; f >= 0; f = this.formNext[f]) {
      const pattern = this.formPattern[f] & inner;
      if (pattern === bestInner) continue;
      let count = 0;
      for (let g = f; g >= 0; g = this.formNext[g]) if ((this.formPattern[g] & inner) === pattern) count += this.formCount[g];
      if (pattern === inner) joined = count;
      // A tie goes to the pattern with the most joins: the same one whatever order the forms came in.
      if (count > bestCount || (count === bestCount && pattern > bestInner)) {
        bestCount = count;
        bestInner = pattern;
      }
    }
    if (this.nodeKind[node] & 2) return { form: inner, count: joined, lexicon: true };
    // A candidate whose compounds have all been edited away is counted on but judged no more.
    if (joined === 0) return undefined;
    const total = this.nodeTotal[node];
    if (bestInner < 0 || total < this.options.minCount || bestCount < this.options.minShare * total) return undefined;
    let leftClosed = 0;
    let rightClosed = 0;
    for (let f = this.nodeFirstForm[node]; f >= 0; f = this.formNext[f]) {
      if ((this.formPattern[f] & inner) !== bestInner) continue;
      if (this.formPattern[f] & leftEdgeBit(n)) leftClosed += this.formCount[f];
      if (this.formPattern[f] & rightEdgeBit(n)) rightClosed += this.formCount[f];
    }
    const form = bestInner | (2 * leftClosed > bestCount ? leftEdgeBit(n) : 0) | (2 * rightClosed > bestCount ? rightEdgeBit(n) : 0);
    return { form, count: bestCount, lexicon: false };
  }

  /**
   * Calls `visit` for every occurrence of a candidate in the scanned line: its trie node, first
   * syllable, length and form. Occurrences inside a longer word are skipped.
   */
  private walk(visit: (node: number, first: number, n: number, form: number) => void): void {
    const line = this.line;
    const count = line.count;
    const ids = line.ids;
    const before = line.before;
    const max = this.options.maxSyllables;
    const rootChild = this.rootChild;
    for (let i = 0; i < count; i++) {
      const id = ids[i];
      let node = id < rootChild.length ? rootChild[id] : NO_NODE;
      if (node === NO_NODE) continue;
      let inner = 0;
      for (let k = i + 1; k < count && k - i < max; k++) {
        const b = before[k];
        if (b === Boundary.Break) break;
        node = this.child(node, ids[k]);
        if (node === NO_NODE) break;
        const n = k - i + 1;
        if (b === Boundary.Joined) inner |= 1 << (n - 2);
        if (this.nodeKind[node] === 0) continue;
        const leftClosed = before[i] === Boundary.Joined;
        const rightClosed = k + 1 < count && before[k + 1] === Boundary.Joined;
        // Inside a longer word: `Chủ_tịch` in `Phó_Chủ_tịch` is not an occurrence of `chủ tịch`.
        if (inner === innerMask(n) && (leftClosed || rightClosed)) continue;
        visit(node, i, n, inner | (leftClosed ? leftEdgeBit(n) : 0) | (rightClosed ? rightEdgeBit(n) : 0));
      }
    }
  }

  private addForm(node: number, pattern: number, sign: number): void {
    this.nodeVerdict[node] = -2;
    let last = -1;
    for (let f = this.nodeFirstForm[node]; f >= 0; f = this.formNext[f]) {
      if (this.formPattern[f] === pattern) {
        this.formCount[f] += sign;
        this.nodeTotal[node] += sign;
        return;
      }
      last = f;
    }
    if (sign < 0) return; // a line counted out that was never counted in: nothing to take away
    this.nodeTotal[node] += sign;
    if (this.formsUsed === this.formPattern.length) {
      this.formPattern = grown(this.formPattern);
      this.formCount = grown(this.formCount);
      this.formNext = grown(this.formNext);
    }
    const f = this.formsUsed++;
    this.formPattern[f] = pattern;
    this.formCount[f] = sign;
    this.formNext[f] = -1;
    if (last < 0) this.nodeFirstForm[node] = f;
    else this.formNext[last] = f;
  }

  private markCandidate(node: number, kind: 1 | 2): void {
    this.trieVersion++;
    this.nodeVerdict[node] = -2;
    if (this.nodeKind[node] === 0) {
      this.nodeRound[node] = -1;
      this.freshCount++;
    }
    this.nodeKind[node] |= kind;
  }

  private child(parent: number, syllable: number): number {
    return childIn(this.rootChild, this.nodeChildBits, this.childKeysParent, this.childKeysSyllable, this.childValues, parent, syllable);
  }

  private childOrNew(parent: number, syllable: number): number {
    const existing = this.child(parent, syllable);
    if (existing !== NO_NODE) return existing;
    const node = this.newNode(parent, syllable);
    if (parent === NO_NODE) {
      if (syllable >= this.rootChild.length) {
        const bigger = new Int32Array(Math.max(this.rootChild.length * 2, syllable + 1));
        bigger.set(this.rootChild);
        this.rootChild = bigger;
      }
      this.rootChild[syllable] = node;
      return node;
    }
    if ((this.childCount + 1) * 2 > this.childValues.length) this.rehashChildren();
    this.putChild(parent, syllable, node);
    this.nodeChildBits[parent] |= 1 << (syllable & 31);
    this.childCount++;
    return node;
  }

  private putChild(parent: number, syllable: number, node: number): void {
    const mask = this.childValues.length - 1;
    let slot = hashPair(parent, syllable) & mask;
    while (this.childValues[slot] !== NO_NODE) slot = (slot + 1) & mask;
    this.childKeysParent[slot] = parent;
    this.childKeysSyllable[slot] = syllable;
    this.childValues[slot] = node;
  }

  private rehashChildren(): void {
    const parents = this.childKeysParent;
    const syllables = this.childKeysSyllable;
    const values = this.childValues;
    const size = values.length * 2;
    this.childKeysParent = new Int32Array(size);
    this.childKeysSyllable = new Int32Array(size);
    this.childValues = new Int32Array(size);
    for (let s = 0; s < values.length; s++) if (values[s] !== NO_NODE) this.putChild(parents[s], syllables[s], values[s]);
  }

  private newNode(parent: number, syllable: number): number {
    this.trieVersion++;
    if (this.nodeCount === this.nodeParent.length) {
      this.nodeParent = grown(this.nodeParent);
      this.nodeSyllable = grown(this.nodeSyllable);
      this.nodeRound = grown(this.nodeRound);
      this.nodeTotal = grown(this.nodeTotal);
      this.nodeFirstForm = grown(this.nodeFirstForm);
      this.nodeVerdict = grown(this.nodeVerdict);
      this.nodeVerdictCount = grown(this.nodeVerdictCount);
      this.nodeChildBits = grown(this.nodeChildBits);
      const depth = new Uint8Array(this.nodeDepth.length * 2);
      depth.set(this.nodeDepth);
      this.nodeDepth = depth;
      const kind = new Uint8Array(this.nodeKind.length * 2);
      kind.set(this.nodeKind);
      this.nodeKind = kind;
    }
    const node = this.nodeCount++;
    this.nodeParent[node] = parent;
    this.nodeSyllable[node] = syllable;
    this.nodeDepth[node] = parent === NO_NODE ? 1 : this.nodeDepth[parent] + 1;
    this.nodeKind[node] = 0;
    this.nodeChildBits[node] = 0;
    this.nodeRound[node] = -1;
    this.nodeTotal[node] = 0;
    this.nodeFirstForm[node] = -1;
    this.nodeVerdict[node] = -2;
    return node;
  }

  private encode(text: string): number {
    if (this.encoded.length < text.length * 3) this.encoded = new Uint8Array(text.length * 3 + 64);
    return this.encoder.encodeInto(text, this.encoded).written;
  }
}

/**
 * Counts spelled lines token by token, for countSpelled(). walk() reads every syllable of a line
 * and looks up the sequences starting there; but most occurrences are a word that is a candidate
 * whole (`nâng_cao`), and which sequences a word holds depends on its spelling alone. So, per
 * spelling (worked out the first time it comes): the candidate the whole word is, counted once per
 * occurrence and added at the end (addWholeCounts); and the sequences that end with the word and
 * may go on into the next one (its "open" suffixes). Only those are walked on, into the words after:
 * the occurrences across words (`nâng cao`). The same counts as walk(), each visit with its form:
 * inside a word an occurrence is the whole word, every other span being inside a longer word.
 */
class TokenWalk {
  private readonly first: Int32Array;
  private readonly syllableCount: Uint8Array;
  private readonly poolIds: Int32Array;
  /** Per spelling: 0 not worked out yet, else 1 + the candidate node of the whole word (NO_NODE + 1 for none). */
  private readonly whole: Int32Array;
  private readonly wholeCount: Int32Array;
  /** The spellings with a whole count, in the order they first came. */
  private readonly counted: number[] = [];
  /** Per spelling: where its open suffixes start in `open*`, and how many. */
  private readonly openFrom: Int32Array;
  private readonly openCount: Uint8Array;
  /** The open suffixes, three numbers each: node, length, 1 when the suffix is not the whole word. */
  private readonly open: number[] = [];
  // The paths going on at the end of the word read last, and the next ones (swapped word by word): four numbers each, see countLine.
  private paths = new Int32Array(256);
  private next = new Int32Array(256);

  constructor(
    arrays: { readonly first: Int32Array; readonly syllableCount: Uint8Array; readonly poolIds: Int32Array },
    spellings: number,
    private readonly max: number,
    /** The trie's arrays as they are at this version (a new node makes a new version, and a new walk). */
    private readonly trie: TrieArrays,
    private readonly nodeKind: Uint8Array,
    private readonly version: number,
  ) {
    this.first = arrays.first;
    this.syllableCount = arrays.syllableCount;
    this.poolIds = arrays.poolIds;
    this.whole = new Int32Array(spellings);
    this.wholeCount = new Int32Array(spellings);
    this.openFrom = new Int32Array(spellings);
    this.openCount = new Uint8Array(spellings);
  }

  /** Whether this walk still holds for these spelling arrays, this many spellings and this version of the trie. */
  fits(arrays: { readonly first: Int32Array; readonly syllableCount: Uint8Array; readonly poolIds: Int32Array }, spellings: number, version: number): boolean {
    return version === this.version && arrays.first === this.first && arrays.syllableCount === this.syllableCount && arrays.poolIds === this.poolIds && spellings <= this.whole.length;
  }

  /** Counts the line `tokens[p, stop)` (SpelledLines entries): whole words for addWholeCounts(), every other occurrence to `visit`. */
  countLine(tokens: Int32Array, p: number, stop: number, visit: (node: number, form: number) => void): void {
    // The hottest loop of a corpus count (a step per word and per path going on): the trie's child
    // lookup is written out here, and the paths are kept four numbers each (node, length, inner, left).
    const max = this.max;
    const { childBits, keysParent, keysSyllable, values } = this.trie;
    const mask = values.length - 1;
    const nodeKind = this.nodeKind;
    const syllableCount = this.syllableCount;
    const whole = this.whole;
    const wholeCount = this.wholeCount;
    const openFrom = this.openFrom;
    const openCount = this.openCount;
    const poolIds = this.poolIds;
    const first = this.first;
    let paths = this.paths;
    let next = this.next;
    let pathCount = 0;
    while (p < stop) {
      const v = tokens[p++];
      if (v === SpelledLines.NOT_A_WORD) {
        pathCount = 0;
        continue;
      }
      let m: number;
      let source: Int32Array;
      let f: number;
      if (v >= 0) {
        m = syllableCount[v];
        if (m === 0) {
          pathCount = 0;
          continue;
        }
        if (whole[v] === 0) this.prepare(v);
        source = poolIds;
        f = first[v];
      } else {
        m = -2 - v;
        source = tokens;
        f = p;
        p += m;
      }
      // The paths from the words before go on through this one: occurrences across words.
      let nextCount = 0;
      const room = 4 * (pathCount + (v >= 0 ? openCount[v] : m));
      if (next.length < room) next = this.next = new Int32Array(2 * room);
      for (let o = 0; o < 4 * pathCount; o += 4) {
        let node = paths[o];
        let n = paths[o + 1];
        let inner = paths[o + 2];
        const left = paths[o + 3];
        let alive = true;
        for (let j = 0; j < m; j++) {
          if (n >= max) {
            alive = false;
            break;
          }
          // child(node, syllable): node is never the root here.
          const syllable = source[f + j];
          let found = NO_NODE;
          if ((childBits[node] & (1 << (syllable & 31))) !== 0) {
            for (let slot = hashPair(node, syllable) & mask; ; slot = (slot + 1) & mask) {
              const value = values[slot];
              if (value === NO_NODE || (keysParent[slot] === node && keysSyllable[slot] === syllable)) {
                found = value;
                break;
              }
            }
          }
          node = found;
          if (node === NO_NODE) {
            alive = false;
            break;
          }
          n++;
          if (j > 0) inner |= 1 << (n - 2);
          if (nodeKind[node] !== 0) visit(node, inner | (left ? leftEdgeBit(n) : 0) | (j < m - 1 ? rightEdgeBit(n) : 0));
        }
        if (alive && n < max) {
          const q = 4 * nextCount++;
          next[q] = node;
          next[q + 1] = n;
          next[q + 2] = inner;
          next[q + 3] = left;
        }
      }
      if (v >= 0) {
        if (whole[v] - 1 !== NO_NODE && wholeCount[v]++ === 0) this.counted.push(v);
        const open = this.open;
        for (let k = openFrom[v], e = k + openCount[v]; k < e; k++) {
          const q = 4 * nextCount++;
          const n = open[3 * k + 1];
          next[q] = open[3 * k];
          next[q + 1] = n;
          next[q + 2] = innerMask(n);
          next[q + 3] = open[3 * k + 2];
        }
      } else {
        // A word not remembered: its whole and its open suffixes walked here.
        const node = this.walkFrom(source, f, 0, m);
        if (m >= 2 && m <= max && node !== NO_NODE && nodeKind[node] !== 0) visit(node, innerMask(m));
        for (let j = Math.max(0, m - max + 1); j < m; j++) {
          const suffix = this.walkFrom(source, f, j, m);
          if (suffix === NO_NODE) continue;
          const q = 4 * nextCount++;
          next[q] = suffix;
          next[q + 1] = m - j;
          next[q + 2] = innerMask(m - j);
          next[q + 3] = j > 0 ? 1 : 0;
        }
      }
      if (nextCount > 0 || pathCount > 0) {
        const swap = paths;
        paths = next;
        next = swap;
      }
      pathCount = nextCount;
    }
    this.paths = paths;
    this.next = next;
  }

  /** Whether the line `tokens[p, stop)` has a word that is a candidate whole for which `against(node, syllables)` holds. */
  anyWhole(tokens: Int32Array, p: number, stop: number, against: (node: number, n: number) => boolean): boolean {
    while (p < stop) {
      const v = tokens[p++];
      if (v < -1) {
        p += -2 - v; // written out: its occurrences were kept
        continue;
      }
      if (v < 0 || this.syllableCount[v] < 2) continue;
      if (this.whole[v] === 0) this.prepare(v);
      const whole = this.whole[v] - 1;
      if (whole !== NO_NODE && against(whole, this.syllableCount[v])) return true;
    }
    return false;
  }

  /**
   * Counts lines [from, to) of `spelled` through `walker`, as countLine() would each; false when the
   * walker could not (then nothing was counted).
   */
  countWith(walker: SpelledWalker, spelled: SpelledLines, from: number, to: number, visit: (node: number, form: number) => void, endLine: () => void): boolean {
    // The walker reads what is worked out per spelling: all of it, now.
    const spellings = this.whole.length;
    for (let v = 0; v < spellings; v++) if (this.whole[v] === 0 && this.syllableCount[v] > 0) this.prepare(v);
    const tables: WalkTables = {
      trie: this.trie,
      nodeKind: this.nodeKind,
      maxSyllables: this.max,
      first: this.first,
      syllableCount: this.syllableCount,
      poolIds: this.poolIds,
      whole: this.whole,
      openFrom: this.openFrom,
      openCount: this.openCount,
      open: this.open,
    };
    return walker.countLines(
      tables,
      spelled,
      from,
      to,
      visit,
      (v, count) => {
        if (this.wholeCount[v] === 0) this.counted.push(v);
        this.wholeCount[v] += count;
      },
      endLine,
    );
  }

  /** Hands over the whole words counted: (node, form, occurrences) per spelling, in the order they first came. */
  addWholeCounts(add: (node: number, form: number, count: number) => void): void {
    for (const v of this.counted) add(this.whole[v] - 1, innerMask(this.syllableCount[v]), this.wholeCount[v]);
    for (const v of this.counted) this.wholeCount[v] = 0;
    this.counted.length = 0;
  }

  /** Works out what spelling `v` (a word) holds: its whole candidate and its open suffixes. */
  private prepare(v: number): void {
    const m = this.syllableCount[v];
    const f = this.first[v];
    const ids = this.poolIds;
    const whole = m >= 2 && m <= this.max ? this.walkFrom(ids, f, 0, m) : NO_NODE;
    this.whole[v] = 1 + (whole !== NO_NODE && this.nodeKind[whole] !== 0 ? whole : NO_NODE);
    this.openFrom[v] = this.open.length / 3;
    let count = 0;
    // A suffix of n syllables goes on only when n < max (walk() looks at most max syllables from a start).
    for (let j = Math.max(0, m - this.max + 1); j < m; j++) {
      const node = this.walkFrom(ids, f, j, m);
      if (node === NO_NODE) continue;
      this.open.push(node, m - j, j > 0 ? 1 : 0);
      count++;
    }
    this.openCount[v] = count;
  }

  /** The trie node of the syllables source[f + j, f + m), or NO_NODE when no candidate starts so. */
  private walkFrom(source: Int32Array, f: number, j: number, m: number): number {
    let node = NO_NODE;
    for (let k = j; k < m; k++) {
      node = childIn(this.trie.rootChild, this.trie.childBits, this.trie.keysParent, this.trie.keysSyllable, this.trie.values, node, source[f + k]);
      if (node === NO_NODE) return NO_NODE;
    }
    return node;
  }
}

/** At most this many numbers (two per occurrence) are kept of what countSpelled() saw: 128 MB. */
const MAX_SEEN = 32 << 20;

/** The occurrences countSpelled() counted, per line of one SpelledLines from its first: (node, form) pairs, and where each line's end. */
class SeenOccurrences {
  pairs = new Int32Array(1 << 16);
  ends = new Int32Array(1 << 10);
  used = 0;
  /** How many lines are kept: lines [0, lines). */
  lines = 0;

  constructor(readonly spelled: SpelledLines) {}

  /** Keeps an occurrence of the line being counted; false when that would take more than MAX_SEEN. */
  add(node: number, form: number): boolean {
    if (this.used + 2 > this.pairs.length) {
      if (this.pairs.length >= MAX_SEEN) return false;
      const bigger = new Int32Array(this.pairs.length * 2);
      bigger.set(this.pairs);
      this.pairs = bigger;
    }
    this.pairs[this.used++] = node;
    this.pairs[this.used++] = form;
    return true;
  }

  endLine(): void {
    if (this.lines === this.ends.length) this.ends = grown(this.ends);
    this.ends[this.lines++] = this.used;
  }
}

const decoder = new TextDecoder();
const NO_FINDINGS: SegmentationFinding[] = [];

/**
 * Lines of text as one UTF-8 buffer with each line's byte range, for counting a whole document:
 * one encode of the text instead of one per line and per pass (noteCompounds, count, findings).
 */
export class EncodedLines {
  readonly bytes: Uint8Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;

  /** `lines`: the lines' texts, without their breaks. */
  constructor(lines: readonly string[]) {
    // Each line encoded into a scratch buffer (room for 3 bytes per UTF-16 unit), then copied out
    // once: joining the lines and looking for their breaks in the bytes took 2–3 times as long.
    let room = 0;
    for (const line of lines) room += 3 * line.length + 1;
    let scratch = EncodedLines.scratch;
    if (scratch.length < room) {
      scratch = new Uint8Array(room);
      if (room <= MAX_SCRATCH) EncodedLines.scratch = scratch;
    }
    this.starts = new Int32Array(lines.length);
    this.ends = new Int32Array(lines.length);
    let at = 0;
    for (let l = 0; l < lines.length; l++) {
      if (l > 0) scratch[at++] = 0x0a;
      this.starts[l] = at;
      at += EncodedLines.encoder.encodeInto(lines[l], scratch.subarray(at)).written;
      this.ends[l] = at;
    }
    this.bytes = scratch.slice(0, at);
  }

  private static readonly encoder = new TextEncoder();
  /** Kept between blocks up to MAX_SCRATCH bytes (a block's worth); a longer line gets a buffer of its own. */
  private static scratch = new Uint8Array(0);
}

const MAX_SCRATCH = 1 << 20;

function isBreakByte(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0d || b === 0x0a;
}

/**
 * What walks spelled lines as TokenWalk.countLine() does, elsewhere (normalize.as countRun, through
 * src/wasm/normalizer.ts): Variations.useWalker().
 */
export interface SpelledWalker {
  /**
   * Counts lines [from, to) of `spelled` with `tables`: each occurrence across words to `visit`, in
   * the order countLine() finds them, and `endLine()` after each line's; each spelling counted
   * whole to `addWhole(spelling, count)`, in the order spellings first came. False when it cannot
   * (nothing counted then).
   */
  countLines(
    tables: WalkTables,
    spelled: SpelledLines,
    from: number,
    to: number,
    visit: (node: number, form: number) => void,
    addWhole: (spelling: number, count: number) => void,
    endLine?: () => void,
  ): boolean;
}

/** What a SpelledWalker reads: the trie, the spellings' syllables, and per spelling TokenWalk's whole candidate and open suffixes. */
export interface WalkTables {
  readonly trie: TrieArrays;
  readonly nodeKind: Uint8Array;
  readonly maxSyllables: number;
  readonly first: Int32Array;
  readonly syllableCount: Uint8Array;
  readonly poolIds: Int32Array;
  /** Per spelling: 1 + its whole candidate (NO_NODE + 1 for none); every spelling with syllables is worked out. */
  readonly whole: Int32Array;
  readonly openFrom: Int32Array;
  readonly openCount: Uint8Array;
  /** Three numbers per open suffix: node, length, 1 when it is not the whole word. */
  readonly open: ArrayLike<number>;
}

/** The candidate trie's arrays (Variations'), for a walk that reads it without calls. */
export interface TrieArrays {
  readonly rootChild: Int32Array;
  readonly childBits: Int32Array;
  readonly keysParent: Int32Array;
  readonly keysSyllable: Int32Array;
  readonly values: Int32Array;
}

/** The child of `parent` by `syllable` in the trie of these arrays (TrieArrays), or NO_NODE. */
function childIn(rootChild: Int32Array, childBits: Int32Array, keysParent: Int32Array, keysSyllable: Int32Array, values: Int32Array, parent: number, syllable: number): number {
  if (parent === NO_NODE) return syllable < rootChild.length ? rootChild[syllable] : NO_NODE;
  if ((childBits[parent] & (1 << (syllable & 31))) === 0) return NO_NODE;
  const mask = values.length - 1;
  for (let slot = hashPair(parent, syllable) & mask; ; slot = (slot + 1) & mask) {
    const value = values[slot];
    if (value === NO_NODE) return NO_NODE;
    if (keysParent[slot] === parent && keysSyllable[slot] === syllable) return value;
  }
}

function hashPair(parent: number, syllable: number): number {
  const h = Math.imul(parent, 0x9e3779b1) ^ Math.imul(syllable + 0x7f4a7c15, 0x85ebca77);
  return (h ^ (h >>> 15)) >>> 0;
}

function grown(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
