import type { PolicyService } from '../../services/policy/policy-service.js';
import type { HandlersFor } from './handler-types.js';

export function policiesHandlers(policies: PolicyService): HandlersFor<'policies'> {
  return {
    'policies.list': async () => ({ items: policies.listPolicies() }),
    'policies.get': async ({ id }) => policies.getPolicy(id),
    'policies.create': (input, { actor }) => policies.createPolicy(input, { actor }),
    'policies.update': (input, { actor }) => policies.updatePolicy(input, { actor }),
    'policies.delete': (input, { actor }) => policies.deletePolicy(input, { actor }),
    'policies.effective': async ({ userId }) => {
      policies.assertUser(userId);
      return policies.effectivePolicy(userId);
    },
  };
}
