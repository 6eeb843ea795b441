import { useState } from 'react';
import type { AddinT } from '../../../../../server/admin-api/contract-channel';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { createDataTableColumns, DataTable } from '../../../components/ui/data-table';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { formatDateTime } from '../../../components/ui/format';
import { PageHeader } from '../../../components/ui/page-header';
import { useDeleteAddin } from '../api/delete-addin';
import { useAddins } from '../api/get-addins';
import { AddinFormDialog } from './addin-form-dialog';

const column = createDataTableColumns<AddinT>();
const NO_ADDINS: AddinT[] = [];

type Editing = { kind: 'create' } | { kind: 'edit'; addin: AddinT } | { kind: 'delete'; addin: AddinT } | null;

interface AddinsScreenProps {
  /** Names of the rooms using each add-in (composed in app/ from the rooms' details). */
  roomsUsing: (addinId: string) => string[] | undefined;
  relatedKeys: readonly (readonly unknown[])[];
}

function DeleteAddinDialog({
  addin,
  relatedKeys,
  onClose,
}: { addin: AddinT } & Pick<AddinsScreenProps, 'relatedKeys'> & { onClose: () => void }) {
  const remove = useDeleteAddin(relatedKeys);
  return (
    <ConfirmDialog
      title="Delete add-in"
      confirmLabel="Delete add-in"
      pending={remove.isPending}
      error={remove.error?.message}
      onCancel={onClose}
      onConfirm={() => remove.mutate(addin.id, { onSuccess: onClose })}
    >
      <p>
        Delete <strong>{addin.name}</strong>?
        {addin.roomCount > 0
          ? ` ${addin.roomCount} room${addin.roomCount === 1 ? ' uses' : 's use'} it; they will have no add-in.`
          : ' No room uses it.'}
      </p>
    </ConfirmDialog>
  );
}

export function AddinsScreen({ roomsUsing, relatedKeys }: AddinsScreenProps) {
  const addins = useAddins();
  const [editing, setEditing] = useState<Editing>(null);
  const columns = [
    column.accessor('name', { header: 'Name', cell: (info) => <strong>{info.getValue()}</strong> }),
    column.accessor('url', {
      header: 'URL',
      cell: (info) => (
        <a href={info.getValue()} target="_blank" rel="noreferrer noopener">
          {info.getValue()}
        </a>
      ),
    }),
    column.accessor('roomCount', {
      header: 'Rooms using it',
      cell: (info) => {
        const names = roomsUsing(info.row.original.id);
        return (
          <span>
            <span className="numeric">{info.getValue()}</span>
            {names && names.length > 0 ? <span className="muted"> — {names.join(', ')}</span> : null}
          </span>
        );
      },
    }),
    column.accessor('updatedAt', { header: 'Updated', cell: (info) => formatDateTime(info.getValue()) }),
    column.display({
      id: 'actions',
      header: () => <span className="visually-hidden">Actions</span>,
      cell: (info) => {
        const addin = info.row.original;
        return (
          <div className="row-actions">
            <button
              type="button"
              className="button button--small"
              aria-label={`Edit ${addin.name}`}
              onClick={() => setEditing({ kind: 'edit', addin })}
            >
              Edit
            </button>
            <button
              type="button"
              className="button button--small button--danger-outline"
              aria-label={`Delete ${addin.name}`}
              onClick={() => setEditing({ kind: 'delete', addin })}
            >
              Delete
            </button>
          </div>
        );
      },
    }),
  ];
  return (
    <>
      <PageHeader
        title="Add-ins"
        description="Web pages a room can show in the client's extensibility pane. One add-in per room."
        actions={
          <button type="button" className="button button--primary" onClick={() => setEditing({ kind: 'create' })}>
            New add-in
          </button>
        }
      />
      {addins.isError ? (
        <ErrorBanner
          title="Add-ins could not be loaded."
          message={addins.error.message}
          onRetry={() => void addins.refetch()}
        />
      ) : null}
      {addins.isPending ? (
        <p className="muted">Loading add-ins…</p>
      ) : (
        <DataTable
          label="Add-ins"
          columns={columns}
          data={addins.data ?? NO_ADDINS}
          getRowId={(addin) => addin.id}
          initialSorting={[{ id: 'name', desc: false }]}
          empty="No add-ins registered."
        />
      )}
      {editing?.kind === 'create' ? <AddinFormDialog onClose={() => setEditing(null)} /> : null}
      {editing?.kind === 'edit' ? <AddinFormDialog addin={editing.addin} onClose={() => setEditing(null)} /> : null}
      {editing?.kind === 'delete' ? (
        <DeleteAddinDialog addin={editing.addin} relatedKeys={relatedKeys} onClose={() => setEditing(null)} />
      ) : null}
    </>
  );
}
