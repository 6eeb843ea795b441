import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { callAdmin } from '../../../api/admin-client';
import { complianceKeys, normalizeEventFilters, type ComplianceEventFilters } from './compliance-keys';

export const complianceEventsQuery = (filters: ComplianceEventFilters) => {
  const normalized = normalizeEventFilters(filters);
  return queryOptions({
    queryKey: complianceKeys.eventSearch(normalized),
    queryFn: () => callAdmin('compliance.events.search', normalized),
    placeholderData: keepPreviousData,
  });
};

export function useComplianceEvents(filters: ComplianceEventFilters) {
  return useQuery(complianceEventsQuery(filters));
}
