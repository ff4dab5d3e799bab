// The simulated container image registry. Images the tutorials use exist; any other reference fails to pull
// exactly as it would against a real registry (`not found`). A learner can add images.

export interface ImageInfo {
  /** Compressed size in bytes: drives pull time and the Pulled event's "Image size". */
  sizeBytes: number;
  /** Seconds the main process takes to exit after SIGTERM; Infinity = ignores SIGTERM (killed at the grace period). */
  stopSeconds: number;
  /** What an HTTP request to the container answers (for curl through Services, later). `{pod}` and `{version}` expand. */
  httpResponse?: string;
  /** Container port the image listens on. */
  port?: number;
  /** Seconds after the container starts until the app accepts connections (default 0). */
  startupSeconds?: number;
  /** When the default command exits by itself (busybox's `sh` with no terminal exits at once). */
  exitAfterSeconds?: number;
  exitCode?: number;
  /** HTTP status for a path (default 200 for every path). */
  httpStatus?: (path: string) => number;
}

const nginxPage = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>
</body>
</html>
`;

/** Registry pull throughput of the model, bytes per second (a home/lab connection: ~16 MB/s). */
export const PULL_BYTES_PER_SECOND = 16_000_000;

/** Splits `repo:tag` (default tag `latest`) and normalises Docker Hub names (`nginx` → `docker.io/library/nginx`). */
export function parseImageRef(ref: string): { repository: string; tag: string; canonical: string } {
  const at = ref.indexOf('@');
  const base = at >= 0 ? ref.slice(0, at) : ref;
  const lastSlash = base.lastIndexOf('/');
  const colon = base.lastIndexOf(':');
  const repo = colon > lastSlash ? base.slice(0, colon) : base;
  const tag = at >= 0 ? ref.slice(at + 1) : colon > lastSlash ? base.slice(colon + 1) : 'latest';
  const first = repo.split('/')[0] ?? '';
  const hasRegistry =
    repo.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  const full = hasRegistry ? repo : repo.includes('/') ? `docker.io/${repo}` : `docker.io/library/${repo}`;
  return { repository: full, tag, canonical: `${full}${at >= 0 ? '@' : ':'}${tag}` };
}

export class ImageRegistry {
  private readonly exact = new Map<string, ImageInfo>();
  private readonly patterns: { repository: string; tag: RegExp; info: ImageInfo }[] = [];

  constructor() {
    const nginx: ImageInfo = {
      sizeBytes: 67_300_000,
      stopSeconds: 1,
      httpResponse: nginxPage,
      port: 80,
      httpStatus: (path) => (path === '/' || path === '/index.html' ? 200 : 404),
    };
    this.addPattern(
      'nginx',
      /^(latest|stable|mainline|alpine|stable-alpine|1\.(9|1\d|2\d)(\.\d{1,2})?(-alpine|-perl)?)$/,
      nginx,
    );
    const bootcamp = (v: string): ImageInfo => ({
      sizeBytes: 80_400_000,
      stopSeconds: Number.POSITIVE_INFINITY, // node as PID 1 ignores SIGTERM: the kubelet kills it at the grace period
      httpResponse: `Hello Kubernetes bootcamp! | Running on: {pod} | v=${v}\n`,
      port: 8080,
    });
    this.add('jocatalin/kubernetes-bootcamp:v1', bootcamp('1'));
    this.add('jocatalin/kubernetes-bootcamp:v2', bootcamp('2'));
    this.add('gcr.io/google-samples/kubernetes-bootcamp:v1', bootcamp('1'));
    // The StatefulSet tutorials (seed 004): nginx-slim serves on 80 like nginx, in a small image.
    const nginxSlim: ImageInfo = { ...nginx, sizeBytes: 9_800_000 };
    for (const ref of [
      'registry.k8s.io/nginx-slim:0.7',
      'registry.k8s.io/nginx-slim:0.8',
      'gcr.io/google_containers/nginx-slim:0.7',
      'gcr.io/google_containers/nginx-slim:0.8',
    ])
      this.add(ref, nginxSlim);
    // The legacy rolling-update tutorial (seed 003): a Node.js API on port 3000 and its fluentd sidecar, in a
    // project registry as on GKE (the seed's project id is hidden; ours is `rollout-lab`).
    const nodeApi = (v: string): ImageInfo => ({
      sizeBytes: 72_800_000,
      stopSeconds: Number.POSITIVE_INFINITY, // node as PID 1 ignores SIGTERM, as the bootcamp image does
      httpResponse: `{"service":"node-api","version":"${v}","pod":"{pod}"}\n`,
      port: 3000,
    });
    this.add('asia.gcr.io/rollout-lab/node-api:1.0.0', nodeApi('1.0.0'));
    this.add('asia.gcr.io/rollout-lab/node-api:1.0.1', nodeApi('1.0.1'));
    this.add('asia.gcr.io/rollout-lab/fluentd:1.0.0', { sizeBytes: 41_500_000, stopSeconds: 1, port: 24224 });
    this.addPattern('busybox', /^(latest|1\.\d+(\.\d+)?)$/, {
      sizeBytes: 2_200_000,
      stopSeconds: Number.POSITIVE_INFINITY,
      exitAfterSeconds: 0,
      exitCode: 0,
    });
    this.addPattern('registry.k8s.io/busybox', /^(latest|1\.\d+(\.\d+)?)$/, {
      sizeBytes: 1_100_000,
      stopSeconds: Number.POSITIVE_INFINITY,
      exitAfterSeconds: 0,
      exitCode: 0,
    });
    this.addPattern('httpd', /^(latest|alpine|2\.4(\.\d+)?(-alpine)?)$/, {
      sizeBytes: 58_000_000,
      stopSeconds: 1,
      port: 80,
      httpResponse: '<html><body><h1>It works!</h1></body></html>\n',
    });
    this.addPattern('registry.k8s.io/pause', /^3\.\d+$/, { sizeBytes: 320_000, stopSeconds: 0 });
  }

  /** Adds an exact image reference (`repo:tag`). */
  add(ref: string, info: ImageInfo): void {
    this.exact.set(parseImageRef(ref).canonical, info);
    this.found.clear();
  }

  addPattern(repository: string, tag: RegExp, info: ImageInfo): void {
    this.patterns.push({ repository: parseImageRef(`${repository}:x`).repository, tag, info });
    this.found.clear();
  }

  /** Answers of lookup by reference (the same few images are looked up for every pod). */
  private readonly found = new Map<string, ImageInfo | undefined>();

  lookup(ref: string): ImageInfo | undefined {
    if (this.found.has(ref)) return this.found.get(ref);
    const p = parseImageRef(ref);
    let info = this.exact.get(p.canonical);
    let stateless = true;
    if (!info)
      for (const pat of this.patterns) {
        // A global or sticky pattern remembers where it stopped: its answers cannot be kept.
        if (pat.tag.global || pat.tag.sticky) stateless = false;
        if (pat.repository === p.repository && pat.tag.test(p.tag)) {
          info = pat.info;
          break;
        }
      }
    if (stateless) {
      if (this.found.size >= 1000) this.found.clear();
      this.found.set(ref, info);
    }
    return info;
  }

  /** Seconds a pull takes at the model's throughput (at least 1 s: resolving and unpacking). */
  pullSeconds(info: ImageInfo): number {
    return Math.max(1, Math.round((info.sizeBytes / PULL_BYTES_PER_SECOND) * 10) / 10);
  }
}
