/** Poll timing: intervals from "15m"-style strings, the next poll after success, exponential back-off after failure. */

/** Longest wait between polls, however many failures. */
const MAX_BACKOFF_SECONDS = 24 * 3600;

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** Seconds in "90s", "15m", "1h30m", "2d" (a bare number is minutes); throws on anything else. */
export function parseInterval(text: string): number {
  const s = text.trim().toLowerCase();
  if (/^\d+$/.test(s)) return Number(s) * 60;
  const parts = [...s.matchAll(/(\d+)\s*([smhd])/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== s.replace(/\s+/g, '')) {
    throw new Error(`"${text}" is not an interval; use e.g. 30s, 15m, 1h, 1h30m, 1d`);
  }
  return parts.reduce((sum, p) => sum + Number(p[1]) * UNIT_SECONDS[p[2]!]!, 0);
}

/** "15m", "1h30m": an interval in seconds, written back in the shortest form. */
export function formatInterval(seconds: number): string {
  const out: string[] = [];
  let rest = seconds;
  for (const [unit, size] of [
    ['d', 86400],
    ['h', 3600],
    ['m', 60],
    ['s', 1],
  ] as const) {
    if (rest >= size) {
      out.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  return out.join('') || '0s';
}

/** Seconds to wait after the n-th consecutive failure: the interval doubled per failure, capped at a day. */
export function backoffSeconds(intervalSeconds: number, failures: number): number {
  return Math.min(MAX_BACKOFF_SECONDS, intervalSeconds * 2 ** Math.min(failures, 20));
}

/** The ISO time `seconds` after `now`. */
export function after(now: Date, seconds: number): string {
  return new Date(now.getTime() + seconds * 1000).toISOString();
}

/** True when the feed is due at `now`. */
export function isDue(nextPollAt: string | null, now: Date): boolean {
  return nextPollAt === null || Date.parse(nextPollAt) <= now.getTime();
}
