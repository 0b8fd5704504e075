import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The app is served by Parley itself from the jar's static resources; `npm run dev` proxies the
// API to a Parley on localhost:8080.
const parley = process.env.PARLEY_URL ?? 'http://localhost:8080';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    sourcemap: false,
  },
  server: {
    proxy: {
      '/api': parley,
      '/v1': parley,
      '/ws': { target: parley, ws: true },
      '/health': parley,
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}', 'widget/**/*.test.ts'],
    css: false,
  },
});
