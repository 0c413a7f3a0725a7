// Every sentence segcorpus writes for a person, in English and in Vietnamese: English unless LC_ALL, LC_MESSAGES or LANG selects vi.
//
// `{0}`, `{1}` … are the arguments. The findings of `check` stay in English in every language (their
// lines are a format other tools read, and the editor's Check Whole File prints the same); the
// errors, the usage errors and the stats labels follow the language.
import { RECORD_PROBLEMS, RecordProblemText, recordProblemText } from '../core/jsonl';

const ENGLISH = {
  // Usage (args.ts)
  toneStyleValue: "--tone-style takes old, new or keep, not '{0}'",
  separatorAtLineEndValue: "--separator-at-line-end takes keep or drop, not '{0}'",
  quoteMarksValue: "--quote-marks takes scheme, curly, straight or guillemets, not '{0}'",
  jobsValue: "--jobs takes a whole number from 1 to 64, not '{0}'",
  minCountValue: "--min-count takes a whole number from 1, not '{0}'",
  minShareValue: "--min-share takes a share above 0 and at most 1 (0.75 is 75 %), not '{0}'",
  severityValue: "--severity takes RULE=LEVEL (LEVEL: error, warning, information, hint or off; RULE: {1}), not '{0}'",
  unknownCommand: "unknown command '{0}' (commands: {1})",
  unknownOption: "unknown option '{0}' (see segcorpus --help)",
  needsValue: '{0} needs a value',
  needsValueNotOption: "{0} needs a value, not the option-like '{1}' (to mean it, write {2}={1})",
  takesNoValue: '{0} takes no value',
  doesNotApply: "{0} does not apply to '{1}'",
  oneInputFile: "'{0}' takes one input file (or none, for stdin)",
  applyWithOutDir: '--apply and --out-dir go together: --apply --out-dir DIR',
  applyNeedsFiles: '--apply rewrites files: name them (not stdin)',
  jsonOrApply: '--json prints the table; --apply writes files: one or the other',
  fieldNeedsJsonl: '{0} reads JSON Lines: add --jsonl',
  jsonlInferBreaks: '--infer-sentence-breaks reads plain lines, not --jsonl records',
  topValue: "--top takes a whole number from 0 to 999999, not '{0}'",
  fieldValue: "--field takes a key, or keys joined by dots (meta.text), not '{0}'",
  // System errors in a few words (node/errors.ts)
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large',
  EROFS: 'read-only file system',
  EISDIR: 'is a directory',
  ENOTDIR: 'a part of the path is not a folder',
  EIO: 'input/output error',
  EPIPE: 'broken pipe',
  ENXIO: 'no reader on the other end',
  // Input (node/fileJob.ts, cli/schemeFile.ts, node/variationsFiles.ts)
  stdinIsFolder: 'standard input is a folder, not a corpus file',
  cannotRead: 'cannot read {0}: {1}',
  isDirectory: '{0} is a directory, not a corpus file',
  binaryFile: '{0}: binary file (NUL byte at offset {1}); a corpus is UTF-8 text',
  invalidUtf8: '{0}: invalid UTF-8 at byte offset {1}; convert the file to UTF-8 first',
  utf16: '{0}: UTF-16 ({1}) text; convert it to UTF-8 first (iconv -f UTF-16{1} -t UTF-8)',
  lineTooLong: '{0}: line {1} is longer than {2} bytes, the longest line segcorpus reads (set SEGCORPUS_MAX_LINE_BYTES to allow more)',
  outputOverInput: 'refusing to write the output over the input {0}: choose another -o',
  cannotReadLexicon: 'cannot read lexicon {0}: {1}',
  cannotReadScheme: 'cannot read scheme {0}: {1}',
  schemeTooBig: 'invalid scheme {0}: {1} bytes; a scheme is a small JSON file (at most {2} bytes)',
  schemeTooDeep: 'invalid scheme {0}: nested more than {1} levels deep',
  invalidScheme: 'invalid scheme {0}:',
  schemeMarkTooLong: 'placeholders.{0}: a mark of {1} characters; marks are at most {2}',
  // gzip and JSON Lines input (node/fileJob.ts, cli/lines.ts); the record problems are the core's (core/jsonl.ts)
  damagedGzip: '{0}: damaged gzip data ({1}); the file was cut short or is not gzip',
  recordLine: '{0}: line {1}: {2} (--pass-other-lines writes such lines unchanged)',
  recordLinePassing: '{0}: line {1}: {2}',
  ...RECORD_PROBLEMS,
  // Output (node/output.ts, cli/main.ts, cli/consistency.ts)
  cannotWrite: 'cannot write {0}: {1}',
  symlinkLoop: 'cannot write {0}: too many levels of symbolic links',
  emptyOutputName: '-o needs a file name, not an empty string',
  outputNamesFolder: 'cannot write {0}: that names a folder; -o takes a file name',
  outputIsFolder: 'cannot write {0}: it is a folder; -o takes a file name',
  outputFolderMissing: 'cannot write {0}: folder {1} does not exist',
  cannotKeepStdin: 'cannot keep standard input in {0}: {1}',
  cannotWriteStdout: 'cannot write standard output: {0}',
  internalError: 'internal error: {0}',
  sameOutputName: '{0} and {1} would both be written to {2}: give inputs with distinct names',
  outDirHoldsInput: "refusing to write over the input {0}: --out-dir {1} holds it (outputs keep their input's name); choose another folder",
  cannotCreate: 'cannot create {0}: {1}',
  outDirNotFolder: '--out-dir {0} is not a folder',
  cannotCompress: 'cannot compress {0}: {1}',
  cannotCompressStdout: 'cannot compress standard output: {0}',
  cannotKeepTexts: 'cannot keep the texts of {0} in {1}: {2}',
  // The labels of the stats summary (cli/statsReport.ts); the keys of --json stay English
  statLines: 'lines',
  statTokens: 'tokens',
  statWords: 'words',
  statCompounds: 'compounds',
  statSyllables: 'syllables',
  statPlaceholder: 'placeholder {0}',
  statUnknownPlaceholders: 'unknown placeholders',
  statGluedPlaceholders: 'glued placeholders',
  statPunctuation: 'punctuation',
  statNumbers: 'numbers',
  statOther: 'other',
  statSentences: 'sentences',
  statTypes: 'types',
  statCompoundShare: 'compound share',
  statWordsPerSentence: 'words per sentence',
  statSyllablesPerWord: 'syllables per word',
  statTypeTokenRatio: 'type/token ratio',
  statTopWords: 'top words',
  statTopCompounds: 'top compounds',
  statProblems: 'problems {0}',
} as const;

export type CliMessageId = keyof typeof ENGLISH;

const VIETNAMESE: Record<CliMessageId, string> = {
  toneStyleValue: "--tone-style nhận old, new hoặc keep, không nhận '{0}'",
  separatorAtLineEndValue: "--separator-at-line-end nhận keep hoặc drop, không nhận '{0}'",
  quoteMarksValue: "--quote-marks nhận scheme, curly, straight hoặc guillemets, không nhận '{0}'",
  jobsValue: "--jobs nhận một số nguyên từ 1 đến 64, không nhận '{0}'",
  minCountValue: "--min-count nhận một số nguyên từ 1 trở lên, không nhận '{0}'",
  minShareValue: "--min-share nhận một tỉ lệ lớn hơn 0 và tối đa 1 (0.75 là 75 %), không nhận '{0}'",
  severityValue: "--severity nhận QUY_TẮC=MỨC (MỨC: error, warning, information, hint hoặc off; QUY_TẮC: {1}), không nhận '{0}'",
  unknownCommand: "lệnh không xác định '{0}' (các lệnh: {1})",
  unknownOption: "tuỳ chọn không xác định '{0}' (xem segcorpus --help)",
  needsValue: '{0} cần một giá trị',
  needsValueNotOption: "{0} cần một giá trị, không phải '{1}' trông như một tuỳ chọn (nếu đúng ý vậy, hãy viết {2}={1})",
  takesNoValue: '{0} không nhận giá trị',
  doesNotApply: "{0} không dùng được với '{1}'",
  oneInputFile: "'{0}' nhận một tệp đầu vào (hoặc không có, để đọc stdin)",
  applyWithOutDir: '--apply và --out-dir đi cùng nhau: --apply --out-dir DIR',
  applyNeedsFiles: '--apply ghi lại các tệp: hãy nêu tên chúng (không phải stdin)',
  jsonOrApply: '--json in bảng; --apply ghi tệp: chỉ chọn một',
  fieldNeedsJsonl: '{0} đọc JSON Lines: hãy thêm --jsonl',
  jsonlInferBreaks: '--infer-sentence-breaks đọc dòng văn bản thường, không đọc bản ghi --jsonl',
  topValue: "--top nhận một số nguyên từ 0 đến 999999, không nhận '{0}'",
  fieldValue: "--field nhận một khoá, hoặc các khoá nối bằng dấu chấm (meta.text), không nhận '{0}'",
  ENOENT: 'không có tệp này',
  EACCES: 'không có quyền truy cập',
  EPERM: 'thao tác không được phép',
  ENOSPC: 'thiết bị hết chỗ trống',
  EDQUOT: 'vượt hạn mức đĩa',
  EFBIG: 'tệp quá lớn',
  EROFS: 'hệ thống tệp chỉ đọc',
  EISDIR: 'là một thư mục',
  ENOTDIR: 'một phần của đường dẫn không phải thư mục',
  EIO: 'lỗi vào/ra',
  EPIPE: 'đường ống bị đóng',
  ENXIO: 'không có bên đọc ở đầu kia',
  stdinIsFolder: 'đầu vào chuẩn là một thư mục, không phải tệp ngữ liệu',
  cannotRead: 'không đọc được {0}: {1}',
  isDirectory: '{0} là một thư mục, không phải tệp ngữ liệu',
  binaryFile: '{0}: tệp nhị phân (byte NUL ở vị trí {1}); ngữ liệu phải là văn bản UTF-8',
  invalidUtf8: '{0}: UTF-8 không hợp lệ ở vị trí byte {1}; hãy chuyển tệp sang UTF-8 trước',
  utf16: '{0}: văn bản UTF-16 ({1}); hãy chuyển sang UTF-8 trước (iconv -f UTF-16{1} -t UTF-8)',
  lineTooLong: '{0}: dòng {1} dài hơn {2} byte, dòng dài nhất segcorpus đọc (đặt SEGCORPUS_MAX_LINE_BYTES để cho phép dài hơn)',
  outputOverInput: 'từ chối ghi kết quả đè lên đầu vào {0}: hãy chọn -o khác',
  cannotReadLexicon: 'không đọc được từ điển {0}: {1}',
  cannotReadScheme: 'không đọc được lược đồ {0}: {1}',
  schemeTooBig: 'lược đồ không hợp lệ {0}: {1} byte; lược đồ là một tệp JSON nhỏ (tối đa {2} byte)',
  schemeTooDeep: 'lược đồ không hợp lệ {0}: lồng sâu quá {1} cấp',
  invalidScheme: 'lược đồ không hợp lệ {0}:',
  schemeMarkTooLong: 'placeholders.{0}: một dấu dài {1} ký tự; dấu dài tối đa {2} ký tự',
  damagedGzip: '{0}: dữ liệu gzip bị hỏng ({1}); tệp bị cắt cụt hoặc không phải gzip',
  recordLine: '{0}: dòng {1}: {2} (--pass-other-lines ghi nguyên những dòng như vậy)',
  recordLinePassing: '{0}: dòng {1}: {2}',
  recordNotObject: 'không phải một đối tượng JSON (dòng bắt đầu bằng {0})',
  recordNoField: 'không có trường "{0}"',
  recordNotJson: 'JSON không hợp lệ: gặp {0} ở cột {1}',
  recordTooDeep: 'lồng sâu quá {0} cấp',
  recordFieldTwice: 'trường "{0}" xuất hiện hai lần',
  recordFieldNotString: 'trường "{0}" là {1}, không phải một chuỗi',
  recordFieldNotObject: 'trường "{0}" là {1}, không phải một đối tượng',
  recordStringNotClosed: 'JSON không hợp lệ: một chuỗi không được đóng',
  recordControlCharacter: 'JSON không hợp lệ: ký tự điều khiển chưa được thoát trong chuỗi ở cột {0}',
  recordBadUnicodeEscape: 'JSON không hợp lệ: chuỗi thoát \\u sai ở cột {0}',
  recordBadEscape: 'JSON không hợp lệ: chuỗi thoát sai ở cột {0}',
  recordEndOfLine: 'cuối dòng',
  jsonObject: 'một đối tượng',
  jsonArray: 'một mảng',
  jsonString: 'một chuỗi',
  jsonBoolean: 'một giá trị boolean',
  jsonNull: 'null',
  jsonNumber: 'một số',
  cannotWrite: 'không ghi được {0}: {1}',
  symlinkLoop: 'không ghi được {0}: quá nhiều cấp liên kết tượng trưng',
  emptyOutputName: '-o cần một tên tệp, không phải chuỗi rỗng',
  outputNamesFolder: 'không ghi được {0}: đó là tên một thư mục; -o nhận tên tệp',
  outputIsFolder: 'không ghi được {0}: đó là một thư mục; -o nhận tên tệp',
  outputFolderMissing: 'không ghi được {0}: thư mục {1} không tồn tại',
  cannotKeepStdin: 'không giữ được đầu vào chuẩn trong {0}: {1}',
  cannotWriteStdout: 'không ghi được đầu ra chuẩn: {0}',
  internalError: 'lỗi nội bộ: {0}',
  sameOutputName: '{0} và {1} sẽ cùng được ghi vào {2}: hãy đưa các đầu vào có tên khác nhau',
  outDirHoldsInput: 'từ chối ghi đè lên đầu vào {0}: --out-dir {1} chứa nó (kết quả giữ tên của đầu vào); hãy chọn thư mục khác',
  cannotCreate: 'không tạo được {0}: {1}',
  outDirNotFolder: '--out-dir {0} không phải thư mục',
  cannotCompress: 'không nén được {0}: {1}',
  cannotCompressStdout: 'không nén được đầu ra chuẩn: {0}',
  cannotKeepTexts: 'không giữ được văn bản của {0} trong {1}: {2}',
  statLines: 'dòng',
  statTokens: 'token',
  statWords: 'từ',
  statCompounds: 'từ ghép',
  statSyllables: 'âm tiết',
  statPlaceholder: 'dấu giữ chỗ {0}',
  statUnknownPlaceholders: 'dấu giữ chỗ lạ',
  statGluedPlaceholders: 'dấu giữ chỗ dính liền',
  statPunctuation: 'dấu câu',
  statNumbers: 'số',
  statOther: 'khác',
  statSentences: 'câu',
  statTypes: 'từ khác nhau',
  statCompoundShare: 'tỉ lệ từ ghép',
  statWordsPerSentence: 'số từ mỗi câu',
  statSyllablesPerWord: 'số âm tiết mỗi từ',
  statTypeTokenRatio: 'tỉ lệ type/token',
  statTopWords: 'từ gặp nhiều nhất',
  statTopCompounds: 'từ ghép gặp nhiều nhất',
  statProblems: 'vấn đề {0}',
};

export type CliLanguage = 'en' | 'vi';

/**
 * The language of the messages, as POSIX reads the locale for messages: the first of LC_ALL,
 * LC_MESSAGES and LANG that is set and not empty decides; `vi`, `vi_VN.UTF-8` … select Vietnamese.
 */
export function cliLanguage(env: Readonly<Record<string, string | undefined>> = process.env): CliLanguage {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  return locale !== undefined && /^vi([_.@-]|$)/i.test(locale) ? 'vi' : 'en';
}

const TABLES: Record<CliLanguage, Record<CliMessageId, string>> = { en: ENGLISH, vi: VIETNAMESE };
let language: CliLanguage | undefined;

/**
 * Sets the language instead of the environment: the editor's file jobs run in the extension host,
 * whose LANG is the system's, and follow VS Code's display language instead.
 */
export function useLanguage(chosen: CliLanguage): void {
  language = chosen;
}

/** The message `id` in the language of the environment, its `{n}` filled with `args`. */
export function say(id: CliMessageId, ...args: Array<string | number>): string {
  language ??= cliLanguage();
  return TABLES[language][id].replace(/\{(\d+)\}/g, (whole, n: string) => (Number(n) < args.length ? String(args[Number(n)]) : whole));
}

/** A JSON Lines record problem of the core (core/jsonl.ts), in the language of the environment. */
export function sayRecordProblem(problem: RecordProblemText): string {
  return recordProblemText(problem, (id, args) => say(id, ...args));
}

/** Both tables, for the test that keeps them key for key and placeholder for placeholder. */
export const CLI_MESSAGES = TABLES;

/**
 * The help in Vietnamese. The English help is USAGE in args.ts, beside the options it describes;
 * a test checks that this one names every option that one names.
 */
export const USAGE_VIETNAMESE = `segcorpus — làm sạch ngữ liệu đã tách từ có dấu câu bị thay bằng chữ số giữ chỗ

Cách dùng:
  segcorpus normalize [TỆP] [-o RA] [tuỳ chọn]   văn bản sạch: khôi phục dấu câu, ghép âm tiết bằng dấu cách
  segcorpus restore   [TỆP] [-o RA] [tuỳ chọn]   dấu giữ chỗ thành token dấu câu; vẫn giữ tách từ
  segcorpus check     [TỆP...] [tuỳ chọn]        cặp không khớp, dấu giữ chỗ lạ và dính liền,
                                                 dấu phân cách trước dấu kết câu, dấu nối sai,
                                                 tách từ không nhất quán giữa mọi TỆP
  segcorpus stats     [TỆP...] [--json]          dòng, câu, token, từ, từ ghép, dấu giữ chỗ theo
                                                 chữ số, phân bố độ dài (từ khác nhau, các từ gặp
                                                 nhiều nhất, vốn từ: --vocabulary); nhiều
                                                 TỆP được đếm là một ngữ liệu (dòng theo thứ tự)
  segcorpus consistency TỆP... [--json]          biến thể: cùng chuỗi âm tiết được tách từ theo hai cách
  segcorpus consistency TỆP... --apply --out-dir THƯ_MỤC
                                                 ghi lại mỗi TỆP vào THƯ_MỤC (giữ tên TỆP), mọi chỗ
                                                 bị đánh dấu được viết theo cách của đa số

TỆP được đọc dưới dạng UTF-8; không có TỆP (hoặc là -) thì đọc đầu vào chuẩn. Kết quả ra đầu ra
chuẩn trừ khi có -o. Giá trị của tuỳ chọn đứng sau nó (-o RA, -j 2) hoặc viết liền (-oRA, -j2,
--output=RA, --jobs=2); giá trị bắt đầu bằng - phải viết liền (--output=-x.txt).

Tuỳ chọn:
  -o, --output RA           ghi RA một cách nguyên tử: lần chạy lỗi không để lại tệp; không bao giờ ghi đè đầu vào
  --scheme TỆP.json         lược đồ dấu giữ chỗ; mặc định: 6 cặp “ ”, 7 phân cách ",", 1 số, 4 ngày tháng
                            ví dụ {"placeholders": {"7": {"role": "separator", "mark": ","}}}
  --keep-underscores        normalize: giữ dấu nối âm tiết
  --number-placeholder T    normalize: cách viết dấu giữ chỗ số; {digit} là chữ số,
                            "" thì bỏ đi (mặc định {digit})
  --date-placeholder T      normalize: như trên cho dấu giữ chỗ ngày tháng
  --nfc                     normalize: hợp nhất văn bản về Unicode NFC
  --tone-style old|new      normalize: vị trí dấu thanh trong âm tiết mở oa/oe/uy (hòa / hoà)
  --separator-at-line-end keep|drop
                            normalize: dấu giữ chỗ phân cách ở cuối dòng (mặc định keep: trong
                            văn bản thật đó thường là dấu hai chấm trước một danh sách)
  --quote-marks curly|straight|guillemets
                            normalize: một kiểu cho mọi dấu giữ chỗ cặp (mặc định: của lược đồ)
  --infer-sentence-breaks   normalize: dấu phân cách trước một từ viết hoa mà đầu vào thường
                            viết thường thì kết thúc câu (đọc TỆP hai lần; stdin được giữ
                            trong một tệp tạm)
  -j, --jobs N              số luồng cho tệp lớn (mặc định: số lõi trừ một;
                            1 thì xử lý trong luồng chính)
  --strict                  check: cảnh báo cũng cho trạng thái thoát 1
  --hints                   check: cả các chỗ có thể là ranh giới câu (đọc mỗi tệp hai lần)
  --severity QUY_TẮC=MỨC    check: mức của một quy tắc: error, warning, information, hint hoặc
                            off (lặp lại, hoặc nối bằng dấu phẩy); inconsistent-segmentation=off
                            bỏ qua việc đếm trên cả kho ngữ liệu
  --json                    check, stats, consistency: kết quả dạng JSON
  --vocabulary              stats: cả từ vựng: số từ khác nhau, các từ và từ ghép gặp nhiều
                            nhất, đường tăng trưởng từ vựng (một bảng mọi từ: khoảng gấp đôi
                            thời gian; trang thống kê của trình soạn thảo có đếm)
  --top N                   stats: số từ và từ ghép gặp nhiều nhất được liệt kê (20);
                            kéo theo --vocabulary
  --problems                stats: cả số vấn đề theo từng quy tắc mà check tìm thấy từng dòng
                            (chậm như check; trang thống kê của trình soạn thảo có đếm chúng)
  --lexicon TỆP             check, consistency: từ điển, mỗi dòng một từ, âm tiết nối bằng _
                            (chú thích bằng #); một từ trong từ điển bị tách luôn bị đánh dấu
  --min-count N             check, consistency: số lần xuất hiện một chuỗi cần để có đa số (3)
  --min-share X             check, consistency: tỉ lệ cách viết đa số cần đạt (0.75)
  --apply --out-dir THƯ_MỤC consistency: ghi các tệp đã sửa vào THƯ_MỤC (tạo nếu cần; không
                            bao giờ là thư mục của đầu vào: kết quả giữ tên của đầu vào)
  --gzip                    normalize, restore: nén kết quả bằng gzip (-o TÊN.gz thì không cần);
                            đầu vào gzip được nhận ra qua các byte đầu, dù là tệp hay stdin,
                            tên gì cũng được
  --jsonl                   normalize, restore, check, stats: JSON Lines, mỗi dòng một đối tượng;
                            chỉ văn bản của trường được viết lại (kiểm tra, đếm), mọi byte khác
                            giữ nguyên
  --field KHOÁ              --jsonl: trường chứa văn bản (mặc định text; meta.text cho một khoá
                            nằm trong một khoá)
  --pass-other-lines        --jsonl: ghi nguyên dòng không có trường chuỗi đó (mặc định: đó là
                            lỗi nêu số dòng, trạng thái 2)
  -h, --help                trợ giúp này
  --version                 phiên bản

Dòng: mỗi dòng vào cho đúng một dòng ra, mỗi dòng được viết lại riêng (--infer-sentence-breaks đọc
toàn bộ đầu vào trước), nên có thể xử lý một ngữ liệu được chia theo dấu xuống dòng thành nhiều phần
(GNU parallel, Hadoop Streaming, RDD.pipe của Spark) rồi nối các kết quả lại. Không bao giờ hỏi gì.

Trạng thái thoát (thông báo ra stderr, một dòng):
  0         xong
  1         check tìm thấy lỗi (--strict: cả cảnh báo); ngoài ra không có gì khác
  2         lỗi cách dùng, đầu vào hoặc đầu ra: tuỳ chọn sai, tệp không đọc được, UTF-8 không
            hợp lệ, tệp nhị phân, dòng quá 16 MB, dữ liệu gzip hỏng, bản ghi JSON Lines thiếu
            trường, lược đồ không hợp lệ, đầy đĩa
  130, 143  bị dừng bởi Ctrl+C / SIGTERM (129 SIGHUP): không ghi gì, không để lại tệp tạm
  141       bên đọc đầu ra chuẩn đã đóng (| head): im lặng, như sed và cat
(Thông báo bằng tiếng Việt vì LC_ALL, LC_MESSAGES hoặc LANG chọn vi; LANG=C cho tiếng Anh.
Các dòng kết quả của check luôn bằng tiếng Anh: đó là định dạng cho công cụ khác đọc.)`;

/** The help in the language of the environment. */
export function usageText(english: string): string {
  language ??= cliLanguage();
  return language === 'vi' ? USAGE_VIETNAMESE : english;
}
