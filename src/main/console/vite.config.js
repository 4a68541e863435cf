import { defineConfig } from 'vite';
import { resolve } from 'node:path';

// Built into the class path so that Vert.x serves it from the jar under /console/.
export default defineConfig({
  root: __dirname,
  base: '/console/',
  logLevel: 'warn',
  build: {
    outDir: resolve(__dirname, '../../../target/classes/console'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      input: { index: resolve(__dirname, 'index.html'), login: resolve(__dirname, 'login.html') },
    },
  },
});
