/**
 * Issue 4 item 1: a self-signed certificate generated into the data directory on first start
 * unless one is configured. Uses the `openssl` CLI (present on Debian); files are written under
 * temporary names and renamed, so a crash never leaves half a key pair.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface CertificateFiles {
  readonly keyPath: string;
  readonly certPath: string;
  /** True when this call generated the pair. */
  readonly created: boolean;
}

export async function ensureSelfSignedCertificate(
  dir: string,
  options: { commonName: string; altNames?: readonly string[]; days?: number },
): Promise<CertificateFiles> {
  const keyPath = join(dir, 'sip-tls-key.pem');
  const certPath = join(dir, 'sip-tls-cert.pem');
  if (existsSync(keyPath) && existsSync(certPath)) return { keyPath, certPath, created: false };
  await mkdir(dir, { recursive: true });
  const tmpKey = `${keyPath}.${process.pid}.tmp`;
  const tmpCert = `${certPath}.${process.pid}.tmp`;
  const san = [options.commonName, ...(options.altNames ?? [])]
    .map((n) => (/^[\d.]+$|:/.test(n) ? `IP:${n}` : `DNS:${n}`))
    .join(',');
  await run('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256',
    '-days', String(options.days ?? 825),
    '-subj', `/CN=${options.commonName}`,
    '-addext', `subjectAltName=${san}`,
    '-keyout', tmpKey, '-out', tmpCert,
  ]); // prettier-ignore
  await chmod(tmpKey, 0o600);
  await rename(tmpCert, certPath);
  await rename(tmpKey, keyPath);
  return { keyPath, certPath, created: true };
}
