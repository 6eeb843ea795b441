import { useEffect, useState, type ReactNode } from 'react';
import { isAdminClientError } from '../../api/admin-client';
import { fieldErrorsFromServer, type FieldErrors } from '../../api/field-errors';
import { Dialog } from './dialog';
import { ErrorBanner } from './error-banner';
import { PrincipalListEditor, type PrincipalOption } from './principal-list-editor';

export interface PrincipalListField<K extends string> {
  key: K;
  label: string;
  hint: string;
}

interface PrincipalListsDialogProps<K extends string> {
  title: string;
  /** What is edited, lower case: "Loading {noun}…", "Save {noun}". */
  noun: string;
  fields: readonly PrincipalListField<K>[];
  /** The lists as loaded; editing starts once they arrive. */
  loaded: Record<K, string[]> | undefined;
  loadError: Error | null;
  principalOptions: PrincipalOption[];
  isSaving: boolean;
  /** Saves the lists; a rejection is shown as field errors, with the principals it names flagged. */
  onSave: (lists: Record<K, string[]>) => Promise<void>;
  onClose: () => void;
  /** Shown above the editors. */
  intro?: ReactNode;
}

/** A dialog editing several principal lists at once (a category's scope, a room's roles). */
export function PrincipalListsDialog<K extends string>({
  title,
  noun,
  fields,
  loaded,
  loadError,
  principalOptions,
  isSaving,
  onSave,
  onClose,
  intro,
}: PrincipalListsDialogProps<K>) {
  const [lists, setLists] = useState<Record<K, string[]> | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [flagged, setFlagged] = useState<string[]>([]);

  useEffect(() => {
    if (loaded && lists === null) setLists(loaded);
  }, [loaded, lists]);

  function change(key: K, next: string[]) {
    setLists((previous) => (previous ? { ...previous, [key]: next } : previous));
    setErrors({});
    setFlagged([]);
  }

  async function submit() {
    if (!lists) return;
    try {
      await onSave(lists);
    } catch (error) {
      setErrors(fieldErrorsFromServer(error));
      const principals = isAdminClientError(error) ? error.details?.principals : undefined;
      setFlagged(Array.isArray(principals) ? principals.map(String) : []);
    }
  }

  return (
    <Dialog
      title={title}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={!lists || isSaving}
            onClick={() => void submit()}
          >
            {isSaving ? 'Saving…' : `Save ${noun}`}
          </button>
        </>
      }
    >
      {loadError ? <ErrorBanner message={loadError.message} /> : null}
      {!lists ? (
        <p className="muted">{`Loading ${noun}…`}</p>
      ) : (
        <div className="form">
          {intro}
          {fields.map(({ key, label, hint }) => (
            <PrincipalListEditor
              key={key}
              label={label}
              value={lists[key]}
              onChange={(next) => change(key, next)}
              options={principalOptions}
              error={errors[key]}
              flagged={flagged}
              hint={hint}
            />
          ))}
          {errors._form ? <ErrorBanner message={errors._form} /> : null}
        </div>
      )}
    </Dialog>
  );
}
