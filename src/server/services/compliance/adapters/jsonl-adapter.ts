/**
 * JSON Lines adapter: one JSON object per event per line (UTF-8, LF), all nine types, in
 * Conversation order (room and RunInterval slot) and seq order within.
 */
import type { ComplianceAdapter, ComplianceBatchInfo, ComplianceConversation } from '../compliance-adapter.js';
import type { QueuedComplianceEvent } from '../compliance-queue-port.js';

export function jsonlRecord(e: QueuedComplianceEvent, c: ComplianceConversation, batch: ComplianceBatchInfo) {
  return {
    seq: e.seq,
    eventId: e.id,
    type: e.type,
    at: e.at,
    room: {
      uri: e.room.uri,
      name: e.room.name,
      logged: e.room.logged,
      ...(batch.settings.addChatRoomDetails && e.room.details ? { details: e.room.details } : {}),
    },
    user: { uri: e.user.uri, name: e.user.name, email: e.user.email, principalId: e.user.principalId },
    messageId: e.messageId,
    content: e.content,
    details: e.details,
    conversation: { startAt: c.startAt, endAt: c.endAt },
    batch: batch.no,
  };
}

export function* jsonlDocument(conversations: readonly ComplianceConversation[], batch: ComplianceBatchInfo) {
  for (const c of conversations) {
    let chunk = '';
    for (const e of c.events) chunk += JSON.stringify(jsonlRecord(e, c, batch)) + '\n';
    yield chunk;
  }
}

export function createJsonlAdapter(): ComplianceAdapter {
  return {
    name: 'jsonl',
    async translate(batch, conversations, out) {
      const name = `${batch.baseName}.jsonl`;
      await out.writeFile(name, jsonlDocument(conversations, batch));
      return [name];
    },
  };
}
