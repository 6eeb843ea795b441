import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/**
 * The built console carries its Content-Security-Policy in the page itself, so it holds wherever
 * the page is loaded from: file:// in the desktop app (where response headers may not apply) as
 * well as the headless HTTP server (which also sends it as a header). Build only: the renderer dev
 * server needs its inline preamble. Kept in step with src/server/http/security-headers.ts and
 * src/main/web-security.ts (frame-ancestors cannot be set from a meta tag; the server sends it).
 */
function contentSecurityPolicyMeta(): Plugin {
  const policy = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return {
    name: 'parlance-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' },
    ],
  };
}

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
    plugins: [react(), contentSecurityPolicyMeta()],
    build: {
      outDir: resolve('out/renderer'),
      minify: true,
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
  },
});
