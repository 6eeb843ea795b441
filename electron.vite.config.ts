import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Three bundles (see STYLE.md §5):
//  - main: the Electron main process, the server worker and the headless CLI host. All three run on
//    plain Node as well, so the bundle is pinned to node20 and its dependencies stay external.
//  - preload: a sandboxed CommonJS script exposing exactly `call` and `subscribe`.
//  - renderer: the React admin console, served over IPC (desktop) and HTTP (headless).
export default defineConfig({
  main: {
    build: {
      target: 'node20',
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          'server-worker': resolve('src/server/worker-entry.ts'),
          cli: resolve('src/server/cli/index.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('src/main/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    plugins: [react()],
    build: {
      outDir: resolve('out/renderer'),
      minify: true,
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
  },
});
