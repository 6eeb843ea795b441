/**
 * Sandboxed preload (CommonJS): exposes exactly `window.parlance = { call, subscribe }` and
 * nothing else — never `ipcRenderer` itself, never the raw IPC event (STYLE.md §7.3).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { AdminEvent } from '../../server/admin-api/contract.js';
import type { AdminResult } from '../../server/admin-api/contract-errors.js';
import type { ParlanceBridge } from './admin-bridge.js';

const ADMIN_CALL_CHANNEL = 'admin:call';
const ADMIN_EVENT_CHANNEL = 'admin:event';

const bridge: ParlanceBridge = {
  call(method: string, input: unknown): Promise<AdminResult<unknown>> {
    return ipcRenderer.invoke(ADMIN_CALL_CHANNEL, String(method), input) as Promise<AdminResult<unknown>>;
  },
  subscribe(cb: (event: AdminEvent) => void): () => void {
    if (typeof cb !== 'function') throw new TypeError('subscribe expects a function');
    const listener = (_event: IpcRendererEvent, payload: AdminEvent): void => cb(payload);
    ipcRenderer.on(ADMIN_EVENT_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(ADMIN_EVENT_CHANNEL, listener);
    };
  },
};

contextBridge.exposeInMainWorld('parlance', bridge);
