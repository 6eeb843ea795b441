import type { RoomT } from '../../../../../server/admin-api/contract';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { useDeleteRoom } from '../api/delete-room';

interface DeleteRoomDialogProps {
  room: RoomT;
  relatedKeys: readonly (readonly unknown[])[];
  onClose: () => void;
}

export function DeleteRoomDialog({ room, relatedKeys, onClose }: DeleteRoomDialogProps) {
  const remove = useDeleteRoom(relatedKeys);
  return (
    <ConfirmDialog
      title="Delete room"
      confirmLabel="Delete room"
      pending={remove.isPending}
      error={remove.error?.message}
      onCancel={onClose}
      onConfirm={() => remove.mutate(room.id, { onSuccess: onClose })}
    >
      <p>
        Delete the room <strong>{room.name}</strong> in {room.categoryName}? Its messages and memberships are removed as
        well. This cannot be undone.
      </p>
    </ConfirmDialog>
  );
}
