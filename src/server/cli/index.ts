/**
 * The `parlance` command line (built to out/main/cli.js, launched by bin/parlance.js):
 *
 *   parlance serve [config flags]             headless server + console over HTTP
 *   parlance status                           server.status of a running server
 *   parlance call <method> ['<json>']         any admin contract method
 *   parlance rooms|categories|users <verb>    friendly aliases for the CRUD methods
 *   parlance methods                          the admin contract's method names
 *   parlance compliance status|run|config     compliance archiving (compliance-command.ts)
 */
import { Command, Option } from 'commander';
import { join, resolve } from 'node:path';
import { ADMIN_METHODS } from '../admin-api/contract.js';
import { CONFIG_KEYS, envNameFor, flagNameFor, type ConfigKey } from '../config/config-schema.js';
import { runBackup } from './backup-command.js';
import { processIo, formatError } from './cli-io.js';
import { addComplianceCommands } from './compliance-command.js';
import { DEFAULT_URL, parseJsonInput, runCall, runStatus, type ClientOptions } from './client-commands.js';
import { runDoctor } from './doctor-command.js';
import { addResourceCommands } from './resource-aliases.js';
import { runRestore } from './restore-command.js';
import { runServe } from './serve-command.js';
import { PARLANCE_VERSION } from './version.js';

const io = processIo;
const setExit = (code: number): void => {
  process.exitCode = code;
};

const CONFIG_HELP: Partial<Record<ConfigKey, string>> = {
  dataDir: 'data directory (default ./data)',
  httpPort: 'HTTP port of the API and console (default 8080; 0 = any free port)',
  bind: 'listen address (default 127.0.0.1)',
  domain: 'SIP domain (default example.com)',
  adminPassword: 'first-run administrator password (generated and printed once if unset)',
  logLevel: 'trace | debug | info | warn | error | fatal (default info)',
};

function withClientOptions(cmd: Command): Command {
  return cmd
    .option('--url <url>', `server URL (env PARLANCE_URL, default ${DEFAULT_URL})`)
    .option('--user <name>', 'administrator user name or SIP URI (env PARLANCE_USER, default admin)')
    .option('--password <password>', 'administrator password (env PARLANCE_PASSWORD)')
    .option('--token <token>', 'session token instead of user and password (env PARLANCE_TOKEN)');
}

const program = new Command('parlance')
  .description('Parlance: a self-contained Persistent Chat server with an admin console')
  .version(PARLANCE_VERSION)
  .showHelpAfterError();

const serve = program
  .command('serve')
  .description('run the server headless and serve the admin console over HTTP')
  .addHelpText(
    'after',
    '\nEvery flag can also be set as an environment variable or in <data-dir>/parlance.config.json.',
  );
for (const key of CONFIG_KEYS) {
  const help = `${CONFIG_HELP[key] ?? key} [${envNameFor(key)}]`;
  serve.addOption(new Option(`${flagNameFor(key)} <value>`, help));
}
serve.action(async (flags: Partial<Record<ConfigKey, unknown>>) => {
  setExit(await runServe(flags, io));
});

withClientOptions(
  program
    .command('status')
    .description('show the status of a running server')
    .option('--json', 'print the raw server.status value'),
).action(async (flags: ClientOptions & { json?: boolean }) => {
  setExit(await runStatus(flags, io));
});

withClientOptions(
  program
    .command('call <method> [json]')
    .description("call any admin method with a JSON input, e.g. parlance call rooms.list '{}'"),
).action(async (method: string, json: string | undefined, flags: ClientOptions) => {
  const input = parseJsonInput(json);
  if (!input.ok) {
    io.err(formatError(input.error));
    setExit(1);
    return;
  }
  setExit(await runCall(method, input.value, flags, io));
});

program
  .command('methods')
  .description('list the admin methods `call` accepts')
  .action(() => io.out(ADMIN_METHODS.join('\n')));

addResourceCommands(program, withClientOptions, io, setExit);
addComplianceCommands(program, withClientOptions, io, setExit);

// Store maintenance works on the files of a data directory (its `store/` folder), not over HTTP.
const DATA_DIR_HELP = 'data directory (env PARLANCE_DATA_DIR, default ./data)';
const storeDirOf = (dataDir: string | undefined): string =>
  join(resolve(dataDir ?? process.env['PARLANCE_DATA_DIR'] ?? 'data'), 'store');

program
  .command('doctor')
  .description("check the store's snapshots and journal without changing them")
  .option('--data-dir <dir>', DATA_DIR_HELP)
  .option('--repair', 'truncate the journal at the first bad frame (damaged files are copied aside first)')
  .option('--json', 'print the report as JSON')
  .action(async (flags: { dataDir?: string; repair?: boolean; json?: boolean }) => {
    setExit(await runDoctor({ dir: storeDirOf(flags.dataDir), repair: flags.repair, json: flags.json }, io));
  });

program
  .command('backup <file>')
  .description('write a consistent backup of the store to <file> (the server may be running)')
  .option('--data-dir <dir>', DATA_DIR_HELP)
  .action(async (file: string, flags: { dataDir?: string }) => {
    setExit(await runBackup({ dir: storeDirOf(flags.dataDir), file: resolve(file) }, io));
  });

program
  .command('restore <file>')
  .description('restore a backup into a data directory (the server must be stopped)')
  .option('--data-dir <dir>', DATA_DIR_HELP)
  .option('--force', 'replace an existing store (its files are moved aside, not deleted)')
  .action(async (file: string, flags: { dataDir?: string; force?: boolean }) => {
    setExit(await runRestore({ file: resolve(file), dir: storeDirOf(flags.dataDir), force: flags.force }, io));
  });

await program.parseAsync(process.argv);
