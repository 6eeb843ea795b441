import { useMemo, useState } from 'react';
import type { ComplianceOutputFileT } from '../../../../../server/admin-api/contract-compliance';
import { createDataTableColumns, DataTable } from '../../../components/ui/data-table';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { formatBytes, formatDateTime } from '../../../components/ui/format';
import { useComplianceOutputs } from '../api/get-compliance-outputs';
import { useComplianceOutputPreview } from '../api/preview-compliance-output';

const column = createDataTableColumns<ComplianceOutputFileT>();
const NO_FILES: ComplianceOutputFileT[] = [];

function Preview({ name }: { name: string }) {
  const preview = useComplianceOutputPreview(name);
  if (preview.isPending) return <p className="muted">Loading {name}…</p>;
  if (preview.isError) return <ErrorBanner title={`${name} could not be read.`} message={preview.error.message} />;
  return (
    <section aria-label={`Preview of ${name}`}>
      <h3 className="panel__title">
        {name}{' '}
        <span className="muted">
          ({formatBytes(preview.data.bytes)}
          {preview.data.truncated ? `, first ${formatBytes(preview.data.content.length)} shown` : ''})
        </span>
      </h3>
      <pre className="compliance-preview">{preview.data.content}</pre>
    </section>
  );
}

export function ComplianceOutputs() {
  const outputs = useComplianceOutputs();
  const [selected, setSelected] = useState<string | null>(null);
  const columns = useMemo(
    () => [
      column.accessor('name', { header: 'File', cell: (info) => <code>{info.getValue()}</code> }),
      column.accessor('bytes', { header: 'Size', cell: (info) => formatBytes(info.getValue()) }),
      column.accessor('modifiedAt', { header: 'Written', cell: (info) => formatDateTime(info.getValue()) }),
      column.display({
        id: 'actions',
        header: () => <span className="visually-hidden">Actions</span>,
        cell: (info) => (
          <button
            type="button"
            className="button button--small"
            aria-label={`Preview ${info.row.original.name}`}
            onClick={() => setSelected(info.row.original.name)}
          >
            Preview
          </button>
        ),
      }),
    ],
    [],
  );
  return (
    <section className="panel" aria-labelledby="compliance-outputs-title">
      <h2 id="compliance-outputs-title" className="panel__title">
        Output files
      </h2>
      {outputs.data ? (
        <p className="muted">
          In <code>{outputs.data.outputDir}</code>
        </p>
      ) : null}
      {outputs.isError ? (
        <ErrorBanner
          title="The output directory could not be listed."
          message={outputs.error.message}
          onRetry={() => void outputs.refetch()}
        />
      ) : null}
      <DataTable
        label="Output files"
        columns={columns}
        data={outputs.data?.items ?? NO_FILES}
        getRowId={(f) => f.name}
        empty={outputs.isPending ? 'Loading…' : 'No output files yet.'}
      />
      {selected ? <Preview name={selected} /> : null}
    </section>
  );
}
