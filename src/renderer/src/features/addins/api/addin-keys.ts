export const addinKeys = {
  all: ['addins'] as const,
  lists: () => [...addinKeys.all, 'list'] as const,
  list: () => [...addinKeys.lists(), {}] as const,
};
