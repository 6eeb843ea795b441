/**
 * Which URLs belong to the app itself. Pure (no Electron import) so the rule is unit-tested:
 * the IPC bridge refuses callers, and the window refuses navigation, outside these.
 */
import { pathToFileURL } from 'node:url';

export interface AppOrigin {
  /** Production: the renderer's index.html on disk (out/renderer/index.html). */
  rendererIndexFile: string;
  /** Development: the electron-vite dev server (ELECTRON_RENDERER_URL), or undefined. */
  devServerUrl?: string | undefined;
}

/** The URL the main window loads. */
export function appEntryUrl(origin: AppOrigin): string {
  return origin.devServerUrl ?? pathToFileURL(origin.rendererIndexFile).href;
}

/**
 * True when `url` is the app's own page: the exact index.html file (any query or hash; a
 * client-side route lives in the hash or query) or, in development, any path on the dev server.
 */
export function isAppUrl(url: string, origin: AppOrigin): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (origin.devServerUrl !== undefined) {
    const dev = new URL(origin.devServerUrl);
    return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.origin === dev.origin;
  }
  if (parsed.protocol !== 'file:' || parsed.host !== '') return false;
  const expected = pathToFileURL(origin.rendererIndexFile);
  return decodeURIComponent(parsed.pathname) === decodeURIComponent(expected.pathname);
}

/** Links the app may hand to the operating system's browser. */
export function isExternalWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' || protocol === 'mailto:';
  } catch {
    return false;
  }
}
