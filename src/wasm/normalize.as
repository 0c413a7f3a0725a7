// AssemblyScript: the byte normalizer, compiled to WebAssembly with SIMD for the Node CLI and its workers
// (src/wasm/normalizer.ts drives it). The rules themselves are not here: they are
// src/core/typesetter.ts, which esbuild.mjs hands to asc with this file, so both normalizers run the
// same rules from the same source. This file reads tokens, writes bytes, and copies plain words fast.
// The extension is .as, not .ts, so tsc and eslint leave it alone; esbuild.mjs compiles it with asc.
//
// It must give the same bytes as the string normalizer (src/core/normalize.ts) for every input:
// property-tested in wasm.test.ts. Text transforms (NFC, tone style) run on the text before it.
//
// Memory, all set up by the JS side (src/wasm/normalizer.ts):
//   configBase()                  the plan, written by JS (layout below), CONFIG_BYTES long
//   inPtr  .. inPtr + n + 16      the chunk, then 16 spaces so 16-byte loads never need a bound check
//   outPtr .. outPtr + outCap     the output; writes may run 16 bytes past the output's end
// normalize() never writes past outPtr + outCap - 16: when the next line might not fit it returns at
// that line's start, and JS grows the memory and calls again from there.
import { ENDS_WITH_DIGIT, STARTS_WITH_DIGIT, STRAIGHT_SLOT, Typesetter } from './typesetter';

// --- Plan layout, offsets from configBase() (keep in step with normalizer.ts).
const LEAD: usize = 0; //           u32[256]: offset of the mark list of each first byte, 0 for none
const DIGIT_KIND: usize = 1024; //  u8[10]: Attach class of each digit's rendering
const DIGIT_FLAGS: usize = 1040; // u8[10]: typesetter flags of rendering 2d (digit edges of a word, how a mark attaches)
const REND_OFF: usize = 1056; //    u32[20]: offset of rendering 2d (open / separator / word) and 2d + 1 (close)
const REND_LEN: usize = 1136; //    u32[20]: their byte lengths
const DIGIT_CLOSE_FLAGS: usize = 1216; // u8[10]: typesetter flags of a pair's close mark
const CONFIG_BYTES: usize = 65536;
// From 2048: the mark lists (u8 count, then per mark u8 length, u8 class, u8 flags, the bytes;
// longest first) and the renderings' bytes.

const SPACE: u8 = 0x20;
const TAB: u8 = 0x09;
const LF: u8 = 0x0a;
const CR: u8 = 0x0d;
const UNDERSCORE: u8 = 0x5f;

// Attach classes (src/core/typesetter.ts).
const NONE: i32 = 0;
const OPEN: i32 = 1;
const CLOSE: i32 = 2;
const SEPARATOR: i32 = 4;
const STRAIGHT: i32 = 7;

// Static tables.
const WORD_START: usize = memory.data(256); // bytes that can only start a plain word
// A byte x may start something other than a plain word (a digit, "_", a mark's first byte) only if
// SPECIAL_LO[x & 15] & SPECIAL_HI[x >> 4] != 0: a nibble lookup for i8x16.swizzle, exact where
// it matters (ASCII, the lead bytes of letters), conservative elsewhere.
const SPECIAL_LO: usize = memory.data(16, 16);
const SPECIAL_HI: usize = memory.data(16, 16);
// Each lane's index: lanes below n are the first n bytes.
const IOTA = i8x16(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);

// The rules, allocated once at start; then the plan's room, the last allocation: JS puts the chunk after it.
const ts = new Typesetter(true);
const CONFIG: usize = (heap.alloc(CONFIG_BYTES + 16) + 15) & ~(15 as usize);

/** Where JS writes the plan. */
export function configBase(): usize {
  return CONFIG;
}

let cfg: usize = 0;
let join = true;
let maxExpansion: u64 = 2;

/** Reads the plan JS has written at configBase(). */
export function configure(joinSyllables: bool, keepFinal: bool, expansion: u32): void {
  cfg = configBase();
  join = joinSyllables;
  ts.keepFinalSeparator = keepFinal;
  maxExpansion = <u64>expansion;
  for (let b: i32 = 0; b < 256; b++) {
    const ordinary = b != SPACE && b != TAB && b != LF && b != CR && b != UNDERSCORE;
    const digit = b >= 0x30 && b <= 0x39;
    const lead = load<u32>(cfg + LEAD + (<usize>b << 2)) != 0;
    store<u8>(WORD_START + <usize>b, ordinary && !digit && !lead ? 1 : 0);
  }
  // High nibbles in 8 buckets: 2, 3, 4 and 6 (letters), 5, 7, C, D, E and F; the rest (control and
  // continuation bytes, which never start a token in UTF-8) share 2's.
  for (let h: i32 = 0; h < 16; h++) {
    const bucket: i32 = h == 3 ? 1 : h == 4 || h == 6 ? 2 : h == 5 ? 3 : h == 7 ? 4 : h == 0xc ? 5 : h == 0xd ? 6 : h >= 0xe ? 7 : 0;
    store<u8>(SPECIAL_HI + <usize>h, <u8>((<i32>1) << bucket));
  }
  v128.store(SPECIAL_LO, i64x2.splat(0));
  for (let b: i32 = 0x21; b < 256; b++) {
    if (load<u8>(WORD_START + <usize>b) == 1) continue;
    const at = SPECIAL_LO + <usize>(b & 15);
    store<u8>(at, load<u8>(at) | load<u8>(SPECIAL_HI + <usize>(b >> 4)));
  }
}

// --- Restore's reading (see restore below).
/** Set while restore reads a line: the typesetter's decisions give pair sides, no output. */
let readingSides = false;
/** Per input byte: the side the pair placeholder there took (1 opens, 2 closes), 0 elsewhere. */
let sides: usize = 0;

// --- Output.
let src: usize = 0; // the chunk: token offsets a, b are relative to it
let o: usize = 0; // next output byte

@inline function isDigit(b: u32): bool {
  return b - 0x30 < 10;
}

@inline function putByte(b: u8): void {
  store<u8>(o, b);
  o++;
}

@inline function copyBytes(from: usize, n: usize): void {
  if (n <= 16) {
    v128.store(o, v128.load(from)); // room and input padding allow 16 bytes
  } else if (n <= 256) {
    // Short runs (restore copies the text between placeholders): memory.copy is a call.
    for (let k: usize = 0; k < n; k += 16) v128.store(o + k, v128.load(from + k));
  } else {
    memory.copy(o, from, n);
  }
  o += n;
}

@inline function put(kind: i32, a: i32, b: i32): void {
  if (b < 0) {
    const r = <usize>(-b - 1) << 2;
    const n = <usize>load<u32>(cfg + REND_LEN + r);
    const from = cfg + <usize>load<u32>(cfg + REND_OFF + r);
    for (let k: usize = 0; k < n; k++) putByte(load<u8>(from + k));
    return;
  }
  if (kind != NONE || !join) {
    copyBytes(src + <usize>a, <usize>(b - a));
    return;
  }
  // A word, with underscores joined: the ends were trimmed when the token was read.
  for (let k = src + <usize>a, e = src + <usize>b; k < e; k++) {
    const c = load<u8>(k);
    if (c != UNDERSCORE) putByte(c);
    else if (load<u8>(k - 1) != UNDERSCORE) putByte(SPACE);
  }
}

/** Restore's reading: the side each pair placeholder took, at its offset (its op's `a`). */
function recordSides(): void {
  const ops = ts.ops;
  const n = ts.opCount << 2;
  for (let k: i32 = 0; k < n; k += 4) {
    const kind = unchecked(ops[k + 1]);
    const b = unchecked(ops[k + 3]);
    // A placeholder's rendering is b < 0; of a pair digit when its kind is OPEN (straight quotes have b >= 0).
    if ((kind == OPEN || kind == CLOSE) && b < 0 && <i32>load<u8>(cfg + DIGIT_KIND + <usize>((-b - 1) >> 1)) == OPEN) {
      store<u8>(sides + <usize>unchecked(ops[k + 2]), kind == OPEN ? 1 : 2);
    }
  }
  ts.opCount = 0;
}

/** Writes what the typesetter decided since the last call (restore: records pair sides instead). */
@inline function writeOps(): void {
  const ops = ts.ops;
  const n = ts.opCount << 2;
  if (readingSides) {
    if (n > 0) recordSides();
    return;
  }
  for (let k: i32 = 0; k < n; k += 4) {
    if (unchecked(ops[k]) != 0) putByte(SPACE);
    put(unchecked(ops[k + 1]), unchecked(ops[k + 2]), unchecked(ops[k + 3]));
  }
  ts.opCount = 0;
}

// --- Marks: greedy longest match over the lists JS wrote.
let matchClass: i32 = 0;
let matchFlags: i32 = 0;

@inline function isLead(b: u32): bool {
  return load<u32>(cfg + LEAD + (<usize>b << 2)) != 0;
}

/** Length of the longest mark at src[i] before end (0 when none); its class goes to matchClass. */
@inline function matchAt(i: i32, end: i32): i32 {
  const first = <u32>load<u8>(src + <usize>i);
  const list = load<u32>(cfg + LEAD + (<usize>first << 2));
  if (list == 0) return 0;
  let p = cfg + <usize>list;
  const count = <i32>load<u8>(p);
  p++;
  for (let m: i32 = 0; m < count; m++) {
    const len = <i32>load<u8>(p);
    const cls = <i32>load<u8>(p + 1);
    const flags = <i32>load<u8>(p + 2);
    const bytes = p + 3;
    p = bytes + <usize>len;
    if (i + len > end) continue;
    let same = true;
    for (let k: i32 = 1; k < len; k++) {
      if (load<u8>(src + <usize>(i + k)) != load<u8>(bytes + <usize>k)) {
        same = false;
        break;
      }
    }
    if (same) {
      matchClass = cls;
      matchFlags = flags;
      return len;
    }
  }
  return 0;
}

@inline function splits(start: i32, end: i32): bool {
  let i = start;
  while (i < end) {
    const len = matchAt(i, end);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

@inline function markRun(s: i32, e: i32): void {
  let i = s;
  while (i < e) {
    const len = matchAt(i, e);
    if (matchClass == STRAIGHT) ts.pushPair(STRAIGHT_SLOT, i, i + len, i + len, matchFlags, matchFlags);
    else ts.push(matchClass, i, i + len, matchFlags);
    writeOps();
    i += len;
  }
}

@inline function digit(d: i32, at: i32): void {
  const kind = <i32>load<u8>(cfg + DIGIT_KIND + <usize>d);
  const flags = <i32>load<u8>(cfg + DIGIT_FLAGS + <usize>d);
  if (kind == OPEN) {
    ts.pushPair(d, at, -(2 * d + 1), -(2 * d + 2), flags, <i32>load<u8>(cfg + DIGIT_CLOSE_FLAGS + <usize>d));
  } else if (kind == SEPARATOR) {
    ts.push(SEPARATOR, at, -(2 * d + 1), flags);
  } else if (load<u32>(cfg + REND_LEN + (<usize>(2 * d) << 2)) > 0) {
    ts.push(NONE, at, -(2 * d + 1), flags);
  }
  writeOps();
}

@inline function token(s: i32, e: i32, first: u32): void {
  if (isDigit(first)) {
    if (e - s == 1 || splits(s + 1, e)) {
      digit(<i32>first - 0x30, s);
      markRun(s + 1, e);
      return;
    }
  } else if (isLead(first) && splits(s, e)) {
    markRun(s, e);
    return;
  }
  let ws = s;
  let we = e;
  if (join) {
    while (ws < we && load<u8>(src + <usize>ws) == UNDERSCORE) ws++;
    while (we > ws && load<u8>(src + <usize>(we - 1)) == UNDERSCORE) we--;
    if (ws == we) return;
  }
  const edges =
    (isDigit(load<u8>(src + <usize>ws)) ? STARTS_WITH_DIGIT : 0) | (isDigit(load<u8>(src + <usize>(we - 1))) ? ENDS_WITH_DIGIT : 0);
  ts.push(NONE, ws, we, edges);
  writeOps();
}

// --- Where a call stopped, for JS.
let stoppedAt: i32 = 0;
let stoppedAfterLoneCr = false;
let roomNeeded: u64 = 0;

/** Input offset the last call stopped at: the chunk's end, or a line start when the output was full. */
export function resumeAt(): i32 {
  return stoppedAt;
}

export function resumeAfterLoneCr(): bool {
  return stoppedAfterLoneCr;
}

/** Output room the line at resumeAt() needs (the caller grows the output to at least that). */
export function neededRoom(): f64 {
  return <f64>roomNeeded;
}

/**
 * Normalizes whole lines inPtr[start, end) to outPtr + outPos, and returns the new output length.
 * Stops early, at a line start, when the output might not have room for the next line.
 */
export function normalize(inPtr: usize, start: i32, end: i32, outPtr: usize, outPos: i32, outCap: i32, afterLoneCrIn: bool): i32 {
  src = inPtr;
  o = outPtr + <usize>outPos;
  // 32 bytes of slack: the 16-byte speculative writes. A line copied as it came after a lone CR needs
  // no more: the room checks count every input byte as maxExpansion >= 2 output bytes.
  const outLimit = <i64>outCap - 32;
  let afterLoneCr = afterLoneCrIn;
  let roomUntil: i32 = -1;
  let lineStart = start;
  // Where the line's output starts: a line read again (Typesetter.readAgain) is written again from there.
  let lineOut = o;
  let i = start;
  ts.startLine();
  const stopSplat = i8x16.splat(0x20);
  const spaceSplat = i8x16.splat(SPACE);
  const joinerSplat = i8x16.splat(UNDERSCORE);
  const joinMask = i8x16.splat(join ? -1 : 0);
  const lowNibble = i8x16.splat(15);
  const zero = i8x16.splat(0);
  const specialLo = v128.load(SPECIAL_LO);
  const specialHi = v128.load(SPECIAL_HI);
  // One pass per reading of the last line (readAgain); the EOL branch reads again the others.
  for (;;) {
    while (i < end) {
      if (i > roomUntil) {
        // A line's output is at most maxExpansion times its length, plus its break.
        const room = outLimit - <i64>(o - outPtr);
        if (room >= <i64>(<u64>(end - i + 1) * maxExpansion)) {
          roomUntil = end;
        } else {
          let lf = i;
          while (lf < end && load<u8>(src + <usize>lf) != LF) lf++;
          roomUntil = lf;
          const need = <u64>(lf - i + 1) * maxExpansion;
          if (room < <i64>need) {
            stoppedAt = i;
            stoppedAfterLoneCr = afterLoneCr;
            roomNeeded = need + 64;
            return <i32>(o - outPtr);
          }
        }
      }
      const b = <u32>load<u8>(src + <usize>i);
      if (b == SPACE || b == TAB) {
        i++;
        continue;
      }
      if (b == LF || b == CR) {
        ts.endLine();
        writeOps();
        if (ts.readAgain()) {
          o = lineOut;
          i = lineStart;
          ts.startLine();
          continue;
        }
        const len = b == CR && i + 1 < end && load<u8>(src + <usize>(i + 1)) == LF ? 2 : 1;
        // An empty line between a lone CR and an LF would merge the two breaks into one CRLF: a line
        // emptied there is copied as it came (as normalizeLineBetween in src/core/normalize.ts).
        if (b == LF && afterLoneCr && ts.lineIsEmpty && i > lineStart) copyBytes(src + <usize>lineStart, <usize>(i - lineStart));
        afterLoneCr = b == CR && len == 1;
        putByte(<u8>b);
        if (len == 2) putByte(LF);
        i += len;
        lineStart = i;
        lineOut = o;
        ts.startLine();
        continue;
      }
      if (load<u8>(WORD_START + <usize>b) == 1) {
        // A word starting with a letter: copied 16 bytes at a time up to the first byte that is white
        // space, a break, a control byte or (when joining) "_"; the chunk is followed by 16 spaces.
        ts.settleBeforeLetterWord();
        if (ts.opCount > 0) writeOps();
        if (ts.spaceBeforeWord) putByte(SPACE);
        // Blocks of plain words: every byte a word byte, a single space or (joining) a single "_"
        // inside a word; every word starting with a byte that can only start a plain word. Such a block
        // is written as it is, "_" as a space. A block ending inside a word goes on to the next one; at
        // the first byte breaking the rules, the words before the last space before it are done.
        // The output position stays in a local here: V8 keeps a global in memory.
        let w = o;
        let done = false;
        for (;;) {
          const v = v128.load(src + <usize>i);
          const spaces = i8x16.eq(v, spaceSplat);
          const joiners = v128.and(i8x16.eq(v, joinerSplat), joinMask);
          const special = v128.and(
            i8x16.swizzle(specialLo, v128.and(v, lowNibble)),
            i8x16.swizzle(specialHi, i8x16.shr_u(v, 4)),
          );
          const control = i8x16.bitmask(i8x16.lt_u(v, spaceSplat));
          const sp = i8x16.bitmask(spaces);
          const gaps = sp | i8x16.bitmask(joiners);
          const starts = i8x16.bitmask(v128.not(i8x16.eq(special, zero))) & (sp << 1);
          const bad = control | (gaps & ((gaps >> 1) | 0x8000)) | starts;
          v128.store(w, v128.bitselect(spaceSplat, v, joiners));
          if (bad == 0) {
            i += 16;
            w += 16;
            continue;
          }
          const before = sp & ((2 << ctz(bad)) - 1);
          if (before != 0) {
            const q = 31 - clz(before);
            i += q;
            w += <usize>q;
            done = true;
          }
          break;
        }
        if (!done && join) {
          for (;;) {
            const v = v128.load(src + <usize>i);
            v128.store(w, v);
            const mask = i8x16.bitmask(v128.or(i8x16.le_u(v, stopSplat), i8x16.eq(v, joinerSplat)));
            if (mask == 0) {
              i += 16;
              w += 16;
              continue;
            }
            const k = ctz(mask);
            i += k;
            w += <usize>k;
            const c = load<u8>(src + <usize>i);
            if (c == UNDERSCORE) {
              store<u8>(w, SPACE); // a run of joiners is one space
              w++;
              i++;
              while (load<u8>(src + <usize>i) == UNDERSCORE) i++;
              continue;
            }
            if (c == SPACE || c == TAB || c == LF || c == CR) break;
            w++; // a control byte: part of the word, already copied
            i++;
          }
          if (load<u8>(src + <usize>(i - 1)) == UNDERSCORE) w--; // trailing underscores go
        } else if (!done) {
          for (;;) {
            const v = v128.load(src + <usize>i);
            v128.store(w, v);
            const mask = i8x16.bitmask(i8x16.le_u(v, stopSplat));
            if (mask == 0) {
              i += 16;
              w += 16;
              continue;
            }
            const k = ctz(mask);
            i += k;
            w += <usize>k;
            const c = load<u8>(src + <usize>i);
            if (c == SPACE || c == TAB || c == LF || c == CR) break;
            w++;
            i++;
          }
        }
        o = w;
        ts.wordWritten(isDigit(load<u8>(o - 1)));
        continue;
      }
      const s = i;
      i++;
      while (i < end) {
        const c = load<u8>(src + <usize>i);
        if (c == SPACE || c == TAB || c == LF || c == CR) break;
        i++;
      }
      token(s, i, b);
    }
    ts.endLine();
    writeOps();
    if (!ts.readAgain()) break;
    o = lineOut;
    i = lineStart;
    ts.startLine();
  }
  stoppedAt = end;
  stoppedAfterLoneCr = afterLoneCr;
  roomNeeded = 0;
  return <i32>(o - outPtr);
}

// --- Restore: every placeholder with a mark becomes that mark, every other byte stays as it is. A
// pair placeholder becomes its open or close mark as normalize decides: a line holding one is first
// read through the typesetter as normalize reads it (readingSides: nothing written), then copied.
// Memory, set up by JS (normalizer.ts): the chunk at inPtr (then 16 spaces), the output at outPtr
// (room for every byte to become the longest rendering, plus 32), a zeroed byte per input byte at sidesPtr.

const OPEN_COUNT: usize = memory.data(40); // i32[10]: open pair marks per digit in the line being copied

/**
 * Restores whole lines inPtr[start, end) to outPtr and returns the output length. A line ends at LF
 * or CR, as the byte restorer (src/core/byteRestorer.ts) and restoreLine read it.
 */
export function restore(inPtr: usize, start: i32, end: i32, outPtr: usize, sidesPtr: usize): i32 {
  src = inPtr;
  sides = sidesPtr;
  o = outPtr;
  const lf = i8x16.splat(LF);
  const cr = i8x16.splat(CR);
  const zeroDigit = i8x16.splat(0x30);
  const ten = i8x16.splat(10);
  let i = start;
  while (i < end) {
    // The line's end, and whether it holds a pair or a separator digit.
    const lineStart = i;
    let pair = false;
    let separator = false;
    let e = i;
    for (;;) {
      const v = v128.load(src + <usize>e);
      const breaks = i8x16.bitmask(v128.or(i8x16.eq(v, lf), i8x16.eq(v, cr)));
      let stop: i32 = breaks != 0 ? <i32>ctz(breaks) : 16;
      if (stop > end - e) stop = end - e;
      let digits = i8x16.bitmask(i8x16.lt_u(i8x16.sub(v, zeroDigit), ten)) & ((1 << stop) - 1);
      while (digits != 0) {
        const kind = <i32>load<u8>(cfg + DIGIT_KIND + <usize>(load<u8>(src + <usize>(e + <i32>ctz(digits))) - 0x30));
        if (kind == OPEN) pair = true;
        else if (kind == SEPARATOR) separator = true;
        digits &= digits - 1;
      }
      if (stop < 16) {
        e += stop;
        break;
      }
      e += 16;
    }
    let next = e;
    if (next < end) next += load<u8>(src + <usize>next) == CR && next + 1 < end && load<u8>(src + <usize>(next + 1)) == LF ? 2 : 1;
    if (pair) readSides(lineStart, e);
    const copied = pair || separator ? replaceDigits(lineStart, e) : lineStart;
    copyBytes(src + <usize>copied, <usize>(next - copied));
    i = next;
  }
  return <i32>(o - outPtr);
}

/** Reads the line [s, e) as normalize does, to learn each pair placeholder's side (into sides). */
function readSides(s: i32, e: i32): void {
  const spaceSplat = i8x16.splat(SPACE);
  const zeroDigit = i8x16.splat(0x30);
  const ten = i8x16.splat(10);
  const lowNibble = i8x16.splat(15);
  const zero = i8x16.splat(0);
  const specialLo = v128.load(SPECIAL_LO);
  const specialHi = v128.load(SPECIAL_HI);
  readingSides = true;
  ts.startLine();
  for (;;) {
    let i = s;
    while (i < e) {
      const b = <u32>load<u8>(src + <usize>i);
      if (b == SPACE || b == TAB) {
        i++;
        continue;
      }
      const t = i;
      if (load<u8>(WORD_START + <usize>b) == 1) {
        // A plain word only tells the rules it is there and whether it ends with a digit, and the
        // plain words after it change nothing more: a run of them is one word to the rules, skipped
        // 16 bytes at a time while every byte is a word byte or a space, no digit among them, and
        // every word starts with a byte that can only start a plain word.
        ts.settleBeforeLetterWord();
        if (ts.opCount > 0) recordSides();
        let endsWithDigit = false;
        // 1 when the byte before the block is a space: the block's first byte starts a token.
        let carry = 0;
        for (;;) {
          const v = v128.load(src + <usize>i);
          const sp = i8x16.bitmask(i8x16.eq(v, spaceSplat));
          const special = v128.and(
            i8x16.swizzle(specialLo, v128.and(v, lowNibble)),
            i8x16.swizzle(specialHi, i8x16.shr_u(v, 4)),
          );
          const bad =
            i8x16.bitmask(i8x16.lt_u(v, spaceSplat)) |
            i8x16.bitmask(i8x16.lt_u(i8x16.sub(v, zeroDigit), ten)) |
            (i8x16.bitmask(v128.not(i8x16.eq(special, zero))) & ((sp << 1) | carry));
          if (bad == 0) {
            carry = sp >> 15;
            i += 16;
            continue;
          }
          // The words before the last space up to the first bad byte are plain and hold no digit.
          const before = sp & ((2 << ctz(bad)) - 1);
          if (before != 0) {
            i += 31 - <i32>clz(before);
            break;
          }
          // A token starts at the block: the words before it were plain.
          if (carry != 0) break;
          // The bad byte is in the word at i (or ends it): read that word to its end.
          i = tokenEnd(i);
          let last = i - 1;
          if (join) while (last > t && load<u8>(src + <usize>last) == UNDERSCORE) last--;
          endsWithDigit = isDigit(load<u8>(src + <usize>last));
          break;
        }
        ts.wordWritten(endsWithDigit);
        continue;
      }
      i = tokenEnd(i + 1);
      token(t, i, b);
    }
    ts.endLine();
    recordSides();
    if (!ts.readAgain()) break;
    memory.fill(sides + <usize>s, 0, <usize>(e - s));
    ts.startLine();
  }
  readingSides = false;
}

/** The end of the token from `i`: the first space, tab, CR or LF (the chunk is followed by spaces). */
@inline function tokenEnd(i: i32): i32 {
  const stopSplat = i8x16.splat(0x20);
  let found = false;
  while (!found) {
    const mask = i8x16.bitmask(i8x16.le_u(v128.load(src + <usize>i), stopSplat));
    if (mask == 0) {
      i += 16;
      continue;
    }
    i += <i32>ctz(mask);
    const c = load<u8>(src + <usize>i);
    found = c == SPACE || c == TAB || c == LF || c == CR;
    if (!found) i++; // another control byte: part of the token
  }
  return i;
}

/**
 * Copies the line [s, e) up to its last placeholder with a mark, each such placeholder (a token of
 * its own, or followed only by marks) written as its mark; returns where copying goes on.
 */
function replaceDigits(s: i32, e: i32): i32 {
  memory.fill(OPEN_COUNT, 0, 40);
  const zeroDigit = i8x16.splat(0x30);
  const ten = i8x16.splat(10);
  let copied = s;
  for (let at = s; at < e; at += 16) {
    const v = v128.load(src + <usize>at);
    let digits = i8x16.bitmask(i8x16.lt_u(i8x16.sub(v, zeroDigit), ten));
    if (e - at < 16) digits &= (1 << (e - at)) - 1;
    while (digits != 0) {
      const p = at + <i32>ctz(digits);
      digits &= digits - 1;
      if (p > s) {
        const before = load<u8>(src + <usize>(p - 1));
        if (before != SPACE && before != TAB) continue;
      }
      const d = <i32>load<u8>(src + <usize>p) - 0x30;
      const kind = <i32>load<u8>(cfg + DIGIT_KIND + <usize>d);
      if (kind != OPEN && kind != SEPARATOR) continue;
      const t = tokenEnd(p + 1);
      if (t - p > 1 && !splits(p + 1, t)) continue;
      copyBytes(src + <usize>copied, <usize>(p - copied));
      let rendering = 2 * d;
      if (kind == OPEN) {
        const count = OPEN_COUNT + (<usize>d << 2);
        const open = load<i32>(count);
        if (load<u8>(sides + <usize>p) == 2 && open > 0) {
          rendering++;
          store<i32>(count, open - 1);
        } else {
          store<i32>(count, open + 1);
        }
      }
      const r = <usize>rendering << 2;
      copyBytes(cfg + <usize>load<u32>(cfg + REND_OFF + r), <usize>load<u32>(cfg + REND_LEN + r));
      copied = p + 1;
    }
  }
  return copied;
}

// --- Check's screen: the common findings of a line without decoding it, as ByteChecker
// (src/core/byteChecker.ts) finds them, for the default plan of a scheme (what check reads pairs
// with). A line is answered here (its findings, none for most) or left to the line checker
// ("undecided": anything rarer). Pair sides come from the typesetter, as restore reads them.
// Memory, set up by JS (normalizer.ts): the chunk at inPtr (then 16 spaces); the records at outPtr;
// per input byte a side byte at sidesPtr (zeroed here where it is read); the pieces of one line at
// piecesPtr (three i32 each).
//
// Records, i32s: per line with a finding or undecided, [line, start, end, found], then `found`
// findings as [code, at, to, start, end, token] (at and to: byte offsets in the chunk; start and
// end: UTF-16 offsets in the line; token: how many tokens are before it), or found = -1 for
// undecided.

const DIGIT_ROLE: usize = 1232; // u8[10]: ROLE_UNKNOWN, ROLE_PAIR, ROLE_SEPARATOR or ROLE_OTHER (written by JS)
const ROLE_UNKNOWN: i32 = 0;
const ROLE_PAIR: i32 = 1;
const ROLE_SEPARATOR: i32 = 2;
const FINAL: i32 = 3;

// What a piece is to the separator rule (ByteChecker's ENDS_WAIT…).
const ENDS_WAIT: i32 = 0;
const PAIR: i32 = 1;
const LONE_SEPARATOR: i32 = 2;
const GLUED_SEPARATOR: i32 = 3;
const MARKS: i32 = 4;
const UNDECIDED: i32 = -1;

// Finding codes in the records.
export const GLUED_PLACEHOLDER: i32 = 1;
export const SEPARATOR_BEFORE_FINAL: i32 = 2;

const PAIR_COUNT: usize = memory.data(40); // i32[10]: lone pair placeholders per digit in the line
const OPEN_PAIRS: usize = memory.data(40); // i32[10]: open pair placeholders per digit while judging
const WAITING_MAX: i32 = 4096;
const WAITING_AT: usize = memory.data(WAITING_MAX * 4); // i32: where each waiting separator's finding goes
const WAITING_PIECE: usize = memory.data(WAITING_MAX * 4); // i32: its piece

let pieces: usize = 0;
let records: usize = 0;

@inline function role(d: u32): i32 {
  return <i32>load<u8>(cfg + DIGIT_ROLE + <usize>d);
}

/** As check.ts's isJoinable, on the code point. */
@inline function isJoinable(c: u32): bool {
  if (c < 0x80) return c - 0x30 < 10 || (c | 0x20) - 0x61 < 26;
  return c >= 0xc0 && c != 0xd7 && c != 0xf7 && (c < 0x2000 || c > 0x206f);
}

/** The code point starting at src[i] (valid UTF-8: the reader checked it). */
@inline function codePointAt(i: i32): u32 {
  const p = src + <usize>i;
  const b = <u32>load<u8>(p);
  if (b < 0x80) return b;
  if (b < 0xe0) return ((b & 0x1f) << 6) | (<u32>load<u8>(p + 1) & 0x3f);
  if (b < 0xf0) return ((b & 0x0f) << 12) | ((<u32>load<u8>(p + 1) & 0x3f) << 6) | (<u32>load<u8>(p + 2) & 0x3f);
  return ((b & 0x07) << 18) | ((<u32>load<u8>(p + 1) & 0x3f) << 12) | ((<u32>load<u8>(p + 2) & 0x3f) << 6) | (<u32>load<u8>(p + 3) & 0x3f);
}

/** isJoinable of the character at src[i], the lead bytes of Vietnamese letters answered at once. */
@inline function joinableAt(i: i32): bool {
  const b = <u32>load<u8>(src + <usize>i);
  if (b < 0x80) return b - 0x30 < 10 || (b | 0x20) - 0x61 < 26;
  if ((b >= 0xc4 && b <= 0xdf) || b == 0xe1) return true;
  return isJoinable(codePointAt(i));
}

/** Whether the "_" at src[k] of a token ending at `end` joins badly: at the end, or beside a character that is not joinable. */
function badJoin(k: i32, end: i32): bool {
  if (k + 1 >= end) return true;
  let before = k - 1;
  while ((load<u8>(src + <usize>before) & 0xc0) == 0x80) before--;
  return !joinableAt(before) || !joinableAt(k + 1);
}

/** Whether the digit byte b is a pair or separator placeholder (what a placeholder glued to a word uses). */
@inline function markDigit(b: u32): bool {
  if (!isDigit(b)) return false;
  const r = role(b - 0x30);
  return r == ROLE_PAIR || r == ROLE_SEPARATOR;
}

/** ByteChecker.suspiciousWord: a malformed join, or a pair or separator digit at the edge of a token. */
function suspiciousWord(s: i32, e: i32, underscore: bool): bool {
  if (e - s >= 2) {
    if (markDigit(load<u8>(src + <usize>(e - 1))) && !isDigit(load<u8>(src + <usize>(e - 2)))) return true;
    if (markDigit(load<u8>(src + <usize>s)) && !isDigit(load<u8>(src + <usize>(s + 1)))) return true;
  }
  if (!underscore) return false;
  for (let k = s; k < e; k++) {
    if (load<u8>(src + <usize>k) != UNDERSCORE) continue;
    if (k == s || k == e - 1) return true;
    let before = k - 1;
    while ((load<u8>(src + <usize>before) & 0xc0) == 0x80) before--;
    if (!joinableAt(before) || !joinableAt(k + 1)) return true;
  }
  return false;
}

/** Whether the marks src[s, e) (they split into marks) hold a straight quote. */
function hasStraightQuote(s: i32, e: i32): bool {
  let i = s;
  while (i < e) {
    const len = matchAt(i, e);
    if (matchClass == STRAIGHT) return true;
    i += len;
  }
  return false;
}

/** The class of the one-character mark that is the character at src[i], or -1 (ByteChecker.firstMarkClass). */
function firstMarkClass(i: i32): i32 {
  const first = <u32>load<u8>(src + <usize>i);
  const length: i32 = first < 0x80 ? 1 : first < 0xe0 ? 2 : first < 0xf0 ? 3 : 4;
  const list = load<u32>(cfg + LEAD + (<usize>first << 2));
  if (list == 0) return -1;
  let p = cfg + <usize>list;
  const count = <i32>load<u8>(p);
  p++;
  for (let m: i32 = 0; m < count; m++) {
    const len = <i32>load<u8>(p);
    const cls = <i32>load<u8>(p + 1);
    const bytes = p + 3;
    p = bytes + <usize>len;
    if (len != length) continue;
    let same = true;
    for (let k: i32 = 1; k < len; k++) {
      if (load<u8>(src + <usize>(i + k)) != load<u8>(bytes + <usize>k)) {
        same = false;
        break;
      }
    }
    if (same) return cls;
  }
  return -1;
}

/** ByteChecker.pieceWhat: what the token src[s, e) that starts with a watched byte is to the separator rule, or UNDECIDED. */
function pieceWhat(s: i32, e: i32, underscore: bool): i32 {
  const b = <u32>load<u8>(src + <usize>s);
  if (isDigit(b) && (e - s == 1 || splits(s + 1, e))) {
    const r = role(b - 0x30);
    if (r == ROLE_UNKNOWN) return UNDECIDED;
    let what = ENDS_WAIT;
    if (r == ROLE_PAIR) {
      if (e - s > 1) return UNDECIDED;
      what = PAIR;
    } else if (e - s > 1) {
      if (r != ROLE_SEPARATOR) return UNDECIDED;
      what = GLUED_SEPARATOR;
    } else if (r == ROLE_SEPARATOR) {
      what = LONE_SEPARATOR;
    }
    return hasStraightQuote(s + 1, e) ? UNDECIDED : what;
  }
  if (isLead(b) && splits(s, e)) return hasStraightQuote(s, e) ? UNDECIDED : MARKS;
  return suspiciousWord(s, e, underscore) ? UNDECIDED : ENDS_WAIT;
}

@inline function piece(k: i32, s: i32, e: i32, what: i32): void {
  const p = pieces + (<usize>k) * 12;
  store<i32>(p, s);
  store<i32>(p, e, 4);
  store<i32>(p, what, 8);
}

/** A finding of the line being judged, at index `at` of its list (the list from `first`, `n` long): later ones move up. */
function insertFinding(first: usize, n: i32, at: i32, code: i32, from: i32, to: i32): void {
  const p = first + (<usize>at) * FINDING_BYTES;
  if (at < n) memory.copy(p + FINDING_BYTES, p, (<usize>(n - at)) * FINDING_BYTES);
  store<i32>(p, code);
  store<i32>(p, from, 4);
  store<i32>(p, to, 8);
}

const FINDING_BYTES: usize = 24;

/**
 * Where the line's findings are as an editor counts (ByteChecker.located): per finding, from the
 * line's start s, the UTF-16 units before it and to its end, and the tokens before it; 16 bytes at
 * a time, each finding going on from the one before (they are in the order of their bytes).
 */
function locate(first: usize, n: i32, s: i32): void {
  const space = i8x16.splat(SPACE);
  const tab = i8x16.splat(TAB);
  const top2 = i8x16.splat(<i8>0xc0);
  const continuation = i8x16.splat(<i8>0x80);
  const four = i8x16.splat(<i8>0xef);
  let atByte = s;
  let units: i32 = 0;
  let tokens: i32 = 0;
  // 1 when the byte before atByte is a break (or atByte is the line's start).
  let breakBefore: u32 = 1;
  for (let k: i32 = 0; k < n; k++) {
    const p = first + (<usize>k) * FINDING_BYTES;
    const from = load<i32>(p, 4);
    const to = load<i32>(p, 8);
    if (from < atByte) {
      atByte = s;
      units = 0;
      tokens = 0;
      breakBefore = 1;
    }
    for (let i = atByte; i < from; i += 16) {
      const v = v128.load(src + <usize>i);
      const left = from - i;
      const keep: u32 = left >= 16 ? 0xffff : ((<u32>1 << <u32>left) - 1);
      // A UTF-16 unit per byte that does not go on a character, two for a four-byte character's first.
      const starts = ~i8x16.bitmask(i8x16.eq(v128.and(v, top2), continuation));
      units += <i32>popcnt(starts & keep) + <i32>popcnt(i8x16.bitmask(i8x16.gt_u(v, four)) & keep);
      // Space, tab, CR and LF break tokens (the line holds no CR or LF): a token starts at a byte
      // that is none after one that is.
      const isBreak = i8x16.bitmask(v128.or(i8x16.eq(v, space), i8x16.eq(v, tab)));
      tokens += <i32>popcnt(~isBreak & ((isBreak << 1) | breakBefore) & keep);
      breakBefore = left >= 16 ? (isBreak >> 15) & 1 : (isBreak >> <u32>(left - 1)) & 1;
    }
    if (from > atByte) atByte = from;
    store<i32>(p, units, 12);
    let end = units;
    for (let i = from; i < to; i++) {
      const b = <u32>load<u8>(src + <usize>i);
      if (b < 0x80 || b >= 0xc0) end += b >= 0xf0 ? 2 : 1;
    }
    store<i32>(p, end, 16);
    store<i32>(p, tokens, 20);
  }
}

/**
 * Screens the line src[s, e): writes its record when it has a finding or is undecided, and returns
 * where the records now end.
 */
function screenLine(line: i32, s: i32, e: i32, r: usize): usize {
  memory.fill(PAIR_COUNT, 0, 40);
  let pairs = false;
  let count: i32 = 0;
  // A word since the last piece: the next piece (or the line's end) adds a piece for the run.
  let words = false;
  const spaceSplat = i8x16.splat(SPACE);
  const tabSplat = i8x16.splat(TAB);
  const joinerSplat = i8x16.splat(UNDERSCORE);
  const zeroDigit = i8x16.splat(0x30);
  const ten = i8x16.splat(10);
  const lowNibble = i8x16.splat(15);
  const zero = i8x16.splat(0);
  const specialLo = v128.load(SPECIAL_LO);
  const specialHi = v128.load(SPECIAL_HI);
  // The line 16 bytes at a time, as bit masks (bit k: byte b0 + k). Words are only looked at where
  // they may be wrong; the tokens that may not be words are read one by one, in order.
  let after = s; // the bytes before are in a piece already read
  for (let b0 = s; b0 < e; b0 += 16) {
    const left = e - b0;
    const valid: u32 = left >= 16 ? 0xffff : (<u32>1 << <u32>left) - 1;
    const skip: u32 = after <= b0 ? 0 : after - b0 >= 16 ? 0xffff : (<u32>1 << <u32>(after - b0)) - 1;
    const inLine = valid & ~skip;
    const v = v128.load(src + <usize>b0);
    const before = v128.load(src + <usize>(b0 - 1)); // lane k: byte b0 + k - 1
    const blank = i8x16.bitmask(v128.or(i8x16.eq(v, spaceSplat), i8x16.eq(v, tabSplat)));
    // Bit k: the byte before b0 + k is white space, or the line starts at b0 + k.
    const blankBefore = i8x16.bitmask(v128.or(i8x16.eq(before, spaceSplat), i8x16.eq(before, tabSplat))) | (b0 == s ? 1 : 0);
    const starts = ~blank & blankBefore & inLine;
    // Inside a word (or a piece): nothing to look at unless a joiner or a digit is there.
    if (starts == 0 && ((i8x16.bitmask(i8x16.eq(v, joinerSplat)) | i8x16.bitmask(i8x16.lt_u(i8x16.sub(v, zeroDigit), ten))) & inLine) == 0) continue;
    const special = i8x16.bitmask(
      v128.not(i8x16.eq(v128.and(i8x16.swizzle(specialLo, v128.and(v, lowNibble)), i8x16.swizzle(specialHi, i8x16.shr_u(v, 4))), zero)),
    );
    // The pieces: tokens that start with a byte a plain word cannot start with.
    let pieceBytes: u32 = 0;
    let wordStarts = starts & ~special;
    let maybe = starts & special;
    while (maybe != 0) {
      const bit = ctz(maybe);
      maybe &= maybe - 1;
      const t = b0 + <i32>bit;
      const b = <u32>load<u8>(src + <usize>t);
      if (load<u8>(WORD_START + <usize>b) == 1) {
        wordStarts |= <u32>1 << bit;
        continue;
      }
      const below = (<u32>1 << bit) - 1;
      if ((wordStarts & below) != 0) words = true;
      wordStarts &= ~below;
      const pe = tokenEndBefore(t + 1, e);
      let underscore = b == UNDERSCORE;
      for (let k = t + 1; k < pe && !underscore; k++) underscore = load<u8>(src + <usize>k) == UNDERSCORE;
      const what = pieceWhat(t, pe, underscore);
      if (what == UNDECIDED) return undecided(line, s, e, r);
      if (what == PAIR) {
        const at = PAIR_COUNT + (<usize>(b - 0x30) << 2);
        store<i32>(at, load<i32>(at) + 1);
        pairs = true;
      }
      if (words) {
        piece(count++, -1, wordEndsWithDigit(t) ? 1 : 0, ENDS_WAIT);
        words = false;
      }
      piece(count++, t, pe, what);
      const upTo: u32 = pe - b0 >= 16 ? 0xffff : (<u32>1 << <u32>(pe - b0)) - 1;
      pieceBytes |= upTo & ~below;
      if (pe > after) after = pe;
    }
    if (wordStarts != 0) words = true;
    const wordBytes = ~blank & inLine & ~pieceBytes;
    // Every "_" of a word must join. Most joins are between an ASCII letter or digit and an ASCII
    // letter or digit or the lead byte of a Vietnamese letter (C4-DF, E1): told here; the rest by
    // badJoin. An "_" before white space or at the line's end (before CR, LF or the chunk's padding
    // spaces) does not join: badJoin says so.
    const joiners = i8x16.bitmask(i8x16.eq(v, joinerSplat)) & wordBytes;
    if (joiners != 0) {
      const next = v128.load(src + <usize>(b0 + 1)); // lane k: byte b0 + k + 1
      const asciiBefore = asciiAlnum(before) & (b0 == s ? 0xfffe : 0xffff);
      const fastAfter =
        asciiAlnum(next) |
        i8x16.bitmask(v128.or(i8x16.lt_u(i8x16.sub(next, i8x16.splat(<i8>0xc4)), i8x16.splat(0x1c)), i8x16.eq(next, i8x16.splat(<i8>0xe1))));
      let slow = joiners & ~(asciiBefore & fastAfter);
      while (slow != 0) {
        const k = b0 + <i32>ctz(slow);
        slow &= slow - 1;
        if (badJoin(k, e)) return undecided(line, s, e, r);
      }
    }
    // A word may not end with a pair or separator digit after a byte of it that is no digit (a word
    // never starts with a digit: the byte before its last is in it).
    const digits = i8x16.bitmask(i8x16.lt_u(i8x16.sub(v, zeroDigit), ten)) & wordBytes;
    if (digits != 0) {
      const next = v128.load(src + <usize>(b0 + 1));
      const blankAfter = i8x16.bitmask(v128.or(i8x16.eq(next, spaceSplat), i8x16.eq(next, tabSplat))) | (left <= 16 ? <u32>1 << <u32>(left - 1) : 0);
      const digitsBefore = i8x16.bitmask(i8x16.lt_u(i8x16.sub(before, zeroDigit), ten));
      let ends = digits & blankAfter & ~digitsBefore;
      while (ends != 0) {
        const k = b0 + <i32>ctz(ends);
        ends &= ends - 1;
        if (markDigit(load<u8>(src + <usize>k))) return undecided(line, s, e, r);
      }
    }
  }
  if (words) piece(count++, -1, wordEndsWithDigit(e) ? 1 : 0, ENDS_WAIT);
  if (pairs) {
    // Each lone pair placeholder opens or closes one: an odd number of a digit leaves one unmatched.
    for (let d: usize = 0; d < 10; d++) if ((load<i32>(PAIR_COUNT + (d << 2)) & 1) == 1) return undecided(line, s, e, r);
    sidesOfPieces(count);
  }
  // The separator rule over the pieces (ByteChecker.findings); the findings go after the record's head.
  const first = r + 16;
  let n: i32 = 0;
  memory.fill(OPEN_PAIRS, 0, 40);
  let waiting: i32 = 0;
  let previousIsSeparator = false;
  for (let k: i32 = 0; k < count; k++) {
    const p = pieces + (<usize>k) * 12;
    const ps = load<i32>(p);
    const what = load<i32>(p, 8);
    const separator = previousIsSeparator;
    previousIsSeparator = false;
    let settles = true;
    let redundant = false;
    if (what == PAIR) {
      const open = OPEN_PAIRS + (<usize>(load<u8>(src + <usize>ps) - 0x30) << 2);
      // A mark read as closing closes only when one of its digit is open.
      const closes = load<u8>(sides + <usize>ps) == 2 && load<i32>(open) > 0;
      store<i32>(open, load<i32>(open) + (closes ? -1 : 1));
      settles = !closes;
    } else if (what == LONE_SEPARATOR) {
      if (!separator) {
        if (waiting == WAITING_MAX) return undecided(line, s, e, r);
        store<i32>(WAITING_AT + (<usize>waiting << 2), n);
        store<i32>(WAITING_PIECE + (<usize>waiting << 2), ps);
        waiting++;
      }
      previousIsSeparator = true;
      settles = false;
    } else if (what == GLUED_SEPARATOR) {
      const pe = load<i32>(p, 4);
      insertFinding(first, n, n, GLUED_PLACEHOLDER, ps, pe);
      n++;
      if (!separator && firstMarkClass(ps + 1) == FINAL) {
        insertFinding(first, n, n, SEPARATOR_BEFORE_FINAL, ps, ps + 1);
        n++;
      }
    } else if (what == MARKS) {
      settles = false;
      if (waiting > 0) {
        const cls = firstMarkClass(ps);
        if (cls == FINAL) settles = redundant = true;
        else settles = cls != CLOSE;
      }
    }
    if (settles && waiting > 0) {
      if (redundant) {
        for (let w = waiting - 1; w >= 0; w--) {
          const at = load<i32>(WAITING_PIECE + (<usize>w << 2));
          insertFinding(first, n, load<i32>(WAITING_AT + (<usize>w << 2)), SEPARATOR_BEFORE_FINAL, at, at + 1);
          n++;
        }
      }
      waiting = 0;
    }
  }
  // An unmatched pair: the line checker says where its sentence ends.
  if (pairs) for (let d: usize = 0; d < 10; d++) if (load<i32>(OPEN_PAIRS + (d << 2)) > 0) return undecided(line, s, e, r);
  if (n == 0) return r;
  locate(first, n, s);
  store<i32>(r, line);
  store<i32>(r, s, 4);
  store<i32>(r, e, 8);
  store<i32>(r, n, 12);
  return first + (<usize>n) * FINDING_BYTES;
}

/**
 * readSides() for a line the screen has read into `count` pieces: the same calls to the rules from
 * the pieces instead of the bytes. A piece is a token that is not a word, or a run of words (start
 * -1; end 1 when its last word ends with a digit): the rules hear a run of words as one word, since
 * a word after a word settles nothing more.
 */
function sidesOfPieces(count: i32): void {
  readingSides = true;
  ts.startLine();
  for (;;) {
    // Sides are written, and read by the screen, at the pair placeholders only: only those need zeroing.
    for (let k: i32 = 0; k < count; k++) {
      const p = pieces + (<usize>k) * 12;
      if (load<i32>(p, 8) == PAIR) store<u8>(sides + <usize>load<i32>(p), 0);
    }
    for (let k: i32 = 0; k < count; ) {
      const p = pieces + (<usize>k) * 12;
      const ps = load<i32>(p);
      if (ps < 0) {
        ts.settleBeforeLetterWord();
        if (ts.opCount > 0) recordSides();
        ts.wordWritten(load<i32>(p, 4) == 1);
        k++;
        continue;
      }
      // The pieces up to the next run of words. Without a pair placeholder they are left out: a run
      // of words after them leaves the rules as it would have (nothing held back; emitted, no
      // context opening, the word's digit end), and only pair placeholders change the open pairs
      // and the readings (straight quotes leave a line undecided). At the line's end they come after
      // a run of words, which settled the last pair mark.
      let stop = k;
      let pair = false;
      for (; stop < count; stop++) {
        const q = pieces + (<usize>stop) * 12;
        if (load<i32>(q) < 0) break;
        if (load<i32>(q, 8) == PAIR) pair = true;
      }
      if (!pair) {
        k = stop;
        continue;
      }
      for (; k < stop; k++) {
        const q = pieces + (<usize>k) * 12;
        const qs = load<i32>(q);
        token(qs, load<i32>(q, 4), <u32>load<u8>(src + <usize>qs));
      }
    }
    ts.endLine();
    recordSides();
    if (!ts.readAgain()) break;
    ts.startLine();
  }
  readingSides = false;
}

/** Bit k: the byte of lane k is an ASCII letter or digit. */
@inline function asciiAlnum(v: v128): u32 {
  const digit = i8x16.lt_u(i8x16.sub(v, i8x16.splat(0x30)), i8x16.splat(10));
  const letter = i8x16.lt_u(i8x16.sub(v128.or(v, i8x16.splat(0x20)), i8x16.splat(0x61)), i8x16.splat(26));
  return i8x16.bitmask(v128.or(digit, letter));
}

/** Whether the last word before `t` (after white space, a word) ends with a digit, as readSides reads a word: its joiners at the end left out. */
function wordEndsWithDigit(t: i32): bool {
  let last = t - 1;
  while (load<u8>(src + <usize>last) == SPACE || load<u8>(src + <usize>last) == TAB) last--;
  if (join) while (load<u8>(src + <usize>last) == UNDERSCORE) last--;
  return isDigit(load<u8>(src + <usize>last));
}

/** The record of a line left to the line checker. */
function undecided(line: i32, s: i32, e: i32, r: usize): usize {
  store<i32>(r, line);
  store<i32>(r, s, 4);
  store<i32>(r, e, 8);
  store<i32>(r, -1, 12);
  return r + 16;
}

/** The end of the token from `i`, at most `e` (the line's end). */
@inline function tokenEndBefore(i: i32, e: i32): i32 {
  const t = tokenEnd(i);
  return t < e ? t : e;
}

let screenedLines: i32 = 0;

/** How many lines the last screen() call read. */
export function screenLineCount(): i32 {
  return screenedLines;
}

/**
 * Screens whole lines inPtr[start, end) (a line ends at LF, CRLF or a lone CR; no empty line after
 * the last break), numbering them from `firstLine`, and returns where the records end, from outPtr.
 */
export function screen(inPtr: usize, start: i32, end: i32, outPtr: usize, sidesPtr: usize, piecesPtr: usize, firstLine: i32): i32 {
  src = inPtr;
  sides = sidesPtr;
  pieces = piecesPtr;
  let r = outPtr;
  const lf = i8x16.splat(LF);
  const cr = i8x16.splat(CR);
  let line: i32 = firstLine;
  let i = start;
  while (i < end) {
    let e = i;
    for (;;) {
      if (e >= end) {
        e = end;
        break;
      }
      const v = v128.load(src + <usize>e);
      const breaks = i8x16.bitmask(v128.or(i8x16.eq(v, lf), i8x16.eq(v, cr)));
      if (breaks != 0) {
        e += <i32>ctz(breaks);
        break;
      }
      e += 16;
    }
    if (e > end) e = end;
    r = screenLine(line, i, e, r);
    line++;
    i = e < end && load<u8>(src + <usize>e) == CR && e + 1 < end && load<u8>(src + <usize>(e + 1)) == LF ? e + 2 : e + 1;
  }
  screenedLines = line - firstLine;
  return <i32>(r - outPtr);
}

// --- Spelling: each token of a line as the number of its spelling, for the consistency count
// (SyllableTable.spell in src/core/syllables.ts reads tokens and numbers them the same way, in the
// order they first come). A table of the spellings seen, at tablePtr (set up by JS, normalizer.ts),
// with room for spCapacity spellings and spArenaCapacity bytes of them, grown by JS before a call
// that might need more (growSpellTable): memory that WebAssembly grows to counts as external memory
// in V8, and a table kept at its most (over 100 MB) made the thread collect garbage for it.
//   slots     u32[2 * 4 * spCapacity]  per slot: spelling + 1 (0 empty; open addressing, mask
//                                       slotMask), and its tag: the hash's high bits and the length
//   starts    u32[spCapacity]          where each spelling's bytes are in the arena
//   lengths   u32[spCapacity]
//   keys      u64[2 * spCapacity]      each spelling's first 16 bytes, zero past its end
//   arena     the bytes, spArenaCapacity at most
// The output, i32s, line by line: a head of three, [entries, end, encoded], then the line's
// `entries` i32s: per token its spelling number (>= 0); NEW_SPELLING, start, end for a token
// numbered now (the next number); NOT_KEPT, start, end for a token too long (or too many) to
// number. `end` is where the line ends in the chunk. A line without a token of the last two kinds
// is kept as it is: its spelling numbers are also written at encPtr, one line after the other, as
// SpelledLines encodes them, and `encoded` is how many bytes they take; for a line with one (JS
// spells it), `encoded` is -1 and nothing of it is there.

export const SPELL_MAX_SPELLINGS: i32 = 1 << 20; // as MAX_SPELLINGS in syllables.ts
export const SPELL_MAX_BYTES: i32 = 64; // as MAX_SPELLING_BYTES there
/** The table's bytes per spelling of capacity, besides the arena. */
const SP_BYTES_PER_SPELLING: i32 = 56;
let spCapacity: i32 = 0;
let spArenaCapacity: usize = 0;
let SP_SLOTS: usize = 0;
let SP_START: usize = 0;
let SP_LENGTH: usize = 0;
let SP_KEY: usize = 0;
let SP_ARENA: usize = 0;

/** The bytes a table with room for `capacity` spellings and `arenaCapacity` bytes of them takes. */
export function spellTableBytes(capacity: i32, arenaCapacity: i32): i32 {
  return SP_BYTES_PER_SPELLING * capacity + arenaCapacity;
}

/**
 * Gives the table at tablePtr room for `capacity` spellings and `arenaCapacity` bytes of them (no
 * less than it has; memory must reach tablePtr + spellTableBytes()): its parts move up in memory,
 * the last first, so each moves into room no part still needs.
 */
export function growSpellTable(tablePtr: usize, capacity: i32, arenaCapacity: i32): void {
  const start: usize = 32 * <usize>capacity;
  const length: usize = start + 4 * <usize>capacity;
  const key: usize = length + 4 * <usize>capacity;
  const arena: usize = key + 16 * <usize>capacity;
  const n = <usize>spellingCount;
  if (spCapacity > 0) {
    memory.copy(tablePtr + arena, tablePtr + SP_ARENA, arenaUsed);
    memory.copy(tablePtr + key, tablePtr + SP_KEY, n << 4);
    memory.copy(tablePtr + length, tablePtr + SP_LENGTH, n << 2);
    memory.copy(tablePtr + start, tablePtr + SP_START, n << 2);
  } else {
    // A new table: its first slots empty (memory past what a module used is zero, but a table
    // may be made again in the same memory by a test).
    memory.fill(tablePtr, 0, (<usize>(slotMask + 1)) << 3);
  }
  SP_START = start;
  SP_LENGTH = length;
  SP_KEY = key;
  SP_ARENA = arena;
  spCapacity = capacity;
  spArenaCapacity = <usize>arenaCapacity;
}

/** How many bytes of spellings the arena holds. */
export function spellArenaUsed(): i32 {
  return <i32>arenaUsed;
}

const NOT_KEPT_TOKEN: i32 = -2;
const NEW_SPELLING: i32 = -3;

let table: usize = 0;
let spellingCount: i32 = 0;
let slotMask: i32 = (1 << 12) - 1;
let arenaUsed: usize = 0;

/** How many spellings are numbered. */
export function spellings(): i32 {
  return spellingCount;
}

/** The bytes p[from, from + 8) that are before p[n], the rest zero. */
@inline function wordOf(p: usize, from: i32, n: i32): u64 {
  const left = n - from;
  if (left >= 8) return load<u64>(p + <usize>from);
  if (left <= 0) return 0;
  return load<u64>(p + <usize>from) & ((<u64>1 << (<u64>left << 3)) - 1);
}

/** The hash of the n bytes at p, whose first 16 are lo and hi (zero past the end). */
@inline function hashOf(p: usize, n: i32, lo: u64, hi: u64): u32 {
  let h: u64 = (0x9e3779b97f4a7c15 ^ <u64>n ^ lo) * 0xff51afd7ed558ccd;
  h = (h ^ hi ^ (h >> 32)) * 0xc4ceb9fe1a85ec53;
  for (let k: i32 = 16; k < n; k += 8) h = (h ^ wordOf(p, k, n) ^ (h >> 32)) * 0xff51afd7ed558ccd;
  return <u32>(h ^ (h >> 29));
}

/** Whether the n bytes at a and at b are the same past their first 16 (which the keys compare). */
@inline function sameBytes(a: usize, b: usize, n: i32): bool {
  for (let k: i32 = 16; k < n; k += 8) if (wordOf(a, k, n) != wordOf(b, k, n)) return false;
  return true;
}

/** A slot's tag for a spelling of n bytes (n <= SPELL_MAX_BYTES < 128) with hash h. */
@inline function tagOf(h: u32, n: i32): u32 {
  return (h & ~(<u32>127)) | <u32>n;
}

/** Doubles the slots in use and puts every spelling back. */
function growSlots(): void {
  slotMask = slotMask * 2 + 1;
  memory.fill(table + SP_SLOTS, 0, (<usize>(slotMask + 1)) << 3);
  for (let s: i32 = 0; s < spellingCount; s++) {
    const at = table + SP_ARENA + <usize>load<u32>(table + SP_START + (<usize>s << 2));
    const n = <i32>load<u32>(table + SP_LENGTH + (<usize>s << 2));
    const h = hashOf(at, n, load<u64>(table + SP_KEY + (<usize>s << 4)), load<u64>(table + SP_KEY + (<usize>s << 4), 8));
    let slot = <i32>h & slotMask;
    while (load<u32>(table + SP_SLOTS + (<usize>slot << 3)) != 0) slot = (slot + 1) & slotMask;
    store<u32>(table + SP_SLOTS + (<usize>slot << 3), s + 1);
    store<u32>(table + SP_SLOTS + (<usize>slot << 3), tagOf(h, n), 4);
  }
}

/**
 * Numbers the tokens of whole lines inPtr[start, end) (a line ends at LF, CRLF or a lone CR; no
 * empty line after the last break) with the table at tablePtr, and returns how many i32s of output
 * it wrote at outPtr (room: two per input byte, and three); the lines kept as they are go at
 * encPtr too (room: three bytes per input byte, and three).
 */
export function spell(inPtr: usize, start: i32, end: i32, outPtr: usize, tablePtr: usize, encPtr: usize): i32 {
  src = inPtr;
  table = tablePtr;
  let w = outPtr;
  let e = encPtr;
  const stopSplat = i8x16.splat(0x20);
  let i = start;
  while (i < end) {
    // One line: its head, then its tokens, up to its break.
    const head = w;
    const lineEncoded = e;
    w += 12;
    let special = 0;
    for (;;) {
      let b = <u32>load<u8>(src + <usize>i);
      while (i < end && (b == SPACE || b == TAB)) b = <u32>load<u8>(src + <usize>++i);
      if (i >= end || b == LF || b == CR) break;
      const t = i;
      const p = src + <usize>t;
      // The token's first 16 bytes: where it ends if it ends there, and its key.
      const first = v128.load(p);
      let mask = i8x16.bitmask(i8x16.le_u(first, stopSplat));
      // To the token's end: 16 bytes at a time to the first byte up to 0x20, then white space or a break ends it.
      for (;;) {
        if (mask == 0) {
          i += 16;
        } else {
          i += <i32>ctz(mask);
          const c = load<u8>(src + <usize>i);
          if (c == SPACE || c == TAB || c == LF || c == CR) break;
          i++; // another control byte: part of the token
        }
        mask = i8x16.bitmask(i8x16.le_u(v128.load(src + <usize>i), stopSplat));
      }
      if (i > end) i = end;
      const n = i - t;
      if (n > SPELL_MAX_BYTES) {
        store<i32>(w, NOT_KEPT_TOKEN);
        store<i32>(w, t, 4);
        store<i32>(w, i, 8);
        w += 12;
        special = 1;
        continue;
      }
      const key = v128.and(first, i8x16.lt_u(IOTA, i8x16.splat(<i8>(n < 16 ? n : 16))));
      const lo = i64x2.extract_lane(key, 0);
      const hi = i64x2.extract_lane(key, 1);
      const h = hashOf(p, n, lo, hi);
      const tag = tagOf(h, n);
      let slot = <i32>h & slotMask;
      let found: i32 = -1;
      for (;;) {
        const at = table + SP_SLOTS + (<usize>slot << 3);
        const entry = load<u32>(at);
        if (entry == 0) break;
        if (load<u32>(at, 4) == tag) {
          const s = <i32>entry - 1;
          const keyAt = table + SP_KEY + (<usize>s << 4);
          if (load<u64>(keyAt) == lo && load<u64>(keyAt, 8) == hi && (n <= 16 || sameBytes(table + SP_ARENA + <usize>load<u32>(table + SP_START + (<usize>s << 2)), p, n))) {
            found = s;
            break;
          }
        }
        slot = (slot + 1) & slotMask;
      }
      if (found >= 0) {
        store<i32>(w, found);
        w += 4;
        // SpelledLines' encoding of a spelling (below SPELL_MAX_SPELLINGS: three bytes at most).
        if (found < ONE_BYTE_LIMIT) {
          store<u8>(e, <u8>found);
          e += 1;
        } else if (found < TWO_BYTES_LIMIT) {
          const x = found - ONE_BYTE_LIMIT;
          store<u8>(e, <u8>(0x80 | (x >> 8)));
          store<u8>(e, <u8>x, 1);
          e += 2;
        } else {
          const x = found - TWO_BYTES_LIMIT;
          store<u8>(e, <u8>(0xc0 | (x >> 16)));
          store<u8>(e, <u8>(x >> 8), 1);
          store<u8>(e, <u8>x, 2);
          e += 3;
        }
        continue;
      }
      special = 1;
      if (spellingCount >= SPELL_MAX_SPELLINGS || spellingCount >= spCapacity || arenaUsed + <usize>n > spArenaCapacity) {
        store<i32>(w, NOT_KEPT_TOKEN);
        store<i32>(w, t, 4);
        store<i32>(w, i, 8);
        w += 12;
        continue;
      }
      const s = spellingCount++;
      memory.copy(table + SP_ARENA + arenaUsed, p, <usize>n);
      store<u32>(table + SP_START + (<usize>s << 2), <u32>arenaUsed);
      store<u32>(table + SP_LENGTH + (<usize>s << 2), n);
      store<u64>(table + SP_KEY + (<usize>s << 4), lo);
      store<u64>(table + SP_KEY + (<usize>s << 4), hi, 8);
      arenaUsed += <usize>n;
      store<u32>(table + SP_SLOTS + (<usize>slot << 3), s + 1);
      store<u32>(table + SP_SLOTS + (<usize>slot << 3), tag, 4);
      // At most half full, so probes stay short (four slots a spelling of capacity: room to double).
      if (spellingCount * 2 > slotMask + 1) growSlots();
      store<i32>(w, NEW_SPELLING);
      store<i32>(w, t, 4);
      store<i32>(w, i, 8);
      w += 12;
    }
    const lineEnd = i < end ? i : end;
    store<i32>(head, <i32>((w - head - 12) >> 2));
    store<i32>(head, lineEnd, 4);
    if (special != 0) e = lineEncoded;
    store<i32>(head, special != 0 ? -1 : <i32>(e - lineEncoded), 8);
    i = lineEnd < end && load<u8>(src + <usize>lineEnd) == CR && lineEnd + 1 < end && load<u8>(src + <usize>(lineEnd + 1)) == LF ? lineEnd + 2 : lineEnd + 1;
  }
  return <i32>((w - outPtr) >> 2);
}

// --- The corpus count's walk: TokenWalk.countLine (src/core/variations.ts) over the entries of
// SpelledLines, at a few times its speed, for Variations.countSpelled. JS copies in the candidate
// trie, the spellings' syllables and what TokenWalk worked out per spelling (its whole candidate and
// open suffixes), all as i32 arrays, and says where they are with countTables(); then the entries of
// runs of lines with countRun(). The occurrences across words go out in order as (node, form)
// pairs, at most VISITS_MAX at a time (countRun stops to hand them over and goes on when called
// again); the words that are a candidate whole are counted per spelling, in the order spellings
// first come (countedSpellings).

const NO_NODE: i32 = 0;
const PATHS_MAX: i32 = 16; // paths end at the word read last, each from another start: fewer than the longest sequence (16)
export const VISITS_MAX: i32 = 1 << 16;

// The tables (countTables).
let cRoot: usize = 0;
let cRootLength: i32 = 0;
let cBits: usize = 0;
let cKeysParent: usize = 0;
let cKeysSyllable: usize = 0;
let cValues: usize = 0;
let cMask: i32 = 0;
let cKind: usize = 0;
let cSyllables: usize = 0; // i32 per spelling: its syllable count
let cFirst: usize = 0;
let cPool: usize = 0;
let cWhole: usize = 0; // i32 per spelling: 1 + its whole candidate (NO_NODE + 1 for none)
let cOpenFrom: usize = 0;
let cOpenCount: usize = 0;
let cOpen: usize = 0; // three i32 per open suffix: node, length, left
let cWholeCount: usize = 0; // i32 per spelling (JS zeroes it)
let cCounted: usize = 0; // i32 per spelling: the spellings counted whole, in the order they first came
let cCountedLength: i32 = 0;
let cMaxSyllables: i32 = 0;
let cVisits: usize = 0; // VISITS_MAX (node, form) pairs
let cPaths: usize = 0; // 2 * PATHS_MAX paths of four i32: node, length, inner, left
let cNext: usize = 0;

// Where countRun() stopped: the next entry, the line it is in, and the paths going on there.
let cAt: i32 = 0;
let cLine: i32 = 0;
let cPathCount: i32 = 0;
let cVisitCount: i32 = 0;

export function countTables(
  root: usize,
  rootLength: i32,
  bits: usize,
  keysParent: usize,
  keysSyllable: usize,
  values: usize,
  valueCount: i32,
  kind: usize,
  syllables: usize,
  first: usize,
  pool: usize,
  whole: usize,
  openFrom: usize,
  openCount: usize,
  open: usize,
  wholeCount: usize,
  counted: usize,
  maxSyllables: i32,
  scratch: usize,
): void {
  cRoot = root;
  cRootLength = rootLength;
  cBits = bits;
  cKeysParent = keysParent;
  cKeysSyllable = keysSyllable;
  cValues = values;
  cMask = valueCount - 1;
  cKind = kind;
  cSyllables = syllables;
  cFirst = first;
  cPool = pool;
  cWhole = whole;
  cOpenFrom = openFrom;
  cOpenCount = openCount;
  cOpen = open;
  cWholeCount = wholeCount;
  cCounted = counted;
  cCountedLength = 0;
  cMaxSyllables = maxSyllables;
  cVisits = scratch;
  cPaths = scratch + (<usize>VISITS_MAX << 3);
  cNext = cPaths + (<usize>PATHS_MAX << 4);
}

/** How many spellings were counted whole since countTables() or restartCounted(), listed at `counted` in the order they first came. */
export function countedSpellings(): i32 {
  return cCountedLength;
}

/** Starts the list of spellings counted whole afresh (JS zeroes their counts): the next run's own list. */
export function restartCounted(): void {
  cCountedLength = 0;
}

/** How many (node, form) pairs the last countRun() call left at the visits. */
export function countVisits(): i32 {
  return cVisitCount;
}

@inline function hashPair(parent: i32, syllable: i32): u32 {
  const h = (<u32>parent * 0x9e3779b1) ^ ((<u32>syllable + 0x7f4a7c15) * 0x85ebca77);
  return h ^ (h >> 15);
}

/** Variations' child(parent, syllable). */
function childOf(parent: i32, syllable: i32): i32 {
  if (parent == NO_NODE) return syllable < cRootLength ? load<i32>(cRoot + (<usize>syllable << 2)) : NO_NODE;
  if ((load<i32>(cBits + (<usize>parent << 2)) & (1 << (syllable & 31))) == 0) return NO_NODE;
  for (let slot = <i32>hashPair(parent, syllable) & cMask; ; slot = (slot + 1) & cMask) {
    const value = load<i32>(cValues + (<usize>slot << 2));
    if (value == NO_NODE) return NO_NODE;
    if (load<i32>(cKeysParent + (<usize>slot << 2)) == parent && load<i32>(cKeysSyllable + (<usize>slot << 2)) == syllable) return value;
  }
  return NO_NODE; // not reached: the table always has an empty slot
}

/** The trie node of the syllables p[j, m) (i32s), or NO_NODE. */
function walkFrom(p: usize, j: i32, m: i32): i32 {
  let node = NO_NODE;
  for (let k = j; k < m; k++) {
    node = childOf(node, load<i32>(p + (<usize>k << 2)));
    if (node == NO_NODE) return NO_NODE;
  }
  return node;
}

@inline function visitOf(node: i32, form: i32): void {
  const v = cVisits + (<usize>cVisitCount << 3);
  store<i32>(v, node);
  store<i32>(v, form, 4);
  cVisitCount++;
}

@inline function pushPath(at: usize, k: i32, node: i32, n: i32, inner: i32, left: i32): void {
  const q = at + (<usize>k << 4);
  store<i32>(q, node);
  store<i32>(q, n, 4);
  store<i32>(q, inner, 8);
  store<i32>(q, left, 12);
}

/**
 * Counts the lines of the entries at `tokens`, encoded as SpelledLines keeps them (read here as
 * they are: no i32 copy of them is made), that end at ends[0, lineCount) (byte offsets into
 * tokens): from the start when `fresh`, else from where the last call stopped. Returns 1 when every
 * line is counted, 0 when it stopped with the visits full (hand them over, call again). Per line
 * finished in this call, in order from `lineMarks`: how many of this call's visits came before its
 * end (countFinishedLines() says how many lines).
 */
export function countRun(tokens: usize, ends: usize, lineCount: i32, fresh: bool, lineMarks: usize): i32 {
  if (fresh) {
    cAt = 0;
    cLine = 0;
    cPathCount = 0;
  }
  cVisitCount = 0;
  const max = cMaxSyllables;
  let paths = cPaths;
  let next = cNext;
  let pathCount = cPathCount;
  let p = cAt;
  const firstLine = cLine;
  cFinished = 0;
  for (let line = cLine; line < lineCount; line++) {
    const stop = load<i32>(ends + (<usize>line << 2));
    while (p < stop) {
      // Room for what one word may add: each path and each open suffix at most `max` visits.
      if (cVisitCount > VISITS_MAX - 2 * PATHS_MAX * 16) {
        cAt = p;
        cLine = line;
        cPathCount = pathCount;
        cFinished = line - firstLine;
        if (paths != cPaths) memory.copy(cPaths, paths, <usize>PATHS_MAX << 4);
        return 0;
      }
      // The next entry, in SpelledLines' encoding (as decodeEntries() reads it): a spelling, not a
      // word, or a word written out.
      const at = tokens + <usize>p;
      const b = <u32>load<u8>(at);
      let v: i32;
      let m: i32;
      let source: usize;
      if (b < 0xe0 || b == WIDE_SPELLING) {
        // A spelling's number: one to three bytes, or five past those.
        if (b < 0x80) {
          v = <i32>b;
          p++;
        } else if (b < 0xc0) {
          v = ONE_BYTE_LIMIT + <i32>(((b & 0x3f) << 8) | <u32>load<u8>(at, 1));
          p += 2;
        } else if (b < 0xe0) {
          v = TWO_BYTES_LIMIT + <i32>(((b & 0x1f) << 16) | (<u32>load<u8>(at, 1) << 8) | <u32>load<u8>(at, 2));
          p += 3;
        } else {
          v = load<i32>(at, 1);
          p += 5;
        }
        m = load<i32>(cSyllables + (<usize>v << 2));
        if (m == 0) {
          pathCount = 0;
          continue;
        }
        source = cPool + (<usize>load<i32>(cFirst + (<usize>v << 2)) << 2);
      } else if (b == NOT_A_WORD_BYTE) {
        p++;
        pathCount = 0;
        continue;
      } else {
        // A word written out: WRITTEN_WORD, its syllable count, then its syllable ids, four bytes each.
        m = load<i32>(at, 1);
        v = -2 - m;
        source = at + 5;
        p += 5 + 4 * m;
      }
      // The paths from the words before go on through this one: occurrences across words.
      let nextCount: i32 = 0;
      for (let o: i32 = 0; o < pathCount; o++) {
        const q = paths + (<usize>o << 4);
        let node = load<i32>(q);
        let n = load<i32>(q, 4);
        let inner = load<i32>(q, 8);
        const left = load<i32>(q, 12);
        let alive = true;
        for (let j: i32 = 0; j < m; j++) {
          if (n >= max) {
            alive = false;
            break;
          }
          node = childOf(node, load<i32>(source + (<usize>j << 2)));
          if (node == NO_NODE) {
            alive = false;
            break;
          }
          n++;
          if (j > 0) inner |= 1 << (n - 2);
          if (load<u8>(cKind + <usize>node) != 0) visitOf(node, inner | (left != 0 ? 1 << (n - 1) : 0) | (j < m - 1 ? 1 << n : 0));
        }
        if (alive && n < max) pushPath(next, nextCount++, node, n, inner, left);
      }
      if (v >= 0) {
        const at = <usize>v << 2;
        if (load<i32>(cWhole + at) - 1 != NO_NODE) {
          const count = load<i32>(cWholeCount + at);
          if (count == 0) {
            store<i32>(cCounted + (<usize>cCountedLength << 2), v);
            cCountedLength++;
          }
          store<i32>(cWholeCount + at, count + 1);
        }
        const from = load<i32>(cOpenFrom + at);
        const to = from + load<i32>(cOpenCount + at);
        for (let k = from; k < to; k++) {
          const o = cOpen + <usize>k * 12;
          const n = load<i32>(o, 4);
          pushPath(next, nextCount++, load<i32>(o), n, (1 << (n - 1)) - 1, load<i32>(o, 8));
        }
      } else {
        // A word not remembered: its whole and its open suffixes walked here.
        const whole = walkFrom(source, 0, m);
        if (m >= 2 && m <= max && whole != NO_NODE && load<u8>(cKind + <usize>whole) != 0) visitOf(whole, (1 << (m - 1)) - 1);
        for (let j = m - max + 1 > 0 ? m - max + 1 : 0; j < m; j++) {
          const node = walkFrom(source, j, m);
          if (node != NO_NODE) pushPath(next, nextCount++, node, m - j, (1 << (m - j - 1)) - 1, j > 0 ? 1 : 0);
        }
      }
      const swap = paths;
      paths = next;
      next = swap;
      pathCount = nextCount;
    }
    pathCount = 0;
    store<i32>(lineMarks + (<usize>(line - firstLine) << 2), cVisitCount);
  }
  cAt = p;
  cLine = lineCount;
  cPathCount = 0;
  cFinished = lineCount - firstLine;
  return 1;
}

let cFinished: i32 = 0;

/** How many lines the last countRun() call finished (their marks are at its lineMarks). */
export function countFinishedLines(): i32 {
  return cFinished;
}

// SpelledLines' encoding of entries (src/core/syllables.ts, where it is described): the same constants.
const ONE_BYTE_LIMIT: i32 = 0x80;
const TWO_BYTES_LIMIT: i32 = ONE_BYTE_LIMIT + (1 << 14);
const WIDE_SPELLING: u32 = 0xfd;
const NOT_A_WORD_BYTE: u32 = 0xff;
