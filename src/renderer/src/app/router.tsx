import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { AppShell } from './app-shell';
import { AuthGate } from './auth-gate';
import { NotFoundRoute } from './routes/not-found-route';
import { ServerEventsBridge } from './server-events-bridge';

/**
 * Screens load on first visit (one chunk each), so the first paint does not wait for every
 * screen's code — the charts library, for one, is only needed by the dashboard and compliance.
 */
function lazyRoute<K extends string, P extends object>(
  load: () => Promise<Record<K, ComponentType<P>>>,
  name: K,
): LazyExoticComponent<ComponentType<P>> {
  return lazy(async () => ({ default: (await load())[name] }));
}

const AddinsRoute = lazyRoute(() => import('./routes/addins-route'), 'AddinsRoute');
const CategoriesRoute = lazyRoute(() => import('./routes/categories-route'), 'CategoriesRoute');
const ComplianceRoute = lazyRoute(() => import('./routes/compliance-route'), 'ComplianceRoute');
const DashboardRoute = lazyRoute(() => import('./routes/dashboard-route'), 'DashboardRoute');
const GroupsRoute = lazyRoute(() => import('./routes/groups-route'), 'GroupsRoute');
const LogsRoute = lazyRoute(() => import('./routes/logs-route'), 'LogsRoute');
const RoomInspectorRoute = lazyRoute(() => import('./routes/room-inspector-route'), 'RoomInspectorRoute');
const RoomsRoute = lazyRoute(() => import('./routes/rooms-route'), 'RoomsRoute');
const ServerRoute = lazyRoute(() => import('./routes/server-route'), 'ServerRoute');
const UsersRoute = lazyRoute(() => import('./routes/users-route'), 'UsersRoute');

/** Hash routing: works the same from file:// (Electron) and from the headless HTTP server. */
export function AppRouter() {
  return (
    <Router hook={useHashLocation}>
      <AuthGate>
        {(session) => (
          <>
            <ServerEventsBridge />
            <AppShell session={session}>
              <Suspense fallback={<p className="page-loading">Loading…</p>}>
                <Switch>
                  <Route path="/" component={DashboardRoute} />
                  <Route path="/rooms" component={RoomsRoute} />
                  <Route path="/rooms/:id" component={RoomInspectorRoute} />
                  <Route path="/categories" component={CategoriesRoute} />
                  <Route path="/addins" component={AddinsRoute} />
                  <Route path="/groups" component={GroupsRoute} />
                  <Route path="/users" component={UsersRoute} />
                  <Route path="/compliance" component={ComplianceRoute} />
                  <Route path="/server" component={ServerRoute} />
                  <Route path="/logs" component={LogsRoute} />
                  <Route component={NotFoundRoute} />
                </Switch>
              </Suspense>
            </AppShell>
          </>
        )}
      </AuthGate>
    </Router>
  );
}
