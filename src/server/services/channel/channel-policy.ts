/**
 * Who may do what in a room (LYNC.md §2.3, §2.4; XCCOS.md §6.8, §7). Pure: the caller loads the
 * room, its category's scope and its role lists.
 *
 * - Scope: a user is in a category's scope when a principal of theirs is in AllowedMembers (an
 *   empty list means the root scope: every user) and none is in DeniedMembers (the ethical wall
 *   wins over every room role).
 * - Open: everyone in scope finds, joins, reads and posts. Closed: everyone in scope finds it; only
 *   members enter, read and post. Secret: only members find it or enter.
 * - Auditorium: only presenters post (presenters must also be able to join).
 * - Managers edit and disable the room; a manager is NOT automatically a member.
 * - Disabled: nobody finds, joins, reads, posts or moves files; managers and admins still manage.
 * - Persistent Chat administrators are not bound by scope or roles (§2.4); they still cannot use
 *   a disabled room.
 * - Files: upload = post rights and the category allows file upload; download = read rights.
 */
import type { CategoryScope, RoomRoles } from './channel-repo-port.js';

export interface PolicyUser {
  uri: string;
  isAdmin: boolean;
  /** Group ids the user belongs to. */
  groups: readonly string[];
}

export interface PolicyRoom {
  privacy: 'open' | 'closed' | 'secret';
  type: 'normal' | 'auditorium';
  disabled: boolean;
  fileUpload: boolean;
}

export interface RoomRights {
  find: boolean;
  join: boolean;
  read: boolean;
  post: boolean;
  upload: boolean;
  download: boolean;
  manage: boolean;
  /** Derived role facts, for rosters (`aib` keys) and the console. */
  isMember: boolean;
  isManager: boolean;
  isPresenter: boolean;
  inScope: boolean;
}

export function domainOf(uri: string): string {
  const at = uri.lastIndexOf('@');
  return at < 0 ? '' : uri.slice(at + 1).toLowerCase();
}

/** Every principal string that stands for the user. */
export function principalsOf(user: Pick<PolicyUser, 'uri' | 'groups'>): string[] {
  return [user.uri.toLowerCase(), ...user.groups.map((g) => `group:${g}`), `domain:${domainOf(user.uri)}`];
}

function holds(list: readonly string[], mine: ReadonlySet<string>): boolean {
  return list.some((p) => mine.has(p.toLowerCase()));
}

export function isInScope(scope: CategoryScope, principals: readonly string[]): boolean {
  const mine = new Set(principals);
  if (holds(scope.deniedMembers, mine)) return false;
  return scope.allowedMembers.length === 0 || holds(scope.allowedMembers, mine);
}

export function isDenied(scope: CategoryScope, principals: readonly string[]): boolean {
  return holds(scope.deniedMembers, new Set(principals));
}

export function roomRights(user: PolicyUser, room: PolicyRoom, scope: CategoryScope, roles: RoomRoles): RoomRights {
  const principals = principalsOf(user);
  const mine = new Set(principals);
  const denied = holds(scope.deniedMembers, mine);
  const inScope = isInScope(scope, principals);
  const isMember = !denied && holds(roles.members, mine);
  const isManager = !denied && holds(roles.managers, mine);
  const isPresenter = isMember && holds(roles.presenters, mine);
  const admin = user.isAdmin;

  const find = admin || isMember || isManager || (room.privacy !== 'secret' && inScope);
  const enter = admin || isMember || (room.privacy === 'open' && inScope);
  const mayPost = room.type === 'auditorium' ? admin || (isPresenter && enter) : enter;
  const live = !room.disabled;
  return {
    find: live && find,
    join: live && enter,
    read: live && enter,
    post: live && mayPost,
    upload: live && mayPost && room.fileUpload,
    download: live && enter,
    manage: admin || isManager,
    isMember,
    isManager,
    isPresenter,
    inScope,
  };
}
