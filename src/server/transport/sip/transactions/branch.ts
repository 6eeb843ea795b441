/**
 * Branches of the requests this server sends (RFC 3261 §8.1.1.7: unique over space and time,
 * starting with the magic cookie): a random per-process prefix and a rising counter, so one
 * random draw per process instead of one per request. The counter is the client transaction's
 * id: a response is matched by reading the number back out of its branch, without hashing a
 * string (this runs once per room delivery).
 */
import { BRANCH_MAGIC_COOKIE } from '../codec/headers/via.js';

export const BRANCH_PREFIX = `${BRANCH_MAGIC_COOKIE}${Math.random().toString(36).slice(2, 10)}${Date.now().toString(36)}.`;

let counter = 0;

/** A fresh id (2^53 of them: centuries at a million requests a second). */
export function nextBranchId(): number {
  return ++counter;
}

export function branchOf(id: number): string {
  return `${BRANCH_PREFIX}${id}`;
}

/** The id in one of our branches; undefined for any other branch. */
export function branchId(branch: string): number | undefined {
  if (!branch.startsWith(BRANCH_PREFIX)) return undefined;
  const digits = branch.length - BRANCH_PREFIX.length;
  if (digits < 1 || digits > 16) return undefined;
  let n = 0;
  for (let i = BRANCH_PREFIX.length; i < branch.length; i++) {
    const d = branch.charCodeAt(i) - 48;
    if (d < 0 || d > 9 || (d === 0 && n === 0)) return undefined;
    n = n * 10 + d;
  }
  return n;
}
