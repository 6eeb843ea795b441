import { ErrorBanner } from '../../../components/ui/error-banner';
import { PageHeader } from '../../../components/ui/page-header';
import { useComplianceConfig } from '../api/get-compliance-config';
import { useComplianceStatus } from '../api/get-compliance-status';
import { ComplianceConfigForm } from './compliance-config-form';
import { ComplianceEventsBrowser } from './compliance-events-browser';
import { ComplianceOutputs } from './compliance-outputs';
import { ComplianceStatusPanel } from './compliance-status-panel';

/** Compliance review (LYNC.md §5): status and run now, configuration, the queue, the archive files. */
export function ComplianceScreen() {
  const status = useComplianceStatus();
  const config = useComplianceConfig();
  return (
    <>
      <PageHeader
        title="Compliance"
        description="Every join, leave, post, history read and file transfer is queued and written to the archive every RunInterval."
      />
      {status.isError ? (
        <ErrorBanner
          title="Compliance status could not be loaded."
          message={status.error.message}
          onRetry={() => void status.refetch()}
        />
      ) : null}
      {status.data ? <ComplianceStatusPanel status={status.data} /> : <p className="muted">Loading status…</p>}
      {config.isError ? (
        <ErrorBanner title="The configuration could not be loaded." message={config.error.message} />
      ) : null}
      {config.data ? <ComplianceConfigForm config={config.data} /> : null}
      <ComplianceEventsBrowser />
      <ComplianceOutputs />
    </>
  );
}
