/**
 * The one catalogue of coded errors (STYLE.md practice 7).
 *
 * Every expected failure in Parlance is declared here exactly once: a stable code
 * `ERR_<AREA>_<CONDITION>`, a human message, and its mapping to every wire format — HTTP status
 * for the admin API, SIP status for the SIP front end, and the XCCOS `resp` code (XCCOS.md §3.6)
 * for the chat protocol. This file has no Node imports: the renderer type-checks against it.
 */
export interface ErrorSpec {
  /** Default message; handlers may pass a more specific one. */
  readonly message: string;
  readonly httpStatus: number;
  readonly sipStatus: number;
  /** XCCOS reply `code` attribute (XCCOS.md §3.6). */
  readonly xccosCode: number;
}

function spec(message: string, httpStatus: number, sipStatus: number, xccosCode: number): ErrorSpec {
  return { message, httpStatus, sipStatus, xccosCode };
}

export const ERROR_CATALOGUE = {
  // admin API
  ERR_ADMIN_VALIDATION: spec('The request is invalid', 400, 400, 400),
  ERR_ADMIN_UNKNOWN_METHOD: spec('Unknown admin method', 404, 501, 501),
  ERR_ADMIN_BAD_REQUEST: spec('Malformed admin request', 400, 400, 400),
  // HTTP transport (headless admin API)
  ERR_HTTP_NOT_FOUND: spec('No such HTTP endpoint', 404, 404, 404),
  ERR_HTTP_LISTEN_FAILED: spec('The HTTP server could not listen on its address', 503, 503, 503),
  ERR_HTTP_PAYLOAD_TOO_LARGE: spec('The request body is too large', 413, 413, 413),
  ERR_HTTP_UNSUPPORTED_MEDIA_TYPE: spec(
    'The request body must be JSON (Content-Type: application/json)',
    415,
    415,
    415,
  ),
  // authentication and authorization
  ERR_AUTH_REQUIRED: spec('Authentication is required', 401, 401, 401),
  ERR_AUTH_INVALID_CREDENTIALS: spec('The user name or password is incorrect', 401, 403, 401),
  ERR_AUTH_RATE_LIMITED: spec('Too many attempts; try again later', 429, 503, 503),
  ERR_AUTH_FORBIDDEN: spec('You are not allowed to do this', 403, 403, 403),
  // categories
  ERR_CATEGORY_NOT_FOUND: spec('The category does not exist', 404, 404, 404),
  ERR_CATEGORY_NAME_TAKEN: spec('A category with this name already exists', 409, 409, 409),
  ERR_CATEGORY_NOT_EMPTY: spec('The category still contains rooms', 409, 409, 409),
  // rooms
  ERR_ROOM_NOT_FOUND: spec('The room does not exist', 404, 404, 404),
  ERR_ROOM_NAME_TAKEN: spec('A room with this name already exists', 409, 409, 409),
  // users
  ERR_USER_NOT_FOUND: spec('The user does not exist', 404, 404, 404),
  ERR_USER_URI_TAKEN: spec('A user with this SIP URI already exists', 409, 409, 409),
  ERR_USER_LAST_ADMIN: spec('The last administrator cannot be removed', 409, 409, 409),
  // policies
  ERR_POLICY_NOT_FOUND: spec('The policy does not exist', 404, 404, 404),
  ERR_POLICY_IDENTITY_TAKEN: spec('A policy with this identity already exists', 409, 409, 409),
  ERR_POLICY_IN_USE: spec('The policy is assigned to users; pass force to unassign it', 409, 409, 409),
  ERR_POLICY_WRONG_SCOPE: spec('Only a per-user policy can be assigned to a user', 400, 400, 400),
  // topic feeds (issue 5 item 7)
  ERR_TOPIC_FEED_NOT_FOUND: spec('The topic feed does not exist', 404, 404, 404),
  ERR_TOPIC_FEED_BUILT_IN: spec('The built-in mentions feed cannot be changed or deleted', 409, 409, 409),
  // channel (rooms, roles, scope, add-ins, groups, messages; LYNC.md §2)
  ERR_CHANNEL_NOT_JOINED: spec('Join the room first', 403, 403, 403),
  ERR_PRINCIPAL_INVALID: spec('Not a principal: use sip:user@domain, group:{id} or domain:{domain}', 400, 400, 400),
  ERR_PRINCIPAL_NOT_FOUND: spec('No such user or group', 404, 404, 404),
  ERR_PRINCIPAL_NOT_IN_SCOPE: spec("A principal is outside the category's allowed members", 409, 409, 409),
  ERR_PRESENTER_NOT_MEMBER: spec('Presenters must also be members', 409, 409, 409),
  ERR_ADDIN_NOT_FOUND: spec('The add-in does not exist', 404, 404, 404),
  ERR_ADDIN_NAME_TAKEN: spec('An add-in with this name already exists', 409, 409, 409),
  ERR_GROUP_NOT_FOUND: spec('The group does not exist', 404, 404, 404),
  ERR_GROUP_NAME_TAKEN: spec('A group with this name already exists', 409, 409, 409),
  // files (XCCOS.md §6.11)
  ERR_FILE_TOKEN_INVALID: spec('The file token is unknown, expired or for another transfer', 403, 403, 403),
  ERR_FILE_TOO_LARGE: spec('The file is larger than MaxFileSizeKB', 413, 413, 413),
  ERR_FILE_NOT_FOUND: spec('The file does not exist in this room', 404, 404, 404),
  ERR_FILE_NAME_INVALID: spec('The file name is not allowed', 400, 400, 400),
  ERR_FILE_UPLOAD_DISABLED: spec('File upload is off for this room', 403, 403, 403),
  ERR_FILE_SERVICE_UNAVAILABLE: spec('The file service is not running', 503, 503, 503),
  // compliance (LYNC.md §5)
  ERR_COMPLIANCE_DISABLED: spec('Compliance is disabled', 409, 409, 409),
  ERR_COMPLIANCE_ADAPTER_INVALID: spec('The compliance adapter cannot be loaded', 400, 400, 400),
  ERR_COMPLIANCE_ADAPTER_FAILED: spec('The compliance adapter failed; the batch will be retried', 502, 500, 500),
  ERR_COMPLIANCE_RUN_INTERRUPTED: spec('The compliance run was interrupted', 503, 503, 503),
  ERR_COMPLIANCE_OUTPUT_NOT_FOUND: spec('The compliance output file does not exist', 404, 404, 404),
  // store
  ERR_STORE_JOURNAL_CORRUPT: spec('The journal is corrupt', 500, 500, 500),
  ERR_STORE_JOURNAL_WRITE_FAILED: spec('The journal could not be written', 503, 503, 503),
  ERR_STORE_READ_ONLY: spec('The store is read-only after a persistence failure', 503, 503, 503),
  ERR_STORE_BACKUP_UNSUPPORTED: spec('This store cannot be backed up online', 501, 501, 501),
  ERR_STORE_BACKUP_PATH: spec('The backup file name is not allowed', 400, 400, 400),
  ERR_STORE_FULL: spec('The store has reached its size limit', 507, 503, 503),
  ERR_STORE_MIGRATION_FAILED: spec('A database migration failed', 500, 500, 500),
  ERR_STORE_SNAPSHOT_CORRUPT: spec('No usable snapshot and the journal does not cover the full history', 500, 500, 500),
  ERR_STORE_LOCKED: spec('The data directory is in use by another process', 409, 503, 503),
  ERR_STORE_BACKUP_INVALID: spec('The backup file is damaged or not a Parlance backup', 400, 500, 500),
  ERR_STORE_RESTORE_REFUSED: spec('The data directory is not empty; pass --force to replace it', 409, 500, 500),
  // configuration
  ERR_CONFIG_INVALID: spec('The configuration is invalid', 500, 500, 500),
  // server
  ERR_SERVER_NOT_READY: spec('The server is not ready', 503, 503, 503),
  ERR_SERVER_UNAVAILABLE: spec('The server is unavailable', 503, 503, 503),
  ERR_INTERNAL: spec('Internal error', 500, 500, 500),
  // sip (the SIP front end: registrar, provisioning, chat endpoint; XCCOS.md §2)
  ERR_SIP_AUTH_FAILED: spec('The SIP Digest credentials are wrong', 401, 403, 403),
  ERR_SIP_REGISTER_RATE_LIMITED: spec('Too many failed registrations from this address', 429, 503, 503),
  ERR_SIP_IDENTITY_MISMATCH: spec('The From address is not the authenticated user', 403, 403, 403),
  ERR_SIP_CHAT_DISABLED: spec('Persistent Chat is not enabled for this user', 403, 403, 403),
  ERR_SIP_UNKNOWN_TARGET: spec('Nothing answers at this SIP address', 404, 404, 404),
  ERR_SIP_LISTEN_FAILED: spec('A SIP listener could not listen on its address', 503, 503, 503),
  ERR_SIP_NOT_IMPLEMENTED: spec('The chat command is not implemented yet', 501, 501, 501),
  // xccos (XCCOS.md §3.6; the wire texts are in protocol/xccos/xccos-errors.ts)
  ERR_XCCOS_NOT_XML: spec('The XCCOS body is not well-formed XML', 400, 400, 400),
  ERR_XCCOS_DOCTYPE_FORBIDDEN: spec('DOCTYPE and entity declarations are not allowed in XCCOS', 400, 400, 400),
  ERR_XCCOS_TOO_LARGE: spec('The XCCOS body is too large', 413, 413, 413),
  ERR_XCCOS_TOO_COMPLEX: spec('The XCCOS body is nested too deeply or has too many elements', 400, 400, 400),
  ERR_XCCOS_NOT_XCCOS: spec('The body is not an XCCOS envelope', 400, 400, 400),
  ERR_XCCOS_BAD_ENVELOPE: spec('The XCCOS envelope breaks the batching rule or lacks ids', 400, 400, 400),
  ERR_XCCOS_INVALID_ARGUMENT: spec('The XCCOS payload is malformed', 400, 400, 400),
  ERR_XCCOS_INVALID_POST: spec('The room message is malformed', 400, 400, 400),
  ERR_XCCOS_NOT_SUPPORTED: spec('The XCCOS command is not supported', 501, 501, 501),
  ERR_XCCOS_PERMISSION: spec('Not allowed', 403, 403, 403),
  ERR_XCCOS_NO_SUCH_NODE: spec('No such room or category', 404, 404, 404),
  ERR_XCCOS_DUPLICATE: spec('The name is already taken', 409, 409, 409),
  ERR_XCCOS_NODE_DISABLED: spec('The room is disabled', 410, 410, 410),
  ERR_XCCOS_LIMIT_EXCEEDED: spec('A message, story or search limit was exceeded', 413, 413, 413),
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

export const ERROR_CODES = Object.keys(ERROR_CATALOGUE) as ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CATALOGUE, value);
}
