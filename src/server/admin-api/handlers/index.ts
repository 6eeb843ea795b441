/** Every admin method's handler, assembled from the per-resource files. Thin: services do the work. */
import type { LogRingBuffer } from '../../log/log-ring-buffer.js';
import type { AuthService } from '../../services/auth/auth-service.js';
import type { BackupService } from '../../services/backup/backup-service.js';
import type { PolicyService } from '../../services/policy/policy-service.js';
import type { CategoriesService } from '../../services/categories/categories-service.js';
import type { ComplianceService } from '../../services/compliance/compliance-service.js';
import type { RoomsService } from '../../services/rooms/rooms-service.js';
import type { StatusService } from '../../services/status/server-status.js';
import type { UsersService } from '../../services/users/users-service.js';
import { authHandlers } from './auth-handlers.js';
import { categoriesHandlers } from './categories-handlers.js';
import { channelHandlers, type ChannelHandlerServices } from './channel-handlers.js';
import { complianceHandlers } from './compliance-handlers.js';
import type { AdminHandlers } from './handler-types.js';
import { policiesHandlers } from './policies-handlers.js';
import { roomsHandlers } from './rooms-handlers.js';
import { logsHandlers, serverHandlers, storeHandlers } from './server-handlers.js';
import { sipHandlers, type SipMessageSource } from './sip-handlers.js';
import { usersHandlers } from './users-handlers.js';

export interface HandlerServices {
  auth: AuthService;
  categories: CategoriesService;
  rooms: RoomsService;
  users: UsersService;
  status: StatusService;
  backup: BackupService;
  logs: LogRingBuffer;
  policies: PolicyService;
  /** The SIP front end's message ring; null when SIP is off. */
  sip: SipMessageSource | null;
  compliance: ComplianceService;
  channel: ChannelHandlerServices;
}

export function createAdminHandlers(s: HandlerServices): AdminHandlers {
  return {
    ...serverHandlers(s.status),
    ...storeHandlers(s.backup),
    ...logsHandlers(s.logs),
    ...authHandlers(s.auth),
    ...categoriesHandlers(s.categories),
    ...roomsHandlers(s.rooms),
    ...usersHandlers(s.users, s.policies),
    ...policiesHandlers(s.policies),
    ...sipHandlers(s.sip),
    ...complianceHandlers(s.compliance),
    ...channelHandlers(s.channel),
  };
}
