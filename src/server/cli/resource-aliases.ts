/**
 * Friendly aliases for the contract's CRUD methods (`parlance rooms list`, `parlance categories
 * create --name X`, `parlance rooms create --name Lobby --category Engineering`). Each alias is a
 * thin translation of flags into the method's input; validation stays in the server. A category
 * may be named by id or by name.
 */
import type { Command } from 'commander';
import { Option } from 'commander';
import type { AdminResult } from '../admin-api/contract-errors.js';
import type { CliIo } from './cli-io.js';
import { runSession, type ClientOptions } from './client-commands.js';

type FieldType = 'string' | 'boolean' | 'category';

interface Field {
  /** Input key in the contract. */
  key: string;
  flag: string;
  type: FieldType;
  help: string;
  choices?: readonly string[];
  required?: boolean;
}

interface Verb {
  verb: 'list' | 'get' | 'create' | 'update' | 'delete';
  help: string;
  /** Takes the id as a positional argument. */
  byId?: boolean;
  fields?: Field[];
}

const str = (key: string, flag: string, help: string, extra: Partial<Field> = {}): Field => ({
  key,
  flag,
  type: 'string',
  help,
  ...extra,
});
const bool = (key: string, flag: string, help: string): Field => ({ key, flag, type: 'boolean', help });

const categoryFields = (required: boolean): Field[] => [
  str('name', 'name', 'category name', { required }),
  str('description', 'description', 'description (at most 256 characters)'),
  bool('invitations', 'invitations', 'rooms may send invitations'),
  bool('fileUpload', 'file-upload', 'file upload allowed'),
  bool('chatHistory', 'chat-history', 'chat history kept'),
];

const roomFields = (required: boolean): Field[] => [
  str('name', 'name', 'room name (unique)', { required }),
  str('description', 'description', 'description (at most 256 characters)'),
  { key: 'categoryId', flag: 'category', type: 'category', help: 'category id or name', required },
  str('privacy', 'privacy', 'privacy', { choices: ['open', 'closed', 'secret'] }),
  str('type', 'type', 'room type', { choices: ['normal', 'auditorium'] }),
  str('invitations', 'invitations', 'invitations', { choices: ['inherit', 'false'] }),
  bool('disabled', 'disabled', 'room disabled'),
];

const userFields = (required: boolean): Field[] => [
  ...(required ? [str('sipUri', 'sip-uri', 'SIP URI, e.g. sip:alice@example.com', { required })] : []),
  str('displayName', 'display-name', 'display name', { required }),
  str('email', 'email', 'email address'),
  str('password', 'user-password', 'the new user’s password (at least 8 characters)', { required }),
  str('role', 'role', 'role', { choices: ['admin', 'user'] }),
];

export const RESOURCES: Record<string, { help: string; verbs: Verb[] }> = {
  categories: {
    help: 'manage room categories',
    verbs: [
      { verb: 'list', help: 'list categories' },
      { verb: 'get', help: 'show one category', byId: true },
      { verb: 'create', help: 'create a category', fields: categoryFields(true) },
      { verb: 'update', help: 'change a category', byId: true, fields: categoryFields(false) },
      { verb: 'delete', help: 'delete an empty category', byId: true },
    ],
  },
  rooms: {
    help: 'manage chat rooms',
    verbs: [
      {
        verb: 'list',
        help: 'list rooms (filters optional)',
        fields: [
          { key: 'categoryId', flag: 'category', type: 'category', help: 'only rooms of this category (id or name)' },
          str('privacy', 'privacy', 'only this privacy', { choices: ['open', 'closed', 'secret'] }),
          str('type', 'type', 'only this type', { choices: ['normal', 'auditorium'] }),
          bool('disabled', 'disabled', 'only disabled (true) or enabled (false) rooms'),
          str('search', 'search', 'name or description contains'),
        ],
      },
      { verb: 'get', help: 'show one room', byId: true },
      { verb: 'create', help: 'create a room', fields: roomFields(true) },
      { verb: 'update', help: 'change a room', byId: true, fields: roomFields(false) },
      { verb: 'delete', help: 'delete a room', byId: true },
    ],
  },
  users: {
    help: 'manage users',
    verbs: [
      { verb: 'list', help: 'list users' },
      { verb: 'create', help: 'create a user', fields: userFields(true) },
      { verb: 'update', help: 'change a user', byId: true, fields: userFields(false) },
      { verb: 'delete', help: 'delete a user', byId: true },
    ],
  },
};

/** Converts parsed flags into the method input (only the flags that were given). */
export function inputFromFlags(fields: Field[], flags: Record<string, unknown>, id?: string): Record<string, unknown> {
  const input: Record<string, unknown> = id === undefined ? {} : { id };
  for (const field of fields) {
    const value = flags[camel(field.flag)];
    if (value === undefined) continue;
    input[field.key] = field.type === 'boolean' ? parseBool(value) : value;
  }
  return input;
}

function parseBool(value: unknown): boolean {
  if (value === true) return true;
  return !['0', 'false', 'no', 'off'].includes(String(value).toLowerCase());
}

function camel(flag: string): string {
  return flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

type Call = (method: string, input: unknown) => Promise<AdminResult<unknown>>;

/** Replaces a category name by its id (ids pass through unchanged). */
async function resolveCategory(call: Call, input: Record<string, unknown>): Promise<AdminResult<unknown> | null> {
  const wanted = input['categoryId'];
  if (typeof wanted !== 'string') return null;
  const list = await call('categories.list', {});
  if (!list.ok) return list;
  const items = (list.value as { items: { id: string; name: string }[] }).items;
  const match = items.find((c) => c.id === wanted) ?? items.find((c) => c.name.toLowerCase() === wanted.toLowerCase());
  if (match === undefined) {
    return {
      ok: false,
      error: { code: 'ERR_CATEGORY_NOT_FOUND', message: `No category with id or name "${wanted}"` },
    };
  }
  input['categoryId'] = match.id;
  return null;
}

export function addResourceCommands(
  program: Command,
  withClientOptions: (cmd: Command) => Command,
  io: CliIo,
  setExit: (code: number) => void,
): void {
  for (const [resource, { help, verbs }] of Object.entries(RESOURCES)) {
    const group = program.command(resource).description(help);
    for (const v of verbs) {
      const cmd = group.command(v.byId ? `${v.verb} <id>` : v.verb).description(`${v.help} (${resource}.${v.verb})`);
      for (const field of v.fields ?? []) {
        const option =
          field.type === 'boolean'
            ? new Option(`--${field.flag} [bool]`, field.help)
            : new Option(`--${field.flag} <value>`, field.help);
        if (field.choices) option.choices(field.choices);
        if (field.required) option.makeOptionMandatory();
        cmd.addOption(option);
      }
      withClientOptions(cmd).action(async (...args: unknown[]) => {
        const id = v.byId ? (args[0] as string) : undefined;
        const flags = (v.byId ? args[1] : args[0]) as Record<string, unknown> & ClientOptions;
        const input = inputFromFlags(v.fields ?? [], flags, id);
        const code = await runSession(flags, io, async (call) => {
          const failed = await resolveCategory(call, input);
          return failed ?? call(`${resource}.${v.verb}`, input);
        });
        setExit(code);
      });
    }
  }
}
