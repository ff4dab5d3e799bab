// Bundles the benchmark (bench/run.ts and the engine, kubectl and app code it runs) for plain Node, as the
// browser gets the engine: bundled, without a TypeScript loader in the process. `npm run bench` runs it.
import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  build: {
    ssr: 'bench/run.ts',
    outDir: 'node_modules/.cache/rollout-lab-bench',
    emptyOutDir: true,
    target: 'node20',
    sourcemap: true,
  },
});
