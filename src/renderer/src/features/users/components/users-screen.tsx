import { useMemo, useState } from 'react';
import type { UserT } from '../../../../../server/admin-api/contract';
import { isAdminClientError } from '../../../api/admin-client';
import { Badge } from '../../../components/ui/badge';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { createDataTableColumns, DataTable } from '../../../components/ui/data-table';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { formatDateTime } from '../../../components/ui/format';
import { PageHeader } from '../../../components/ui/page-header';
import { useDeleteUser } from '../api/delete-user';
import { useUsers } from '../api/get-users';
import { UserFormDialog } from './user-form-dialog';

const column = createDataTableColumns<UserT>();
const NO_USERS: UserT[] = [];

type Editing = { kind: 'create' } | { kind: 'edit'; user: UserT } | { kind: 'delete'; user: UserT } | null;

function DeleteUserDialog({ user, onClose }: { user: UserT; onClose: () => void }) {
  const remove = useDeleteUser();
  const error =
    isAdminClientError(remove.error) && remove.error.code === 'ERR_USER_LAST_ADMIN'
      ? `${user.displayName} is the last administrator and cannot be deleted. Make another user an administrator first.`
      : remove.error?.message;
  return (
    <ConfirmDialog
      title="Delete user"
      confirmLabel="Delete user"
      pending={remove.isPending}
      error={error}
      onCancel={onClose}
      onConfirm={() => remove.mutate(user.id, { onSuccess: onClose })}
    >
      <p>
        Delete <strong>{user.displayName}</strong> ({user.sipUri})? This cannot be undone.
      </p>
    </ConfirmDialog>
  );
}

export function UsersScreen({ signedInUserId }: { signedInUserId?: string }) {
  const users = useUsers();
  const [editing, setEditing] = useState<Editing>(null);
  const columns = useMemo(
    () => [
      column.accessor('displayName', {
        header: 'Display name',
        cell: (info) => (
          <>
            <strong>{info.getValue()}</strong>
            {info.row.original.id === signedInUserId ? <span className="muted"> (you)</span> : null}
          </>
        ),
      }),
      column.accessor('sipUri', { header: 'SIP URI', cell: (info) => <code>{info.getValue()}</code> }),
      column.accessor('email', {
        header: 'Email',
        cell: (info) => info.getValue() || <span className="muted">—</span>,
      }),
      column.accessor('role', {
        header: 'Role',
        cell: (info) => (info.getValue() === 'admin' ? <Badge tone="info">Administrator</Badge> : <Badge>User</Badge>),
      }),
      column.accessor('createdAt', { header: 'Created', cell: (info) => formatDateTime(info.getValue()) }),
      column.display({
        id: 'actions',
        header: () => <span className="visually-hidden">Actions</span>,
        cell: (info) => {
          const user = info.row.original;
          return (
            <div className="row-actions">
              <button
                type="button"
                className="button button--small"
                aria-label={`Edit ${user.sipUri}`}
                onClick={() => setEditing({ kind: 'edit', user })}
              >
                Edit
              </button>
              <button
                type="button"
                className="button button--small button--danger-outline"
                aria-label={`Delete ${user.sipUri}`}
                onClick={() => setEditing({ kind: 'delete', user })}
              >
                Delete
              </button>
            </div>
          );
        },
      }),
    ],
    [signedInUserId],
  );

  return (
    <>
      <PageHeader
        title="Users & Policies"
        description="Accounts that can sign in to Parlance, and the Persistent Chat policy that applies to each."
        actions={
          <button type="button" className="button button--primary" onClick={() => setEditing({ kind: 'create' })}>
            New user
          </button>
        }
      />
      {users.isError ? (
        <ErrorBanner
          title="Users could not be loaded."
          message={users.error.message}
          onRetry={() => void users.refetch()}
        />
      ) : null}
      {users.isPending ? (
        <p className="muted">Loading users…</p>
      ) : (
        <DataTable
          label="Users"
          columns={columns}
          data={users.data ?? NO_USERS}
          getRowId={(user) => user.id}
          initialSorting={[{ id: 'displayName', desc: false }]}
          empty="No users."
        />
      )}
      {editing?.kind === 'create' ? <UserFormDialog onClose={() => setEditing(null)} /> : null}
      {editing?.kind === 'edit' ? <UserFormDialog user={editing.user} onClose={() => setEditing(null)} /> : null}
      {editing?.kind === 'delete' ? <DeleteUserDialog user={editing.user} onClose={() => setEditing(null)} /> : null}
    </>
  );
}
