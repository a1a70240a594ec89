import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const api = process.env.SWITCHBOARD_API ?? 'http://127.0.0.1:3000';

// `npm run dev -w apps/web` serves the app with hot reload and forwards the API (and its WebSocket)
// to a running server; `npm start` serves the built app from the server itself.
export default defineConfig({
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: { '/api': { target: api, ws: true } },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    chunkSizeWarningLimit: 800,
  },
});
