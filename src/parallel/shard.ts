// `--shard K/N`: each of N machines scans a stable share of the discovered files, chosen by a hash of
// the file's normalised relative path, so the same file always lands in the same shard whatever
// else is in the tree, and the shards' JSON reports merge (`kojin merge`) into the full report.
import { createHash } from 'node:crypto';
import { UsageError } from '../io.js';

export interface Shard {
  /** 0-based. */
  index: number;
  count: number;
}

/** Parses `K/N` (K 1-based, 1 ≤ K ≤ N); anything else is a usage error. */
export function parseShard(value: string | undefined): Shard | undefined {
  if (value === undefined) return undefined;
  const match = /^(\d{1,6})\/(\d{1,6})$/.exec(value.trim());
  const k = match ? Number(match[1]) : NaN;
  const n = match ? Number(match[2]) : NaN;
  if (!match || n < 1 || k < 1 || k > n) throw new UsageError(`--shard: expected K/N with 1 ≤ K ≤ N (e.g. 1/4), got "${value}"`);
  return { index: k - 1, count: n };
}

/** Forward slashes, no leading ./, Unicode NFC: the same file hashes alike on every OS. */
export function normalisePath(path: string): string {
  return path.replace(/\\/g, '/').replace(/^(\.\/)+/, '').normalize('NFC');
}

export function shardOf(path: string, count: number): number {
  const digest = createHash('sha256').update(normalisePath(path)).digest();
  return digest.readUInt32BE(0) % count;
}

export const inShard = (path: string, shard: Shard): boolean => shardOf(path, shard.count) === shard.index;
