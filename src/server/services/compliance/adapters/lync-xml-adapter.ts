/**
 * The built-in Lync XML adapter (LYNC.md §5.2, `XmlAdapter`): `<base>.xml` holds the six Lync
 * message types exactly in the documented format and validates against lync-compliance.xsd.
 *
 * Administrative events (CHATDELETE, CHATREPLACE, HISTORYCLEAR) have no type in Lync's schema
 * (Lync kept deletions and purges as cmplType 10/11 in its queue but never defined them for the
 * XML). So that tools built for Lync's output keep working unchanged, they go to a companion file
 * `<base>.admin.xml` with the same structure, validated by parlance-compliance-admin.xsd (the same
 * schema with the three extra types and an optional `details` JSON attribute). CSV and JSON Lines
 * carry all nine types inline.
 *
 * Options: AddUserDetails adds `UserName`, `email` and `internal` to `Sender` (without it a sender
 * is `id` + `uri`); AddChatRoomDetails adds `description`, `category`, `privacy` and `roomType` to
 * `Channel` (Parlance extensions, optional in the XSD). `uri` of a sender drops the `sip:` prefix
 * as in Lync's samples.
 */
import { lyncTime } from '../compliance-time.js';
import {
  isLyncType,
  type ComplianceAdapter,
  type ComplianceBatchInfo,
  type ComplianceConversation,
} from '../compliance-adapter.js';
import type { QueuedComplianceEvent } from '../compliance-queue-port.js';
import { escapeAttribute as esc } from './xml-escape.js';

const HEADER =
  '<?xml version="1.0" encoding="utf-8"?>\n' +
  '<Conversations xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">\n';
const FOOTER = '</Conversations>\n';

function time(tag: string, iso: string, indent: string): string {
  const t = lyncTime(iso);
  return `${indent}<${tag} since1970="${t.since1970}" string="${t.string}" long="${t.long}"/>\n`;
}

function senderUri(uri: string): string {
  return uri.toLowerCase().startsWith('sip:') ? uri.slice(4) : uri;
}

function isInternal(uri: string, domain: string): boolean {
  return senderUri(uri)
    .toLowerCase()
    .endsWith('@' + domain.toLowerCase());
}

function message(tag: string, e: QueuedComplianceEvent, batch: ComplianceBatchInfo, admin: boolean): string {
  const indent = tag === 'FirstMessage' ? '    ' : '      ';
  const inner = indent + '  ';
  const u = e.user;
  let sender = `${inner}<Sender`;
  if (batch.settings.addUserDetails) sender += ` UserName="${esc(u.name)}"`;
  sender += ` id="${u.principalId}"`;
  if (batch.settings.addUserDetails) {
    if (u.email) sender += ` email="${esc(u.email)}"`;
    sender += ` internal="${isInternal(u.uri, batch.domain)}"`;
  }
  sender += ` uri="${esc(senderUri(u.uri))}"/>\n`;
  const details = admin && e.details ? ` details="${esc(JSON.stringify(e.details))}"` : '';
  return (
    `${indent}<${tag} type="${e.type}" content="${esc(e.content)}" id="${e.messageId}"${details}>\n` +
    sender +
    time('DateTimeUTC', e.at, inner) +
    `${indent}</${tag}>\n`
  );
}

function conversation(c: ComplianceConversation, batch: ComplianceBatchInfo, admin: boolean): string {
  const r = c.room;
  let channel = `    <Channel uri="${esc(r.uri)}" name="${esc(r.name || r.uri)}" islogged="${r.logged}"`;
  if (batch.settings.addChatRoomDetails && r.details) {
    channel +=
      ` description="${esc(r.details.description)}" category="${esc(r.details.category)}"` +
      ` privacy="${esc(r.details.privacy)}" roomType="${esc(r.details.type)}"`;
  }
  channel += '/>\n';
  const [first, ...rest] = c.events;
  let out = '  <Conversation>\n' + channel + message('FirstMessage', first!, batch, admin) + '    <Messages>\n';
  for (const e of rest) out += message('Message', e, batch, admin);
  out += '    </Messages>\n' + time('StartTimeUTC', c.startAt, '    ') + time('EndTimeUTC', c.endAt, '    ');
  return out + '  </Conversation>\n';
}

/** Keeps only the events `keep` accepts; drops conversations left empty. */
function filtered(
  conversations: readonly ComplianceConversation[],
  keep: (e: QueuedComplianceEvent) => boolean,
): ComplianceConversation[] {
  const out: ComplianceConversation[] = [];
  for (const c of conversations) {
    const events = c.events.filter(keep);
    if (events.length > 0) out.push(events.length === c.events.length ? c : { ...c, events });
  }
  return out;
}

export function* lyncXmlDocument(
  conversations: readonly ComplianceConversation[],
  batch: ComplianceBatchInfo,
  admin = false,
): Generator<string> {
  yield HEADER;
  for (const c of conversations) yield conversation(c, batch, admin);
  yield FOOTER;
}

export function createLyncXmlAdapter(): ComplianceAdapter {
  return {
    name: 'xml',
    async translate(batch, conversations, out) {
      const files: string[] = [];
      const lync = filtered(conversations, (e) => isLyncType(e.type));
      const admin = filtered(conversations, (e) => !isLyncType(e.type));
      if (lync.length > 0 || admin.length === 0) {
        await out.writeFile(`${batch.baseName}.xml`, lyncXmlDocument(lync, batch));
        files.push(`${batch.baseName}.xml`);
      }
      if (admin.length > 0) {
        await out.writeFile(`${batch.baseName}.admin.xml`, lyncXmlDocument(admin, batch, true));
        files.push(`${batch.baseName}.admin.xml`);
      }
      return files;
    },
  };
}
