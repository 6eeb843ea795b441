import { useState, type FormEvent } from 'react';
import { PolicyCreateInput, type PolicyT } from '../../../../../server/admin-api/contract';
import { fieldErrorsFromServer, fieldErrorsFromZod, type FieldErrors } from '../../../api/field-errors';
import { CheckboxField } from '../../../components/ui/checkbox-field';
import { Dialog } from '../../../components/ui/dialog';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { Field } from '../../../components/ui/field';
import { FormActions } from '../../../components/ui/form-actions';
import { useCreatePolicy, useUpdatePolicy } from '../api/save-policy';

const SERVER_CODE_FIELDS = { ERR_POLICY_IDENTITY_TAKEN: 'name' } as const;

export function PolicyFormDialog({ policy, onClose }: { policy?: PolicyT; onClose: () => void }) {
  const [scope, setScope] = useState<'site' | 'user'>('user');
  const [name, setName] = useState('');
  const [description, setDescription] = useState(policy?.description ?? '');
  const [enabled, setEnabled] = useState(policy?.enablePersistentChat ?? true);
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useCreatePolicy();
  const update = useUpdatePolicy();
  const pending = create.isPending || update.isPending;

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      if (policy) {
        await update.mutateAsync({ id: policy.id, description, enablePersistentChat: enabled });
      } else {
        const parsed = PolicyCreateInput.safeParse({ scope, name, description, enablePersistentChat: enabled });
        if (!parsed.success) return setErrors(fieldErrorsFromZod(parsed.error));
        await create.mutateAsync(parsed.data);
      }
      onClose();
    } catch (error) {
      setErrors(fieldErrorsFromServer(error, SERVER_CODE_FIELDS));
    }
  }

  return (
    <Dialog title={policy ? `Edit policy ${policy.identity}` : 'New policy'} onClose={onClose}>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        {policy ? null : (
          <div className="form__row">
            <Field label="Scope" hint={scope === 'user' ? 'Assigned to users one by one.' : 'Applies to a site.'}>
              {(control) => (
                <select
                  {...control}
                  value={scope}
                  onChange={(event) => setScope(event.target.value as 'site' | 'user')}
                >
                  <option value="user">Per user (tag:)</option>
                  <option value="site">Site (site:)</option>
                </select>
              )}
            </Field>
            <Field label="Name" error={errors.name}>
              {(control) => (
                <input
                  {...control}
                  autoFocus
                  value={name}
                  onChange={(event) => {
                    setName(event.target.value);
                    setErrors({});
                  }}
                />
              )}
            </Field>
          </div>
        )}
        <Field label="Description" error={errors.description}>
          {(control) => (
            <input {...control} value={description} onChange={(event) => setDescription(event.target.value)} />
          )}
        </Field>
        <CheckboxField
          label="EnablePersistentChat"
          hint="Users with this policy see Chat Rooms and may sign in to Persistent Chat."
          checked={enabled}
          onChange={setEnabled}
        />
        {errors._form ? <ErrorBanner message={errors._form} /> : null}
        <FormActions submitLabel={policy ? 'Save changes' : 'Create policy'} pending={pending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
