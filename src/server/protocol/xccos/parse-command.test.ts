/** Hostile and broken input: each yields a coded failure, never an exception or a hang. */
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE } from '../../errors/error-codes.js';
import { isXccosParseFailure, parseXccos, type XccosParseFailure } from './parse-command.js';
import type { XccosEnvelope } from './xccos-types.js';

const NS = 'xmlns="urn:parlano:xml:ns:xccos"';
const ROOM = 'ma-chan://contoso.com/300';
const cmd = (inner: string, envid = '7') => `<xccos ver="1" envid="${envid}" ${NS}>${inner}</xccos>`;

function failure(result: XccosEnvelope | XccosParseFailure): XccosParseFailure {
  if (!isXccosParseFailure(result)) throw new Error(`expected a failure, got ${JSON.stringify(result)}`);
  return result;
}

function envelope(result: XccosEnvelope | XccosParseFailure): XccosEnvelope {
  if (isXccosParseFailure(result)) throw new Error(`${result.code}: ${result.detail}`);
  return result;
}

describe('parseXccos: hostile input', () => {
  it.each([
    [
      'classic XXE',
      `<!DOCTYPE xccos [<!ENTITY x SYSTEM "file:///etc/passwd">]>${cmd('<cmd id="cmd:requri" seqid="1"><data>&x;</data></cmd>')}`,
    ],
    ['lower-case doctype', `<!doctype xccos>${cmd('<cmd id="cmd:requri" seqid="1"><data/></cmd>')}`],
    ['doctype after the root start', `<xccos ver="1" envid="1" ${NS}><!DocType x></xccos>`],
    ['entity declaration without doctype', `<xccos ver="1" envid="1" ${NS}><!ENTITY a "b"></xccos>`],
    [
      'billion laughs',
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' +
        Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join(
          '',
        ) +
        ']><xccos ver="1" envid="1"><cmd id="cmd:requri" seqid="1"><data>&lol9;</data></cmd></xccos>',
    ],
  ])('%s → ERR_XCCOS_DOCTYPE_FORBIDDEN', (_label, xml) => {
    expect(failure(parseXccos(xml)).code).toBe('ERR_XCCOS_DOCTYPE_FORBIDDEN');
  });

  it('an undeclared entity is not expanded but refused', () => {
    const f = failure(
      parseXccos(
        cmd(
          `<grpchat id="grpchat" seqid="1" chanUri="${ROOM}" author="sip:a@b" ts="2024-01-01T00:00:00Z"><chat>&lol9;</chat></grpchat>`,
        ),
      ),
    );
    expect(f.code).toBe('ERR_XCCOS_NOT_XML');
  });

  it('deep nesting → ERR_XCCOS_TOO_COMPLEX, quickly, also at 100,000 levels', () => {
    const deep = (n: number) =>
      cmd(`<cmd id="cmd:requri" seqid="1"><data>${'<a>'.repeat(n)}${'</a>'.repeat(n)}</data></cmd>`);
    expect(failure(parseXccos(deep(20))).code).toBe('ERR_XCCOS_TOO_COMPLEX');
    const started = Date.now();
    expect(failure(parseXccos(deep(100_000), { ...defaultLimits(), maxBytes: 10_000_000 })).code).toMatch(
      /ERR_XCCOS_TOO_COMPLEX|ERR_XCCOS_NOT_XML/,
    );
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('too many attributes or elements → ERR_XCCOS_TOO_COMPLEX', () => {
    const attrs = Array.from({ length: 40 }, (_, i) => `a${i}="x"`).join(' ');
    expect(failure(parseXccos(cmd(`<cmd id="cmd:requri" seqid="1" ${attrs}><data/></cmd>`))).code).toBe(
      'ERR_XCCOS_TOO_COMPLEX',
    );
    const many = '<chanid key="0" domain="d" value="v"/>'.repeat(25_000);
    expect(
      failure(
        parseXccos(cmd(`<cmd id="cmd:bjoin" seqid="1"><data>${many}</data></cmd>`), {
          ...defaultLimits(),
          maxBytes: 5_000_000,
        }),
      ).code,
    ).toBe('ERR_XCCOS_TOO_COMPLEX');
  });

  it('oversized → ERR_XCCOS_TOO_LARGE, measured in UTF-8 bytes', () => {
    const big = cmd(`<cmd id="cmd:requri" seqid="1"><data>${'x'.repeat(300 * 1024)}</data></cmd>`);
    const f = failure(parseXccos(big));
    expect(f.code).toBe('ERR_XCCOS_TOO_LARGE');
    expect(ERROR_CATALOGUE[f.code].sipStatus).toBe(413);
    // 40,000 three-byte characters: under the limit in UTF-16 units, over it in bytes.
    const wide = cmd(
      `<grpchat id="grpchat" seqid="1" chanUri="${ROOM}" author="sip:a@b" ts="2024-01-01T00:00:00Z"><chat>${'€'.repeat(40_000)}</chat></grpchat>`,
    );
    expect(failure(parseXccos(wide, { ...defaultLimits(), maxBytes: 100_000 })).code).toBe('ERR_XCCOS_TOO_LARGE');
    expect(envelope(parseXccos(wide, { ...defaultLimits(), maxBytes: 130_000 })).kind).toBe('grpchat');
  });

  it.each([
    ['empty body', ''],
    ['plain text', 'hello'],
    ['unclosed tag', '<xccos ver="1" envid="1"><cmd id="cmd:requri" seqid="1">'],
    ['mismatched tags', `<xccos ver="1" envid="1" ${NS}><cmd></xccos></cmd>`],
    ['duplicate attribute', `<xccos ver="1" envid="1" envid="2" ${NS}/>`],
    ['two roots', `${cmd('<cmd id="cmd:requri" seqid="1"/>')}${cmd('<cmd id="cmd:requri" seqid="1"/>')}`],
    ['trailing text', `${cmd('<cmd id="cmd:requri" seqid="1"/>')}junk`],
    [
      'bare ampersand',
      cmd(
        `<grpchat id="grpchat" seqid="1" chanUri="${ROOM}" author="sip:a@b" ts="2024-01-01T00:00:00Z"><chat>a & b</chat></grpchat>`,
      ),
    ],
    [
      'control character',
      cmd(
        `<grpchat id="grpchat" seqid="1" chanUri="${ROOM}" author="sip:a@b" ts="2024-01-01T00:00:00Z"><chat>a\u0001b</chat></grpchat>`,
      ),
    ],
    [
      'character reference to NUL',
      cmd(
        `<grpchat id="grpchat" seqid="1" chanUri="${ROOM}" author="sip:a@b" ts="2024-01-01T00:00:00Z"><chat>&#0;</chat></grpchat>`,
      ),
    ],
    ['lone surrogate', cmd(`<cmd id="cmd:requri" seqid="1"><data>\uD800</data></cmd>`)],
    ['JSON', '{"xccos":1}'],
  ])('%s → ERR_XCCOS_NOT_XML', (_label, xml) => {
    expect(failure(parseXccos(xml)).code).toBe('ERR_XCCOS_NOT_XML');
  });

  it.each([
    ['another root element', `<provisioningGroupList ${NS}/>`, 'ERR_XCCOS_NOT_XCCOS'],
    [
      'a foreign namespace',
      '<xccos ver="1" envid="1" xmlns="urn:example"><cmd id="cmd:requri" seqid="1"/></xccos>',
      'ERR_XCCOS_NOT_XCCOS',
    ],
    ['no envid', `<xccos ver="1" ${NS}><cmd id="cmd:requri" seqid="1"/></xccos>`, 'ERR_XCCOS_BAD_ENVELOPE'],
    ['envid above 64 bits', cmd('<cmd id="cmd:requri" seqid="1"/>', '18446744073709551616'), 'ERR_XCCOS_BAD_ENVELOPE'],
    ['non-decimal envid', cmd('<cmd id="cmd:requri" seqid="1"/>', '0x10'), 'ERR_XCCOS_BAD_ENVELOPE'],
    ['empty envelope', cmd(''), 'ERR_XCCOS_BAD_ENVELOPE'],
    [
      'rpl mixed with ntc',
      cmd('<rpl id="rpl:part" seqid="1"/><ntc id="ntc:part" seqid="1"/>'),
      'ERR_XCCOS_BAD_ENVELOPE',
    ],
    ['two commands', cmd('<cmd id="cmd:requri" seqid="1"/><cmd id="cmd:requri" seqid="1"/>'), 'ERR_XCCOS_BAD_ENVELOPE'],
    ['an unknown root child', cmd('<foo/>'), 'ERR_XCCOS_BAD_ENVELOPE'],
    ['cmd without id', cmd('<cmd seqid="1"><data/></cmd>'), 'ERR_XCCOS_BAD_ENVELOPE'],
  ])('%s → %s (SIP 400, no rpl possible)', (_label, xml, code) => {
    const f = failure(parseXccos(xml));
    expect(f.code).toBe(code);
    expect(f.replyTo).toBeUndefined();
    expect(ERROR_CATALOGUE[f.code].sipStatus).toBe(400);
  });

  it('keeps the envid of a readable envelope on failure', () => {
    expect(failure(parseXccos(cmd('<foo/>', '12345678901234567890'))).envid).toBe('12345678901234567890');
  });
});

describe('parseXccos: malformed payloads are answerable with an error rpl', () => {
  it.each([
    ['join without chanid', '<cmd id="cmd:join" seqid="1"><data/></cmd>', 'rpl:join'],
    [
      'join with two chanids',
      '<cmd id="cmd:join" seqid="1"><data><chanid key="0" domain="d" value="1"/><chanid key="1" domain="d" value="2"/></data></cmd>',
      'rpl:join',
    ],
    [
      'chanid without value',
      '<cmd id="cmd:bjoin" seqid="1"><data><chanid key="0" domain="d"/></data></cmd>',
      'rpl:bjoin',
    ],
    [
      'chanid with a non-numeric key',
      '<cmd id="cmd:bjoin" seqid="1"><data><chanid key="x" domain="d" value="1"/></data></cmd>',
      'rpl:bjoin',
    ],
    ['part without chanib', '<cmd id="cmd:part" seqid="1"><data/></cmd>', 'rpl:part'],
    [
      'bccontext with a negative count',
      `<cmd id="cmd:bccontext" seqid="1"><data><chanib uri="${ROOM}"/><bcq><last cnt="-1"/></bcq></data></cmd>`,
      'rpl:bccontext',
    ],
    [
      'bccontext above 500',
      `<cmd id="cmd:bccontext" seqid="1"><data><chanib uri="${ROOM}"/><bcq><last cnt="501"/></bcq></data></cmd>`,
      'rpl:bccontext',
    ],
    ['chansrch without qib', '<cmd id="cmd:chansrch" seqid="1"><data/></cmd>', 'rpl:chansrch'],
    [
      'chansrch with extended=maybe',
      '<cmd id="cmd:chansrch" seqid="1"><data><qib qtype="BYNAME" criteria="" extended="maybe"/></data></cmd>',
      'rpl:chansrch',
    ],
    ['getinv without domain', '<cmd id="cmd:getinv" seqid="1"><data><inv inviteId="1"/></data></cmd>', 'rpl:getinv'],
    [
      'setpref without content',
      '<cmd id="cmd:setpref" seqid="1"><data><pref label="l" seqid="1" createdefault="false"/></data></cmd>',
      'rpl:setpref',
    ],
    [
      'setpref with non-base64 content',
      '<cmd id="cmd:setpref" seqid="1"><data><pref label="l" seqid="1" content="&lt;x&gt;"/></data></cmd>',
      'rpl:setpref',
    ],
    [
      'getfutok without fileUrl',
      `<cmd id="cmd:getfutok" seqid="1"><data><ftdb channelUri="${ROOM}"/></data></cmd>`,
      'rpl:getftok',
    ],
    ['getfdtok without ftdb', '<cmd id="cmd:getfdtok" seqid="1"><data/></cmd>', 'rpl:getftok'],
  ])('%s → ERR_XCCOS_INVALID_ARGUMENT answered by %s', (_label, inner, replyId) => {
    const f = failure(parseXccos(cmd(inner, '9007199254740993')));
    expect(f.code).toBe('ERR_XCCOS_INVALID_ARGUMENT');
    expect(f.replyTo).toEqual({ id: expect.stringMatching(/^cmd:/), replyId, seqid: '1', envid: '9007199254740993' });
  });

  it.each([
    [
      'no ts (a real server refused it)',
      `<grpchat id="grpchat" seqid="1" chanUri="${ROOM}" author="sip:a@b"><chat>x</chat></grpchat>`,
    ],
    [
      'a ts that is not a time',
      `<grpchat id="grpchat" seqid="1" chanUri="${ROOM}" author="sip:a@b" ts="yesterday"><chat>x</chat></grpchat>`,
    ],
    [
      'no chanUri',
      '<grpchat id="grpchat" seqid="1" author="sip:a@b" ts="2024-01-01T00:00:00Z"><chat>x</chat></grpchat>',
    ],
    [
      'no author',
      `<grpchat id="grpchat" seqid="1" chanUri="${ROOM}" ts="2024-01-01T00:00:00Z"><chat>x</chat></grpchat>`,
    ],
    ['no chat', `<grpchat id="grpchat" seqid="1" chanUri="${ROOM}" author="sip:a@b" ts="2024-01-01T00:00:00Z"/>`],
    [
      'a story without a title',
      `<grpchat id="grpchat" seqid="1" chanUri="${ROOM}" author="sip:a@b" ts="2024-01-01T00:00:00Z"><chat>t</chat><story>b</story></grpchat>`,
    ],
    [
      'two grpchats',
      `<grpchat id="grpchat" seqid="1" chanUri="${ROOM}" author="sip:a@b" ts="2024-01-01T00:00:00Z"><chat>1</chat></grpchat><grpchat id="grpchat" seqid="1" chanUri="${ROOM}" author="sip:a@b" ts="2024-01-01T00:00:00Z"><chat>2</chat></grpchat>`,
    ],
  ])('a post with %s → a coded failure with a SIP error status', (_label, inner) => {
    const f = failure(parseXccos(cmd(inner)));
    expect(f.code).toMatch(/ERR_XCCOS_INVALID_POST|ERR_XCCOS_BAD_ENVELOPE/);
    expect(ERROR_CATALOGUE[f.code].sipStatus).toBe(400);
  });
});

describe('parseXccos: what it accepts', () => {
  it('unknown commands parse as name "unknown" with the raw payload kept for logging', () => {
    const e = envelope(
      parseXccos(cmd('<cmd id="cmd:createroom" seqid="1"><data><chanib name="x &amp; y"/></data></cmd>')),
    );
    expect(e).toMatchObject({
      kind: 'cmd',
      command: { name: 'unknown', id: 'cmd:createroom', rawData: '<chanib name="x &amp; y"/>' },
    });
  });

  it('keeps 64-bit envids exactly (no number parsing)', () => {
    const e = envelope(parseXccos(cmd('<cmd id="cmd:requri" seqid="1"><data/></cmd>', '18446744073709551615')));
    expect(e.envid).toBe('18446744073709551615');
  });

  it('tolerates a missing <data>, whitespace between elements, an XML declaration and comments', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>\r\n<xccos ver="1" envid="5" ${NS}>\r\n  <!-- c -->\r\n  <cmd id="cmd:requri" seqid="1" />\r\n</xccos>`;
    expect(envelope(parseXccos(xml))).toEqual({
      kind: 'cmd',
      ver: '1',
      envid: '5',
      command: { name: 'requri', id: 'cmd:requri', seqid: '1' },
    });
  });

  it('matches command ids case-insensitively but keeps the id as written', () => {
    const e = envelope(
      parseXccos(cmd('<cmd id="CMD:Part" seqid="1"><data><chanib uri="ma-chan://d/1"/></data></cmd>')),
    );
    expect(e).toMatchObject({ command: { name: 'part', id: 'CMD:Part', roomUri: 'ma-chan://d/1' } });
  });

  it('reads CDATA and numeric references in chat text, and a missing cnt as "server default"', () => {
    const post = envelope(
      parseXccos(
        cmd(
          `<grpchat id="grpchat" seqid="1" chanUri="${ROOM}" author="sip:a@b" ts="2024-01-01T00:00:00"><chat>&#x1F600; <![CDATA[<b>&amp;</b>]]></chat></grpchat>`,
        ),
      ),
    );
    expect(post).toMatchObject({ kind: 'grpchat', message: { text: '😀 <b>&amp;</b>' } });
    const bcc = envelope(
      parseXccos(cmd(`<cmd id="cmd:bccontext" seqid="1"><data><chanib uri="${ROOM}"/><bcq><last/></bcq></data></cmd>`)),
    );
    expect(bcc).toMatchObject({ command: { name: 'bccontext', roomUri: ROOM } });
    expect(bcc.kind === 'cmd' && 'last' in bcc.command).toBe(false);
  });

  it('a reply without <resp> counts as 500, as SIPE reads it', () => {
    const e = envelope(parseXccos(cmd('<rpl id="rpl:part" seqid="1"><commandid seqid="1" envid="3"/><data/></rpl>')));
    expect(e).toMatchObject({ kind: 'rpl', replies: [{ name: 'part', resp: { code: 500, text: '' } }] });
  });
});

function defaultLimits() {
  return { maxBytes: 256 * 1024, maxDepth: 16, maxElements: 20_000, maxAttributesPerElement: 32 };
}
