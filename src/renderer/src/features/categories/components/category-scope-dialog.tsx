import { useState } from 'react';
import type { AdminOutput, CategoryT } from '../../../../../server/admin-api/contract';
import { Dialog } from '../../../components/ui/dialog';
import type { PrincipalOption } from '../../../components/ui/principal-list-editor';
import { PrincipalListsDialog } from '../../../components/ui/principal-lists-dialog';
import { useCategoryScope } from '../api/get-category-scope';
import { useSetCategoryScope } from '../api/set-category-scope';

interface CategoryScopeDialogProps {
  category: CategoryT;
  principalOptions: PrincipalOption[];
  /** Room names by id, for the purge report (composed in app/). */
  roomName: (roomId: string) => string;
  relatedKeys: readonly (readonly unknown[])[];
  onClose: () => void;
}

type Purged = AdminOutput<'categories.setScope'>['purged'];

/** The category's membership tab: allowed members (the scope), denied members, creators. */
export function CategoryScopeDialog({
  category,
  principalOptions,
  roomName,
  relatedKeys,
  onClose,
}: CategoryScopeDialogProps) {
  const current = useCategoryScope(category.id);
  const save = useSetCategoryScope(category.id, relatedKeys);
  const [purged, setPurged] = useState<Purged | null>(null);

  if (purged) {
    return (
      <Dialog
        title={`Scope of ${category.name} saved`}
        size="small"
        onClose={onClose}
        footer={
          <button type="button" className="button button--primary" onClick={onClose}>
            Close
          </button>
        }
      >
        <p>Role entries outside the new scope were removed:</p>
        <ul aria-label="Purged role entries">
          {purged.map(({ roomId, removed }) => (
            <li key={roomId}>
              <strong>{roomName(roomId)}</strong>:{' '}
              <code>{[...removed.members, ...removed.managers, ...removed.presenters].join(', ')}</code>
            </li>
          ))}
        </ul>
      </Dialog>
    );
  }

  return (
    <PrincipalListsDialog
      title={`Scope of ${category.name}`}
      noun="scope"
      fields={[
        {
          key: 'allowedMembers',
          label: 'Allowed members',
          hint: 'Who room members, managers and presenters may be chosen from. Empty: everyone in the domain.',
        },
        { key: 'deniedMembers', label: 'Denied members', hint: 'Exclusions inside the scope (an ethical wall).' },
        {
          key: 'creators',
          label: 'Creators',
          hint: 'May create rooms in this category and manage the rooms they create.',
        },
      ]}
      loaded={current.data}
      loadError={current.isError ? current.error : null}
      principalOptions={principalOptions}
      isSaving={save.isPending}
      onSave={async (scope) => {
        const result = await save.mutateAsync({ id: category.id, ...scope });
        const changed = result.purged.filter(
          (p) => p.removed.members.length + p.removed.managers.length + p.removed.presenters.length > 0,
        );
        if (changed.length > 0) setPurged(changed);
        else onClose();
      }}
      onClose={onClose}
    />
  );
}
