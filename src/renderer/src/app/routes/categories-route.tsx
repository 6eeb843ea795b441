import { useCallback } from 'react';
import { CategoriesScreen } from '../../features/categories/components/categories-screen';
import { roomInspectorKeys } from '../../features/room-inspector/api/room-inspector-keys';
import { useRooms } from '../../features/rooms/api/get-rooms';
import { roomKeys } from '../../features/rooms/api/room-keys';
import { usePrincipalOptions } from '../use-principal-options';

/** A scope change purges room roles: the rooms' cached roles and inspector details go stale. */
const RELATED_KEYS = [roomKeys.all, roomInspectorKeys.all] as const;

export function CategoriesRoute() {
  const principalOptions = usePrincipalOptions();
  const rooms = useRooms({});
  const roomName = useCallback(
    (roomId: string) => rooms.data?.find((room) => room.id === roomId)?.name ?? roomId,
    [rooms.data],
  );
  return <CategoriesScreen principalOptions={principalOptions} roomName={roomName} relatedKeys={RELATED_KEYS} />;
}
