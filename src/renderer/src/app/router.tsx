import { Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { AppShell } from './app-shell';
import { AuthGate } from './auth-gate';
import { AddinsRoute } from './routes/addins-route';
import { CategoriesRoute } from './routes/categories-route';
import { ComplianceRoute } from './routes/compliance-route';
import { DashboardRoute } from './routes/dashboard-route';
import { GroupsRoute } from './routes/groups-route';
import { LogsRoute } from './routes/logs-route';
import { NotFoundRoute } from './routes/not-found-route';
import { RoomInspectorRoute } from './routes/room-inspector-route';
import { RoomsRoute } from './routes/rooms-route';
import { ServerRoute } from './routes/server-route';
import { UsersRoute } from './routes/users-route';
import { ServerEventsBridge } from './server-events-bridge';

/** Hash routing: works the same from file:// (Electron) and from the headless HTTP server. */
export function AppRouter() {
  return (
    <Router hook={useHashLocation}>
      <AuthGate>
        {(session) => (
          <>
            <ServerEventsBridge />
            <AppShell session={session}>
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
            </AppShell>
          </>
        )}
      </AuthGate>
    </Router>
  );
}
