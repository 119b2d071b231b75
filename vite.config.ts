import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is built once and served two ways: from app://khipu in Electron
// and from the browser-mode server. Relative asset paths work for both.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
});
