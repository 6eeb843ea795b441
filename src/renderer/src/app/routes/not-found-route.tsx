import { Link } from 'wouter';
import { PageHeader } from '../../components/ui/page-header';

export function NotFoundRoute() {
  return (
    <>
      <PageHeader title="Page not found" />
      <p>
        There is no such page. <Link href="/">Go to the dashboard</Link>.
      </p>
    </>
  );
}
