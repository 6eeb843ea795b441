import { useQueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import type { AdminOutput } from '../../../server/admin-api/contract';
import { isAuthRequired } from '../api/query-client';
import { authKeys } from '../features/auth/api/auth-keys';
import { useSession } from '../features/auth/api/get-session';
import { LoginForm } from '../features/auth/components/login-form';

type Session = AdminOutput<'auth.session'>;

/** Shows the login form until `auth.session` succeeds (in Electron it succeeds over IPC at once). */
export function AuthGate({ children }: { children: (session: Session) => ReactNode }) {
  const session = useSession();
  const queryClient = useQueryClient();
  const signedOut = isAuthRequired(session.error);

  useEffect(() => {
    // Nothing cached for a previous session may outlive it.
    if (signedOut) queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== authKeys.all[0] });
  }, [signedOut, queryClient]);

  if (signedOut) return <LoginForm />;
  if (session.data && !session.isError) return <>{children(session.data)}</>;
  if (session.isError) {
    return (
      <main className="login">
        <div className="login__card" role="alert">
          <h1 className="login__title">The server cannot be reached</h1>
          <p className="muted">{session.error.message}</p>
          <button type="button" className="button button--primary" onClick={() => void session.refetch()}>
            Try again
          </button>
        </div>
      </main>
    );
  }
  return (
    <main className="login">
      <p className="muted" role="status">
        Connecting to the server…
      </p>
    </main>
  );
}
