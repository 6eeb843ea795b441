/**
 * A scripted XCCOS client over real TCP SIP, pidgin-sipe shaped (no Via branch in the dialog,
 * lower-case transport; XCCOS.md §10): Digest REGISTER, INVITE to the chat URI, ACK, then INFOs.
 * Every server INFO is answered 200 (unless told to fail) and kept, parsed, in `inbox`.
 */
import { isXccosParseFailure, parseXccos } from '../protocol/xccos/parse-command.js';
import type { XccosEnvelope, XccosNotice, XccosReply } from '../protocol/xccos/xccos-types.js';
import { headerValue, type SipMessage } from '../transport/sip/codec/sip-message.js';
import {
  asResponse,
  digestAuthorization,
  DOMAIN,
  rawSipClient,
  type RawSipClient,
} from '../frontend/sip-test-server.test-support.js';

export const CHAT_URI = `sip:parlance-chat@${DOMAIN}`;

export interface SipChatClient {
  readonly user: string;
  readonly uri: string;
  readonly raw: RawSipClient;
  inbox: XccosEnvelope[];
  /** Answer server INFOs with this status instead of 200 (a dying client). */
  answerStatus: number;
  byeReceived: boolean;
  /** Sends an XCCOS body in an INFO; resolves with the SIP status of the answer. */
  info(body: string): Promise<number>;
  cmd(name: string, dataXml?: string): Promise<XccosReply>;
  post(roomUri: string, text: string, extraAttributes?: string, extraChildren?: string): Promise<number>;
  /** Waits until `pred` holds for some inbox entry. */
  waitFor<T>(pick: (e: XccosEnvelope) => T | undefined, ms?: number): Promise<T>;
  notices(name: string): XccosNotice[];
  messages(): Extract<XccosEnvelope, { kind: 'grpchat' }>['message'][];
  bye(): Promise<void>;
  close(): void;
}

export async function connectChatClient(port: number, user: string, password: string): Promise<SipChatClient> {
  const c = await rawSipClient(port);
  const uri = `sip:${user}@${DOMAIN}`;
  const callId = `chat-${user}-${c.localPort}`;
  let cseq = 0;
  let envid = 7000;
  const pending = new Map<string, (m: SipMessage) => void>();
  const watchers: Array<() => void> = [];
  let toTag = '';

  const register = (n: number, extra = '') => `
REGISTER sip:${DOMAIN} SIP/2.0
Via: SIP/2.0/tcp 127.0.0.1:${c.localPort};branch=z9hG4bKreg${n}
From: <${uri}>;tag=r-${user};epid=ep1
To: <${uri}>
Call-ID: reg-${user}-${c.localPort}
CSeq: ${n} REGISTER
Max-Forwards: 70
Contact: <sip:127.0.0.1:${c.localPort};transport=tcp>;proxy=replace
Supported: msrtc-event-categories
Event: registration
${extra}`;
  c.send(register(1));
  const challenge = asResponse(await c.next());
  const auth = digestAuthorization(headerValue(challenge, 'Proxy-Authenticate')!, {
    username: user,
    password,
    method: 'REGISTER',
    uri: '(null)',
  });
  c.send(register(2, `Proxy-Authorization: ${auth}`));
  const registered = asResponse(await c.next());
  if (registered.status !== 200) throw new Error(`REGISTER ${registered.status}`);

  c.send(`
INVITE ${CHAT_URI} SIP/2.0
Via: SIP/2.0/tcp 127.0.0.1:${c.localPort}
From: <${uri}>;tag=t-${callId};epid=ep1
To: <${CHAT_URI}>
Call-ID: ${callId}
CSeq: ${++cseq} INVITE
Max-Forwards: 70
Supported: ms-sender
Contact: <${uri}:${c.localPort};maddr=127.0.0.1;transport=tcp>;proxy=replace
Content-Type: application/sdp

v=0\r
o=- 0 0 IN IP4 127.0.0.1\r
s=session\r
c=IN IP4 127.0.0.1\r
t=0 0\r
m=message 5060 sip null\r
`);
  const ok = asResponse(await c.next());
  if (ok.status !== 200) throw new Error(`INVITE ${ok.status}`);
  toTag = /;tag=([^;]+)/.exec(headerValue(ok, 'To') ?? '')![1]!;
  const inDialog = (method: string, n: number, body = '') => `
${method} ${CHAT_URI} SIP/2.0
Via: SIP/2.0/tcp 127.0.0.1:${c.localPort}
From: <${uri}>;tag=t-${callId};epid=ep1
To: <${CHAT_URI}>;tag=${toTag}
Call-ID: ${callId}
CSeq: ${n} ${method}
Max-Forwards: 70
${body ? 'Content-Type: text/plain' : ''}

${body}`;
  c.send(inDialog('ACK', cseq));

  const client: SipChatClient = {
    user,
    uri,
    raw: c,
    inbox: [],
    answerStatus: 200,
    byeReceived: false,
    info(body) {
      const n = ++cseq;
      const done = new Promise<SipMessage>((resolve) => pending.set(`${n} INFO`, resolve));
      c.send(inDialog('INFO', n, body));
      return done.then((m) => asResponse(m).status);
    },
    async cmd(name, dataXml = '') {
      const id = String(++envid);
      const status = await client.info(
        `<xccos ver="1" envid="${id}" xmlns="urn:parlano:xml:ns:xccos"><cmd id="cmd:${name}" seqid="1">` +
          `${dataXml === '' ? '<data/>' : `<data>${dataXml}</data>`}</cmd></xccos>`,
      );
      if (status !== 200) throw new Error(`cmd:${name} → SIP ${status}`);
      return client.waitFor((e) => (e.kind === 'rpl' ? e.replies.find((r) => r.commandId.envid === id) : undefined));
    },
    post(roomUri, text, extraAttributes = '', extraChildren = '') {
      const id = String(++envid);
      return client.info(
        `<xccos ver="1" envid="${id}" xmlns="urn:parlano:xml:ns:xccos"><grpchat id="grpchat" seqid="1" ` +
          `chanUri="${roomUri}" author="${uri}" ts="2026-03-01T10:00:00Z"${extraAttributes}><chat>${text}</chat>${extraChildren}</grpchat></xccos>`,
      );
    },
    waitFor(pick, ms = 3000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${user}: nothing matched within ${ms} ms`)), ms);
        const look = () => {
          for (const e of client.inbox) {
            const hit = pick(e);
            if (hit !== undefined) {
              clearTimeout(timer);
              resolve(hit);
              return;
            }
          }
          watchers.push(look);
        };
        look();
      });
    },
    notices: (name) => client.inbox.flatMap((e) => (e.kind === 'ntc' ? e.notices.filter((n) => n.name === name) : [])),
    messages: () => client.inbox.flatMap((e) => (e.kind === 'grpchat' ? [e.message] : [])),
    async bye() {
      const n = ++cseq;
      const done = new Promise<SipMessage>((resolve) => pending.set(`${n} BYE`, resolve));
      c.send(inDialog('BYE', n));
      await done;
    },
    close: () => c.close(),
  };

  void (async () => {
    for (;;) {
      let m: SipMessage;
      try {
        m = await c.next(600_000);
      } catch {
        return;
      }
      if (m.kind === 'response') {
        const key = headerValue(m, 'CSeq') ?? '';
        pending.get(key)?.(m);
        pending.delete(key);
        continue;
      }
      if (m.method === 'INFO') {
        c.answer(m, client.answerStatus);
        const parsed = parseXccos(m.body.toString('utf8'));
        if (!isXccosParseFailure(parsed)) client.inbox.push(parsed);
        for (const w of watchers.splice(0)) w();
      } else if (m.method === 'BYE') {
        client.byeReceived = true;
        c.answer(m, 200);
      } else c.answer(m, 200);
    }
  })();
  return client;
}
