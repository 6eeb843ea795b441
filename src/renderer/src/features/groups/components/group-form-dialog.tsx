import { useState, type FormEvent } from 'react';
import { channelMethods, type GroupT } from '../../../../../server/admin-api/contract-channel';
import { fieldErrorsFromServer, fieldErrorsFromZod, type FieldErrors } from '../../../api/field-errors';
import { Dialog } from '../../../components/ui/dialog';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { Field } from '../../../components/ui/field';
import { FormActions } from '../../../components/ui/form-actions';
import { PrincipalListEditor, type PrincipalOption } from '../../../components/ui/principal-list-editor';
import { useCreateGroup, useUpdateGroup } from '../api/save-group';

const SERVER_CODE_FIELDS = { ERR_GROUP_NAME_TAKEN: 'name' } as const;
const CreateSchema = channelMethods['groups.create'].input;

interface GroupFormDialogProps {
  group?: GroupT;
  userOptions: PrincipalOption[];
  onClose: () => void;
}

export function GroupFormDialog({ group, userOptions, onClose }: GroupFormDialogProps) {
  const [name, setName] = useState(group?.name ?? '');
  const [description, setDescription] = useState(group?.description ?? '');
  const [members, setMembers] = useState<string[]>(group?.members ?? []);
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useCreateGroup();
  const update = useUpdateGroup();
  const pending = create.isPending || update.isPending;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = CreateSchema.safeParse({ name, description, members });
    if (!parsed.success) return setErrors(fieldErrorsFromZod(parsed.error));
    try {
      if (group) await update.mutateAsync({ id: group.id, ...parsed.data });
      else await create.mutateAsync(parsed.data);
      onClose();
    } catch (error) {
      setErrors(fieldErrorsFromServer(error, SERVER_CODE_FIELDS));
    }
  }

  return (
    <Dialog title={group ? `Edit group ${group.name}` : 'New group'} onClose={onClose}>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <Field label="Name" error={errors.name}>
          {(control) => <input {...control} autoFocus value={name} onChange={(event) => setName(event.target.value)} />}
        </Field>
        <Field label="Description" error={errors.description}>
          {(control) => (
            <input {...control} value={description} onChange={(event) => setDescription(event.target.value)} />
          )}
        </Field>
        <PrincipalListEditor
          label="Members"
          value={members}
          onChange={(next) => {
            setMembers(next);
            setErrors((previous) => ({ ...previous, members: undefined }));
          }}
          options={userOptions}
          error={errors.members}
          hint="Users (SIP URIs). A group can then be used in category scopes and room roles."
        />
        {errors._form ? <ErrorBanner message={errors._form} /> : null}
        <FormActions submitLabel={group ? 'Save changes' : 'Create group'} pending={pending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
