/**
 * sip.js 0.21 (`UserAgent`, `Registerer`, `Inviter`) in Node over SIP-over-WebSocket (RFC 7118,
 * the `ws` package as its WebSocket) against a real server: registers with Digest, opens the
 * lookup dialog, gets the chat URI through `cmd:requri`, hangs up, and establishes the chat dialog,
 * where an unknown command is answered by the channel with the coded 501 (XCCOS.md §6.14).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Inviter, Registerer, RegistererState, SessionState, UserAgent, type Info } from 'sip.js';
import { DOMAIN, startSipTestServer, type SipTestServer } from '../sip-test-server.test-support.js';
import { textOnlySdh } from './sipjs-chat-client.test-support.js';

// The support module installs the global WebSocket sip.js's web transport needs (Node 20 has none).

let server: SipTestServer | undefined;
let ua: UserAgent | undefined;
afterEach(async () => {
  await ua?.stop().catch(() => undefined);
  ua = undefined;
  await server?.stop();
  server = undefined;
});

function waitFor<T>(what: string, ms: number, setup: (resolve: (v: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
    setup((v) => {
      clearTimeout(t);
      resolve(v);
    });
  });
}

const cmd = (name: string, envid: string) =>
  `<xccos ver="1" envid="${envid}" xmlns="urn:parlano:xml:ns:xccos"><cmd id="cmd:${name}" seqid="1"><data/></cmd></xccos>`;

async function establish(agent: UserAgent, target: string): Promise<{ inviter: Inviter; infos: string[] }> {
  const inviter = new Inviter(agent, UserAgent.makeURI(target)!);
  const infos: string[] = [];
  inviter.delegate = {
    onInfo(info: Info) {
      infos.push(info.request.body);
      void info.accept();
    },
  };
  const established = waitFor<void>(`dialog with ${target}`, 5000, (done) =>
    inviter.stateChange.addListener((s) => {
      if (s === SessionState.Established) done();
    }),
  );
  await inviter.invite();
  await established;
  return { inviter, infos };
}

async function nextInfo(infos: string[], ms = 3000): Promise<string> {
  const start = Date.now();
  while (infos.length === 0) {
    if (Date.now() - start > ms) throw new Error('no server INFO');
    await new Promise((r) => setTimeout(r, 20));
  }
  return infos.shift()!;
}

describe('sip.js UserAgent over WebSocket', () => {
  it('registers with Digest and establishes the chat dialog through the lookup step', async () => {
    server = await startSipTestServer();
    await server.addUser('grace', 'grace-password');
    await server.setGlobalChat(true);
    const ws = `${server.handle.httpUrl!.replace(/^http/, 'ws')}/sip`;
    ua = new UserAgent({
      uri: UserAgent.makeURI(`sip:grace@${DOMAIN}`)!,
      transportOptions: { server: ws },
      authorizationUsername: 'grace',
      authorizationPassword: 'grace-password',
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
    expect(server.sip.status()).toMatchObject({ registrations: 1 });
    expect(server.sip.status().counters).toMatchObject({ registerChallenges: 1, registersAccepted: 1 });

    const lookup = await establish(ua, `sip:ocschat@${DOMAIN}`);
    await lookup.inviter.info({
      requestOptions: {
        body: { contentDisposition: 'render', contentType: 'text/plain', content: cmd('requri', '11') },
      },
    });
    const rpl = await nextInfo(lookup.infos);
    const chatUri = /<uib uri="([^"]+)"\/>/.exec(rpl)?.[1];
    expect(chatUri).toBe(`sip:parlance-chat@${DOMAIN}`);
    await lookup.inviter.bye();

    const chat = await establish(ua, chatUri!);
    await chat.inviter.info({
      requestOptions: {
        body: { contentDisposition: 'render', contentType: 'text/plain', content: cmd('frobnicate', '12') },
      },
    });
    expect(await nextInfo(chat.infos)).toContain(
      '<rpl id="rpl:frobnicate" seqid="1"><commandid seqid="1" envid="12"/><resp code="501">ERR_NOT_SUPPORTED</resp>',
    );
    expect(server.sip.status()).toMatchObject({ sessions: 1 });
    const wsMessages = (await server.ok('sip.recentMessages', { limit: 200 })).items.filter(
      (m) => m.transport === 'WS',
    );
    expect(wsMessages.some((m) => m.firstLine.startsWith(`INVITE sip:parlance-chat@${DOMAIN}`))).toBe(true);
    await chat.inviter.bye();
    await registerer.unregister();
  }, 20_000);
});
