import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const apiPort = process.env.API_PORT ?? '5174';

/**
 * The app (src/boot.tsx) is a dynamic import of the entry (src/main.tsx); its chunks are still
 * preloaded from the HTML head, so they download with the page as static imports would. The
 * server-rendered landing page drops these links (server/app.ts): there the first paint goes first.
 */
function preloadBoot(): Plugin {
  return {
    name: 'preload-boot',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        const chunks = Object.values(ctx.bundle ?? {}).filter((c) => c.type === 'chunk');
        const boot = chunks.find((c) => c.facadeModuleId?.endsWith('/src/boot.tsx'));
        if (!boot) return html;
        const files = new Set<string>();
        const css = new Set<string>();
        const visit = (fileName: string) => {
          if (files.has(fileName)) return;
          files.add(fileName);
          const chunk = chunks.find((c) => c.fileName === fileName);
          for (const f of chunk?.viteMetadata?.importedCss ?? []) css.add(f);
          for (const i of chunk?.imports ?? []) visit(i);
        };
        visit(boot.fileName);
        const links = [
          ...[...css].filter((f) => !html.includes(f)).map((f) => `<link rel="stylesheet" crossorigin href="/${f}">`),
          ...[...files]
            .filter((f) => !html.includes(f))
            .map((f) => `<link rel="modulepreload" crossorigin href="/${f}">`),
        ];
        return html.replace('</head>', `  ${links.join('\n    ')}\n  </head>`);
      },
    },
  };
}

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [react(), preloadBoot()],
  // No public files: the app has none (the in-browser mock and its MSW worker script are gone; the
  // preview is `npm run dev`, the real server over PGlite).
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The server-side render of the overview (src/entry-server.tsx, into dist-ssr) needs no public files.
    copyPublicDir: !isSsrBuild,
    // Every browser this targets (es2022) has modulepreload: the polyfill would be dead weight in the entry.
    modulePreload: { polyfill: false },
    target: 'es2022',
    // Recharts (~120 KB gzip) is one lazy chunk of the target view; nothing else comes near this.
    chunkSizeWarningLimit: 450,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Vendor chunks change less often than app code: a deploy re-downloads only what changed.
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'router', test: /node_modules[\\/]react-router[\\/]/ },
            { name: 'query', test: /node_modules[\\/]@tanstack[\\/](query-core|react-query)[\\/]/ },
            // zod-config travels inside the zod chunk: every chunk that builds a schema imports this
            // one first, so `jitless` is set before any schema exists (a first import in main.tsx
            // is not enough once schemas live in shared chunks, whose imports evaluate earlier).
            { name: 'zod', test: /node_modules[\\/]zod[\\/]|src[\\/]app[\\/]zod-config/ },
            // Small modules every lazy page shares (paths, query keys, the API client and its schemas,
            // the error panel, skeletons, the card tables of phones): one chunk, not eight of a few
            // hundred bytes each, whose per-file overhead a page's first load pays (sector page
            // 152.1 -> 150.3 KB, overview 147.8 -> 146.6 by the manifest).
            {
              name: 'page-kit',
              test: /src[\\/](domain[\\/](paths|aggregate|api)|api[\\/](query-keys|client)|ui[\\/](error-panel|skeleton|use-document-title|card-table|scroll-region))\.tsx?$/,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': { target: `http://127.0.0.1:${apiPort}`, changeOrigin: false } },
  },
}));
