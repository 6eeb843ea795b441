import type { CategoryT } from '../../../../../server/admin-api/contract';
import { isAdminClientError } from '../../../api/admin-client';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { useDeleteCategory } from '../api/delete-category';

function describeError(error: unknown, category: CategoryT): string | undefined {
  if (!error) return undefined;
  if (isAdminClientError(error) && error.code === 'ERR_CATEGORY_NOT_EMPTY') {
    return `“${category.name}” still contains rooms, so it cannot be deleted. Move its rooms to another category or delete them first.`;
  }
  return error instanceof Error ? error.message : String(error);
}

export function DeleteCategoryDialog({ category, onClose }: { category: CategoryT; onClose: () => void }) {
  const remove = useDeleteCategory();
  return (
    <ConfirmDialog
      title="Delete category"
      confirmLabel="Delete category"
      pending={remove.isPending}
      error={describeError(remove.error, category)}
      blocked={isAdminClientError(remove.error) && remove.error.code === 'ERR_CATEGORY_NOT_EMPTY'}
      onCancel={onClose}
      onConfirm={() => remove.mutate(category.id, { onSuccess: onClose })}
    >
      <p>
        Delete the category <strong>{category.name}</strong>? This cannot be undone.
        {category.roomCount > 0 ? ` It currently contains ${category.roomCount} room(s).` : ''}
      </p>
    </ConfirmDialog>
  );
}
