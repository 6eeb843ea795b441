import type { FirstRunInfo } from '../server-handle.js';

/** The one-time notice of the generated administrator password, boxed so it stands out. */
export function firstRunBanner(firstRun: FirstRunInfo): string {
  const lines = firstRun.generatedPassword
    ? [
        'First run: administrator account created',
        '',
        `  User:     ${firstRun.username}   (${firstRun.sipUri})`,
        `  Password: ${firstRun.generatedPassword}`,
        '',
        'This password is shown only once. Sign in and change it,',
        'or set PARLANCE_ADMIN_PASSWORD before the first start.',
      ]
    : [
        'First run: administrator account created',
        `  User: ${firstRun.username}   (${firstRun.sipUri})`,
        '  Password: the configured PARLANCE_ADMIN_PASSWORD',
      ];
  const width = Math.max(...lines.map((l) => l.length));
  const bar = '─'.repeat(width + 2);
  return [`┌${bar}┐`, ...lines.map((l) => `│ ${l.padEnd(width)} │`), `└${bar}┘`].join('\n');
}
