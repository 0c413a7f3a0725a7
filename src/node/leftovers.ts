// What a run must remove however it ends (done, failed, Ctrl+C, SIGTERM, a closed pipe): temporary outputs and spools.

const removals = new Set<() => void>();

/** Registers a removal to run if the process ends before `done` is called; returns `done`. */
export function removeUnlessDone(remove: () => void): () => void {
  removals.add(remove);
  return () => {
    removals.delete(remove);
  };
}

/** Runs every pending removal now (each at most once). */
export function removeLeftovers(): void {
  const pending = [...removals];
  removals.clear();
  for (const remove of pending) {
    try {
      remove();
    } catch {
      // Best effort: the process is ending, and one failed removal must not stop the others.
    }
  }
}

/** Exit statuses for the signals a filter is stopped by: 128 + the signal number, as a shell reports them. */
export const SIGNAL_STATUS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

/** Leaves at once: removals first, then the status. Nothing else runs (no half-written output). */
export function exitNow(status: number): never {
  removeLeftovers();
  process.exit(status);
}

/**
 * Ctrl+C, SIGTERM and SIGHUP stop the run where it is, commit nothing and remove what it made. The
 * handlers run between two chunks (the reads are asynchronous), so a stop takes one chunk's time.
 */
export function stopOnSignals(): void {
  for (const [signal, status] of Object.entries(SIGNAL_STATUS)) process.on(signal as NodeJS.Signals, () => exitNow(status));
  process.on('exit', removeLeftovers);
}
