import { useState, type FormEvent } from 'react';
import { LoginInput } from '../../../../../server/admin-api/contract';
import { isAdminClientError } from '../../../api/admin-client';
import { fieldErrorsFromZod, type FieldErrors } from '../../../api/field-errors';
import { ErrorBanner } from '../../../components/ui/error-banner';
import { Field } from '../../../components/ui/field';
import { useLogin } from '../api/login';

function describeLoginError(error: unknown): string {
  if (isAdminClientError(error)) {
    if (error.code === 'ERR_AUTH_INVALID_CREDENTIALS') return 'The user name or password is incorrect.';
    if (error.code === 'ERR_AUTH_RATE_LIMITED') return 'Too many sign-in attempts. Wait a minute and try again.';
    return error.message;
  }
  return error instanceof Error ? error.message : 'Sign-in failed.';
}

export function LoginForm() {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const login = useLogin();

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = LoginInput.safeParse({ username, password });
    if (!parsed.success) {
      setErrors(fieldErrorsFromZod(parsed.error));
      return;
    }
    setErrors({});
    login.mutate(parsed.data, { onError: (error) => setErrors({ _form: describeLoginError(error) }) });
  }

  return (
    <main className="login">
      <div className="login__card">
        <div className="login__brand">
          <span className="brand-mark" aria-hidden="true">
            P
          </span>
          <span>Parlance</span>
        </div>
        <h1 className="login__title">Sign in to the admin console</h1>
        <form className="form" onSubmit={submit} noValidate>
          <Field label="User name" error={errors.username} hint="admin, or a SIP URI such as sip:admin@example.com">
            {(control) => (
              <input
                {...control}
                autoComplete="username"
                autoFocus
                value={username}
                onChange={(event) => setUsername(event.target.value)}
              />
            )}
          </Field>
          <Field label="Password" error={errors.password}>
            {(control) => (
              <input
                {...control}
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(event) => setPassword(event.target.value)}
              />
            )}
          </Field>
          {errors._form ? <ErrorBanner message={errors._form} /> : null}
          <button type="submit" className="button button--primary button--block" disabled={login.isPending}>
            {login.isPending ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      </div>
    </main>
  );
}
