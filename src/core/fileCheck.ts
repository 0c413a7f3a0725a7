// Checking a corpus file of any size run by run, keeping only the most severe findings up to a cap and counting the rest.
import { ByteChecker } from './byteChecker';
import { FindingCode, LineChecker, RuleSetting, Severity, checkLine } from './check';
import { FindingSelection, LocatedFinding, SEVERITY_ORDER } from './documentCheck';
import { NormalizePlan } from './normalize';
import { Scheme } from './scheme';
import { Tokenizer } from './tokens';

const LF = 0x0a;
const CR = 0x0d;

/**
 * The check of a file fed as runs of whole lines (a file job's chunks): every line is screened on
 * bytes, the rarer ones decoded and checked in full, as `segcorpus check` does (without its
 * sentence-break hints and consistency, which need the whole corpus first). Memory stays at `max`
 * findings per severity whatever the file's size; `selection()` keeps what a document's capped
 * diagnostics keep (DocumentChecker.select): every error before any warning, and so on.
 */
export class FileChecker {
  private readonly screen: ByteChecker;
  private readonly checker: LineChecker;
  private readonly tokenizer: Tokenizer;
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  private readonly kept: Record<Severity, LocatedFinding[]> = { error: [], warning: [], information: [], hint: [] };
  private readonly bySeverity: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  private line = 0;

  constructor(
    scheme: Scheme,
    private readonly severities: Readonly<Record<FindingCode, RuleSetting>>,
    plan: NormalizePlan,
    private readonly max: number,
  ) {
    this.screen = new ByteChecker(scheme);
    this.checker = new LineChecker(scheme, severities, plan);
    this.tokenizer = new Tokenizer(scheme);
  }

  /** How many lines were read so far. */
  get lineCount(): number {
    return this.line;
  }

  /** Checks a run of whole lines (LF, CRLF and a lone CR each end one); the last may lack its break only at the end of the file. */
  addLines(bytes: Uint8Array): void {
    const n = bytes.length;
    let i = 0;
    while (i < n) {
      let e = i;
      while (e < n && bytes[e] !== LF && bytes[e] !== CR) e++;
      this.addLine(bytes, i, e);
      i = e < n && bytes[e] === CR && bytes[e + 1] === LF ? e + 2 : e + 1;
    }
  }

  /** The findings kept (most severe first, up to the cap, in document order) and the whole file's counts. */
  selection(): FindingSelection {
    let room = Math.max(0, this.max);
    const shown: LocatedFinding[] = [];
    for (const severity of SEVERITY_ORDER) {
      const take = this.kept[severity].slice(0, room);
      shown.push(...take);
      room -= take.length;
    }
    shown.sort((a, b) => a.line - b.line || a.finding.start - b.finding.start);
    const total = SEVERITY_ORDER.reduce((sum, s) => sum + this.bySeverity[s], 0);
    return { shown, total, bySeverity: { ...this.bySeverity } };
  }

  private addLine(bytes: Uint8Array, start: number, end: number): void {
    const line = this.line++;
    if (start === end) return;
    const screened = this.screen.checkLine(bytes, start, end);
    // The byte screen writes the default severities: the settings' own are put in afterwards.
    const findings = screened ?? checkLine(this.tokenizer.tokenize(this.decoder.decode(bytes.subarray(start, end))), this.checker);
    for (const found of findings) {
      const setting = screened ? this.severities[found.code] : found.severity;
      if (setting === 'off') continue;
      const finding = setting === found.severity ? found : { ...found, severity: setting };
      this.bySeverity[setting]++;
      const kept = this.kept[setting];
      if (kept.length < this.max) kept.push({ line, finding });
    }
  }
}
