import { QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { createQueryClient } from '../api/query-client';
import { authKeys } from '../features/auth/api/auth-keys';
import { ErrorBoundary } from './error-boundary';

export function AppProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(() => {
    const client = createQueryClient({
      // A call found the session gone: re-check it; the auth gate then shows the login form.
      onAuthRequired: () => void client.invalidateQueries({ queryKey: authKeys.session() }, { cancelRefetch: false }),
    });
    return client;
  });
  return (
    <ErrorBoundary>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </ErrorBoundary>
  );
}
