// The built segcorpus (dist/cli.js, made by `npm run build`) run to its end as a child process, as users and pipelines run it: the one spawn the CLI tests share.
import { spawnSync } from 'child_process';
import * as path from 'path';
import { REPO } from './fixtures';

export const CLI = path.join(REPO, 'dist', 'cli.js');

/** Output up to this size is kept whole (a normalized test corpus runs to tens of MB). */
const MAX_OUTPUT = 1 << 28;

export interface CliRun<Output = string> {
  readonly status: number | null;
  readonly stdout: Output;
  readonly stderr: string;
}

/**
 * Runs `segcorpus ...args` with `input` on its stdin, `env` over this process's environment (a
 * variable given as undefined is left out), in `cwd`; its output as text.
 */
export function runCli(args: readonly string[], input?: string | Buffer, env: NodeJS.ProcessEnv = {}, cwd?: string): CliRun {
  const r = spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', env: { ...process.env, ...env }, cwd, maxBuffer: MAX_OUTPUT });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** runCli with stdout as the bytes written (gzip, bytes that are not UTF-8). */
export function runCliBytes(args: readonly string[], input?: string | Buffer, env: NodeJS.ProcessEnv = {}): CliRun<Buffer> {
  const r = spawnSync(process.execPath, [CLI, ...args], { input, env: { ...process.env, ...env }, maxBuffer: MAX_OUTPUT });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.toString() };
}
