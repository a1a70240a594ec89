import { defineConfig } from 'vite';

// The chat frame: a small Preact app served by the server at /widget/frame (assets under
// /widget/assets/). The loader (/widget.js) is built separately as one classic script: see
// scripts/build.mjs, which builds both and prints their gzip sizes against the 25 KB budget.
export default defineConfig({
  base: '/widget/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: false,
    target: 'es2020',
    rollupOptions: { input: { frame: 'frame.html' } },
  },
});
