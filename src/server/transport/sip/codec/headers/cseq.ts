/** RFC 3261 §20.16 `CSeq = "CSeq" HCOLON 1*DIGIT LWS Method`; the number is below 2**31 (§8.1.1.5). */
import { TOKEN_RE } from '../header-names.js';

export interface CSeq {
  readonly seq: number;
  readonly method: string;
}

export function parseCSeq(value: string): CSeq | undefined {
  const m = /^(\d{1,10})\s+(\S+)$/.exec(value.trim());
  if (!m || !m[1] || !m[2] || !TOKEN_RE.test(m[2])) return undefined;
  const seq = Number(m[1]);
  if (seq >= 2 ** 31) return undefined;
  return { seq, method: m[2] };
}

/** XCCOS.md §10 item 10: exactly `{n} {METHOD}` with one space. */
export function formatCSeq(cseq: CSeq): string {
  return `${cseq.seq} ${cseq.method}`;
}
