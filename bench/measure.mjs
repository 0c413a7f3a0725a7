// Runs a command as a child process and measures its wall-clock time and peak RSS; checks output files.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, createReadStream, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { clearInterval, setInterval } from 'node:timers';

const GNU_TIME = '/usr/bin/time';
const STDERR_TAIL_CHARS = 2000;
const POLL_MS = 10;

/** How peak RSS is measured here, for the report. */
export const rssSource = existsSync(GNU_TIME)
  ? `${GNU_TIME} -f %M: the child's max RSS, all its threads`
  : `VmHWM from /proc/<pid>/status, polled every ${POLL_MS} ms (no ${GNU_TIME})`;

// Children still running, so an interrupted benchmark can stop them before deleting their files.
const liveChildren = new Set();

/**
 * Kills every running child's process group: killing GNU time alone would leave the command it
 * runs (sed, node) orphaned and still writing.
 */
export function killLiveChildren() {
  for (const child of liveChildren) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

export class CommandFailed extends Error {}

/**
 * Runs `command args…` with stdout sent to `stdoutPath` (or discarded) and GNU time's report to
 * `scratchDir`; returns `{ seconds, peakRssBytes, stderr, code }`. Throws CommandFailed, with the tail
 * of stderr, on an exit status not in `okCodes` (default: 0 only; `segcorpus check` exits 1 on findings).
 *
 * Peak RSS comes from GNU time's %M (the kernel's ru_maxrss for the child): worker threads are
 * threads of that process, so it covers them. Both the command under test and its baseline go
 * through GNU time, so its fork/exec (about a millisecond) costs each side the same.
 */
export async function measure(command, args, { stdoutPath, scratchDir, okCodes = [0] }) {
  const useGnuTime = existsSync(GNU_TIME);
  const rssPath = join(scratchDir, 'peak-rss.txt');
  const file = useGnuTime ? GNU_TIME : command;
  const argv = useGnuTime ? ['-f', '%M', '-o', rssPath, command, ...args] : args;
  const stdoutFd = stdoutPath ? openSync(stdoutPath, 'w') : 'ignore';
  let stderr = '';
  let polledPeakKb = 0;
  const started = process.hrtime.bigint();
  let finished;
  let exit;
  try {
    exit = await new Promise((resolve, reject) => {
      // detached: its own process group, so killLiveChildren() reaches the command under GNU time too.
      const child = spawn(file, argv, { stdio: ['ignore', stdoutFd, 'pipe'], detached: true });
      liveChildren.add(child);
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (text) => {
        stderr = (stderr + text).slice(-STDERR_TAIL_CHARS);
      });
      // Without GNU time, VmHWM (the process's own high-water mark) read just before exit is the
      // fallback; it misses at most the last POLL_MS of growth.
      const poll = useGnuTime ? undefined : setInterval(() => {
        polledPeakKb = Math.max(polledPeakKb, readVmHwmKb(child.pid));
      }, POLL_MS);
      child.on('error', reject);
      child.on('close', (code, signal) => {
        finished = process.hrtime.bigint();
        if (poll) clearInterval(poll);
        liveChildren.delete(child);
        resolve({ code, signal });
      });
    });
    if (!okCodes.includes(exit.code)) {
      const how = exit.signal ? `was killed by ${exit.signal}` : `exited with ${exit.code}`;
      throw new CommandFailed(`${[command, ...args].join(' ')} ${how}\n${stderr.trimEnd()}`);
    }
  } finally {
    if (typeof stdoutFd === 'number') closeSync(stdoutFd);
  }
  const peakKb = useGnuTime ? readGnuTimeKb(rssPath) : polledPeakKb;
  return { seconds: Number(finished - started) / 1e9, peakRssBytes: peakKb * 1024, stderr, code: exit.code };
}

function readVmHwmKb(pid) {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0; // the process has just exited
  }
}

function readGnuTimeKb(path) {
  // GNU time writes "Command exited with non-zero status N" above the figure on failure: take the last line.
  const lines = readFileSync(path, 'utf8').trim().split('\n');
  rmSync(path, { force: true });
  return Number(lines[lines.length - 1]);
}

/** Counts line feeds and finds the first `_` in a file, streaming it (outputs can be 1 GB). */
export async function scanOutput(path) {
  let lineFeeds = 0;
  let bytes = 0;
  let firstUnderscore = -1;
  for await (const chunk of createReadStream(path, { highWaterMark: 4 << 20 })) {
    for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lineFeeds++;
    if (firstUnderscore === -1) {
      const at = chunk.indexOf(0x5f);
      if (at !== -1) firstUnderscore = bytes + at;
    }
    bytes += chunk.length;
  }
  return { bytes, lineFeeds, firstUnderscore };
}

/** Reads a file once and discards it, so the first timed run does not pay for the disk. */
export async function warmPageCache(path) {
  for await (const chunk of createReadStream(path, { highWaterMark: 4 << 20 })) void chunk;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const MB = 1e6;

/** A table row of a command timed against sed: median seconds, MB/s, peak RSS, every run. */
export function row(label, bytes, seconds, peakRssBytes) {
  const mid = median(seconds);
  return [label, mid.toFixed(3), (bytes / MB / mid).toFixed(1), formatMb(peakRssBytes), seconds.map((s) => s.toFixed(2)).join(' ')];
}

export function formatMb(bytes) {
  return `${(bytes / MB).toFixed(1)} MB`;
}

/** The first line of `sed --version`, for the report's machine line. */
export function sedVersion() {
  const result = spawnSync('sed', ['--version'], { encoding: 'utf8' });
  return (result.stdout ?? '').split('\n')[0] || 'sed';
}
