/**
 * Test support: an XCCOS chat client on sip.js 0.21 (`UserAgent`, `Registerer`, `Inviter`) over
 * SIP-over-WebSocket, the shape a browser client will take: register with Digest, run the lookup
 * step (`cmd:requri` on `sip:ocschat@{domain}`), open the chat dialog on the returned URI, then
 * send XCCOS bodies in INFOs and keep every server INFO, parsed, in `inbox`.
 */
import { WebSocket } from 'ws';
import {
  Inviter,
  Registerer,
  RegistererState,
  SessionState,
  UserAgent,
  type Info,
  type SessionDescriptionHandler,
  type SessionDescriptionHandlerFactory,
} from 'sip.js';
import { isXccosParseFailure, parseXccos } from '../../protocol/xccos/parse-command.js';
import type { XccosEnvelope, XccosReply } from '../../protocol/xccos/xccos-types.js';

// sip.js's web transport constructs a global WebSocket; Node 20 has none.
(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;

/** A media-less description handler: offers the XCCOS.md §2.5 SDP and accepts any answer. */
export const textOnlySdh: SessionDescriptionHandlerFactory = () => {
  const handler: SessionDescriptionHandler = {
    close: () => undefined,
    getDescription: async () => ({
      contentType: 'application/sdp',
      body: 'v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=session\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=message 5060 sip null\r\na=accept-types:text/plain\r\n',
    }),
    hasDescription: (contentType) => contentType === 'application/sdp',
    sendDtmf: () => false,
    setDescription: async () => undefined,
  };
  return handler;
};

function waitFor<T>(what: string, ms: number, setup: (resolve: (v: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
    setup((v) => {
      clearTimeout(t);
      resolve(v);
    });
  });
}

interface Dialog {
  inviter: Inviter;
  bodies: string[];
  onBody: Array<() => void>;
}

async function establish(agent: UserAgent, target: string): Promise<Dialog> {
  const inviter = new Inviter(agent, UserAgent.makeURI(target)!);
  const d: Dialog = { inviter, bodies: [], onBody: [] };
  inviter.delegate = {
    onInfo(info: Info) {
      d.bodies.push(info.request.body);
      void info.accept();
      for (const w of d.onBody.splice(0)) w();
    },
  };
  const established = waitFor<void>(`dialog with ${target}`, 5000, (done) =>
    inviter.stateChange.addListener((s) => {
      if (s === SessionState.Established) done();
    }),
  );
  await inviter.invite();
  await established;
  return d;
}

/** Sends one INFO with an XCCOS body; resolves with the SIP status of its final response. */
function sendInfo(d: Dialog, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    d.inviter
      .info({
        requestDelegate: {
          onAccept: (r) => resolve(r.message.statusCode ?? 0),
          onReject: (r) => resolve(r.message.statusCode ?? 0),
        },
        requestOptions: { body: { contentDisposition: 'render', contentType: 'text/plain', content: body } },
      })
      .catch(reject);
  });
}

export interface SipJsChatClient {
  readonly uri: string;
  readonly chatUri: string;
  inbox: XccosEnvelope[];
  cmd(name: string, dataXml?: string): Promise<XccosReply>;
  post(roomUri: string, text: string): Promise<number>;
  waitFor<T>(pick: (e: XccosEnvelope) => T | undefined, ms?: number): Promise<T>;
  stop(): Promise<void>;
}

export async function connectSipJsChatClient(o: {
  wsUrl: string;
  domain: string;
  user: string;
  password: string;
}): Promise<SipJsChatClient> {
  const uri = `sip:${o.user}@${o.domain}`;
  const ua = new UserAgent({
    uri: UserAgent.makeURI(uri)!,
    transportOptions: { server: o.wsUrl },
    authorizationUsername: o.user,
    authorizationPassword: o.password,
    sessionDescriptionHandlerFactory: textOnlySdh,
    logLevel: 'error',
  });
  await ua.start();
  const registerer = new Registerer(ua);
  const registered = waitFor<void>('registration', 5000, (done) =>
    registerer.stateChange.addListener((s) => {
      if (s === RegistererState.Registered) done();
    }),
  );
  await registerer.register();
  await registered;

  let envid = 40_000 + Math.floor(Math.random() * 10_000);
  const cmdBody = (name: string, id: string, dataXml: string) =>
    `<xccos ver="1" envid="${id}" xmlns="urn:parlano:xml:ns:xccos"><cmd id="cmd:${name}" seqid="1">` +
    `${dataXml === '' ? '<data/>' : `<data>${dataXml}</data>`}</cmd></xccos>`;

  // Lookup step: cmd:requri on the well-known URI, answered with the chat server's URI.
  const lookup = await establish(ua, `sip:ocschat@${o.domain}`);
  if ((await sendInfo(lookup, cmdBody('requri', String(++envid), ''))) !== 200) throw new Error('requri refused');
  await waitFor<void>('rpl:requri', 3000, (done) => {
    const look = () => (lookup.bodies.length > 0 ? done() : lookup.onBody.push(look));
    look();
  });
  const chatUri = /<uib uri="([^"]+)"\/>/.exec(lookup.bodies[0]!)?.[1];
  if (!chatUri) throw new Error(`no chat URI in ${lookup.bodies[0]}`);
  await lookup.inviter.bye();

  const chat = await establish(ua, chatUri);
  const inbox: XccosEnvelope[] = [];
  const watchers: Array<() => void> = [];
  chat.onBody.push(function parse() {
    for (const b of chat.bodies.splice(0)) {
      const parsed = parseXccos(b);
      if (!isXccosParseFailure(parsed)) inbox.push(parsed);
    }
    for (const w of watchers.splice(0)) w();
    chat.onBody.push(parse);
  });

  const client: SipJsChatClient = {
    uri,
    chatUri,
    inbox,
    waitFor(pick, ms = 3000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${o.user}: nothing matched within ${ms} ms`)), ms);
        const look = () => {
          for (const e of inbox) {
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
    async cmd(name, dataXml = '') {
      const id = String(++envid);
      const status = await sendInfo(chat, cmdBody(name, id, dataXml));
      if (status !== 200) throw new Error(`cmd:${name} → SIP ${status}`);
      return client.waitFor((e) => (e.kind === 'rpl' ? e.replies.find((r) => r.commandId.envid === id) : undefined));
    },
    post(roomUri, text) {
      return sendInfo(
        chat,
        `<xccos ver="1" envid="${++envid}" xmlns="urn:parlano:xml:ns:xccos"><grpchat id="grpchat" seqid="1" ` +
          `chanUri="${roomUri}" author="${uri}" ts="${new Date().toISOString()}"><chat>${text}</chat></grpchat></xccos>`,
      );
    },
    async stop() {
      if (chat.inviter.state === SessionState.Established) await chat.inviter.bye().catch(() => undefined);
      await registerer.unregister().catch(() => undefined);
      await ua.stop().catch(() => undefined);
    },
  };
  return client;
}
