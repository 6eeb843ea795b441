import { useQueries } from '@tanstack/react-query';
import { useCallback } from 'react';
import { AddinsScreen } from '../../features/addins/components/addins-screen';
import { roomSummaryQueries } from '../../features/room-inspector/api/get-room-summary';
import { roomInspectorKeys } from '../../features/room-inspector/api/room-inspector-keys';
import { useRooms } from '../../features/rooms/api/get-rooms';
import { roomKeys } from '../../features/rooms/api/room-keys';

/** Deleting an add-in detaches it from rooms. */
const RELATED_KEYS = [roomKeys.all, roomInspectorKeys.all] as const;
/** Beyond this many rooms, the page shows counts only rather than fetching every room's details. */
const MAX_ROOMS_FOR_NAMES = 200;

export function AddinsRoute() {
  const rooms = useRooms({});
  const list = rooms.data ?? [];
  const withNames = list.length <= MAX_ROOMS_FOR_NAMES;
  const details = useQueries({
    queries: (withNames ? list : []).map((room) => roomSummaryQueries.details(room.id)),
    combine: (results) => results.map((r) => r.data),
  });
  const roomsUsing = useCallback(
    (addinId: string) => {
      if (!withNames) return undefined;
      return list
        .filter((room, index) => details[index]?.addinId === addinId)
        .map((room) => room.name)
        .sort();
    },
    [list, details, withNames],
  );
  return <AddinsScreen roomsUsing={roomsUsing} relatedKeys={RELATED_KEYS} />;
}
