// `npm run bench [-- --json]`: engine figures (bench/engine.ts) and view figures (bench/view.ts).
// With --json the last line is one JSON object of every figure, keyed like `engine.rolling1000.wallMs`.
// package.json bundles this file with Vite first (as the browser gets the engine: bundled, no TypeScript
// loader in the process) and runs the bundle with plain Node.
import { runEngineBench, runNodeFailureBench, type EngineBenchResult } from './engine.ts';

const json = process.argv.includes('--json');
const figures: Record<string, number> = {};

function printEngine(e: EngineBenchResult, run: string, warmWallMs?: number): void {
  console.log(`  completed      ${e.completed ? 'yes' : 'NO (gave up at the virtual-time limit)'}`);
  console.log(`  wall time      ${e.wallMs} ms ${run}  (${e.virtualSeconds} s of virtual time)`);
  if (warmWallMs !== undefined)
    console.log(`  wall time      ${warmWallMs} ms warm  (the same work again in the same process)`);
  console.log(
    `  events         ${e.events}  (${e.timersFired} timers fired + ${e.syncs} controller/kubelet syncs)`,
  );
  console.log(`  events/s       ${e.eventsPerSec}  (${run} run)`);
  console.log(
    `  peak memory    ${e.peakMB} MB heap used, ${e.peakRssMB} MB RSS (heap sampled every 100 steps, RSS every 1,000)`,
  );
  if (run === 'warm')
    console.log(`                 (runs after the rolling runs: the heap may hold their garbage)`);
}

function record(prefix: string, values: object): void {
  for (const [k, v] of Object.entries(values)) if (typeof v === 'number') figures[`${prefix}.${k}`] = v;
}

const e = runEngineBench();
const warm = runEngineBench();
if (warm.events !== e.events)
  throw new Error(`bench: the warm run differs (${warm.events} != ${e.events} events)`);
console.log(
  `engine.rolling1000: Deployment of 1000 replicas on 50 workers, created then rolled nginx:1.17 -> nginx:1.18`,
);
printEngine(e, 'cold', warm.wallMs);
record('engine.rolling1000', { ...e, warmWallMs: warm.wallMs });

const f = runNodeFailureBench();
console.log(
  `engine.nodeFailure1000: the same Deployment created, node2 stopped until its pods are evicted and replaced, then started`,
);
printEngine(f, 'warm');
const ms = (s: number) => (s < 0 ? 'never' : `+${s} s`);
console.log(`  milestones     virtual time after stopping node2 (${f.podsOnNode} of the pods ran there):`);
console.log(`    NotReady     ${ms(f.notReadySeconds)}`);
console.log(`    evicted      ${ms(f.evictedSeconds)}  (every pod on node2 Terminating)`);
console.log(`    recovered    ${ms(f.recoveredSeconds)}  (1000 available on the other nodes; node2 started)`);
console.log(`    cleaned up   ${ms(f.cleanedUpSeconds)}  (no pod left on node2)`);
record('engine.nodeFailure1000', f);

try {
  // Loaded only now (a chunk of its own): the view bench pulls in Playwright and the app, which must not weigh
  // on the engine figures above.
  const { runViewBench } = await import('./view.ts');
  const view = await runViewBench();
  for (const [k, v] of Object.entries(view)) {
    console.log(`  ${k.padEnd(32)} ${v}`);
    figures[k] = v;
  }
} catch (err) {
  console.log(`view: failed: ${err instanceof Error ? err.message : String(err)}`);
}

if (json) console.log(JSON.stringify(figures));
