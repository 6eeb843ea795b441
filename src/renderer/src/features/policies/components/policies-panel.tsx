import { useState } from 'react';
import type { PolicyT } from '../../../../../server/admin-api/contract';
import { isAdminClientError } from '../../../api/admin-client';
import { Badge } from '../../../components/ui/badge';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { createDataTableColumns, DataTable } from '../../../components/ui/data-table';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { useDeletePolicy } from '../api/delete-policy';
import { usePolicies } from '../api/get-policies';
import { PolicyFormDialog } from './policy-form-dialog';

const column = createDataTableColumns<PolicyT>();
const NO_POLICIES: PolicyT[] = [];
const SCOPE_LABELS = { global: 'Global', site: 'Site', user: 'Per user' } as const;

type Editing = { kind: 'create' } | { kind: 'edit'; policy: PolicyT } | { kind: 'delete'; policy: PolicyT } | null;

function DeletePolicyDialog({ policy, onClose }: { policy: PolicyT; onClose: () => void }) {
  const remove = useDeletePolicy();
  const inUse = isAdminClientError(remove.error) && remove.error.code === 'ERR_POLICY_IN_USE';
  const isGlobal = policy.scope === 'global';
  return (
    <ConfirmDialog
      title={isGlobal ? 'Reset the global policy' : 'Delete policy'}
      confirmLabel={isGlobal ? 'Reset policy' : inUse ? 'Unassign and delete' : 'Delete policy'}
      pending={remove.isPending}
      error={
        inUse
          ? `${policy.userCount} user(s) have this policy; they will fall back to site or global.`
          : remove.error?.message
      }
      onCancel={onClose}
      onConfirm={() => remove.mutate({ id: policy.id, force: inUse }, { onSuccess: onClose })}
    >
      <p>
        {isGlobal ? (
          <>
            The global policy cannot be deleted; it is reset to its defaults (Persistent Chat <strong>off</strong>).
          </>
        ) : (
          <>
            Delete <strong>{policy.identity}</strong>?
          </>
        )}
      </p>
    </ConfirmDialog>
  );
}

export function PoliciesPanel() {
  const policies = usePolicies();
  const [editing, setEditing] = useState<Editing>(null);
  const columns = [
    column.accessor('identity', { header: 'Identity', cell: (info) => <code>{info.getValue()}</code> }),
    column.accessor('scope', { header: 'Scope', cell: (info) => SCOPE_LABELS[info.getValue()] }),
    column.accessor('enablePersistentChat', {
      header: 'EnablePersistentChat',
      cell: (info) => (info.getValue() ? <Badge tone="success">True</Badge> : <Badge>False</Badge>),
    }),
    column.accessor('description', {
      header: 'Description',
      enableSorting: false,
      cell: (info) => info.getValue() || <span className="muted">—</span>,
    }),
    column.accessor('userCount', {
      header: 'Users',
      cell: (info) => (info.row.original.scope === 'user' ? <span className="numeric">{info.getValue()}</span> : ''),
    }),
    column.display({
      id: 'actions',
      header: () => <span className="visually-hidden">Actions</span>,
      cell: (info) => {
        const policy = info.row.original;
        return (
          <div className="row-actions">
            <button
              type="button"
              className="button button--small"
              aria-label={`Edit ${policy.identity}`}
              onClick={() => setEditing({ kind: 'edit', policy })}
            >
              Edit
            </button>
            <button
              type="button"
              className="button button--small button--danger-outline"
              aria-label={`${policy.scope === 'global' ? 'Reset' : 'Delete'} ${policy.identity}`}
              onClick={() => setEditing({ kind: 'delete', policy })}
            >
              {policy.scope === 'global' ? 'Reset' : 'Delete'}
            </button>
          </div>
        );
      },
    }),
  ];
  return (
    <section className="panel" aria-labelledby="policies-title">
      <div className="panel__header">
        <h2 id="policies-title" className="panel__title">
          Persistent Chat policies
        </h2>
        <button type="button" className="button button--primary" onClick={() => setEditing({ kind: 'create' })}>
          New policy
        </button>
      </div>
      <p className="muted">Precedence: per-user policy, then site, then global.</p>
      {policies.isError ? (
        <ErrorBanner message={policies.error.message} onRetry={() => void policies.refetch()} />
      ) : null}
      {policies.isPending ? (
        <p className="muted">Loading policies…</p>
      ) : (
        <DataTable
          label="Policies"
          columns={columns}
          data={policies.data ?? NO_POLICIES}
          getRowId={(policy) => policy.id}
          initialSorting={[{ id: 'scope', desc: false }]}
          empty="No policies."
        />
      )}
      {editing?.kind === 'create' ? <PolicyFormDialog onClose={() => setEditing(null)} /> : null}
      {editing?.kind === 'edit' ? <PolicyFormDialog policy={editing.policy} onClose={() => setEditing(null)} /> : null}
      {editing?.kind === 'delete' ? (
        <DeletePolicyDialog policy={editing.policy} onClose={() => setEditing(null)} />
      ) : null}
    </section>
  );
}
