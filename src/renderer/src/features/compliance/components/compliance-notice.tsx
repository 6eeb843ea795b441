import { PageHeader } from '../../../components/ui/page-header';

/** The Compliance service arrives in a later version; this page says so instead of showing placeholders. */
export function ComplianceNotice() {
  return (
    <>
      <PageHeader title="Compliance" description="Archiving, export, retention and legal hold for chat content." />
      <section className="panel empty-state" aria-labelledby="compliance-status">
        <h2 id="compliance-status" className="panel__title">
          Compliance is not configured
        </h2>
        <p>
          This version of Parlance has no Compliance service: chat content is not archived, and there are no exports,
          retention policies or legal holds to manage yet.
        </p>
      </section>
    </>
  );
}
