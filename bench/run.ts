// `npm run bench [-- --json]`: engine figures (bench/engine.ts) and, when bench/view.ts exists, view figures.
// With --json the last line is one JSON object of every figure, keyed like `engine.rolling1000.wallMs`.
import { existsSync } from 'node:fs';
import { runEngineBench } from './engine.ts';

const json = process.argv.includes('--json');
const figures: Record<string, number> = {};

const e = runEngineBench();
console.log(
  `engine.rolling1000: Deployment of 1000 replicas on 50 workers, created then rolled nginx:1.17 -> nginx:1.18`,
);
console.log(`  completed      ${e.completed ? 'yes' : 'NO (gave up at the virtual-time limit)'}`);
console.log(`  wall time      ${e.wallMs} ms  (${e.virtualSeconds} s of virtual time)`);
console.log(
  `  events         ${e.events}  (${e.timersFired} timers fired + ${e.syncs} controller/kubelet syncs)`,
);
console.log(`  events/s       ${e.eventsPerSec}`);
console.log(`  peak memory    ${e.peakMB} MB heap used, ${e.peakRssMB} MB RSS (sampled every 100 steps)`);
for (const [k, v] of Object.entries(e as unknown as Record<string, number>))
  figures[`engine.rolling1000.${k}`] = v;

const viewUrl = new URL('./view.ts', import.meta.url);
if (existsSync(viewUrl)) {
  try {
    const mod: unknown = await import(viewUrl.href);
    const fn = (mod as { runViewBench?: unknown }).runViewBench;
    if (typeof fn !== 'function') throw new Error('bench/view.ts does not export runViewBench()');
    const view = (await (fn as () => Promise<Record<string, number>> | Record<string, number>)()) ?? {};
    for (const [k, v] of Object.entries(view)) {
      console.log(`  ${k.padEnd(32)} ${v}`);
      figures[k] = v;
    }
  } catch (err) {
    console.log(`view: failed: ${err instanceof Error ? err.message : String(err)}`);
  }
} else {
  console.log('view: skipped (bench/view.ts not present)');
}

if (json) console.log(JSON.stringify(figures));
