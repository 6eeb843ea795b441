import { useState, type FormEvent } from 'react';
import type { AddinT } from '../../../../../server/admin-api/contract-channel';
import { channelMethods } from '../../../../../server/admin-api/contract-channel';
import { fieldErrorsFromServer, fieldErrorsFromZod, type FieldErrors } from '../../../api/field-errors';
import { Dialog } from '../../../components/ui/dialog';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { Field } from '../../../components/ui/field';
import { FormActions } from '../../../components/ui/form-actions';
import { useCreateAddin, useUpdateAddin } from '../api/save-addin';

const SERVER_CODE_FIELDS = { ERR_ADDIN_NAME_TAKEN: 'name' } as const;
const CreateSchema = channelMethods['addins.create'].input;

export function AddinFormDialog({ addin, onClose }: { addin?: AddinT; onClose: () => void }) {
  const [name, setName] = useState(addin?.name ?? '');
  const [url, setUrl] = useState(addin?.url ?? 'https://');
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useCreateAddin();
  const update = useUpdateAddin();
  const pending = create.isPending || update.isPending;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = CreateSchema.safeParse({ name, url });
    if (!parsed.success) return setErrors(fieldErrorsFromZod(parsed.error));
    try {
      if (addin) await update.mutateAsync({ id: addin.id, ...parsed.data });
      else await create.mutateAsync(parsed.data);
      onClose();
    } catch (error) {
      setErrors(fieldErrorsFromServer(error, SERVER_CODE_FIELDS));
    }
  }

  return (
    <Dialog title={addin ? `Edit add-in ${addin.name}` : 'New add-in'} onClose={onClose}>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <Field label="Name" error={errors.name} hint="Unique; at most 50 characters.">
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
        <Field label="URL" error={errors.url} hint="The page the client shows in the room's extensibility pane.">
          {(control) => (
            <input
              {...control}
              type="url"
              value={url}
              onChange={(event) => {
                setUrl(event.target.value);
                setErrors({});
              }}
            />
          )}
        </Field>
        {errors._form ? <ErrorBanner message={errors._form} /> : null}
        <FormActions submitLabel={addin ? 'Save changes' : 'Create add-in'} pending={pending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
