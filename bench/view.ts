// View benchmark: serves the production build (dist/, built by `npx vite build`) under /rollout-lab/, opens
// `#/bench?pods=200` in headless Chromium and reads the frame times the page measured while 200 Pods rolled
// from nginx:1.17 to nginx:1.18 (src/app/bench/bench-run.ts).
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { createRuntime } from '../src/app/runtime.ts';

const BASE = '/rollout-lab/';
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.map': 'application/json',
};

function serve(dir: string): Promise<{ server: Server; url: string }> {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (!path.startsWith(BASE)) return void res.writeHead(404).end();
      let file = normalize(join(root, decodeURIComponent(path.slice(BASE.length))));
      if (!file.startsWith(root)) return void res.writeHead(403).end();
      if (path.endsWith('/')) file = join(file, 'index.html');
      try {
        const body = await readFile(file);
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
      } catch {
        res.writeHead(404).end();
      }
    })();
  });
  return new Promise((ok) => {
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      ok({ server, url: `http://127.0.0.1:${port}${BASE}` });
    });
  });
}

interface PageResult {
  meanFrameMs: number;
  p95FrameMs: number;
  maxFrameMs: number;
  meanWorkMs: number;
  frames: number;
}

export async function runViewBench(): Promise<Record<string, number>> {
  // npm runs scripts from the project root (this file also runs bundled, from another folder).
  const dist = resolve(process.cwd(), 'dist');
  if (!existsSync(join(dist, 'index.html'))) throw new Error('dist/ is missing: run `npx vite build` first');
  const { server, url } = await serve(dist);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
  try {
    const out: Record<string, number> = {};
    for (const pods of [200, 1000]) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(`${url}#/bench?pods=${pods}`);
      // Page-side expressions are strings: this file is compiled without the DOM library.
      await page.waitForFunction('window.__rolloutLabBench !== undefined', undefined, { timeout: 120_000 });
      const r = await page.evaluate<PageResult>('window.__rolloutLabBench');
      out[`view.pods${pods}.meanFrameMs`] = r.meanFrameMs;
      out[`view.pods${pods}.p95FrameMs`] = r.p95FrameMs;
      out[`view.pods${pods}.maxFrameMs`] = r.maxFrameMs;
      out[`view.pods${pods}.meanWorkMs`] = r.meanWorkMs;
      out[`view.pods${pods}.frames`] = r.frames;
      await page.close();
    }
    return { ...out, ...runSeekBench() };
  } finally {
    await browser.close();
    await new Promise<void>((ok) => server.close(() => ok()));
  }
}

/**
 * `time.seek30min.ms`: the slowest of several seeks (rewinds rebuild the session and replay its commands) in a
 * 30-minute virtual session of the first tutorial with a rollout and a `get -w` running throughout.
 */
export function runSeekBench(): Record<string, number> {
  const r = createRuntime({ scenarioId: 'deployment-basics' });
  r.playback.advanceBy(1_000);
  r.runCommand('kubectl apply -f web-deploy.yaml');
  r.runCommand('kubectl get pods -w');
  r.playback.advanceBy(60_000);
  r.runCommand('kubectl set image deployment/web-deploy nginx=nginx:1.18');
  for (let i = 0; i < 29 * 60; i++) r.playback.advanceBy(1_000);
  let worst = 0;
  for (const target of [15 * 60_000, 60_000, 29 * 60_000, 90_000, 30 * 60_000, 1_000]) {
    const t0 = performance.now();
    r.seek(target);
    worst = Math.max(worst, performance.now() - t0);
  }
  r.dispose();
  return { 'time.seek30min.ms': Math.round(worst) };
}
