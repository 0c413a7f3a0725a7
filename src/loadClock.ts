// The clock read as the Node bundle starts evaluating: imported first by extension.ts, so activate() can tell what loading and activating cost.
export const loadStarted = { wall: performance.now(), cpu: process.cpuUsage() };

/** Wall and CPU milliseconds since the bundle started evaluating (read by the activation benchmark). */
export function sinceLoadStarted(): { wall: number; cpu: number } {
  const cpu = process.cpuUsage(loadStarted.cpu);
  return { wall: performance.now() - loadStarted.wall, cpu: (cpu.user + cpu.system) / 1000 };
}
