import { ComplianceNotice } from '../../features/compliance/components/compliance-notice';

export function ComplianceRoute() {
  return <ComplianceNotice />;
}
