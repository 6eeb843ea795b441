import { useMemo } from 'react';
import { categoryKeys } from '../../features/categories/api/category-keys';
import { useCategories } from '../../features/categories/api/get-categories';
import { RoomsScreen } from '../../features/rooms/components/rooms-screen';
import { serverStatusKeys } from '../../features/server-status/api/get-server-status';

const RELATED_KEYS = [categoryKeys.lists(), serverStatusKeys.all] as const;

export function RoomsRoute() {
  const categories = useCategories();
  const options = useMemo(
    () => (categories.data ?? []).map(({ id, name }) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
    [categories.data],
  );
  return <RoomsScreen categories={options} relatedKeys={RELATED_KEYS} />;
}
