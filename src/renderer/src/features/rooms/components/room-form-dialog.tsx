import type { FormEvent } from 'react';
import { MAX_DESCRIPTION_LENGTH, RoomCreateInput, type RoomT } from '../../../../../server/admin-api/contract';
import { fieldErrorsFromServer, fieldErrorsFromZod, type FieldErrors } from '../../../api/field-errors';
import { CheckboxField } from '../../../components/ui/checkbox-field';
import { Dialog } from '../../../components/ui/dialog';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { Field } from '../../../components/ui/field';
import { FormActions } from '../../../components/ui/form-actions';
import { useFormValues } from '../../../components/ui/use-form-values';
import { useCreateRoom } from '../api/create-room';
import { useUpdateRoom } from '../api/update-room';
import { INVITATION_LABELS, PRIVACY_HINTS, PRIVACY_LABELS, TYPE_LABELS } from './room-labels';
import type { CategoryOption } from './rooms-screen-props';

interface RoomFormDialogProps {
  room?: RoomT;
  categories: CategoryOption[];
  relatedKeys: readonly (readonly unknown[])[];
  onClose: () => void;
}

type Values = {
  name: string;
  description: string;
  categoryId: string;
  privacy: RoomT['privacy'];
  type: RoomT['type'];
  invitations: RoomT['invitations'];
  disabled: boolean;
};

const SERVER_CODE_FIELDS = { ERR_ROOM_NAME_TAKEN: 'name', ERR_CATEGORY_NOT_FOUND: 'categoryId' } as const;

export function validateRoom(
  values: Values,
): { ok: true; data: ReturnType<typeof RoomCreateInput.parse> } | { ok: false; errors: FieldErrors } {
  const parsed = RoomCreateInput.safeParse(values);
  const errors: FieldErrors = parsed.success ? {} : fieldErrorsFromZod(parsed.error);
  if (values.categoryId === '') errors.categoryId = 'Category is required';
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, data: parsed.data };
  return { ok: false, errors };
}

export function RoomFormDialog({ room, categories, relatedKeys, onClose }: RoomFormDialogProps) {
  const { values, set, errors, setErrors } = useFormValues<Values>({
    name: room?.name ?? '',
    description: room?.description ?? '',
    categoryId: room?.categoryId ?? (categories.length === 1 ? (categories[0]?.id ?? '') : ''),
    privacy: room?.privacy ?? 'closed',
    type: room?.type ?? 'normal',
    invitations: room?.invitations ?? 'inherit',
    disabled: room?.disabled ?? false,
  });
  const create = useCreateRoom(relatedKeys);
  const update = useUpdateRoom(relatedKeys);
  const pending = create.isPending || update.isPending;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = validateRoom(values);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    try {
      // The category changes only through Move, which reports the role entries it purges.
      if (room) {
        const { categoryId: _categoryId, ...changes } = result.data;
        await update.mutateAsync({ id: room.id, ...changes });
      } else await create.mutateAsync(result.data);
      onClose();
    } catch (error) {
      setErrors(fieldErrorsFromServer(error, SERVER_CODE_FIELDS));
    }
  }

  return (
    <Dialog title={room ? `Edit room ${room.name}` : 'New room'} onClose={onClose}>
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
        <Field
          label="Category"
          error={errors.categoryId}
          hint={
            room
              ? 'Use Move in the room list to change the category: it shows which role entries are purged.'
              : categories.length === 0
                ? 'Create a category first: every room belongs to one.'
                : undefined
          }
        >
          {(control) => (
            <select
              {...control}
              value={values.categoryId}
              required
              disabled={Boolean(room)}
              onChange={(event) => set('categoryId', event.target.value)}
            >
              <option value="">Select a category…</option>
              {categories.map((category) => (
                <option key={category.id} value={category.id}>
                  {category.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="form__row">
          <Field label="Privacy" error={errors.privacy} hint={PRIVACY_HINTS[values.privacy]}>
            {(control) => (
              <select
                {...control}
                value={values.privacy}
                onChange={(event) => set('privacy', event.target.value as Values['privacy'])}
              >
                {Object.entries(PRIVACY_LABELS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field
            label="Type"
            error={errors.type}
            hint={values.type === 'auditorium' ? 'Only presenters may post.' : 'Every member may post.'}
          >
            {(control) => (
              <select
                {...control}
                value={values.type}
                onChange={(event) => set('type', event.target.value as Values['type'])}
              >
                {Object.entries(TYPE_LABELS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Invitations" error={errors.invitations}>
            {(control) => (
              <select
                {...control}
                value={values.invitations}
                onChange={(event) => set('invitations', event.target.value as Values['invitations'])}
              >
                {Object.entries(INVITATION_LABELS).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <CheckboxField
          label="Disabled"
          hint="A disabled room keeps its content but nobody can enter it."
          checked={values.disabled}
          onChange={(checked) => set('disabled', checked)}
        />
        {errors._form ? <ErrorBanner message={errors._form} /> : null}
        <FormActions submitLabel={room ? 'Save changes' : 'Create room'} pending={pending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
