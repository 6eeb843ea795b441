import { CategoriesScreen } from '../../features/categories/components/categories-screen';

export function CategoriesRoute() {
  return <CategoriesScreen />;
}
