// `npm run bench:feeds [-- --full | --messages N --users N]`: bundles feeds-bench.ts with vite
// (like the crash test's fixture) under node_modules/.tmp so that sql.js resolves, then runs it.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBundled } from '../bundle-entry.mjs';

await runBundled(join(dirname(fileURLToPath(import.meta.url)), 'feeds-bench.ts'), [
  '--expose-gc',
  '--max-old-space-size=8192',
]);
