import { useMemo } from 'react';
import { addinKeys } from '../../features/addins/api/addin-keys';
import { useAddins } from '../../features/addins/api/get-addins';
import { categoryKeys } from '../../features/categories/api/category-keys';
import { useCategories } from '../../features/categories/api/get-categories';
import { roomInspectorKeys } from '../../features/room-inspector/api/room-inspector-keys';
import { RoomsScreen } from '../../features/rooms/components/rooms-screen';
import { serverStatusKeys } from '../../features/server-status/api/get-server-status';
import { usePrincipalOptions } from '../use-principal-options';

const RELATED_KEYS = [categoryKeys.lists(), addinKeys.lists(), roomInspectorKeys.all, serverStatusKeys.all] as const;

export function RoomsRoute() {
  const categories = useCategories();
  const addins = useAddins();
  const principalOptions = usePrincipalOptions();
  const options = useMemo(
    () => (categories.data ?? []).map(({ id, name }) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
    [categories.data],
  );
  const addinOptions = useMemo(() => (addins.data ?? []).map(({ id, name }) => ({ id, name })), [addins.data]);
  return (
    <RoomsScreen
      categories={options}
      addins={addinOptions}
      principalOptions={principalOptions}
      relatedKeys={RELATED_KEYS}
    />
  );
}
