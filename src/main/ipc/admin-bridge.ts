/**
 * The Electron IPC transport (STYLE.md §7.3): a relay only. `admin:call` first checks that the
 * sender is the app's own window and top frame showing the app's own page, then forwards the raw
 * input to the server host (validation happens once, in the dispatcher). Server events go to every
 * live window as `admin:event`.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { AdminEvent } from '../../server/admin-api/contract.js';
import type { AdminResult } from '../../server/admin-api/contract-errors.js';
import type { Logger } from '../../server/log/logger.js';
import type { CallContext } from '../../server/server-handle.js';
import { isAppUrl, type AppOrigin } from '../app-url.js';

export const ADMIN_CALL_CHANNEL = 'admin:call';
export const ADMIN_EVENT_CHANNEL = 'admin:event';

export interface AdminBridgeTarget {
  call(method: string, input: unknown, ctx: CallContext): Promise<AdminResult<unknown>>;
  subscribe(listener: (event: AdminEvent) => void): () => void;
}

export interface AdminBridge {
  /** Lets this window call and receive events; forgotten when the window closes. */
  attachWindow(win: BrowserWindow): void;
  dispose(): void;
}

const TRUSTED_IPC: CallContext = Object.freeze({ transport: 'ipc', trusted: true });

export function createAdminBridge(target: AdminBridgeTarget, origin: AppOrigin, logger: Logger): AdminBridge {
  const windows = new Set<BrowserWindow>();

  const isAllowedSender = (event: IpcMainInvokeEvent): boolean => {
    const frame = event.senderFrame;
    if (frame === null || frame.isDestroyed()) return false;
    for (const win of windows) {
      if (win.isDestroyed()) continue;
      const contents = win.webContents;
      if (contents.isDestroyed() || event.sender !== contents) continue;
      // Only the top frame, and only while it shows the app's own page.
      return frame === contents.mainFrame && isAppUrl(frame.url, origin);
    }
    return false;
  };

  ipcMain.handle(ADMIN_CALL_CHANNEL, async (event, method: unknown, input: unknown): Promise<AdminResult<unknown>> => {
    if (!isAllowedSender(event)) {
      logger.warn('refused admin call from a foreign sender', {
        method: typeof method === 'string' ? method.slice(0, 100) : typeof method,
        url: event.senderFrame?.url ?? null,
      });
      return { ok: false, error: { code: 'ERR_AUTH_FORBIDDEN', message: 'This window may not call the admin API' } };
    }
    if (typeof method !== 'string') {
      return { ok: false, error: { code: 'ERR_ADMIN_BAD_REQUEST', message: 'The method name must be a string' } };
    }
    return target.call(method, input, TRUSTED_IPC);
  });

  const unsubscribe = target.subscribe((event) => {
    for (const win of windows) {
      if (win.isDestroyed() || win.webContents.isDestroyed()) {
        windows.delete(win);
        continue;
      }
      win.webContents.send(ADMIN_EVENT_CHANNEL, event);
    }
  });

  return {
    attachWindow(win) {
      windows.add(win);
      win.once('closed', () => windows.delete(win));
    },
    dispose() {
      unsubscribe();
      ipcMain.removeHandler(ADMIN_CALL_CHANNEL);
      windows.clear();
    },
  };
}
