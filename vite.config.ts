import { readFileSync } from 'node:fs';
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

/**
 * zod 4 gives every schema a `toJSONSchema()` and wires each schema kind to its JSON Schema
 * processor by static imports, so ~15 KB (minified) of JSON Schema generation rides in every page's
 * first load although the browser never makes a JSON Schema (the server's OpenAPI document does, from
 * node_modules, untouched by this). In the browser build those two modules keep what parsing uses
 * (`aggregateChecks`, behind a schema's minLength/maximum getters) and every generator becomes a
 * function that says where it went.
 */
function zodWithoutJsonSchema(): Plugin {
  const unavailable =
    "const unavailable = () => { throw new Error('JSON Schema generation is left out of the browser build (vite.config.ts)'); };";
  return {
    name: 'zod-without-json-schema',
    apply: (_config, env) => env.command === 'build' && !env.isSsrBuild,
    load(id) {
      const file = id.split('?')[0] ?? id;
      if (/[\\/]zod[\\/]v4[\\/]core[\\/]json-schema-processors\.js$/.test(file)) {
        const src = readFileSync(file, 'utf8');
        const cut = src.indexOf('const formatMap');
        if (cut < 0) return null;
        const names = [...src.slice(cut).matchAll(/^export (?:const|function) (\w+)/gm)].map((m) => m[1]);
        return `${src.slice(0, cut)}\n${unavailable}\n${names.map((n) => `export const ${n} = unavailable;`).join('\n')}\n`;
      }
      if (/[\\/]zod[\\/]v4[\\/]core[\\/]to-json-schema\.js$/.test(file)) {
        const src = readFileSync(file, 'utf8');
        const cut = src.indexOf('export const createToJSONSchemaMethod');
        if (cut < 0) return null;
        return `${src.slice(0, cut)}\n${unavailable}\nexport const createToJSONSchemaMethod = () => unavailable;\nexport const createStandardJSONSchemaMethod = () => unavailable;\n`;
      }
      return null;
    },
  };
}

export default defineConfig(({ isSsrBuild }) => ({
  plugins: [react(), preloadBoot(), zodWithoutJsonSchema()],
  // No public files: the app has none (the in-browser mock and its MSW worker script are gone; the
  // preview is `npm run dev`, the real server over PGlite).
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The server-side render of the overview (src/entry-server.tsx, into dist-ssr) needs no public files.
    copyPublicDir: !isSsrBuild,
    // Every browser this targets (es2022) has modulepreload: the polyfill would be dead weight in the entry.
    modulePreload: {
      polyfill: false,
      // A lazy page's preload list leaves out the chunks boot itself imports (React, the router,
      // TanStack Query, zod, the page kit, the runtime): loaded before any page can be, they were
      // dead names in boot's list of every lazy chunk's dependencies. The entry's import of boot
      // keeps its whole list (the server-rendered landing page has no preload links).
      resolveDependencies: (_file, deps, { hostId }) =>
        /(^|\/)index-[^/]*\.js$/.test(hostId)
          ? deps
          : deps.filter((d) => !/(^|\/)(rolldown-runtime|react|router|query|zod|page-kit)-[^/]*\.js$/.test(d)),
    },
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
