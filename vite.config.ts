import { defineConfig, type Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './src/ui/csp';

/**
 * The Content-Security-Policy (src/ui/csp.ts) as the first element of the built page's <head>. Build only: the
 * dev server injects its own inline code for hot reload, which the policy would block.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'cascade:content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  };
}

// Vite 8 (rolldown) config for the Cascade browser build.
export default defineConfig({
  plugins: [contentSecurityPolicy()],
  // Relative asset URLs so dist/ works from any sub-path or straight from a file share.
  base: './',
  server: {
    open: true,
  },
  preview: {
    host: '127.0.0.1',
  },
  build: {
    target: 'es2022',
    // Phaser alone is ~1.5 MB minified; do not warn about it.
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        // Put Phaser in its own long-cacheable chunk (rolldown's replacement for manualChunks).
        codeSplitting: {
          groups: [{ name: 'phaser', test: /[\\/]node_modules[\\/]phaser[\\/]/ }],
        },
      },
    },
  },
});
