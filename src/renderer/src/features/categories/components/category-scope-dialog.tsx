import { useEffect, useState } from 'react';
import type { AdminOutput, CategoryT } from '../../../../../server/admin-api/contract';
import { isAdminClientError } from '../../../api/admin-client';
import { fieldErrorsFromServer, type FieldErrors } from '../../../api/field-errors';
import { Dialog } from '../../../components/ui/dialog';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { PrincipalListEditor, type PrincipalOption } from '../../../components/ui/principal-list-editor';
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

type Scope = { allowedMembers: string[]; deniedMembers: string[]; creators: string[] };
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
  const [scope, setScope] = useState<Scope | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [flagged, setFlagged] = useState<string[]>([]);
  const [purged, setPurged] = useState<Purged | null>(null);

  useEffect(() => {
    if (current.data && scope === null) setScope(current.data);
  }, [current.data, scope]);

  function change(key: keyof Scope, next: string[]) {
    setScope((previous) => (previous ? { ...previous, [key]: next } : previous));
    setErrors({});
    setFlagged([]);
  }

  async function submit() {
    if (!scope) return;
    try {
      const result = await save.mutateAsync({ id: category.id, ...scope });
      const changed = result.purged.filter(
        (p) => p.removed.members.length + p.removed.managers.length + p.removed.presenters.length > 0,
      );
      if (changed.length > 0) setPurged(changed);
      else onClose();
    } catch (error) {
      setErrors(fieldErrorsFromServer(error));
      const principals = isAdminClientError(error) ? error.details?.principals : undefined;
      setFlagged(Array.isArray(principals) ? principals.map(String) : []);
    }
  }

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
    <Dialog
      title={`Scope of ${category.name}`}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={!scope || save.isPending}
            onClick={() => void submit()}
          >
            {save.isPending ? 'Saving…' : 'Save scope'}
          </button>
        </>
      }
    >
      {current.isError ? <ErrorBanner message={current.error.message} /> : null}
      {!scope ? (
        <p className="muted">Loading scope…</p>
      ) : (
        <div className="form">
          <PrincipalListEditor
            label="Allowed members"
            value={scope.allowedMembers}
            onChange={(next) => change('allowedMembers', next)}
            options={principalOptions}
            error={errors.allowedMembers}
            flagged={flagged}
            hint="Who room members, managers and presenters may be chosen from. Empty: everyone in the domain."
          />
          <PrincipalListEditor
            label="Denied members"
            value={scope.deniedMembers}
            onChange={(next) => change('deniedMembers', next)}
            options={principalOptions}
            error={errors.deniedMembers}
            flagged={flagged}
            hint="Exclusions inside the scope (an ethical wall)."
          />
          <PrincipalListEditor
            label="Creators"
            value={scope.creators}
            onChange={(next) => change('creators', next)}
            options={principalOptions}
            error={errors.creators}
            flagged={flagged}
            hint="May create rooms in this category and manage the rooms they create."
          />
          {errors._form ? <ErrorBanner message={errors._form} /> : null}
        </div>
      )}
    </Dialog>
  );
}
