/** The TLS listener (XCCOS.md §2.1, conventionally port 5061). */
import type { Socket } from 'node:net';
import { createServer } from 'node:tls';
import { listenOn, type SipListener } from './tcp-listener.js';

export interface TlsListenerOptions {
  readonly host: string;
  readonly port: number;
  readonly key: Buffer | string;
  readonly cert: Buffer | string;
  /** TLS handshake timeout (ms); a silent client is dropped. */
  readonly handshakeTimeoutMs?: number;
}

export function listenTls(options: TlsListenerOptions, onSocket: (socket: Socket) => void): Promise<SipListener> {
  const server = createServer(
    {
      key: options.key,
      cert: options.cert,
      minVersion: 'TLSv1.2',
      handshakeTimeout: options.handshakeTimeoutMs ?? 10_000,
    },
    onSocket,
  );
  // A failed handshake is the client's problem; it must not reach the process.
  server.on('tlsClientError', (_err, socket) => socket.destroy());
  return listenOn(server, options);
}
