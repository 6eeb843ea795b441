import { useState } from 'react';
import type { AdminOutput, RoomT } from '../../../../../server/admin-api/contract';
import { Dialog } from '../../../components/ui/dialog';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { Field } from '../../../components/ui/field';
import { useEligiblePrincipals } from '../api/get-eligible-principals';
import { useRoomRoles } from '../api/get-room-roles';
import { useMoveRoom } from '../api/move-room';
import type { CategoryOption } from './rooms-screen-props';

interface MoveRoomDialogProps {
  room: RoomT;
  categories: CategoryOption[];
  relatedKeys: readonly (readonly unknown[])[];
  onClose: () => void;
}

type Purged = AdminOutput<'rooms.move'>['purged'];
const ROLE_LABELS = { members: 'Members', managers: 'Managers', presenters: 'Presenters' } as const;

function PurgeList({ purged, label }: { purged: Purged; label: string }) {
  const rows = (Object.keys(ROLE_LABELS) as (keyof Purged)[]).filter((key) => purged[key].length > 0);
  if (rows.length === 0) return <p role="status">Nothing {label}: every role entry is inside the new scope.</p>;
  return (
    <ul aria-label={`Role entries ${label}`}>
      {rows.map((key) => (
        <li key={key}>
          <strong>{ROLE_LABELS[key]}:</strong> <code>{purged[key].join(', ')}</code>
        </li>
      ))}
    </ul>
  );
}

/**
 * Move to another category (`Set-CsPersistentChatRoom -Category`). Before applying, the entries that
 * would be purged are worked out from the target's eligible users (exact for users; groups and
 * domains are checked by the server on the move); afterwards the server's purge report is shown.
 */
export function MoveRoomDialog({ room, categories, relatedKeys, onClose }: MoveRoomDialogProps) {
  const targets = categories.filter((category) => category.id !== room.categoryId);
  const [categoryId, setCategoryId] = useState(targets[0]?.id ?? '');
  const roles = useRoomRoles(room.id);
  const eligible = useEligiblePrincipals(categoryId ? { categoryId, role: 'member' } : null);
  const move = useMoveRoom(relatedKeys);
  const [report, setReport] = useState<Purged | null>(null);

  if (report) {
    const target = categories.find((category) => category.id === categoryId)?.name ?? 'the new category';
    return (
      <Dialog
        title={`Moved ${room.name}`}
        size="small"
        onClose={onClose}
        footer={
          <button type="button" className="button button--primary" onClick={onClose}>
            Close
          </button>
        }
      >
        <p>
          {room.name} is now in <strong>{target}</strong>.
        </p>
        <PurgeList purged={report} label="purged" />
      </Dialog>
    );
  }

  let preview: Purged | null = null;
  let unchecked: string[] = [];
  if (roles.data && eligible.data) {
    const ok = new Set(eligible.data.map((e) => e.principal));
    const out = (list: string[]) => list.filter((p) => p.startsWith('sip:') && !ok.has(p));
    const members = out(roles.data.members);
    preview = {
      members,
      managers: out(roles.data.managers),
      // Presenters who lose membership go too.
      presenters: roles.data.presenters.filter((p) => out([p]).length > 0 || members.includes(p)),
    };
    unchecked = [...roles.data.members, ...roles.data.managers, ...roles.data.presenters].filter(
      (p, i, all) => !p.startsWith('sip:') && all.indexOf(p) === i,
    );
  }

  return (
    <Dialog
      title={`Move ${room.name}`}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={!categoryId || move.isPending}
            onClick={() =>
              move.mutate({ id: room.id, categoryId }, { onSuccess: (result) => setReport(result.purged) })
            }
          >
            {move.isPending ? 'Moving…' : 'Move room'}
          </button>
        </>
      }
    >
      <div className="form">
        <p>
          Currently in <strong>{room.categoryName}</strong>. Role entries outside the new category's scope are removed.
        </p>
        <Field label="New category" hint={targets.length === 0 ? 'There is no other category.' : undefined}>
          {(control) => (
            <select {...control} value={categoryId} onChange={(event) => setCategoryId(event.target.value)}>
              {targets.map((category) => (
                <option key={category.id} value={category.id}>
                  {category.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <section aria-label="Purge preview">
          <h3 className="panel__title">Would be purged</h3>
          {preview ? <PurgeList purged={preview} label="would be purged" /> : <p className="muted">Checking…</p>}
          {unchecked.length > 0 ? (
            <p className="muted">
              Groups and domains (<code>{unchecked.join(', ')}</code>) are checked by the server when moving.
            </p>
          ) : null}
        </section>
        {move.error ? <ErrorBanner message={move.error.message} /> : null}
      </div>
    </Dialog>
  );
}
