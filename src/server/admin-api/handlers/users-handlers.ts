import type { PolicyService } from '../../services/policy/policy-service.js';
import type { UsersService } from '../../services/users/users-service.js';
import type { ChannelMethod } from './channel-handlers.js';
import type { HandlersFor } from './handler-types.js';

export function usersHandlers(users: UsersService, policies: PolicyService): Omit<HandlersFor<'users'>, ChannelMethod> {
  return {
    'users.list': async () => ({ items: users.listUsers() }),
    'users.create': (input, { actor }) => users.createUser(input, { actor }),
    'users.update': (input, { actor }) => users.updateUser(input, { actor }),
    'users.delete': (input, { actor }) => users.deleteUser(input, { actor }),
    'users.assignPolicy': (input, { actor }) => policies.assignPolicy(input, { actor }),
  };
}
