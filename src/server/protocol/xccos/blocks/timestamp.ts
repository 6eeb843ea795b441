/**
 * XCCOS timestamps (XCCOS.md §4): clients send `YYYY-MM-DDTHH:MM:SSZ`; the server writes the .NET
 * round-trip form with 7 fractional digits, `2024-06-01T08:30:05.1234567Z`. Accept any ISO 8601
 * date-time; a stamp with no zone is UTC (as SIPE reads it).
 */
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?(Z|[+-]\d{2}:?\d{2})?$/i;

/** Milliseconds since the epoch, or undefined when the text is not an ISO 8601 date-time. */
export function parseXccosTimestamp(text: string): number | undefined {
  const m = ISO_RE.exec(text.trim());
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, s, fraction = '', zone = 'Z'] = m;
  const ms = Number((fraction + '000').slice(0, 3));
  let value = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), ms);
  const check = new Date(value);
  if (
    check.getUTCDate() !== Number(d) ||
    check.getUTCMonth() !== Number(mo) - 1 ||
    Number(h) > 23 ||
    Number(mi) > 59 ||
    Number(s) > 60
  ) {
    return undefined;
  }
  if (zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    value -= sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  return value;
}

export function isXccosTimestamp(text: string): boolean {
  return parseXccosTimestamp(text) !== undefined;
}

/**
 * Server form. `subMillisecondTicks` (0–9999, 100 ns units) fills the last four digits, so a
 * server that receives several posts in one millisecond can still write distinct stamps.
 */
export function formatXccosTimestamp(epochMs: number, subMillisecondTicks = 0): string {
  const iso = new Date(epochMs).toISOString(); // 2024-06-01T08:30:05.123Z
  const ticks = String(Math.max(0, Math.min(9999, Math.trunc(subMillisecondTicks)))).padStart(4, '0');
  return `${iso.slice(0, 23)}${ticks}Z`;
}
