import { describe, expect, test } from 'vitest';
import { Harness, webDeployYaml, words } from './cmd/testing/harness.ts';
import { completions, suggestionsFor } from './kubectl.ts';
import { rootHelp } from './cmd/cmd.ts';

describe('command lookup and errors (cobra)', () => {
  const h = new Harness();

  test('unknown command without a close match', () => {
    expect(h.run('frobnicate')).toEqual({
      stdout: '',
      stderr: 'error: unknown command "frobnicate" for "kubectl"\n',
      exitCode: 1,
      done: true,
    });
  });

  test('unknown command with suggestions, in cobra order (Levenshtein ≤ 2 or prefix)', () => {
    expect(h.run('gett pods').stderr).toBe(
      'error: unknown command "gett" for "kubectl"\n\nDid you mean this?\n\tset\n\tget\n',
    );
    expect(h.run('rolout status deploy/x').stderr).toBe(
      'error: unknown command "rolout" for "kubectl"\n\nDid you mean this?\n\trollout\n',
    );
    // `delete` declares SuggestFor "rm"; run and cp are within distance 2.
    expect(h.run('rm pod x').stderr).toBe(
      'error: unknown command "rm" for "kubectl"\n\nDid you mean this?\n\trun\n\tdelete\n\tcp\n',
    );
    expect(suggestionsFor('api')).toEqual(['cp', 'api-versions', 'api-resources']);
  });

  test('an unknown command is reported before any flag is parsed', () => {
    expect(h.run('frobnicate --nope').stderr).toBe('error: unknown command "frobnicate" for "kubectl"\n');
  });

  test('an unknown flag names the command to ask for help', () => {
    expect(h.run('scale --foo').stderr).toBe(
      "error: unknown flag: --foo\nSee 'kubectl scale --help' for usage.\n",
    );
    expect(h.run('rollout status deploy/x --foo').stderr).toBe(
      "error: unknown flag: --foo\nSee 'kubectl rollout status --help' for usage.\n",
    );
    expect(h.run('--foo').stderr).toBe("error: unknown flag: --foo\nSee 'kubectl --help' for usage.\n");
  });

  test('unknown shorthand, missing value, bad value', () => {
    expect(h.run('scale -z').stderr).toBe(
      "error: unknown shorthand flag: 'z' in -z\nSee 'kubectl scale --help' for usage.\n",
    );
    expect(h.run('scale deploy/x --replicas').stderr).toBe(
      "error: flag needs an argument: --replicas\nSee 'kubectl scale --help' for usage.\n",
    );
    expect(h.run('scale deploy/x --replicas=three').stderr).toBe(
      'error: invalid argument "three" for "--replicas" flag: strconv.ParseInt: parsing "three": invalid syntax\n' +
        "See 'kubectl scale --help' for usage.\n",
    );
    expect(h.run('rollout status deploy/x --timeout=5').stderr).toBe(
      'error: invalid argument "5" for "--timeout" flag: time: missing unit in duration "5"\n' +
        "See 'kubectl rollout status --help' for usage.\n",
    );
  });

  test('a required flag (cobra MarkFlagRequired)', () => {
    expect(h.run('scale deploy/web')).toMatchObject({
      stderr: 'error: required flag(s) "replicas" not set\n',
      exitCode: 1,
    });
  });

  test('global flags may come before the command, and -n sets the namespace', () => {
    h.files.set('web.yaml', webDeployYaml());
    expect(h.run('-n default apply -f web.yaml').stdout).toBe('deployment.apps/web-deploy created\n');
    expect(h.run('--namespace=default scale deploy web-deploy --replicas=2').stdout).toBe(
      'deployment.apps/web-deploy scaled\n',
    );
    expect(h.run('--kubeconfig /tmp/config --context kind scale deploy/web-deploy --replicas 3').stdout).toBe(
      'deployment.apps/web-deploy scaled\n',
    );
  });

  test('a parent command alone prints its help on stderr and fails; a wrong subcommand is a usage error', () => {
    const r = h.run('rollout');
    expect(r.exitCode).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('  status    Show the status of the rollout\n');
    expect(h.run('rollout stats deploy/x').stderr).toBe(
      'error: unknown command "stats deploy/x"\nSee \'kubectl rollout -h\' for help and examples\n',
    );
    expect(h.run('set imag deploy/x a=b').stderr).toBe(
      'error: unknown command "imag deploy/x a=b"\nSee \'kubectl set -h\' for help and examples\n',
    );
  });

  test('kubectl, kubectl -h and kubectl help print the root help on stdout', () => {
    for (const line of ['', '-h', '--help', 'help']) {
      expect(h.run(line)).toEqual({ stdout: rootHelp(), stderr: '', exitCode: 0, done: true });
    }
    expect(rootHelp()).toContain('  rollout         Manage the rollout of a resource\n');
    expect(rootHelp()).toContain('Deploy Commands:\n  rollout ');
  });

  test('a kubectl command the simulator does not implement says so', () => {
    expect(h.run('top pods')).toMatchObject({
      stderr: 'error: "kubectl top" is not available in Rollout Lab\n',
      exitCode: 1,
    });
  });

  test("--record is deprecated but honoured, with pflag's notice", () => {
    const r = h.run('annotate deploy web-deploy team=blue --record');
    expect(r.stderr).toBe('Flag --record has been deprecated, --record will be removed in the future\n');
    expect(r.stdout).toBe('deployment.apps/web-deploy annotated\n');
  });

  test('completions list implemented commands, subcommands and flags', () => {
    const c = completions();
    expect(c.commands).toContain('apply');
    expect(c.commands).toEqual(expect.arrayContaining(['expose', 'edit', 'logs']));
    expect(c.commands).not.toContain('top');
    expect(c.subcommands['create']).toEqual(['deployment', 'poddisruptionbudget', 'service']);
    expect(c.subcommands['create service']).toEqual([
      'clusterip',
      'externalname',
      'loadbalancer',
      'nodeport',
    ]);
    expect(c.subcommands['rollout']).toEqual(['history', 'pause', 'restart', 'resume', 'status', 'undo']);
    expect(c.flags['scale']).toContain('--replicas');
  });
});

describe('kubectl version', () => {
  const h = new Harness();
  test('client, kustomize and server lines', () => {
    expect(h.run('version')).toEqual({
      stdout: 'Client Version: v1.36.2\nKustomize Version: v5.8.1\nServer Version: v1.36.2\n',
      stderr: '',
      exitCode: 0,
      done: true,
    });
    expect(h.run('version --client').stdout).toBe('Client Version: v1.36.2\nKustomize Version: v5.8.1\n');
    expect(h.run('version --short').stderr).toBe(
      "error: unknown flag: --short\nSee 'kubectl version --help' for usage.\n",
    );
  });
});

describe('kubectl api-resources / api-versions', () => {
  const h = new Harness();
  test('the discovery table', () => {
    const out = h.run('api-resources').stdout.split('\n');
    expect(out[0]).toBe('NAME                     SHORTNAMES   APIVERSION          NAMESPACED   KIND');
    expect(out).toContain(
      'deployments              deploy       apps/v1             true         Deployment',
    );
    expect(out).toContain('nodes                    no           v1                  false        Node');
    expect(out).toContain(
      'poddisruptionbudgets     pdb          policy/v1           true         PodDisruptionBudget',
    );
    expect(out).toContain(
      'replicationcontrollers   rc           v1                  true         ReplicationController',
    );
    expect(out).toContain(
      'storageclasses           sc           storage.k8s.io/v1   false        StorageClass',
    );
    expect(h.run('api-versions').stdout).toBe('apps/v1\npolicy/v1\nstorage.k8s.io/v1\nv1\n');
  });
});

describe('words (test harness)', () => {
  test('quotes', () => {
    expect(words(`annotate deploy/x a="hello world" 'b c'`)).toEqual([
      'annotate',
      'deploy/x',
      'a=hello world',
      'b c',
    ]);
  });
});
