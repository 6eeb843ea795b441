/**
 * A SIP connection over a byte stream (TCP or TLS socket): framer in, serializer out, a bounded
 * send queue. A framing error answers 413/400 when the header section allows it, then closes
 * (STYLE.md practice 2: never a thrown error in the accept loop).
 */
import type { Socket } from 'node:net';
import { createResponse } from '../codec/create-response.js';
import { parseMessage } from '../codec/parse-message.js';
import { serializeMessage } from '../codec/serialize-message.js';
import type { SipMessage } from '../codec/sip-message.js';
import { responseForParseFailure } from '../codec/stateless-response.js';
import { createStreamFramer, PONG, type FramingError } from '../framing/stream-framer.js';
import {
  newConnectionId,
  type Mutable,
  type ConnectionSink,
  type SipConnection,
  type SipTransportName,
} from './sip-connection.js';

export interface StreamConnectionOptions {
  readonly maxMessageBytes: number;
  /** Close the connection when this many bytes wait unsent (a client that does not read). */
  readonly maxSendQueueBytes: number;
  /** RFC 5626 §3.5.1: answer CRLF CRLF pings with a CRLF pong. XCCOS.md §2.1 only asks to ignore them. */
  readonly answerKeepAlives: boolean;
  readonly onFramingError?: (connection: SipConnection, error: FramingError) => void;
}

export function createStreamConnection(
  socket: Socket,
  transport: Extract<SipTransportName, 'TCP' | 'TLS'>,
  sink: ConnectionSink,
  options: StreamConnectionOptions,
): SipConnection {
  const framer = createStreamFramer({ maxMessageBytes: options.maxMessageBytes });

  const connection: Mutable<SipConnection> = {
    id: newConnectionId(),
    transport,
    secure: transport === 'TLS',
    remoteAddress: socket.remoteAddress ?? '',
    remotePort: socket.remotePort ?? 0,
    localAddress: socket.localAddress ?? '',
    localPort: socket.localPort ?? 0,
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
      socket.end();
      socket.destroySoon?.();
      setTimeout(() => socket.destroy(), 2000).unref();
      sink.onClosed(connection);
    },
  };

  function write(bytes: Buffer, message: SipMessage | undefined): boolean {
    if (connection.closed) return false;
    if (socket.writableLength > options.maxSendQueueBytes) {
      connection.close();
      return false;
    }
    socket.write(bytes);
    sink.onSent(connection, message, bytes);
    return true;
  }

  socket.setNoDelay(true);
  socket.on('data', (chunk: Buffer) => {
    if (connection.closed) return;
    sink.onActivity(connection);
    const result = framer.push(chunk);
    if (result.keepAlives > 0 && options.answerKeepAlives)
      for (let i = 0; i < result.keepAlives; i++) socket.write(PONG);
    for (const frame of result.frames) {
      if (connection.closed) return;
      sink.onMessage(connection, frame, false);
    }
    if (result.error) {
      options.onFramingError?.(connection, result.error);
      answerFramingError(connection, result.error);
      connection.close();
    }
  });
  socket.on('error', () => connection.close());
  socket.on('close', () => {
    if (!connection.closed) {
      connection.closed = true;
      sink.onClosed(connection);
    }
  });
  return connection;
}

/** 413 for an oversized request (RFC 3261 §21.4.11), 400 for a bad Content-Length, if addressable. */
function answerFramingError(connection: SipConnection, error: FramingError): void {
  if (!error.head) return;
  const parsed = parseMessage(Buffer.concat([error.head, Buffer.from('\r\n\r\n')]), { requireContentLength: false });
  const status = error.code === 'message-too-large' ? 413 : 400;
  if (parsed.kind === 'request' && parsed.method !== 'ACK') {
    connection.send(
      createResponse(parsed, status, { headers: [{ name: 'Warning', value: `399 parlance "${error.message}"` }] }),
    );
  } else if (parsed.kind === 'failure') {
    const answer = responseForParseFailure({ ...parsed, status, detail: error.message });
    if (answer) connection.send(answer);
  }
}
