import { ChatConfigForm } from '../../features/chat-config/components/chat-config-form';
import { ServerDetails } from '../../features/server-status/components/server-details';

export function ServerRoute() {
  return (
    <>
      <ServerDetails />
      <div style={{ marginTop: 20 }}>
        <ChatConfigForm />
      </div>
    </>
  );
}
