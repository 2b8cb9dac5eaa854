/**
 * Small measuring helpers shared by the benchmark processes.
 */

/**
 * Runs `work` once and returns its result with the wall time and the process's
 * CPU time (user + system, all threads, so garbage collection counts) in
 * milliseconds. On a shared machine the CPU time is the steadier figure: wall
 * time also counts the time other processes held the cores.
 */
export function timed<T>(work: () => T): { value: T; ms: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = work();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { value, ms, cpuMs: (used.user + used.system) / 1000 };
}

/** The async form of {@link timed}. */
export async function timedAsync<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
}

/**
 * Keeps the highest heapUsed seen, in MB. The work measured is synchronous, so a
 * timer could not fire during it: callers sample after each phase, while its
 * results are still alive.
 */
export class HeapSampler {
  private peak = 0;

  sample(): void {
    this.peak = Math.max(this.peak, process.memoryUsage().heapUsed);
  }

  get peakMb(): number {
    return this.peak / (1024 * 1024);
  }
}
