import { describe, expect, it } from 'vitest';
import { parseMessage } from '../codec/parse-message.js';
import { headerValue, type SipMessage, type SipRequest, type SipResponse } from '../codec/sip-message.js';
import { createManualTimers } from './manual-timers.js';
import type { TransactionTransport } from './server-transaction.js';
import { TIMER_H, TIMER_L } from './timers.js';
import { TransactionLayer } from './transaction-layer.js';

function wire(): TransactionTransport & { sent: SipMessage[]; ok: boolean } {
  const t = {
    sent: [] as SipMessage[],
    ok: true,
    send(m: SipMessage) {
      t.sent.push(m);
      return t.ok;
    },
  };
  return t;
}

function req(text: string): SipRequest {
  const m = parseMessage(Buffer.from(`${text.trim().replace(/\n/g, '\r\n')}\r\nContent-Length: 0\r\n\r\n`));
  if (m.kind !== 'request') throw new Error(`fixture does not parse: ${JSON.stringify(m)}`);
  return m;
}

const register = req(`
REGISTER sip:example.com SIP/2.0
Via: SIP/2.0/tcp 127.0.0.1:41234;branch=z9hG4bKreg1
From: <sip:alice@example.com>;tag=a1
To: <sip:alice@example.com>
Call-ID: reg-1
CSeq: 1 REGISTER`);

/** COMPAT: pidgin-sipe's in-dialog style, no branch (XCCOS.md §10 item 1). */
const sipeInvite = (cseq = 1, callId = 'inv-1') =>
  req(`
INVITE sip:ocschat@example.com SIP/2.0
Via: SIP/2.0/tcp 127.0.0.1:41234
From: <sip:alice@example.com>;tag=a1
To: <sip:ocschat@example.com>
Call-ID: ${callId}
CSeq: ${cseq} INVITE`);

const sipeAck = (to: string) =>
  req(`
ACK sip:ocschat@example.com SIP/2.0
Via: SIP/2.0/tcp 127.0.0.1:41234
From: <sip:alice@example.com>;tag=a1
To: ${to}
Call-ID: inv-1
CSeq: 1 ACK`);

describe('non-INVITE server transaction', () => {
  it('absorbs a retransmission in Trying and repeats the final response while Completed', () => {
    const timers = createManualTimers();
    const layer = new TransactionLayer({ timers, timerJ: 32_000 });
    const t = wire();
    const first = layer.receiveRequest(register, t);
    expect(first.kind).toBe('new');
    expect(layer.receiveRequest(register, t).kind).toBe('absorbed');
    expect(t.sent).toHaveLength(0);
    if (first.kind !== 'new') return;
    first.transaction.reply(200);
    expect(first.transaction.state).toBe('Completed');
    expect(layer.receiveRequest(register, t).kind).toBe('absorbed');
    expect(t.sent.map((m) => (m as SipResponse).status)).toEqual([200, 200]);
    // The same To-tag on the retransmitted answer.
    expect(headerValue(t.sent[0]!, 'To')).toBe(headerValue(t.sent[1]!, 'To'));
    timers.advance(32_000);
    expect(first.transaction.state).toBe('Terminated');
    expect(layer.serverTransactionCount).toBe(0);
    expect(layer.receiveRequest(register, t).kind).toBe('new');
  });

  it('terminates at once after the final response with Timer J = 0 (reliable transport)', () => {
    const layer = new TransactionLayer({ timers: createManualTimers() });
    const r = layer.receiveRequest(register, wire());
    if (r.kind !== 'new') throw new Error(r.kind);
    r.transaction.reply(100);
    expect(r.transaction.state).toBe('Proceeding');
    r.transaction.reply(200);
    expect(r.transaction.state).toBe('Terminated');
    expect(layer.serverTransactionCount).toBe(0);
  });

  it('copies Via, From, Call-ID and CSeq unchanged and adds a To-tag', () => {
    const layer = new TransactionLayer({ timers: createManualTimers() });
    const t = wire();
    const r = layer.receiveRequest(register, t);
    if (r.kind !== 'new') throw new Error(r.kind);
    r.transaction.reply(200);
    const res = t.sent[0]!;
    expect(headerValue(res, 'Via')).toBe('SIP/2.0/tcp 127.0.0.1:41234;branch=z9hG4bKreg1');
    expect(headerValue(res, 'CSeq')).toBe('1 REGISTER');
    expect(headerValue(res, 'To')).toBe(`<sip:alice@example.com>;tag=${r.transaction.toTag}`);
  });
});

describe('INVITE server transaction', () => {
  it('matches a branchless INVITE retransmission on Call-ID + CSeq + method (COMPAT)', () => {
    const timers = createManualTimers();
    const layer = new TransactionLayer({ timers });
    const t = wire();
    const r = layer.receiveRequest(sipeInvite(), t);
    expect(r.kind).toBe('new');
    expect(layer.receiveRequest(sipeInvite(), t).kind).toBe('absorbed');
    // A different CSeq or Call-ID is a different transaction.
    expect(layer.receiveRequest(sipeInvite(2), t).kind).toBe('new');
    expect(layer.receiveRequest(sipeInvite(1, 'inv-2'), t).kind).toBe('new');
  });

  it('sends 100 Trying when the TU is silent for 200 ms', () => {
    const timers = createManualTimers();
    const layer = new TransactionLayer({ timers });
    const t = wire();
    layer.receiveRequest(sipeInvite(), t);
    timers.advance(199);
    expect(t.sent).toHaveLength(0);
    timers.advance(1);
    expect(t.sent.map((m) => (m as SipResponse).status)).toEqual([100]);
    // A retransmitted INVITE in Proceeding gets the last provisional again.
    layer.receiveRequest(sipeInvite(), t);
    expect(t.sent.map((m) => (m as SipResponse).status)).toEqual([100, 100]);
  });

  it('non-2xx: Completed, the branchless ACK is absorbed (Confirmed → Terminated)', () => {
    const timers = createManualTimers();
    const layer = new TransactionLayer({ timers });
    const t = wire();
    const r = layer.receiveRequest(sipeInvite(), t);
    if (r.kind !== 'new') throw new Error(r.kind);
    const res = r.transaction.reply(403);
    expect(r.transaction.state).toBe('Completed');
    layer.receiveRequest(sipeInvite(), t);
    expect(t.sent.map((m) => (m as SipResponse).status)).toEqual([403, 403]);
    expect(layer.receiveRequest(sipeAck(headerValue(res, 'To')!), t).kind).toBe('absorbed');
    expect(r.transaction.state).toBe('Terminated');
  });

  it('non-2xx without ACK: Timer H reports a timeout', () => {
    const timers = createManualTimers();
    const timeouts: string[] = [];
    const layer = new TransactionLayer({ timers, observer: { onTimeout: (tx) => timeouts.push(tx.request.method) } });
    const r = layer.receiveRequest(sipeInvite(), wire());
    if (r.kind !== 'new') throw new Error(r.kind);
    r.transaction.reply(486);
    timers.advance(TIMER_H);
    expect(timeouts).toEqual(['INVITE']);
    expect(r.transaction.state).toBe('Terminated');
  });

  it('2xx: Accepted absorbs INVITE retransmissions and passes the ACK up; Timer L ends it', () => {
    const timers = createManualTimers();
    const layer = new TransactionLayer({ timers });
    const t = wire();
    const r = layer.receiveRequest(sipeInvite(), t);
    if (r.kind !== 'new') throw new Error(r.kind);
    const ok = r.transaction.reply(200);
    expect(r.transaction.state).toBe('Accepted');
    expect(layer.receiveRequest(sipeInvite(), t).kind).toBe('absorbed');
    expect(t.sent).toHaveLength(1);
    expect(layer.receiveRequest(sipeAck(headerValue(ok, 'To')!), t).kind).toBe('ack');
    timers.advance(TIMER_L);
    expect(r.transaction.state).toBe('Terminated');
  });

  it('CANCEL finds its INVITE transaction', () => {
    const layer = new TransactionLayer({ timers: createManualTimers() });
    const t = wire();
    const inv = layer.receiveRequest(sipeInvite(), t);
    const cancel = req(`
CANCEL sip:ocschat@example.com SIP/2.0
Via: SIP/2.0/tcp 127.0.0.1:41234
From: <sip:alice@example.com>;tag=a1
To: <sip:ocschat@example.com>
Call-ID: inv-1
CSeq: 1 CANCEL`);
    const c = layer.receiveRequest(cancel, t);
    expect(c.kind).toBe('cancel');
    if (c.kind === 'cancel' && inv.kind === 'new') expect(c.target).toBe(inv.transaction);
  });

  it('a transport failure terminates the transaction and reports it', () => {
    const timeouts: number[] = [];
    const layer = new TransactionLayer({
      timers: createManualTimers(),
      observer: { onTimeout: () => timeouts.push(1) },
    });
    const t = wire();
    t.ok = false;
    const r = layer.receiveRequest(sipeInvite(), t);
    if (r.kind !== 'new') throw new Error(r.kind);
    r.transaction.reply(200);
    expect(r.transaction.state).toBe('Terminated');
    expect(timeouts).toHaveLength(1);
  });
});

describe('non-INVITE client transaction', () => {
  const info = req(`
INFO sip:alice@127.0.0.1:41234;transport=tcp SIP/2.0
Via: SIP/2.0/TCP placeholder.invalid
From: <sip:chat@example.com>;tag=s1
To: <sip:alice@example.com>;tag=a1
Call-ID: inv-1
CSeq: 1 INFO`);
  const via = { transport: 'TCP', host: '127.0.0.1', port: 5060 };

  it('adds our Via with a fresh branch and resolves on the matching final response', async () => {
    const layer = new TransactionLayer({ timers: createManualTimers() });
    const t = wire();
    const outcome = layer.sendRequest({ ...info, headers: info.headers.filter((h) => h.name !== 'Via') }, t, via);
    const sent = t.sent[0] as SipRequest;
    const top = headerValue(sent, 'Via')!;
    expect(top).toMatch(/^SIP\/2.0\/TCP 127.0.0.1:5060;branch=z9hG4bK/);
    const response = parseMessage(
      Buffer.from(
        `SIP/2.0 200 OK\r\nVia: ${top}\r\nFrom: <sip:chat@example.com>;tag=s1\r\nTo: <sip:alice@example.com>;tag=a1\r\nCall-ID: inv-1\r\nCSeq: 1 INFO\r\nContent-Length: 0\r\n\r\n`,
      ),
    ) as SipResponse;
    expect(layer.receiveResponse({ ...response, status: 180 })).toBe(true);
    expect(layer.receiveResponse(response)).toBe(true);
    await expect(outcome).resolves.toMatchObject({ kind: 'response', response: { status: 200 } });
    expect(layer.clientTransactionCount).toBe(0);
    expect(layer.receiveResponse(response)).toBe(false);
  });

  it('times out with Timer F', async () => {
    const timers = createManualTimers();
    const layer = new TransactionLayer({ timers });
    const outcome = layer.sendRequest(info, wire(), via, 1000);
    timers.advance(1000);
    await expect(outcome).resolves.toEqual({ kind: 'timeout' });
  });

  it('fails when the connection closes', async () => {
    const layer = new TransactionLayer({ timers: createManualTimers() });
    const t = wire();
    const outcome = layer.sendRequest(info, t, via);
    layer.transportClosed(t);
    await expect(outcome).resolves.toEqual({ kind: 'transport-error' });
  });
});
