/** Sample queued events and batch info for the adapter and processor tests. */
import type { ComplianceEventType } from './compliance-event.js';
import type { BatchSettings, QueuedComplianceEvent } from './compliance-queue-port.js';
import type { ComplianceBatchInfo } from './compliance-adapter.js';

export const ALL_TYPES: ComplianceEventType[] = [
  'JOIN',
  'CHAT',
  'BACKCHAT',
  'FILEUPLOAD',
  'FILEDOWNLOAD',
  'CHATREPLACE',
  'CHATDELETE',
  'HISTORYCLEAR',
  'PART',
];

const CONTENT: Record<ComplianceEventType, string> = {
  JOIN: '',
  PART: '',
  CHAT: 'Hello <team> & "friends"\nsecond line\ttab — ünïcødé 🎉',
  BACKCHAT: 'history: last 50 messages; search "budget"',
  FILEUPLOAD: '0b7f3c4e-4a1d-4e8e-9d3a-2f2b9a1c7d11.pdf',
  FILEDOWNLOAD: '0b7f3c4e-4a1d-4e8e-9d3a-2f2b9a1c7d11.pdf',
  CHATDELETE: '',
  CHATREPLACE: 'This message was replaced by an administrator',
  HISTORYCLEAR: 'cleared up to 2026-01-01T00:00:00Z',
};

export function sampleEvent(seq: number, type: ComplianceEventType, over: Partial<QueuedComplianceEvent> = {}) {
  const event: QueuedComplianceEvent = {
    seq,
    id: `evt-${seq}`,
    type,
    at: new Date(Date.parse('2026-03-04T09:15:30.123Z') + seq * 1000).toISOString(),
    room: {
      id: 'room-1',
      uri: 'ma-chan://example.com/room-1',
      name: 'Release & "planning"',
      logged: true,
      details: { description: 'Plans <2026>', category: 'Engineering', privacy: 'closed', type: 'normal' },
    },
    user: {
      id: 'u-1',
      uri: seq % 2 ? 'sip:alice@example.com' : 'sip:bob@partner.org',
      name: seq % 2 ? 'Alice Ä' : 'Bob',
      email: seq % 2 ? 'alice@example.com' : '',
      principalId: seq % 2 ? 7 : 0,
    },
    messageId: type === 'CHAT' || type === 'CHATDELETE' || type === 'CHATREPLACE' ? 100 + seq : 0,
    content: CONTENT[type],
    details:
      type === 'CHATDELETE' || type === 'CHATREPLACE' || type === 'HISTORYCLEAR'
        ? { by: 'sip:admin@example.com' }
        : null,
    deliveredAt: null,
    batchNo: 1,
    ...over,
  };
  return event;
}

export function sampleSettings(over: Partial<BatchSettings> = {}): BatchSettings {
  return {
    adapter: 'xml',
    customModule: '',
    outputDir: '/tmp/unused',
    runIntervalMinutes: 15,
    oneChatRoomPerOutputFile: false,
    addChatRoomDetails: true,
    addUserDetails: true,
    createFileAttachmentsManifest: false,
    ...over,
  };
}

export function sampleBatch(
  events: readonly QueuedComplianceEvent[],
  settings = sampleSettings(),
): ComplianceBatchInfo {
  return {
    no: 1,
    firstSeq: events[0]!.seq,
    lastSeq: events[events.length - 1]!.seq,
    eventCount: events.length,
    baseName: 'batch-1',
    settings,
    domain: 'example.com',
  };
}
