/** The services' DataPort over the SqlStore: repositories bound to the reader or the writer. */
import type { DataPort, Readers, Writers } from '../../services/shared/data-port.js';
import type { SqlReader, SqlStore, SqlWriter } from '../sql-store.js';
import { auditReader, auditWriter } from './audit-repo.js';
import { categoryReader, categoryWriter } from './category-repo.js';
import { channelReader, channelWriter } from './channel-repo.js';
import { complianceEventWriter } from './compliance-event-repo.js';
import { complianceQueueReader, complianceQueueWriter } from './compliance-queue-repo.js';
import { directoryReader, directoryWriter } from './directory-repo.js';
import { policyReader, policyWriter } from './policy-repo.js';
import { roomReader, roomWriter } from './room-repo.js';
import { sessionReader, sessionWriter } from './session-repo.js';
import { topicFeedReader, topicFeedWriter } from './topic-feed-repo.js';
import { userReader, userWriter } from './user-repo.js';

function readers(db: SqlReader): Readers {
  return {
    categories: categoryReader(db),
    rooms: roomReader(db),
    users: userReader(db),
    sessions: sessionReader(db),
    audit: auditReader(db),
    policies: policyReader(db),
    channel: channelReader(db),
    directory: directoryReader(db),
    complianceQueue: complianceQueueReader(db),
    topicFeeds: topicFeedReader(db),
  };
}

function writers(db: SqlWriter): Writers {
  return {
    categories: categoryWriter(db),
    rooms: roomWriter(db),
    users: userWriter(db),
    sessions: sessionWriter(db),
    audit: auditWriter(db),
    policies: policyWriter(db),
    channel: channelWriter(db),
    directory: directoryWriter(db),
    compliance: complianceEventWriter(db),
    complianceQueue: complianceQueueWriter(db),
    topicFeeds: topicFeedWriter(db),
  };
}

export function createSqlDataAccess(store: SqlStore): DataPort {
  return {
    read: (fn) => store.read((db) => fn(readers(db))),
    transaction: (fn) => store.transaction((db) => fn(writers(db))),
  };
}
