/**
 * The server core: `startServer(config, host)`, runtime-agnostic. Hosts (the worker entry for
 * Electron and headless, tests in-process) pass the parsed configuration and a log sink.
 */
import type { Config } from './config/config-schema.js';
import { composeServer } from './compose.js';
import type { ServerHandle, ServerHost } from './server-handle.js';

export type { ServerHandle, ServerHost } from './server-handle.js';

export function startServer(config: Config, host: ServerHost): Promise<ServerHandle> {
  return composeServer(config, host);
}
