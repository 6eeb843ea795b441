/**
 * Renders docs/errors.md from the error catalogue (`npm run docs:errors`). The checked-in file is
 * kept current by errors-doc.test.ts. Pure: no Node imports, deterministic output.
 */
import { ERROR_CATALOGUE, ERROR_CODES, type ErrorCode } from './error-codes.js';

/** `ERR_ROOM_NAME_TAKEN` → `ROOM`; `ERR_INTERNAL` → `INTERNAL`. */
export function errorArea(code: ErrorCode): string {
  return code.split('_')[1] ?? code;
}

export function renderErrorsDoc(): string {
  const lines: string[] = [
    '# Error catalogue',
    '',
    '<!-- Generated from src/server/errors/error-codes.ts by `npm run docs:errors`. Do not edit by hand. -->',
    '',
    'Every expected failure crosses every boundary (worker port, Electron IPC, HTTP, in-process) as',
    '`{ code, message, details? }`. The code is stable; the message is the default text (handlers may',
    'say something more specific); `details` carries structured context such as `details.issues` for',
    'validation errors. Each code maps to an HTTP status (admin API), a SIP status (SIP front end) and',
    'an XCCOS `resp` code (chat protocol, XCCOS.md §3.6).',
    '',
    `${ERROR_CODES.length} codes.`,
  ];
  const areas = [...new Set(ERROR_CODES.map(errorArea))];
  for (const area of areas) {
    lines.push('', `## ${area}`, '', '| Code | Message | HTTP | SIP | XCCOS |', '|---|---|---|---|---|');
    for (const code of ERROR_CODES.filter((c) => errorArea(c) === area)) {
      const spec = ERROR_CATALOGUE[code];
      const message = spec.message.replace(/\|/g, '\\|');
      lines.push(`| \`${code}\` | ${message} | ${spec.httpStatus} | ${spec.sipStatus} | ${spec.xccosCode} |`);
    }
  }
  return lines.join('\n') + '\n';
}
