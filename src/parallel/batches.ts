// How many files to hand a worker at a time. A message per small file cost about as much as reading
// the file (a structured clone each way and a wake-up of the worker); a worker that runs dry waits
// a round trip for more. So a worker holds up to HELD files, is topped up in batches of at least
// MIN_BATCH as its results come back (every few files), and the last files are spread evenly so no
// worker is left with a long queue while the others have finished.

/** Files a worker holds at most: ~30 ms of small files, enough to cover a busy main thread. */
export const HELD = 32;
/** Fewer than this missing and the worker is not topped up yet (unless it holds none). */
export const MIN_BATCH = 8;

/**
 * Files to send a worker that holds `held`, with `remaining` not yet handed out and `consumers`
 * threads (workers, and the main thread when it scans too) sharing them.
 */
export function refill(held: number, remaining: number, consumers: number): number {
  if (remaining <= 0) return 0;
  const room = HELD - held;
  if (room <= 0 || (held > 0 && room < MIN_BATCH)) return 0;
  // Near the end, no more than an even share of what is left.
  const share = Math.ceil(remaining / Math.max(1, consumers));
  return Math.max(1, Math.min(room, remaining, share));
}
