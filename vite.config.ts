import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// `base: './'` makes the build work from any sub-path (e.g. a GitHub project page at /rollout-lab/).
export default defineConfig({
  base: process.env.BASE ?? './',
  plugins: [react()],
  build: { sourcemap: true, chunkSizeWarningLimit: 700 },
  test: {
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
  },
});
