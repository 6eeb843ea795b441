/**
 * The three forms of one instant used by the Lync XML format (LYNC.md §5.2):
 * `since1970` = Unix epoch milliseconds, `string` = ISO-8601 UTC with up to 7 fractional digits
 * (trailing zeros dropped), `long` = .NET ticks (100 ns since 0001-01-01T00:00:00Z):
 * `long = 621355968000000000 + unix time in 100 ns units`, `since1970 = floor((long − 621355968000000000) / 10000)`.
 */
export const TICKS_AT_UNIX_EPOCH = 621355968000000000n;

export interface LyncTime {
  since1970: string;
  string: string;
  long: string;
}

const ISO = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,7})\d*)?Z$/;

/** Unix time in 100 ns units of an ISO-8601 UTC timestamp (keeps up to 7 fractional digits). */
export function isoToUnixTicks(iso: string): bigint {
  const m = ISO.exec(iso);
  if (!m) {
    const ms = Date.parse(iso);
    if (Number.isNaN(ms)) throw new Error(`not an ISO-8601 UTC timestamp: ${iso}`);
    return BigInt(ms) * 10000n;
  }
  const seconds = Date.parse(`${m[1]}Z`) / 1000;
  const fraction = (m[2] ?? '').padEnd(7, '0');
  return BigInt(seconds) * 10_000_000n + BigInt(fraction);
}

export function lyncTime(iso: string): LyncTime {
  const unix = isoToUnixTicks(iso);
  const ticks = unix + TICKS_AT_UNIX_EPOCH;
  const ms = unix >= 0n ? unix / 10000n : -((-unix + 9999n) / 10000n);
  return { since1970: ms.toString(), string: ticksToIso(unix), long: ticks.toString() };
}

/** ISO-8601 of unix time in 100 ns units, fraction without trailing zeros. */
export function ticksToIso(unix: bigint): string {
  const seconds = unix / 10_000_000n;
  const rest = Number(unix % 10_000_000n);
  const base = new Date(Number(seconds) * 1000).toISOString().slice(0, 19);
  const fraction = String(rest).padStart(7, '0').replace(/0+$/, '');
  return fraction ? `${base}.${fraction}Z` : `${base}Z`;
}

/** Back from the `long` form to an ISO string with millisecond precision or better. */
export function ticksToIsoFromLong(long: string): string {
  return ticksToIso(BigInt(long) - TICKS_AT_UNIX_EPOCH);
}
