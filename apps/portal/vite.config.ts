import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const api = process.env.SWITCHBOARD_API ?? 'http://127.0.0.1:3000';

// The portal lives under /portal on the Switchboard server (`npm start` serves apps/portal/dist);
// `npm run dev -w apps/portal` serves it with hot reload and forwards the API and help center.
export default defineConfig({
  base: '/portal/',
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    port: 5174,
    proxy: { '/api': { target: api, ws: true }, '/help': { target: api } },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    chunkSizeWarningLimit: 800,
  },
});
