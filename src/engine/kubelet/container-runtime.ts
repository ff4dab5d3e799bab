// What the simulated container process does: when it answers, whether it exits on its own, and what a probe
// against it returns. Derived from the image and the container's command/args (a small reading of the shell
// snippets tutorials use: `sleep N`, `exit K`, `touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; ...`).
import type { Container, Probe } from 'kubernetes-types/core/v1';
import type { ImageInfo } from './images.ts';

export interface ProcessModel {
  /** Seconds after start when the process exits by itself, or undefined if it runs until stopped. */
  exitAfterSeconds?: number;
  exitCode: number;
  /** Seconds after start until the app accepts connections. */
  startupSeconds: number;
  /** For `touch F; sleep N; rm -f F` scripts: file F exists from start until start+N seconds. */
  files: { path: string; untilSeconds: number }[];
}

function script(c: Container): string {
  return [...(c.command ?? []), ...(c.args ?? [])].join(' ');
}

export function processModel(c: Container, image: ImageInfo | undefined): ProcessModel {
  const s = script(c);
  const model: ProcessModel = { startupSeconds: image?.startupSeconds ?? 0, exitCode: 0, files: [] };
  if (s === '') {
    if (image?.exitAfterSeconds !== undefined) {
      model.exitAfterSeconds = image.exitAfterSeconds;
      model.exitCode = image.exitCode ?? 0;
    }
    return model;
  }
  // Long-running forms never exit.
  if (/while\s+true|sleep\s+infinity|tail\s+-f|nginx|httpd|node\s|python\s+-m\s+http/.test(s)) {
    collectFiles(s, model);
    return model;
  }
  let t = 0;
  for (const m of s.matchAll(/sleep\s+(\d+)|exit\s+(\d+)/g)) {
    if (m[1] !== undefined) t += Number(m[1]);
    else {
      model.exitCode = Number(m[2]);
      break;
    }
  }
  collectFiles(s, model);
  model.exitAfterSeconds = t;
  return model;
}

function collectFiles(s: string, model: ProcessModel): void {
  const touch = /touch\s+(\S+?);?\s*sleep\s+(\d+);?\s*rm\s+(?:-f\s+)?(\S+?)(?:;|\s|$)/.exec(s);
  if (touch && touch[1] === touch[3]) model.files.push({ path: touch[1]!, untilSeconds: Number(touch[2]) });
  else {
    const t = /touch\s+(\S+?)(?:;|\s|$)/.exec(s);
    if (t) model.files.push({ path: t[1]!, untilSeconds: Number.POSITIVE_INFINITY });
  }
}

export type ProbeOutcome = { ok: true } | { ok: false; output: string };

/** Runs one probe against a container that has been up for `upSeconds`. */
export function runProbe(
  probe: Probe,
  c: Container,
  image: ImageInfo | undefined,
  model: ProcessModel,
  upSeconds: number,
  podIP: string,
): ProbeOutcome {
  const listening = upSeconds >= model.startupSeconds;
  const imagePort = image?.port;
  const portOf = (p: number | string | undefined) =>
    typeof p === 'number' ? p : ((c.ports ?? []).find((x) => x.name === p)?.containerPort ?? Number(p));
  if (probe.httpGet) {
    const port = portOf(probe.httpGet.port);
    const path = probe.httpGet.path ?? '/';
    const url = `${(probe.httpGet.scheme ?? 'HTTP').toLowerCase()}://${podIP}:${port}${path}`;
    if (!listening || port !== imagePort)
      return { ok: false, output: `Get "${url}": dial tcp ${podIP}:${port}: connect: connection refused` };
    const status = image?.httpStatus?.(path) ?? 200;
    if (status >= 200 && status < 400) return { ok: true };
    return { ok: false, output: `HTTP probe failed with statuscode: ${status}` };
  }
  if (probe.tcpSocket) {
    const port = portOf(probe.tcpSocket.port);
    if (!listening || port !== imagePort)
      return { ok: false, output: `dial tcp ${podIP}:${port}: connect: connection refused` };
    return { ok: true };
  }
  if (probe.exec) {
    const cmd = (probe.exec.command ?? []).join(' ');
    const cat = /cat\s+(\S+)/.exec(cmd);
    if (cat) {
      const f = model.files.find((x) => x.path === cat[1]);
      if (f && upSeconds < f.untilSeconds) return { ok: true };
      return { ok: false, output: `cat: can't open '${cat[1]}': No such file or directory` };
    }
    return listening ? { ok: true } : { ok: false, output: '' };
  }
  if (probe.grpc)
    return listening
      ? { ok: true }
      : {
          ok: false,
          output: `timeout: failed to connect service ":${probe.grpc.port}" within 1s: context deadline exceeded`,
        };
  return { ok: true };
}
