import type { CategoriesService } from '../../services/categories/categories-service.js';
import type { ChannelMethod } from './channel-handlers.js';
import type { HandlersFor } from './handler-types.js';

export function categoriesHandlers(categories: CategoriesService): Omit<HandlersFor<'categories'>, ChannelMethod> {
  return {
    'categories.list': async () => ({ items: categories.listCategories() }),
    'categories.get': async ({ id }) => categories.getCategory(id),
    'categories.create': (input, { actor }) => categories.createCategory(input, { actor }),
    'categories.update': (input, { actor }) => categories.updateCategory(input, { actor }),
    'categories.delete': (input, { actor }) => categories.deleteCategory(input, { actor }),
  };
}
