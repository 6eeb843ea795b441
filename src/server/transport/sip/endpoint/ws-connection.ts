/**
 * A SIP connection over WebSocket (RFC 7118): each WebSocket message carries exactly one SIP
 * message (§5.1), text or binary, so no stream framing; Content-Length may be absent.
 */
import type { WebSocket } from 'ws';
import { serializeMessage } from '../codec/serialize-message.js';
import type { SipMessage } from '../codec/sip-message.js';
import { newConnectionId, type Mutable, type ConnectionSink, type SipConnection } from './sip-connection.js';

export interface WebSocketConnectionInfo {
  readonly secure: boolean;
  readonly remoteAddress: string;
  readonly remotePort: number;
  readonly localAddress: string;
  readonly localPort: number;
  readonly maxSendQueueBytes: number;
}

export function createWebSocketConnection(
  ws: WebSocket,
  info: WebSocketConnectionInfo,
  sink: ConnectionSink,
): SipConnection {
  const connection: Mutable<SipConnection> = {
    id: newConnectionId(),
    transport: info.secure ? 'WSS' : 'WS',
    secure: info.secure,
    remoteAddress: info.remoteAddress,
    remotePort: info.remotePort,
    localAddress: info.localAddress,
    localPort: info.localPort,
    // A data property, not a getter: a getter is a new function per connection, so every
    // connection would get its own hidden class and the hot paths' property loads go megamorphic.
    closed: false,
    send(message: SipMessage): boolean {
      return write(serializeMessage(message), message);
    },
    sendSerialized(bytes: Buffer): boolean {
      return write(bytes, undefined);
    },
    close() {
      if (connection.closed) return;
      connection.closed = true;
      ws.close(1000);
      setTimeout(() => ws.terminate(), 2000).unref();
      sink.onClosed(connection);
    },
  };
  function write(bytes: Buffer, message: SipMessage | undefined): boolean {
    if (connection.closed || ws.readyState !== ws.OPEN) return false;
    if (ws.bufferedAmount > info.maxSendQueueBytes) {
      connection.close();
      return false;
    }
    // RFC 7118 §5.1: text frames for UTF-8 messages; binary otherwise.
    const binary = message ? message.nonUtf8Headers === true || !isUtf8(message.body) : !isUtf8(bytes);
    ws.send(bytes, { binary });
    sink.onSent(connection, message, bytes);
    return true;
  }

  ws.on('message', (data: Buffer | ArrayBuffer | Buffer[]) => {
    if (connection.closed) return;
    sink.onActivity(connection);
    const frame = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
    sink.onMessage(connection, frame, true);
  });
  ws.on('pong', () => sink.onActivity(connection));
  ws.on('error', () => connection.close());
  ws.on('close', () => {
    if (!connection.closed) {
      connection.closed = true;
      sink.onClosed(connection);
    }
  });
  return connection;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });
function isUtf8(bytes: Buffer): boolean {
  try {
    UTF8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}
