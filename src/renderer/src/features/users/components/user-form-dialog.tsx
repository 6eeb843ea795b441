import type { FormEvent } from 'react';
import { UserCreateInput, UserUpdateInput, type UserT } from '../../../../../server/admin-api/contract';
import { fieldErrorsFromServer, fieldErrorsFromZod } from '../../../api/field-errors';
import { Dialog } from '../../../components/ui/dialog';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { Field } from '../../../components/ui/field';
import { FormActions } from '../../../components/ui/form-actions';
import { useFormValues } from '../../../components/ui/use-form-values';
import { useCreateUser } from '../api/create-user';
import { useUpdateUser } from '../api/update-user';

const SERVER_CODE_FIELDS = { ERR_USER_URI_TAKEN: 'sipUri', ERR_USER_LAST_ADMIN: 'role' } as const;

export function UserFormDialog({ user, onClose }: { user?: UserT; onClose: () => void }) {
  const { values, set, errors, setErrors } = useFormValues({
    sipUri: user?.sipUri ?? '',
    displayName: user?.displayName ?? '',
    email: user?.email ?? '',
    password: '',
    role: user?.role ?? ('user' as UserT['role']),
  });
  const create = useCreateUser();
  const update = useUpdateUser();
  const pending = create.isPending || update.isPending;

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      if (user) {
        const { password, ...rest } = values;
        const parsed = UserUpdateInput.safeParse({
          id: user.id,
          displayName: rest.displayName,
          email: rest.email,
          role: rest.role,
          ...(password ? { password } : {}),
        });
        if (!parsed.success) return setErrors(fieldErrorsFromZod(parsed.error));
        await update.mutateAsync(parsed.data);
      } else {
        const parsed = UserCreateInput.safeParse(values);
        if (!parsed.success) return setErrors(fieldErrorsFromZod(parsed.error));
        await create.mutateAsync(parsed.data);
      }
      onClose();
    } catch (error) {
      setErrors(fieldErrorsFromServer(error, SERVER_CODE_FIELDS));
    }
  }

  return (
    <Dialog title={user ? `Edit user ${user.displayName}` : 'New user'} onClose={onClose}>
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <Field
          label="SIP URI"
          error={errors.sipUri}
          hint={user ? 'The SIP URI cannot be changed.' : 'For example sip:alice@example.com'}
        >
          {(control) => (
            <input
              {...control}
              value={values.sipUri}
              readOnly={Boolean(user)}
              autoFocus={!user}
              placeholder="sip:alice@example.com"
              onChange={(event) => set('sipUri', event.target.value)}
            />
          )}
        </Field>
        <Field label="Display name" error={errors.displayName}>
          {(control) => (
            <input
              {...control}
              value={values.displayName}
              autoFocus={Boolean(user)}
              onChange={(event) => set('displayName', event.target.value)}
            />
          )}
        </Field>
        <Field label="Email" error={errors.email}>
          {(control) => (
            <input
              {...control}
              type="email"
              value={values.email}
              onChange={(event) => set('email', event.target.value)}
            />
          )}
        </Field>
        <Field
          label="Password"
          error={errors.password}
          hint={user ? 'Leave empty to keep the current password.' : 'At least 8 characters.'}
        >
          {(control) => (
            <input
              {...control}
              type="password"
              autoComplete="new-password"
              value={values.password}
              onChange={(event) => set('password', event.target.value)}
            />
          )}
        </Field>
        <Field label="Role" error={errors.role}>
          {(control) => (
            <select
              {...control}
              value={values.role}
              onChange={(event) => set('role', event.target.value as UserT['role'])}
            >
              <option value="user">User</option>
              <option value="admin">Administrator</option>
            </select>
          )}
        </Field>
        {errors._form ? <ErrorBanner message={errors._form} /> : null}
        <FormActions submitLabel={user ? 'Save changes' : 'Create user'} pending={pending} onCancel={onClose} />
      </form>
    </Dialog>
  );
}
