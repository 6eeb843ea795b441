import { queryOptions, useQuery } from '@tanstack/react-query';
import { callAdmin } from '../../../api/admin-client';
import { complianceKeys } from './compliance-keys';

export const PREVIEW_BYTES = 64 * 1024;

export const complianceOutputPreviewQuery = (name: string) =>
  queryOptions({
    queryKey: complianceKeys.preview(name),
    queryFn: () => callAdmin('compliance.outputs.preview', { name, maxBytes: PREVIEW_BYTES }),
  });

export function useComplianceOutputPreview(name: string | null) {
  return useQuery({ ...complianceOutputPreviewQuery(name ?? ''), enabled: name !== null });
}
