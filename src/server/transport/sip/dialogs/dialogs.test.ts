import { describe, expect, it } from 'vitest';
import { parseMessage } from '../codec/parse-message.js';
import { serializeMessage } from '../codec/serialize-message.js';
import { headerValue, headerValues, type SipRequest } from '../codec/sip-message.js';
import { createManualTimers } from '../transactions/manual-timers.js';
import { acceptInDialogRequest, createInDialogRequest, createUasDialog } from './dialog.js';
import { DialogTable } from './dialog-table.js';
import { negotiateSessionInterval, parseSessionExpires } from './session-expires.js';
import { SessionTimer } from './session-timer.js';

function req(text: string): SipRequest {
  const m = parseMessage(Buffer.from(`${text.trim().replace(/\n/g, '\r\n')}\r\nContent-Length: 0\r\n\r\n`));
  if (m.kind !== 'request') throw new Error(JSON.stringify(m));
  return m;
}

const invite = req(`
INVITE sip:ocschat@example.com SIP/2.0
Via: SIP/2.0/tcp 127.0.0.1:41234
From: <sip:alice@example.com>;tag=a1;epid=e1
To: <sip:ocschat@example.com>
Call-ID: call-1
CSeq: 5 INVITE
Record-Route: <sip:p1.example.com;lr>, <sip:p2.example.com;lr>
Contact: <sip:alice@example.com:41234;maddr=127.0.0.1;transport=tcp>;proxy=replace
Session-Expires: 1800;refresher=uac`);

const inDialog = (method: string, cseq: number, toTag = 's1', callId = 'call-1') =>
  req(`
${method} sip:ocschat@example.com SIP/2.0
Via: SIP/2.0/tcp 127.0.0.1:41234
From: <sip:alice@example.com>;tag=a1;epid=e1
To: <sip:ocschat@example.com>;tag=${toTag}
Call-ID: ${callId}
CSeq: ${cseq} ${method}`);

describe('UAS dialogs', () => {
  it('creates the dialog from the INVITE (RFC 3261 §12.1.1)', () => {
    const d = createUasDialog(invite, 's1', { secure: false })!;
    expect(d.id).toEqual({ callId: 'call-1', localTag: 's1', remoteTag: 'a1' });
    expect(d.remoteTarget).toBe('sip:alice@example.com:41234;maddr=127.0.0.1;transport=tcp');
    expect(d.routeSet).toEqual(['<sip:p1.example.com;lr>', '<sip:p2.example.com;lr>']);
    expect(d.remoteCSeq).toBe(5);
    expect(d.local).toBe('<sip:ocschat@example.com>;tag=s1');
  });

  it('matches in-dialog requests; 481 for an unknown To-tag or Call-ID', () => {
    const table = new DialogTable();
    const d = createUasDialog(invite, 's1', { secure: false })!;
    table.add(d);
    expect(table.match(inDialog('INFO', 6))).toEqual({ kind: 'in-dialog', dialog: d });
    expect(table.match(inDialog('INFO', 6, 'other'))).toEqual({ kind: 'unknown-dialog', status: 481 });
    expect(table.match(inDialog('BYE', 6, 's1', 'call-2'))).toEqual({ kind: 'unknown-dialog', status: 481 });
    expect(table.match(invite).kind).toBe('out-of-dialog');
    table.remove(d);
    expect(table.match(inDialog('INFO', 7)).kind).toBe('unknown-dialog');
    expect(d.state).toBe('terminated');
  });

  it('rejects out-of-order CSeq with 500 and refreshes the target on UPDATE', () => {
    const d = createUasDialog(invite, 's1', { secure: false })!;
    expect(acceptInDialogRequest(d, inDialog('INFO', 6))).toEqual({ ok: true });
    expect(acceptInDialogRequest(d, inDialog('INFO', 4))).toEqual({ ok: false, status: 500 });
    const update = req(`
UPDATE sip:ocschat@example.com SIP/2.0
Via: SIP/2.0/tcp 127.0.0.1:41234
From: <sip:alice@example.com>;tag=a1
To: <sip:ocschat@example.com>;tag=s1
Call-ID: call-1
CSeq: 7 UPDATE
Contact: <sip:alice@10.0.0.9:5000;transport=tcp>`);
    acceptInDialogRequest(d, update);
    expect(d.remoteTarget).toBe('sip:alice@10.0.0.9:5000;transport=tcp');
  });

  it('builds server → client requests in its own CSeq space (XCCOS.md §2.6)', () => {
    const d = createUasDialog(invite, 's1', { secure: false })!;
    const a = createInDialogRequest(d, 'INFO', { contentType: 'text/plain', body: Buffer.from('<xccos/>') });
    const b = createInDialogRequest(d, 'BYE');
    expect(a.uri).toBe(d.remoteTarget);
    expect(headerValue(a, 'From')).toBe('<sip:ocschat@example.com>;tag=s1');
    expect(headerValue(a, 'To')).toBe('<sip:alice@example.com>;tag=a1;epid=e1');
    expect(headerValue(a, 'CSeq')).toBe('1 INFO');
    expect(headerValue(b, 'CSeq')).toBe('2 BYE');
    expect(headerValues(a, 'Route')).toEqual(['<sip:p1.example.com;lr>', '<sip:p2.example.com;lr>']);
    const text = serializeMessage({
      ...a,
      headers: [{ name: 'Via', value: 'SIP/2.0/TCP 127.0.0.1:5060;branch=z9hG4bKx' }, ...a.headers],
    }).toString();
    expect(text).toContain('Content-Type: text/plain\r\nContent-Length: 8\r\n\r\n<xccos/>');
  });
});

describe('session timers (RFC 4028)', () => {
  it('parses Session-Expires', () => {
    expect(parseSessionExpires('1800;refresher=uac')).toEqual({ deltaSeconds: 1800, refresher: 'uac' });
    expect(parseSessionExpires('90')).toEqual({ deltaSeconds: 90, refresher: undefined });
    expect(parseSessionExpires('soon')).toBeUndefined();
  });

  it('negotiates the interval, refusing one below Min-SE with 422', () => {
    expect(negotiateSessionInterval(invite, { defaultSeconds: 600, minSE: 90 })).toEqual({
      ok: true,
      seconds: 1800,
      refresher: 'uac',
      header: '1800;refresher=uac',
    });
    expect(negotiateSessionInterval(invite, { defaultSeconds: 600, minSE: 90, maxSeconds: 900 })).toMatchObject({
      seconds: 900,
    });
    expect(negotiateSessionInterval(inDialog('INVITE', 1), { defaultSeconds: 600, minSE: 90 })).toMatchObject({
      seconds: 600,
      refresher: 'uac',
    });
    const short = {
      ...invite,
      headers: invite.headers.map((h) => (h.name === 'Session-Expires' ? { ...h, value: '30' } : h)),
    };
    expect(negotiateSessionInterval(short, { defaultSeconds: 600, minSE: 90 })).toEqual({
      ok: false,
      status: 422,
      minSE: 90,
    });
  });

  it('expires after the interval unless refreshed', () => {
    const timers = createManualTimers();
    let expired = 0;
    const t = new SessionTimer(timers, 10, () => expired++);
    timers.advance(9_000);
    t.refresh();
    timers.advance(9_000);
    expect(expired).toBe(0);
    timers.advance(1_000);
    expect(expired).toBe(1);
    const t2 = new SessionTimer(timers, 10, () => expired++);
    t2.stop();
    timers.advance(20_000);
    expect(expired).toBe(1);
  });
});
