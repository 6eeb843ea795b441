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

// Each repository is made when a transaction or read first uses it (a post touches two of the
// eleven): building them all for every transaction cost more than the post's own statements.
// Classes, so that every Readers/Writers object shares one hidden class.
class LazyReaders implements Readers {
  private c?: Readers['categories'];
  private r?: Readers['rooms'];
  private u?: Readers['users'];
  private s?: Readers['sessions'];
  private a?: Readers['audit'];
  private p?: Readers['policies'];
  private ch?: Readers['channel'];
  private d?: Readers['directory'];
  private q?: Readers['complianceQueue'];
  private t?: Readers['topicFeeds'];
  constructor(private readonly db: SqlReader) {}
  get categories() {
    return (this.c ??= categoryReader(this.db));
  }
  get rooms() {
    return (this.r ??= roomReader(this.db));
  }
  get users() {
    return (this.u ??= userReader(this.db));
  }
  get sessions() {
    return (this.s ??= sessionReader(this.db));
  }
  get audit() {
    return (this.a ??= auditReader(this.db));
  }
  get policies() {
    return (this.p ??= policyReader(this.db));
  }
  get channel() {
    return (this.ch ??= channelReader(this.db));
  }
  get directory() {
    return (this.d ??= directoryReader(this.db));
  }
  get complianceQueue() {
    return (this.q ??= complianceQueueReader(this.db));
  }
  get topicFeeds() {
    return (this.t ??= topicFeedReader(this.db));
  }
}

class LazyWriters implements Writers {
  private c?: Writers['categories'];
  private r?: Writers['rooms'];
  private u?: Writers['users'];
  private s?: Writers['sessions'];
  private a?: Writers['audit'];
  private p?: Writers['policies'];
  private ch?: Writers['channel'];
  private d?: Writers['directory'];
  private ce?: Writers['compliance'];
  private q?: Writers['complianceQueue'];
  private t?: Writers['topicFeeds'];
  constructor(private readonly db: SqlWriter) {}
  get categories() {
    return (this.c ??= categoryWriter(this.db));
  }
  get rooms() {
    return (this.r ??= roomWriter(this.db));
  }
  get users() {
    return (this.u ??= userWriter(this.db));
  }
  get sessions() {
    return (this.s ??= sessionWriter(this.db));
  }
  get audit() {
    return (this.a ??= auditWriter(this.db));
  }
  get policies() {
    return (this.p ??= policyWriter(this.db));
  }
  get channel() {
    return (this.ch ??= channelWriter(this.db));
  }
  get directory() {
    return (this.d ??= directoryWriter(this.db));
  }
  get compliance() {
    return (this.ce ??= complianceEventWriter(this.db));
  }
  get complianceQueue() {
    return (this.q ??= complianceQueueWriter(this.db));
  }
  get topicFeeds() {
    return (this.t ??= topicFeedWriter(this.db));
  }
}

// The store hands out the same reader and writer every time (sql-store-engine.ts): the
// repositories bound to them are then made once per store, not per call.
const readerRepos = new WeakMap<SqlReader, Readers>();
const writerRepos = new WeakMap<SqlWriter, Writers>();

function readersOf(db: SqlReader): Readers {
  let r = readerRepos.get(db);
  if (!r) readerRepos.set(db, (r = new LazyReaders(db)));
  return r;
}

function writersOf(db: SqlWriter): Writers {
  let w = writerRepos.get(db);
  if (!w) writerRepos.set(db, (w = new LazyWriters(db)));
  return w;
}

export function createSqlDataAccess(store: SqlStore): DataPort {
  return {
    read: (fn) => store.read((db) => fn(readersOf(db))),
    transaction: (fn) => store.transaction((db) => fn(writersOf(db))),
  };
}
