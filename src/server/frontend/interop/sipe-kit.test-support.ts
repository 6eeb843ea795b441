/**
 * Test support: the pidgin-sipe interop kit (../shared/interop/sipe) built at test time. `missing()`
 * names what the machine lacks (gcc, pkg-config's purple/glib/libxml, the stock SIPE plugin);
 * `buildKit(dir)` compiles the headless harness and the libxml2 SAX1 shim into `dir`. The same
 * checks and gcc lines as pidgin-sipe.test.ts, shared by the later interop files.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const SIPE_KIT = resolve(here, '../../../../../shared/interop/sipe');
export const SIPE_PLUGIN = '/usr/lib/purple-2/libsipe.so';

export function missingSipeKit(): string | undefined {
  if (!existsSync(join(SIPE_KIT, 'sipe-harness.c'))) return `interop kit not found at ${SIPE_KIT}`;
  if (spawnSync('gcc', ['--version'], { stdio: 'ignore' }).status !== 0) return 'gcc not installed';
  if (spawnSync('pkg-config', ['--exists', 'purple', 'glib-2.0', 'libxml-2.0']).status !== 0) {
    return 'pkg-config cannot find purple/glib-2.0/libxml-2.0 (apt-get install -y libpurple-dev libxml2-dev pkg-config)';
  }
  if (!existsSync(SIPE_PLUGIN)) return `${SIPE_PLUGIN} missing (apt-get install -y pidgin-sipe)`;
  return undefined;
}

export interface SipeKit {
  harness: string;
  shim: string;
}

export function buildSipeKit(dir: string): SipeKit {
  const flags = (pkgs: string[]) =>
    spawnSync('pkg-config', ['--cflags', '--libs', ...pkgs], { encoding: 'utf8' })
      .stdout.trim()
      .split(/\s+/);
  const cc = (args: string[]) => {
    const r = spawnSync('gcc', args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`gcc ${args.join(' ')}: ${r.stderr}`);
  };
  const kit = { harness: join(dir, 'sipe-harness'), shim: join(dir, 'sax1shim.so') };
  cc(['-o', kit.harness, join(SIPE_KIT, 'sipe-harness.c'), ...flags(['purple', 'glib-2.0'])]);
  cc(['-shared', '-fPIC', '-o', kit.shim, join(SIPE_KIT, 'sax1shim.c'), ...flags(['libxml-2.0']), '-ldl']);
  return kit;
}
