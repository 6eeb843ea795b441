import { useEffect, useState } from 'react';
import type { RoomT } from '../../../../../server/admin-api/contract';
import { fieldErrorsFromServer, type FieldErrors } from '../../../api/field-errors';
import { isAdminClientError } from '../../../api/admin-client';
import { Dialog } from '../../../components/ui/dialog';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { PrincipalListEditor, type PrincipalOption } from '../../../components/ui/principal-list-editor';
import { useRoomRoles } from '../api/get-room-roles';
import { useSetRoomRoles } from '../api/set-room-roles';

interface RoomRolesDialogProps {
  room: RoomT;
  principalOptions: PrincipalOption[];
  relatedKeys: readonly (readonly unknown[])[];
  onClose: () => void;
}

type Roles = { members: string[]; managers: string[]; presenters: string[] };

/** Members, managers and presenters; the server checks scope and "presenters must be members". */
export function RoomRolesDialog({ room, principalOptions, relatedKeys, onClose }: RoomRolesDialogProps) {
  const current = useRoomRoles(room.id);
  const save = useSetRoomRoles(room.id, relatedKeys);
  const [roles, setRoles] = useState<Roles | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [flagged, setFlagged] = useState<string[]>([]);
  const [invited, setInvited] = useState<string[] | null>(null);

  useEffect(() => {
    if (current.data && roles === null) setRoles(current.data);
  }, [current.data, roles]);

  function change(key: keyof Roles, next: string[]) {
    setRoles((previous) => (previous ? { ...previous, [key]: next } : previous));
    setErrors({});
    setFlagged([]);
  }

  async function submit() {
    if (!roles) return;
    try {
      const result = await save.mutateAsync({ id: room.id, ...roles });
      if (result.invited.length > 0) setInvited(result.invited);
      else onClose();
    } catch (error) {
      setErrors(fieldErrorsFromServer(error));
      const principals = isAdminClientError(error) ? error.details?.principals : undefined;
      setFlagged(Array.isArray(principals) ? principals.map(String) : []);
    }
  }

  if (invited) {
    return (
      <Dialog
        title={`Roles of ${room.name}`}
        size="small"
        onClose={onClose}
        footer={
          <button type="button" className="button button--primary" onClick={onClose}>
            Close
          </button>
        }
      >
        <p role="status">
          Saved. Invitations were sent to {invited.length} new member{invited.length === 1 ? '' : 's'}:{' '}
          <code>{invited.join(', ')}</code>
        </p>
      </Dialog>
    );
  }

  return (
    <Dialog
      title={`Roles of ${room.name}`}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={!roles || save.isPending}
            onClick={() => void submit()}
          >
            {save.isPending ? 'Saving…' : 'Save roles'}
          </button>
        </>
      }
    >
      {current.isError ? <ErrorBanner message={current.error.message} /> : null}
      {!roles ? (
        <p className="muted">Loading roles…</p>
      ) : (
        <div className="form">
          <p className="muted">
            Everyone must be inside the scope of the room's category. Managers are not automatically members.
          </p>
          <PrincipalListEditor
            label="Members"
            value={roles.members}
            onChange={(next) => change('members', next)}
            options={principalOptions}
            error={errors.members}
            flagged={flagged}
            hint={room.type === 'auditorium' ? 'Members join and read.' : 'Members join, read and post.'}
          />
          <PrincipalListEditor
            label="Managers"
            value={roles.managers}
            onChange={(next) => change('managers', next)}
            options={principalOptions}
            error={errors.managers}
            flagged={flagged}
            hint="Edit the room's settings and roles; may disable it."
          />
          <PrincipalListEditor
            label="Presenters"
            value={roles.presenters}
            onChange={(next) => change('presenters', next)}
            options={principalOptions}
            error={errors.presenters}
            flagged={flagged}
            hint={
              room.type === 'auditorium'
                ? 'Only presenters post in an auditorium. Presenters must also be members.'
                : 'Presenters matter in auditorium rooms. Presenters must also be members.'
            }
          />
          {errors._form ? <ErrorBanner message={errors._form} /> : null}
        </div>
      )}
    </Dialog>
  );
}
