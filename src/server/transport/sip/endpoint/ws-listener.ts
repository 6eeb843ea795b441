/**
 * SIP over WebSocket (RFC 7118) on an existing HTTP(S) server, at path `/sip` (issue 4 item 1).
 * RFC 7118 §4.1: the client MUST include `sip` in Sec-WebSocket-Protocol; the handshake fails
 * otherwise. Upgrades for other paths are left to their own handlers.
 */
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';

export interface WebSocketListenerOptions {
  readonly path?: string;
  /** Largest WebSocket message (= SIP message) accepted, in bytes. */
  readonly maxPayload: number;
}

export interface WebSocketListener {
  close(): void;
}

export function attachWebSocketListener(
  server: HttpServer,
  options: WebSocketListenerOptions,
  onConnection: (ws: WebSocket, request: IncomingMessage) => void,
): WebSocketListener {
  const path = options.path ?? '/sip';
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxPayload,
    handleProtocols: (protocols) => (protocols.has('sip') ? 'sip' : false),
  });
  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = request.url ?? '';
    if (url.split('?')[0] !== path) return;
    const offered = String(request.headers['sec-websocket-protocol'] ?? '')
      .split(',')
      .map((p) => p.trim());
    if (!offered.includes('sip')) {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => onConnection(ws, request));
  };
  server.on('upgrade', onUpgrade);
  return {
    close() {
      server.off('upgrade', onUpgrade);
      for (const c of wss.clients) c.terminate();
      wss.close();
    },
  };
}
