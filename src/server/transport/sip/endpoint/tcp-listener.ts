/** The TCP listener (XCCOS.md §2.1, conventionally port 5060). Hands each socket upward. */
import { createServer, type Server, type Socket } from 'node:net';

export interface SipListener {
  readonly host: string;
  readonly port: number;
  close(): Promise<void>;
}

export function listenTcp(
  options: { host: string; port: number },
  onSocket: (socket: Socket) => void,
): Promise<SipListener> {
  return listenOn(createServer({ noDelay: true, keepAlive: true }, onSocket), options);
}

export function listenOn(server: Server, options: { host: string; port: number }): Promise<SipListener> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : options.port;
      resolve({
        host: options.host,
        port,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
