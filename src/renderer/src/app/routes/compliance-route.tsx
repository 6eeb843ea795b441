import { ComplianceScreen } from '../../features/compliance/components/compliance-screen';

export function ComplianceRoute() {
  return <ComplianceScreen />;
}
