import { Badge } from '../../../components/ui/badge';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { useAssignPolicy } from '../api/assign-policy';
import { useEffectivePolicies, usePolicies } from '../api/get-policies';

export interface PolicyUser {
  id: string;
  sipUri: string;
  displayName: string;
}

/** Where the effective policy comes from; the global one needs no note. */
const SOURCE_NOTES = { global: '', site: '(site)', user: '(assigned)' } as const;

/** Each user's effective policy, and the per-user policy assignment (`<Automatic>` = none). */
export function UserPoliciesPanel({ users }: { users: PolicyUser[] }) {
  const policies = usePolicies();
  const effective = useEffectivePolicies(users.map((u) => u.id));
  const assign = useAssignPolicy();
  const perUser = (policies.data ?? []).filter((p) => p.scope === 'user');
  return (
    <section className="panel" aria-labelledby="user-policies-title">
      <div className="panel__header">
        <h2 id="user-policies-title" className="panel__title">
          Policy per user
        </h2>
      </div>
      {assign.error ? <ErrorBanner message={assign.error.message} /> : null}
      <div className="table-wrap">
        <table className="data-table" aria-label="User policies">
          <thead>
            <tr>
              <th scope="col">User</th>
              <th scope="col">Assigned policy</th>
              <th scope="col">Effective policy</th>
              <th scope="col">Persistent Chat</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => {
              const e = effective.get(user.id);
              const assigned = e?.source === 'user' ? e.policy.id : '';
              return (
                <tr key={user.id}>
                  <td>
                    <strong>{user.displayName}</strong> <code className="muted">{user.sipUri}</code>
                  </td>
                  <td>
                    <select
                      aria-label={`Policy of ${user.sipUri}`}
                      value={assigned}
                      disabled={assign.isPending || !e}
                      onChange={(event) => assign.mutate({ userId: user.id, policyId: event.target.value || null })}
                    >
                      <option value="">&lt;Automatic&gt;</option>
                      {perUser.map((p) => (
                        <option key={p.id} value={p.id}>
                          {p.identity}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    {e ? (
                      <>
                        <code>{e.policy.identity}</code> <span className="muted">{SOURCE_NOTES[e.source]}</span>
                      </>
                    ) : (
                      <span className="muted">…</span>
                    )}
                  </td>
                  <td>
                    {e ? (
                      e.policy.enablePersistentChat ? (
                        <Badge tone="success">Enabled</Badge>
                      ) : (
                        <Badge>Disabled</Badge>
                      )
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
