import { contextBridge } from 'electron';
contextBridge.exposeInMainWorld('parlance', {});
