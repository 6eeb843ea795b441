/**
 * Invitations (LYNC.md §2.5, XCCOS.md §6.9): when users are added to a room's members and both
 * the category and the room allow invitations, each gets an invitation with a per-user sequence
 * id, in the same transaction as the role change. `cmd:getinv` returns the user's invitations
 * from an id on.
 */
import type { Writers } from '../../shared/data-port.js';
import type { Room } from '../../rooms/room-repo-port.js';

/** Users named by a principal list: SIP URIs directly, groups expanded (domains are not). */
export function usersOfPrincipals(w: Pick<Writers, 'directory'>, principals: readonly string[]): string[] {
  const users = new Set<string>();
  for (const p of principals) {
    if (p.startsWith('sip:')) users.add(p.toLowerCase());
    else if (p.startsWith('group:')) for (const m of w.directory.getGroup(p.slice(6))?.members ?? []) users.add(m);
  }
  return [...users];
}

/** Creates invitations for the members added by a role change; returns who was invited. */
export function inviteAddedMembers(
  w: Writers,
  room: Room,
  invitationsOn: boolean,
  before: readonly string[],
  after: readonly string[],
  at: string,
): string[] {
  if (!invitationsOn) return [];
  const had = new Set(usersOfPrincipals(w, before));
  const added = usersOfPrincipals(w, after).filter((u) => !had.has(u));
  for (const user of added) w.channel.addInvitation(user, room.id, at);
  return added;
}
