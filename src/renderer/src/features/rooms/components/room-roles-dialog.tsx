import { useState } from 'react';
import type { RoomT } from '../../../../../server/admin-api/contract';
import { Dialog } from '../../../components/ui/dialog';
import type { PrincipalOption } from '../../../components/ui/principal-list-editor';
import { PrincipalListsDialog } from '../../../components/ui/principal-lists-dialog';
import { useRoomRoles } from '../api/get-room-roles';
import { useSetRoomRoles } from '../api/set-room-roles';

interface RoomRolesDialogProps {
  room: RoomT;
  principalOptions: PrincipalOption[];
  relatedKeys: readonly (readonly unknown[])[];
  onClose: () => void;
}

/** Members, managers and presenters; the server checks scope and "presenters must be members". */
export function RoomRolesDialog({ room, principalOptions, relatedKeys, onClose }: RoomRolesDialogProps) {
  const current = useRoomRoles(room.id);
  const save = useSetRoomRoles(room.id, relatedKeys);
  const [invited, setInvited] = useState<string[] | null>(null);

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
    <PrincipalListsDialog
      title={`Roles of ${room.name}`}
      noun="roles"
      intro={
        <p className="muted">
          Everyone must be inside the scope of the room's category. Managers are not automatically members.
        </p>
      }
      fields={[
        {
          key: 'members',
          label: 'Members',
          hint: room.type === 'auditorium' ? 'Members join and read.' : 'Members join, read and post.',
        },
        { key: 'managers', label: 'Managers', hint: "Edit the room's settings and roles; may disable it." },
        {
          key: 'presenters',
          label: 'Presenters',
          hint:
            room.type === 'auditorium'
              ? 'Only presenters post in an auditorium. Presenters must also be members.'
              : 'Presenters matter in auditorium rooms. Presenters must also be members.',
        },
      ]}
      loaded={current.data}
      loadError={current.isError ? current.error : null}
      principalOptions={principalOptions}
      isSaving={save.isPending}
      onSave={async (roles) => {
        const result = await save.mutateAsync({ id: room.id, ...roles });
        if (result.invited.length > 0) setInvited(result.invited);
        else onClose();
      }}
      onClose={onClose}
    />
  );
}
