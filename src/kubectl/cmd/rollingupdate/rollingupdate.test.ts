// `kubectl rolling-update` end to end on a simulated cluster (pods Ready 5 s after creation): the exact
// lines kubectl 1.17 printed, its validation errors (upstream's TestValidateArgs), -f and --dry-run.
import { describe, expect, it } from 'vitest';
import type { Pod, ReplicationController } from '../../../engine/index.ts';
import { Harness } from '../testing/harness.ts';
import { md5Hex } from './hash.ts';
import { deprecationNotice, validateArguments } from './rollingupdate.ts';

const api100 = 'asia.gcr.io/rollout-lab/node-api:1.0.0';
const api101 = 'asia.gcr.io/rollout-lab/node-api:1.0.1';
const fluentd = 'asia.gcr.io/rollout-lab/fluentd:1.0.0';

/** The seed's ReplicationController JSON: 3 replicas, one container per image. */
function rcJSON(
  name: string,
  selector: Record<string, string>,
  images: string[],
  replicas: number | null = 3,
) {
  const containers = images.map((image, i) => ({
    name: i === 0 ? 'node-api-container' : 'fluentd-container',
    image,
    ports: [{ containerPort: i === 0 ? 3000 : 24224, protocol: 'TCP' }],
  }));
  return JSON.stringify({
    kind: 'ReplicationController',
    apiVersion: 'v1',
    metadata: { name, labels: { name } },
    spec: {
      ...(replicas !== null ? { replicas } : {}),
      selector,
      template: { metadata: { labels: selector }, spec: { containers } },
    },
  });
}

function harnessWith(rc: string): Harness {
  const h = new Harness({ readyAfterSeconds: 5, workers: 3 });
  h.stdin = rc;
  const name = (JSON.parse(rc) as ReplicationController).metadata?.name ?? '';
  expect(h.run('create -f -').stdout).toBe(`replicationcontroller/${name} created\n`);
  h.stdin = undefined;
  h.advance(10_000);
  return h;
}

const usage = "See 'kubectl rolling-update -h' for help and examples";

describe('validateArguments', () => {
  it.each<[string, Record<string, string>, string[], string[], string | undefined]>([
    [
      'nothing',
      {},
      [],
      [],
      `Must specify --filename or --image for new controller\n${usage}\nMust specify the controller to update\n${usage}\n`,
    ],
    [
      'no file, no image',
      {},
      [],
      ['foo'],
      `error: Must specify --filename or --image for new controller\n${usage}\n`,
    ],
    ['valid file example', {}, ['bar.yaml'], ['foo'], undefined],
    ['missing second image name', { image: 'foo:v2' }, [], ['foo'], undefined],
    ['valid image example', { image: 'foo:v2' }, [], ['foo', 'foo-v2'], undefined],
    [
      'both filename and image example',
      { image: 'foo:v2' },
      ['bar.yaml'],
      ['foo', 'foo-v2'],
      `error: --filename and --image can not both be specified\n${usage}\n`,
    ],
  ])('TestValidateArgs %s', (_name, flags, filenames, args, expected) => {
    const h = new Harness();
    const err = validateArguments('deployment', flags.image ?? '', false, filenames, args);
    expect(err === undefined).toBe(expected === undefined);
    if (expected === undefined) return;
    const line = [
      'rolling-update',
      ...args,
      ...Object.entries(flags).map(([k, v]) => `--${k}=${v}`),
      ...filenames.map((f) => `-f ${f}`),
    ].join(' ');
    const r = h.run(line);
    expect(r).toEqual({ stdout: '', stderr: `${deprecationNotice}${expected}`, exitCode: 1, done: true });
  });

  it.each([
    ['rolling-update foo --image=x --deployment-label-key=', '--deployment-label-key can not be empty'],
    ['rolling-update foo -f a.json -f b.json', 'May only specify a single filename for new controller'],
    ['rolling-update foo --rollback --image=x', "Don't specify --filename or --image on rollback"],
  ])('%s', (line, message) => {
    expect(new Harness().run(line).stderr).toBe(`${deprecationNotice}error: ${message}\n${usage}\n`);
  });
});

describe('kubectl rolling-update --image', () => {
  it('moves the pods to <old>-<hash> one at a time, a minute apart, and renames it back', () => {
    const h = harnessWith(rcJSON('api-rc', { name: 'api-pods' }, [api100]));
    const start = h.cluster.now();
    const r = h.runToEnd(`rolling-update api-rc --image=${api101}`);
    const next = /^Created (api-rc-[0-9a-f]{32})\n/.exec(r.stdout)?.[1];
    expect(next).toBeDefined();
    expect(r).toEqual({
      stdout: `Created ${next}
Scaling up ${next} from 0 to 3, scaling down api-rc from 3 to 0 (keep 3 pods available, don't exceed 4 pods)
Scaling ${next} up to 1
Scaling api-rc down to 2
Scaling ${next} up to 2
Scaling api-rc down to 1
Scaling ${next} up to 3
Scaling api-rc down to 0
Update succeeded. Deleting old controller: api-rc
Renaming ${next} to api-rc
replicationcontroller/api-rc rolling updated
`,
      stderr: deprecationNotice,
      exitCode: 0,
      done: true,
    });
    // Three rounds of (3 s until the scale is seen, the 1-minute update period, 3 s), 3 s of cleanup, 5 s of rename.
    expect(h.cluster.now() - start).toBe(3 * 66_000 + 3_000 + 5_000);
    const hash = next!.slice('api-rc-'.length);
    const rc = h.cluster.api.get<ReplicationController>('ReplicationController', 'default', 'api-rc')!;
    expect(rc.spec?.selector).toEqual({ deployment: hash, name: 'api-pods' });
    expect(rc.metadata.annotations).toBeUndefined();
    const pods = h.cluster.api.list<Pod>('Pod', 'default').filter((p) => !p.metadata.deletionTimestamp);
    expect(pods.map((p) => [p.metadata.labels, p.metadata.ownerReferences?.[0]?.uid])).toEqual(
      pods.map(() => [{ deployment: hash, name: 'api-pods' }, rc.metadata.uid]),
    );
    expect(h.run('get rc').stdout).toBe(
      'NAME     DESIRED   CURRENT   READY   AGE\napi-rc   3         3         3       0s\n',
    );
  });

  it('the scale-down waits for new pods to be available', () => {
    const h = new Harness({ workers: 2 });
    h.stdin = rcJSON('api-rc', { name: 'api-pods' }, [api100], 1);
    h.run('create -f -');
    h.stdin = undefined;
    h.advance(120_000);
    // node-api:1.0.1 pulls in about 5 s and has no readiness delay; with a 1 s period the old pod waits for it.
    const r = h.runToEnd(`rolling-update api-rc --image=${api101} --update-period=1s --poll-interval=1s`);
    const lines = r.stdout.split('\n');
    expect(lines.filter((l) => /^Scaling \S+ (up|down) to/.test(l))).toEqual([
      expect.stringMatching(/^Scaling api-rc-[0-9a-f]{32} up to 1$/),
      'Scaling api-rc down to 0',
    ]);
    expect(r.exitCode).toBe(0);
  });

  it('needs --container for a multi-container pod, and --image-pull-policy for the same image', () => {
    const h = harnessWith(rcJSON('api-rc', { name: 'api-pods' }, [api100, fluentd]));
    expect(h.run(`rolling-update api-rc --image=${api101}`).stderr).toBe(
      `${deprecationNotice}error: must specify container to update when updating a multi-container pod\n`,
    );
    expect(h.run(`rolling-update api-rc --image=${api101} --container=nope`).stderr).toBe(
      `${deprecationNotice}error: container nope not found in pod\n`,
    );
    expect(h.run(`rolling-update api-rc --image=${api100} --container=node-api-container`).stderr).toBe(
      `${deprecationNotice}error: --image-pull-policy (Always|Never|IfNotPresent) must be provided when --image is the same as existing container image\n`,
    );
  });

  it('--dry-run prints the two names (and still labels the old controller, as upstream does)', () => {
    const h = harnessWith(rcJSON('api-rc', { name: 'api-pods' }, [api100]));
    const r = h.run(`rolling-update api-rc --image=${api101} --dry-run`);
    expect(r.stdout).toMatch(/^Rolling from:\napi-rc\nTo:\napi-rc-[0-9a-f]{32}\n$/);
    expect(r.exitCode).toBe(0);
    expect(h.cluster.api.list('ReplicationController', 'default')).toHaveLength(1);
    const rc = h.cluster.api.get<ReplicationController>('ReplicationController', 'default', 'api-rc')!;
    expect(rc.spec?.selector?.deployment).toMatch(/^[0-9a-f]{32}-orig$/);
  });

  it('a missing controller: NotFound, or the rename of an interrupted update', () => {
    const h = new Harness();
    expect(h.run('rolling-update nope --image=x').stderr).toBe(
      `${deprecationNotice}error: couldn't find a replication controller with source id == default/nope\n`,
    );
    expect(h.run('rolling-update nope nope-2 --image=x').stderr).toBe(
      `${deprecationNotice}Error from server (NotFound): replicationcontrollers "nope" not found\n`,
    );
  });

  it('Ctrl-C stops it (exit 130); --rollback then scales the old controller back up', () => {
    const h = harnessWith(rcJSON('api-rc', { name: 'api-pods' }, [api100]));
    const p = h.start(`rolling-update api-rc --image=${api101}`);
    let out = p.poll().stdout;
    h.advance(65_000);
    const u = p.interrupt();
    out += u.stdout;
    expect(u.exitCode).toBe(130);
    const next = /^Created (api-rc-[0-9a-f]{32})\n/.exec(out)![1]!;
    expect(out.split('\n').slice(2)).toEqual([`Scaling ${next} up to 1`, 'Scaling api-rc down to 2', '']);
    const r = h.runToEnd('rolling-update api-rc --rollback');
    expect(r.stdout).toBe(`Setting "api-rc" replicas to 3
Continuing update with existing controller api-rc.
Scaling up api-rc from 2 to 3, scaling down ${next} from 1 to 0 (keep 3 pods available, don't exceed 4 pods)
Scaling api-rc up to 3
Scaling ${next} down to 0
Update succeeded. Deleting ${next}
replicationcontroller/api-rc rolling updated
`);
    expect(h.run('get rc').stdout).toBe(
      'NAME     DESIRED   CURRENT   READY   AGE\napi-rc   3         3         3       2m24s\n',
    );
  });
});

describe('kubectl rolling-update -f', () => {
  const multi = (name: string, selector: Record<string, string>, images = [api101, fluentd]) =>
    rcJSON(name, selector, images);

  it('refuses the same name, then a selector that does not tell old and new pods apart', () => {
    const h = harnessWith(multi('api-rc', { name: 'api-pods' }, [api100, fluentd]));
    h.stdin = multi('api-rc', { name: 'api-pods' });
    expect(h.run('rolling-update api-rc -f -')).toEqual({
      stdout: '',
      stderr: `${deprecationNotice}error: - cannot have the same name as the existing ReplicationController api-rc\n`,
      exitCode: 1,
      done: true,
    });
    h.stdin = multi('api-rc-v2', { name: 'api-pods' });
    expect(h.run('rolling-update api-rc -f -').stderr).toBe(
      `${deprecationNotice}error: - must specify a matching key with non-equal value in Selector for api-rc\n`,
    );
    h.files.set('api-rc-v2.json', multi('api-rc-v2', { name: 'api-pods' }));
    expect(h.run('rolling-update api-rc -f api-rc-v2.json').stderr).toBe(
      `${deprecationNotice}error: api-rc-v2.json must specify a matching key with non-equal value in Selector for api-rc\n`,
    );
    expect(h.cluster.api.list('ReplicationController', 'default')).toHaveLength(1);
  });

  it('with one controller name it renames the new controller to the old name at the end (1.17)', () => {
    const h = harnessWith(multi('api-rc-1', { name: 'api-pods', version: '1' }, [api100, fluentd]));
    h.stdin = multi('api-rc-2', { name: 'api-pods', version: '2' });
    const r = h.runToEnd('rolling-update api-rc-1 -f -');
    expect(r.stdout).toBe(`Created api-rc-2
Scaling up api-rc-2 from 0 to 3, scaling down api-rc-1 from 3 to 0 (keep 3 pods available, don't exceed 4 pods)
Scaling api-rc-2 up to 1
Scaling api-rc-1 down to 2
Scaling api-rc-2 up to 2
Scaling api-rc-1 down to 1
Scaling api-rc-2 up to 3
Scaling api-rc-1 down to 0
Update succeeded. Deleting old controller: api-rc-1
Renaming api-rc-2 to api-rc-1
replicationcontroller/api-rc-1 rolling updated
`);
    expect(r.exitCode).toBe(0);
  });

  it('with both names it deletes the old controller and keeps the new name', () => {
    const h = harnessWith(multi('api-rc-1', { name: 'api-pods', version: '1' }, [api100, fluentd]));
    h.stdin = rcJSON('api-rc-2', { name: 'api-pods', version: '2' }, [api101, fluentd], null);
    const r = h.runToEnd('rolling-update api-rc-1 api-rc-2 -f -');
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 2)).toEqual([
      'Created api-rc-2',
      "Scaling up api-rc-2 from 0 to 3, scaling down api-rc-1 from 3 to 0 (keep 3 pods available, don't exceed 4 pods)",
    ]);
    expect(lines.slice(-3)).toEqual([
      'Update succeeded. Deleting api-rc-1',
      'replicationcontroller/api-rc-2 rolling updated to "api-rc-2"',
      '',
    ]);
    expect(h.run('get rc -o name').stdout).toBe('replicationcontroller/api-rc-2\n');
  });

  it('--dry-run with -o name prints both controllers', () => {
    const h = harnessWith(multi('api-rc-1', { name: 'api-pods', version: '1' }, [api100, fluentd]));
    h.stdin = multi('api-rc-2', { name: 'api-pods', version: '2' });
    expect(h.run('rolling-update api-rc-1 -f - --dry-run -o name').stdout).toBe(
      'Rolling from:\nreplicationcontroller/api-rc-1\n\nTo:\nreplicationcontroller/api-rc-2\n\n',
    );
    expect(h.run('rolling-update api-rc-1 -f - --dry-run=client').stderr).toBe(
      `error: invalid argument "client" for "--dry-run" flag: strconv.ParseBool: parsing "client": invalid syntax\nSee 'kubectl rolling-update --help' for usage.\n`,
    );
  });

  it('refuses a file that is not a ReplicationController', () => {
    const h = harnessWith(multi('api-rc-1', { name: 'api-pods', version: '1' }, [api100, fluentd]));
    h.stdin = JSON.stringify({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } } } },
    });
    expect(h.run('rolling-update api-rc-1 -f -').stderr).toBe(
      `${deprecationNotice}error: - contains a apps/v1, Kind=Deployment not a ReplicationController\n`,
    );
  });
});

describe('md5Hex', () => {
  it.each([
    ['', 'd41d8cd98f00b204e9800998ecf8427e'],
    ['abc', '900150983cd24fb0d6963f7d28e17f72'],
    ['message digest', 'f96b697d7cb7938d525a2f31aaf161d0'],
    ['1234567890'.repeat(8), '57edf4a22be3c955ac49da2e2107b67a'],
    ['a'.repeat(56), '3b0c8ac703f828b04c6c197006d17218'],
    ['a'.repeat(64), '014842d480b571495a4a0363793f7367'],
    ['名前', '5b9e23e23e40d226174f933d84a14c00'],
  ])('digest of %j', (text, hex) => {
    expect(md5Hex(text)).toBe(hex);
  });
});
