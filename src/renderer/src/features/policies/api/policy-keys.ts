export const policyKeys = {
  all: ['policies'] as const,
  lists: () => [...policyKeys.all, 'list'] as const,
  list: () => [...policyKeys.lists(), {}] as const,
  effectives: () => [...policyKeys.all, 'effective'] as const,
  effective: (userId: string) => [...policyKeys.effectives(), userId] as const,
};
