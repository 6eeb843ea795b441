/**
 * RFC 4028 session timers on the UAS side, as XCCOS.md §2.9 needs them: the Lync chat server
 * puts `Session-Expires` in its INVITE 200 and sends BYE when the dialog idles that long; SIPE
 * refreshes with a body-less UPDATE every `Session-Expires − 10` seconds.
 */
import { Grammar } from 'sip.js/lib/core/index.js';
import { headerValue, type SipRequest } from '../codec/sip-message.js';

export interface SessionExpires {
  readonly deltaSeconds: number;
  readonly refresher: 'uac' | 'uas' | undefined;
}

/** `1800;refresher=uac` → { 1800, 'uac' }, via sip.js's grammar; undefined if malformed. */
export function parseSessionExpires(value: string): SessionExpires | undefined {
  let parsed: unknown;
  try {
    parsed = Grammar.parse(value.trim(), 'Session_Expires');
  } catch {
    return undefined;
  }
  if (parsed === -1 || typeof parsed !== 'object' || parsed === null) return undefined;
  const p = parsed as { deltaSeconds?: number; refresher?: string };
  if (typeof p.deltaSeconds !== 'number') return undefined;
  const refresher = p.refresher === 'uac' || p.refresher === 'uas' ? p.refresher : undefined;
  return { deltaSeconds: p.deltaSeconds, refresher };
}

export type SessionInterval =
  | { readonly ok: true; readonly seconds: number; readonly refresher: 'uac' | 'uas'; readonly header: string }
  /** RFC 4028 §8.1: an interval below our Min-SE is refused with 422 and our Min-SE. */
  | { readonly ok: false; readonly status: 422; readonly minSE: number };

/**
 * Choose the interval for our 2xx: the request's Session-Expires if present (not below `minSE`,
 * capped at `maxSeconds`), else our default. The refresher is the client unless it asked
 * otherwise (SIPE refreshes with UPDATE; XCCOS.md §2.9).
 */
export function negotiateSessionInterval(
  request: SipRequest,
  policy: { readonly defaultSeconds: number; readonly minSE: number; readonly maxSeconds?: number },
): SessionInterval {
  const requested = headerValue(request, 'Session-Expires');
  const parsed = requested === undefined ? undefined : parseSessionExpires(requested);
  if (parsed && parsed.deltaSeconds < policy.minSE) return { ok: false, status: 422, minSE: policy.minSE };
  const seconds = Math.min(parsed?.deltaSeconds ?? policy.defaultSeconds, policy.maxSeconds ?? Number.MAX_SAFE_INTEGER);
  const refresher = parsed?.refresher ?? 'uac';
  return { ok: true, seconds, refresher, header: `${seconds};refresher=${refresher}` };
}
