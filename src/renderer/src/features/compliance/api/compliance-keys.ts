import type { AdminInput } from '../../../../../server/admin-api/contract';

export type ComplianceEventFilters = NonNullable<AdminInput<'compliance.events.search'>>;

export const complianceKeys = {
  all: ['compliance'] as const,
  config: () => [...complianceKeys.all, 'config'] as const,
  status: () => [...complianceKeys.all, 'status'] as const,
  events: () => [...complianceKeys.all, 'events'] as const,
  eventSearch: (filters: ComplianceEventFilters) => [...complianceKeys.events(), filters] as const,
  outputs: () => [...complianceKeys.all, 'outputs'] as const,
  outputList: () => [...complianceKeys.outputs(), 'list'] as const,
  preview: (name: string) => [...complianceKeys.outputs(), 'preview', name] as const,
};

/** Drops empty filters so equal searches share one cache entry. */
export function normalizeEventFilters(filters: ComplianceEventFilters): ComplianceEventFilters {
  const out: ComplianceEventFilters = { offset: filters.offset ?? 0, limit: filters.limit ?? 25 };
  for (const key of ['room', 'user', 'text'] as const) {
    const value = filters[key]?.trim();
    if (value) out[key] = value;
  }
  if (filters.types && filters.types.length > 0) out.types = [...filters.types].sort();
  if (filters.from) out.from = filters.from;
  if (filters.to) out.to = filters.to;
  if (filters.state && filters.state !== 'all') out.state = filters.state;
  return out;
}
