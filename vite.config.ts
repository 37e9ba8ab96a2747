import { defineConfig } from 'vite';

// Vite 8 (rolldown) config for the Cascade browser build.
export default defineConfig({
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
