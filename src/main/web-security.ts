/**
 * Web-content hardening for every window (Electron security checklist): a Content-Security-Policy
 * on every response, no navigation away from the app, no new windows, no <webview>, no
 * permissions. External http(s)/mailto links open in the operating system's browser.
 */
import { shell, type Session, type WebContents } from 'electron';
import type { Logger } from '../server/log/logger.js';
import { isAppUrl, isExternalWebUrl, type AppOrigin } from './app-url.js';

export function contentSecurityPolicy(origin: AppOrigin): string {
  const dev = origin.devServerUrl !== undefined ? new URL(origin.devServerUrl) : undefined;
  // The dev server needs inline module preambles (React refresh) and its HMR websocket.
  const script = dev ? "'self' 'unsafe-inline'" : "'self'";
  const connect = dev ? `'self' ws://${dev.host} ${dev.origin}` : "'self'";
  return [
    "default-src 'self'",
    `script-src ${script}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src ${connect}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
  ].join('; ');
}

export function hardenSession(session: Session, origin: AppOrigin): void {
  const csp = contentSecurityPolicy(origin);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

export function hardenWebContents(contents: WebContents, origin: AppOrigin, logger: Logger): void {
  const openOutside = (url: string): void => {
    if (isExternalWebUrl(url)) {
      shell
        .openExternal(url)
        .catch((error: unknown) => logger.warn('could not open link', { url, error: String(error) }));
    } else {
      logger.warn('blocked a link', { url });
    }
  };
  const guard = (event: { preventDefault(): void }, url: string): void => {
    if (isAppUrl(url, origin)) return;
    event.preventDefault();
    openOutside(url);
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
}
