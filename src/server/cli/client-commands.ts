/**
 * The CLI's client side: `status`, `call <method> '<json>'` and the friendly aliases all end in
 * `runCall`, i.e. one admin call over HTTP with the admin's session. Values print as JSON on
 * stdout; errors print as `ERR_CODE: message` on stderr with exit status 1.
 */
import type { AdminResult } from '../admin-api/contract-errors.js';
import type { ServerStatusT } from '../admin-api/contract.js';
import { callOverHttp, withSession, type Credentials } from './http-admin-client.js';
import { formatError, type CliIo } from './cli-io.js';

export const DEFAULT_URL = 'http://127.0.0.1:8080';

export interface ClientOptions extends Credentials {
  url?: string | undefined;
}

/** Flags win over PARLANCE_URL / PARLANCE_USER / PARLANCE_PASSWORD / PARLANCE_TOKEN. */
export function resolveClientOptions(
  flags: ClientOptions,
  env: Record<string, string | undefined>,
): Required<Pick<ClientOptions, 'url'>> & Credentials {
  return {
    url: flags.url ?? env['PARLANCE_URL'] ?? DEFAULT_URL,
    token: flags.token ?? env['PARLANCE_TOKEN'],
    user: flags.user ?? env['PARLANCE_USER'],
    password: flags.password ?? env['PARLANCE_PASSWORD'],
  };
}

export function parseJsonInput(text: string | undefined): AdminResult<unknown> {
  if (text === undefined || text.trim() === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    return {
      ok: false,
      error: { code: 'ERR_ADMIN_BAD_REQUEST', message: `The input is not valid JSON: ${(err as Error).message}` },
    };
  }
}

/** Runs calls inside one session; `steps` may make several (aliases that resolve names first). */
export async function runSession(
  options: ClientOptions,
  io: CliIo,
  steps: (call: (method: string, input: unknown) => Promise<AdminResult<unknown>>) => Promise<AdminResult<unknown>>,
  print: (value: unknown) => string = (value) => JSON.stringify(value, null, 2),
): Promise<number> {
  const resolved = resolveClientOptions(options, process.env);
  const result = await withSession(resolved.url, resolved, (token) =>
    steps((method, input) => callOverHttp(resolved.url, method, input, token)),
  );
  if (!result.ok) {
    io.err(formatError(result.error));
    return 1;
  }
  io.out(print(result.value));
  return 0;
}

export function runCall(method: string, input: unknown, options: ClientOptions, io: CliIo): Promise<number> {
  return runSession(options, io, (call) => call(method, input));
}

export function runStatus(options: ClientOptions & { json?: boolean }, io: CliIo): Promise<number> {
  return runSession(
    options,
    io,
    (call) => call('server.status', {}),
    (value) => (options.json ? JSON.stringify(value, null, 2) : describeStatus(value as ServerStatusT)),
  );
}

export function describeStatus(s: ServerStatusT): string {
  const kib = (n: number) => `${Math.round(n / 1024)} KiB`;
  return [
    `Parlance ${s.version} (${s.host}) — up ${formatDuration(s.uptimeSeconds)}`,
    `Console: ${s.httpUrl ?? '(none)'}`,
    `Domain:  ${s.domain}`,
    `Data:    ${s.dataDir}`,
    `Store:   ${s.store.kind}, schema v${s.store.schemaVersion}, ${kib(s.store.sizeBytes)}, ${s.store.durable ? 'durable' : 'NOT durable'}`,
    `Counts:  ${s.counts.categories} categories, ${s.counts.rooms} rooms, ${s.counts.users} users`,
    `Memory:  rss ${kib(s.memory.rssBytes)}, heap ${kib(s.memory.heapUsedBytes)}`,
  ].join('\n');
}

function formatDuration(seconds: number): string {
  const s = Math.floor(seconds);
  const parts = [
    [Math.floor(s / 86400), 'd'],
    [Math.floor((s % 86400) / 3600), 'h'],
    [Math.floor((s % 3600) / 60), 'm'],
    [s % 60, 's'],
  ] as const;
  const shown = parts.filter(([n], i) => n > 0 || i === parts.length - 1);
  return shown.map(([n, u]) => `${n}${u}`).join(' ');
}
