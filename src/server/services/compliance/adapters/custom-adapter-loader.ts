/**
 * Loads a custom adapter module (docs/compliance-adapters.md): an ES module at an absolute path
 * exporting `createComplianceAdapter(config)` (Lync's SetConfig) that returns an object with
 * `name` and `translate(batch, conversations, out)` (Lync's Translate).
 */
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ServerError } from '../../../errors/server-error.js';
import type { AdapterConfig, ComplianceAdapter, ComplianceAdapterFactory } from '../compliance-adapter.js';

function invalid(path: string, reason: string, cause?: unknown): ServerError {
  return new ServerError(
    'ERR_COMPLIANCE_ADAPTER_INVALID',
    `The custom adapter ${path || '(no path)'} cannot be used: ${reason}`,
    { field: 'customModule', issues: [{ path: 'customModule', message: reason }] },
    { cause },
  );
}

export async function loadCustomAdapter(path: string, config: AdapterConfig): Promise<ComplianceAdapter> {
  if (!path || !isAbsolute(path)) throw invalid(path, 'the module path must be absolute');
  let mod: { createComplianceAdapter?: unknown; default?: { createComplianceAdapter?: unknown } };
  try {
    mod = (await import(/* @vite-ignore */ pathToFileURL(path).href)) as typeof mod;
  } catch (err) {
    throw invalid(path, `it could not be loaded (${(err as Error).message})`, err);
  }
  const factory = (mod.createComplianceAdapter ?? mod.default?.createComplianceAdapter) as
    ComplianceAdapterFactory | undefined;
  if (typeof factory !== 'function') throw invalid(path, 'it does not export createComplianceAdapter(config)');
  const adapter = await factory(config);
  if (!adapter || typeof adapter.translate !== 'function') {
    throw invalid(path, 'createComplianceAdapter(config) did not return an object with translate()');
  }
  return adapter;
}
