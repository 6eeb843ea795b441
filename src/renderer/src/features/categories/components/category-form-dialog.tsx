import type { FormEvent } from 'react';
import { CategoryCreateInput, MAX_DESCRIPTION_LENGTH, type CategoryT } from '../../../../../server/admin-api/contract';
import { fieldErrorsFromServer, fieldErrorsFromZod } from '../../../api/field-errors';
import { CheckboxField } from '../../../components/ui/checkbox-field';
import { Dialog } from '../../../components/ui/dialog';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { Field } from '../../../components/ui/field';
import { FormActions } from '../../../components/ui/form-actions';
import { useFormValues } from '../../../components/ui/use-form-values';
import { useCreateCategory } from '../api/create-category';
import { useUpdateCategory } from '../api/update-category';

interface CategoryFormDialogProps {
  /** The category to edit; absent to create one. */
  category?: CategoryT;
  onClose: () => void;
}

const SERVER_CODE_FIELDS = { ERR_CATEGORY_NAME_TAKEN: 'name' } as const;

export function CategoryFormDialog({ category, onClose }: CategoryFormDialogProps) {
  const { values, set, errors, setErrors } = useFormValues({
    name: category?.name ?? '',
    description: category?.description ?? '',
    invitations: category?.invitations ?? false,
    fileUpload: category?.fileUpload ?? false,
    chatHistory: category?.chatHistory ?? true,
  });
  const create = useCreateCategory();
  const update = useUpdateCategory();
  const pending = create.isPending || update.isPending;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = CategoryCreateInput.safeParse(values);
    if (!parsed.success) {
      setErrors(fieldErrorsFromZod(parsed.error));
      return;
    }
    try {
      if (category) await update.mutateAsync({ id: category.id, ...parsed.data });
      else await create.mutateAsync(parsed.data);
      onClose();
    } catch (error) {
      setErrors(fieldErrorsFromServer(error, SERVER_CODE_FIELDS));
    }
  }

  return (
    <Dialog title={category ? `Edit category ${category.name}` : 'New category'} onClose={onClose}>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <Field label="Name" error={errors.name}>
          {(control) => (
            <input {...control} value={values.name} autoFocus onChange={(event) => set('name', event.target.value)} />
          )}
        </Field>
        <Field label="Description" error={errors.description} hint={`Up to ${MAX_DESCRIPTION_LENGTH} characters.`}>
          {(control) => (
            <textarea
              {...control}
              rows={3}
              value={values.description}
              onChange={(event) => set('description', event.target.value)}
            />
          )}
        </Field>
        <fieldset className="fieldset">
          <legend>Room features</legend>
          <CheckboxField
            label="Invitations"
            hint="Rooms in this category may send invitations."
            checked={values.invitations}
            onChange={(checked) => set('invitations', checked)}
          />
          <CheckboxField
            label="File upload"
            hint="Members may post files."
            checked={values.fileUpload}
            onChange={(checked) => set('fileUpload', checked)}
          />
          <CheckboxField
            label="Chat history"
            hint="Messages are kept and can be read back."
            checked={values.chatHistory}
            onChange={(checked) => set('chatHistory', checked)}
          />
        </fieldset>
        {errors._form ? <ErrorBanner message={errors._form} /> : null}
        <FormActions submitLabel={category ? 'Save changes' : 'Create category'} pending={pending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
