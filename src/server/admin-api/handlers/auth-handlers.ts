import { ServerError } from '../../errors/server-error.js';
import type { AuthService } from '../../services/auth/auth-service.js';
import type { HandlersFor } from './handler-types.js';

/** The trusted desktop session has no expiry of its own. */
const NO_EXPIRY = '9999-12-31T23:59:59.999Z';

export function authHandlers(auth: AuthService): HandlersFor<'auth'> {
  return {
    'auth.login': (input, { call }) => auth.login(input, { remoteAddress: call.remoteAddress }),
    'auth.logout': async (_input, { caller }) => {
      if (caller) await auth.logout(caller);
      return {};
    },
    'auth.session': async (_input, { caller }) => {
      if (!caller) throw new ServerError('ERR_AUTH_REQUIRED');
      return { user: caller.user, expiresAt: caller.session?.expiresAt ?? NO_EXPIRY };
    },
  };
}
