import { useState } from 'react';
import { PageHeader } from '../../../components/ui/page-header';
import { LogViewer } from './log-viewer';
import { SipMessageViewer } from './sip-message-viewer';

const TABS = [
  { id: 'server', label: 'Server log' },
  { id: 'sip', label: 'SIP messages' },
] as const;

export function LogsScreen() {
  const [tab, setTab] = useState<(typeof TABS)[number]['id']>('server');
  return (
    <>
      <PageHeader
        title="Logs"
        description="Recent server log records and SIP messages from in-memory buffers, newest first."
      />
      <div className="tabs" role="tablist" aria-label="Log source">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`logs-tab-${t.id}`}
            aria-selected={tab === t.id}
            aria-controls={`logs-panel-${t.id}`}
            className="tabs__tab"
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`logs-panel-${tab}`} aria-labelledby={`logs-tab-${tab}`}>
        {tab === 'server' ? <LogViewer /> : <SipMessageViewer />}
      </div>
    </>
  );
}
