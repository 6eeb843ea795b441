// `npm run bench:compliance [-- --events N --memory]`: bundles compliance-bench.ts with vite
// (like the crash test's fixture) under node_modules/.tmp so that sql.js resolves, then runs it.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBundled } from '../bundle-entry.mjs';

await runBundled(join(dirname(fileURLToPath(import.meta.url)), 'compliance-bench.ts'), ['--max-old-space-size=384']);
