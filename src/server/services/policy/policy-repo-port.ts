/**
 * Persistent Chat policies (LYNC.md §2.9) as the services see them. Identity is `global`,
 * `site:{name}` or `tag:{name}` (per-user); exactly one `global` policy always exists.
 */
export type PolicyScope = 'global' | 'site' | 'user';

export interface ChatPolicy {
  id: string;
  identity: string;
  scope: PolicyScope;
  /** The name without its scope prefix (`Site1` for `site:Site1`; `global` for the global one). */
  name: string;
  description: string;
  enablePersistentChat: boolean;
  /** Users this policy is assigned to directly (per-user policies only; 0 otherwise). */
  userCount: number;
  createdAt: string;
  updatedAt: string;
}

export type ChatPolicyRecord = Omit<ChatPolicy, 'userCount' | 'name'>;

export interface PolicyReader {
  list(): ChatPolicy[];
  get(id: string): ChatPolicy | undefined;
  findByIdentity(identity: string): ChatPolicy | undefined;
  /** The per-user policy assigned to a user, if any. */
  assignedTo(userId: string): ChatPolicy | undefined;
}

export interface PolicyWriter extends PolicyReader {
  insert(record: ChatPolicyRecord): void;
  update(record: ChatPolicyRecord): void;
  delete(id: string): void;
  /** Set (policyId) or clear (null) a user's per-user policy. */
  assign(userId: string, policyId: string | null): void;
  /** Clear every assignment of a policy; returns how many users lost it. */
  unassignAll(policyId: string): number;
}
