import { useMemo } from 'react';
import { addinKeys } from '../../features/addins/api/addin-keys';
import { useAddins } from '../../features/addins/api/get-addins';
import { RoomInspectorScreen } from '../../features/room-inspector/components/room-inspector-screen';
import { roomKeys } from '../../features/rooms/api/room-keys';

const RELATED_KEYS = [roomKeys.all, addinKeys.lists()] as const;

export function RoomInspectorRoute({ params }: { params: { id: string } }) {
  const addins = useAddins();
  const options = useMemo(() => (addins.data ?? []).map(({ id, name }) => ({ id, name })), [addins.data]);
  return <RoomInspectorScreen key={params.id} roomId={params.id} addins={options} relatedKeys={RELATED_KEYS} />;
}
