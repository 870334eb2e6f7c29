// Clocks for benchmarks on a shared machine (the `_` prefix keeps bench/run.ts from running this).
// Wall time counts other processes' turns on the cores; process CPU time (getrusage) counts this
// process's GC and compiler threads as well; the main thread's own CPU time counts only the work
// the benchmark asked for. Linux gives that per thread in /proc/thread-self/schedstat (ns, first
// field); elsewhere the process's CPU time stands in.
import { closeSync, openSync, readSync } from 'node:fs';
import { arch, cpus, loadavg, platform } from 'node:os';

let fd: number | undefined;
try {
  fd = openSync('/proc/thread-self/schedstat', 'r');
} catch {
  fd = undefined;
}
const buf = Buffer.alloc(128);

/** What `threadCpuMs` measures: the main thread's own CPU time, or the process's where unavailable. */
export const threadClock = fd === undefined ? 'process CPU' : 'main-thread CPU';

/** CPU milliseconds this thread has run (a pread of 0.6 µs on Linux; process CPU elsewhere). */
export function threadCpuMs(): number {
  if (fd !== undefined) {
    const n = readSync(fd, buf, 0, buf.length, 0);
    const s = buf.toString('latin1', 0, n);
    return Number(s.slice(0, s.indexOf(' '))) / 1e6;
  }
  return processCpuMs();
}

/** CPU milliseconds of the whole process (all its threads: GC, compiler). */
export function processCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

/** Closes the schedstat file (benchmarks exit anyway; for tidiness in long-lived callers). */
export function closeClock(): void {
  if (fd !== undefined) closeSync(fd);
  fd = undefined;
}

/** Median of a non-empty list. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** One line naming the machine and its load, to print beside any figure. */
export function machineLine(): string {
  const [l1, l5, l15] = loadavg().map((x) => x.toFixed(2));
  return `node ${process.version} ${platform()}/${arch()}, ${cpus().length} cores (${cpus()[0]?.model.trim() ?? '?'}); load average ${l1} ${l5} ${l15}`;
}
