/** Who performs an action: recorded as created_by / updated_by and in the audit log. */
export interface Actor {
  /** User id, or null for the server itself and anonymous callers. */
  id: string | null;
  /** SIP URI of the user, or `system` / `anonymous`. */
  name: string;
  role: 'admin' | 'user' | 'system' | 'anonymous';
  remoteAddress?: string;
}

export interface ActionContext {
  actor: Actor;
}

export const SYSTEM_ACTOR: Actor = { id: null, name: 'system', role: 'system' };

export function anonymousActor(remoteAddress?: string): Actor {
  return { id: null, name: 'anonymous', role: 'anonymous', remoteAddress };
}
