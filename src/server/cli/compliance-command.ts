/**
 * `parlance compliance status|run|config` over the admin contract:
 *   parlance compliance status [--json]
 *   parlance compliance run [--no-wait]            compliance.runNow (waits for the run by default)
 *   parlance compliance config [--enabled true] [--adapter xml|csv|jsonl|custom] [--custom-module <path>]
 *       [--output-dir <dir>] [--interval <minutes>] [--one-room-per-file [bool]] [--room-details [bool]]
 *       [--user-details [bool]] [--attachments-manifest [bool]] [--retention-hours <n>]
 * `config` without flags prints the configuration (compliance.getConfig); with flags it changes
 * exactly those settings (compliance.updateConfig). Validation stays in the server.
 */
import { Option, type Command } from 'commander';
import type { ComplianceStatusT } from '../admin-api/contract-compliance.js';
import type { CliIo } from './cli-io.js';
import { runSession, type ClientOptions } from './client-commands.js';

type Flags = Record<string, unknown> & ClientOptions;

const BOOL_FLAGS = {
  enabled: 'enabled',
  oneRoomPerFile: 'oneChatRoomPerOutputFile',
  roomDetails: 'addChatRoomDetails',
  userDetails: 'addUserDetails',
  attachmentsManifest: 'createFileAttachmentsManifest',
} as const;

function parseBool(value: unknown): boolean {
  return value === true || !['0', 'false', 'no', 'off'].includes(String(value).toLowerCase());
}

/** The updateConfig input for the flags that were given (numbers stay strings when not numeric). */
export function complianceConfigInput(flags: Flags): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [flag, key] of Object.entries(BOOL_FLAGS))
    if (flags[flag] !== undefined) input[key] = parseBool(flags[flag]);
  if (typeof flags['adapter'] === 'string') input['adapter'] = flags['adapter'];
  if (typeof flags['customModule'] === 'string') input['customModule'] = flags['customModule'];
  if (typeof flags['outputDir'] === 'string') input['outputDir'] = flags['outputDir'];
  const num = (v: unknown) => (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v);
  if (flags['interval'] !== undefined) input['runIntervalMinutes'] = num(flags['interval']);
  if (flags['retentionHours'] !== undefined) input['retentionHours'] = num(flags['retentionHours']);
  return input;
}

export function describeComplianceStatus(s: ComplianceStatusT): string {
  const last = s.lastRun
    ? `${s.lastRun.outcome} at ${s.lastRun.finishedAt ?? s.lastRun.startedAt} (${s.lastRun.eventsProcessed} events, ${s.lastRun.files} files)`
    : 'never';
  return [
    `Compliance: ${s.enabled ? 'enabled' : 'disabled'}, adapter ${s.adapter}, every ${s.runIntervalMinutes} min`,
    `Output:     ${s.outputDir}`,
    `Queue:      ${s.queueDepth} undelivered events${s.pendingBatches ? `, ${s.pendingBatches} batch(es) awaiting retry` : ''}`,
    `Running:    ${s.running ? `${s.running.eventsProcessed} of ${s.running.queueDepthAtStart} events` : 'no'}`,
    `Last run:   ${last}`,
    `Last OK:    ${s.lastSuccessAt ?? 'never'}`,
    `Last error: ${s.lastError ? `${s.lastError.code}: ${s.lastError.message} (${s.lastError.at})` : 'none'}`,
    `Next run:   ${s.nextRunAt ?? '—'}`,
  ].join('\n');
}

export function addComplianceCommands(
  program: Command,
  withClientOptions: (cmd: Command) => Command,
  io: CliIo,
  setExit: (code: number) => void,
): void {
  const group = program.command('compliance').description('configure, run and inspect compliance archiving');

  withClientOptions(
    group.command('status').description('queue depth, last run, last error, next run (compliance.status)'),
  )
    .option('--json', 'print the raw compliance.status value')
    .action(async (flags: Flags & { json?: boolean }) => {
      setExit(
        await runSession(
          flags,
          io,
          (call) => call('compliance.status', {}),
          (v) => (flags.json ? JSON.stringify(v, null, 2) : describeComplianceStatus(v as ComplianceStatusT)),
        ),
      );
    });

  withClientOptions(group.command('run').description('process the queue now (compliance.runNow)'))
    .option('--no-wait', 'return as soon as the run started')
    .action(async (flags: Flags & { wait: boolean }) => {
      setExit(await runSession(flags, io, (call) => call('compliance.runNow', { wait: flags.wait })));
    });

  const config = group
    .command('config')
    .description('show the configuration, or change the settings given as flags')
    .addOption(new Option('--enabled [bool]', 'compliance on or off'))
    .addOption(new Option('--adapter <kind>', 'output format').choices(['xml', 'csv', 'jsonl', 'custom']))
    .option('--custom-module <path>', 'absolute path of a custom adapter module (adapter custom)')
    .option('--output-dir <dir>', "absolute output directory ('' = <data-dir>/compliance)")
    .option('--interval <minutes>', 'RunInterval in minutes (1 to 43200)')
    .addOption(new Option('--one-room-per-file [bool]', 'OneChatRoomPerOutputFile'))
    .addOption(new Option('--room-details [bool]', 'AddChatRoomDetails'))
    .addOption(new Option('--user-details [bool]', 'AddUserDetails'))
    .addOption(new Option('--attachments-manifest [bool]', 'CreateFileAttachmentsManifest'))
    .option('--retention-hours <n>', 'keep delivered events browsable this long');
  withClientOptions(config).action(async (flags: Flags) => {
    const input = complianceConfigInput(flags);
    setExit(
      await runSession(flags, io, (call) =>
        Object.keys(input).length === 0 ? call('compliance.getConfig', {}) : call('compliance.updateConfig', input),
      ),
    );
  });
}
