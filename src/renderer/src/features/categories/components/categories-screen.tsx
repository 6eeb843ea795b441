import { useMemo, useState } from 'react';
import type { CategoryT } from '../../../../../server/admin-api/contract';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { PageHeader } from '../../../components/ui/page-header';
import { useCategories } from '../api/get-categories';
import type { PrincipalOption } from '../../../components/ui/principal-list-editor';
import { CategoryFormDialog } from './category-form-dialog';
import { CategoryScopeDialog } from './category-scope-dialog';
import { CategoryTable } from './category-table';
import { DeleteCategoryDialog } from './delete-category-dialog';

type Editing =
  | { kind: 'create' }
  | { kind: 'edit'; category: CategoryT }
  | { kind: 'delete'; category: CategoryT }
  | { kind: 'scope'; category: CategoryT }
  | null;

interface CategoriesScreenProps {
  /** Users and groups offered by the scope pickers (composed in app/). */
  principalOptions: PrincipalOption[];
  roomName: (roomId: string) => string;
  /** Keys outside this feature that a scope change makes stale (room roles it purges). */
  relatedKeys: readonly (readonly unknown[])[];
}

export function CategoriesScreen({ principalOptions, roomName, relatedKeys }: CategoriesScreenProps) {
  const categories = useCategories();
  const [filter, setFilter] = useState('');
  const [editing, setEditing] = useState<Editing>(null);

  const visible = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const items = categories.data ?? [];
    if (!needle) return items;
    return items.filter(
      (category) => category.name.toLowerCase().includes(needle) || category.description.toLowerCase().includes(needle),
    );
  }, [categories.data, filter]);

  return (
    <>
      <PageHeader
        title="Categories"
        description="Categories group rooms, set which features their rooms may use and who may be in them (scope)."
        actions={
          <button type="button" className="button button--primary" onClick={() => setEditing({ kind: 'create' })}>
            New category
          </button>
        }
      />
      <div className="toolbar" role="search">
        <label className="toolbar__field">
          <span className="toolbar__label">Filter</span>
          <input
            type="search"
            placeholder="Name or description"
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
          />
        </label>
        <span className="toolbar__count" aria-live="polite">
          {categories.data ? `${visible.length} of ${categories.data.length}` : ''}
        </span>
      </div>
      {categories.isError ? (
        <ErrorBanner
          title="Categories could not be loaded."
          message={categories.error.message}
          onRetry={() => void categories.refetch()}
        />
      ) : null}
      {categories.isPending ? (
        <p className="muted">Loading categories…</p>
      ) : (
        <CategoryTable
          categories={visible}
          filtered={filter.trim() !== ''}
          onEdit={(category) => setEditing({ kind: 'edit', category })}
          onDelete={(category) => setEditing({ kind: 'delete', category })}
          onScope={(category) => setEditing({ kind: 'scope', category })}
        />
      )}
      {editing?.kind === 'create' ? <CategoryFormDialog onClose={() => setEditing(null)} /> : null}
      {editing?.kind === 'edit' ? (
        <CategoryFormDialog category={editing.category} onClose={() => setEditing(null)} />
      ) : null}
      {editing?.kind === 'scope' ? (
        <CategoryScopeDialog
          category={editing.category}
          principalOptions={principalOptions}
          roomName={roomName}
          relatedKeys={relatedKeys}
          onClose={() => setEditing(null)}
        />
      ) : null}
      {editing?.kind === 'delete' ? (
        <DeleteCategoryDialog category={editing.category} onClose={() => setEditing(null)} />
      ) : null}
    </>
  );
}
