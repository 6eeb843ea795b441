import type { ReactNode } from 'react';
import { Link, useLocation, useRoute } from 'wouter';
import type { AdminOutput } from '../../../server/admin-api/contract';
import { useLogout } from '../features/auth/api/logout';
import { ErrorBoundary } from './error-boundary';
import { NAV_ITEMS } from './nav-items';

function NavItem({ href, label, icon }: { href: string; label: string; icon: string }) {
  const [exact] = useRoute(href);
  const [nested] = useRoute(`${href}/*`);
  const active = exact || (href !== '/' && nested);
  return (
    <li>
      <Link
        href={href}
        className={active ? 'nav__link nav__link--active' : 'nav__link'}
        aria-current={active ? 'page' : undefined}
      >
        <span className="nav__icon" aria-hidden="true">
          {icon}
        </span>
        {label}
      </Link>
    </li>
  );
}

export function AppShell({ session, children }: { session: AdminOutput<'auth.session'>; children: ReactNode }) {
  const logout = useLogout();
  const [location] = useLocation();
  return (
    <div className="shell">
      <aside className="sidebar">
        <div className="sidebar__brand">
          <span className="brand-mark" aria-hidden="true">
            P
          </span>
          <span>Parlance</span>
          <span className="sidebar__tag">Admin</span>
        </div>
        <nav aria-label="Main">
          <ul className="nav">
            {NAV_ITEMS.map((item) => (
              <NavItem key={item.href} {...item} />
            ))}
          </ul>
        </nav>
      </aside>
      <div className="main-column">
        <header className="topbar">
          <span className="topbar__spacer" />
          <div className="topbar__user" aria-label="Signed-in user">
            <span className="avatar" aria-hidden="true">
              {session.user.displayName.slice(0, 1).toUpperCase()}
            </span>
            <span className="topbar__identity">
              <span className="topbar__name">{session.user.displayName}</span>
              <span className="topbar__uri">{session.user.sipUri}</span>
            </span>
          </div>
          <button type="button" className="button" onClick={() => logout.mutate()} disabled={logout.isPending}>
            Log out
          </button>
        </header>
        <main className="content" id="content">
          <ErrorBoundary resetKey={location}>{children}</ErrorBoundary>
        </main>
      </div>
    </div>
  );
}
