import type { AdminOutput } from '../../../../../server/admin-api/contract';
import { Badge } from '../../../components/ui/badge';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { useSetRoomAddin } from '../api/update-room-state';

export interface AddinOption {
  id: string;
  name: string;
}

interface RoomSettingsPanelProps {
  roomId: string;
  details: AdminOutput<'rooms.details'>;
  addins: AddinOption[];
  relatedKeys: readonly (readonly unknown[])[];
}

function Flag({ on }: { on: boolean }) {
  return on ? <Badge tone="success">On</Badge> : <Badge>Off</Badge>;
}

function RoleLine({ label, list }: { label: string; list: string[] }) {
  return (
    <li>
      <strong>{label}</strong> <span className="muted">({list.length})</span>{' '}
      {list.length === 0 ? <span className="muted">none</span> : <code>{list.join(', ')}</code>}
    </li>
  );
}

export function RoomSettingsPanel({ roomId, details, addins, relatedKeys }: RoomSettingsPanelProps) {
  const setAddin = useSetRoomAddin(roomId, relatedKeys);
  return (
    <section className="panel" aria-labelledby="inspector-settings">
      <div className="panel__header">
        <h2 id="inspector-settings" className="panel__title">
          Settings and roles
        </h2>
      </div>
      <dl className="details">
        <dt>Chat history</dt>
        <dd>
          <Flag on={details.flags.logged} />
        </dd>
        <dt>File upload</dt>
        <dd>
          <Flag on={details.flags.filePost} />
        </dd>
        <dt>Invitations</dt>
        <dd>
          <Flag on={details.flags.invite} />
        </dd>
        <dt>
          <label htmlFor="inspector-addin">Add-in</label>
        </dt>
        <dd>
          <select
            id="inspector-addin"
            value={details.addinId ?? ''}
            disabled={setAddin.isPending}
            onChange={(event) => setAddin.mutate({ id: roomId, addinId: event.target.value || null })}
          >
            <option value="">No add-in</option>
            {addins.map((addin) => (
              <option key={addin.id} value={addin.id}>
                {addin.name}
              </option>
            ))}
          </select>
        </dd>
      </dl>
      {setAddin.error ? <ErrorBanner message={setAddin.error.message} /> : null}
      <h3 className="panel__title" style={{ marginTop: 16 }}>
        Roles
      </h3>
      <ul className="role-summary" aria-label="Roles">
        <RoleLine label="Members" list={details.roles.members} />
        <RoleLine label="Managers" list={details.roles.managers} />
        <RoleLine label="Presenters" list={details.roles.presenters} />
      </ul>
    </section>
  );
}
