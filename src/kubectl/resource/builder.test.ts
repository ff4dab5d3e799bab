import { describe, expect, test } from 'vitest';
import { Harness, webDeployYaml } from '../cmd/testing/harness.ts';
import { build, type BuilderOptions } from './builder.ts';
import { errorString } from '../cmd/util/helpers.ts';

const h = new Harness();
h.files.set('web.yaml', webDeployYaml());
h.run('apply -f web.yaml');

const opts = (o: Partial<BuilderOptions>): BuilderOptions => ({
  namespace: 'default',
  enforceNamespace: false,
  ...o,
});
const names = (o: Partial<BuilderOptions>) =>
  build(h.env, opts(o)).infos.map((i) => `${i.mapping.kind}/${i.name}`);
const err = (o: Partial<BuilderOptions>) => {
  const r = build(h.env, opts(o));
  return r.err ? errorString(r.err) : r.visitErrors.map(errorString).join('\n');
};

// Cases after kubernetes/staging/src/k8s.io/cli-runtime/pkg/resource/builder_test.go
describe('ResourceTypeOrNameArgs', () => {
  test('TYPE NAME, TYPE/NAME, TYPE.GROUP/NAME, short names, several names', () => {
    expect(names({ args: ['deployment', 'web-deploy'] })).toEqual(['Deployment/web-deploy']);
    expect(names({ args: ['deploy/web-deploy'] })).toEqual(['Deployment/web-deploy']);
    expect(names({ args: ['deployments.apps/web-deploy'] })).toEqual(['Deployment/web-deploy']);
    expect(names({ args: ['Deployment', 'web-deploy'] })).toEqual(['Deployment/web-deploy']);
  });

  test('a type alone with allowEmptySelector lists everything of that type', () => {
    expect(names({ args: ['deploy'], allowEmptySelector: true })).toEqual(['Deployment/web-deploy']);
    expect(names({ args: ['pods'], selector: 'app=web' })).toHaveLength(4);
  });

  test('usage errors', () => {
    expect(err({})).toBe(
      "You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
    );
    expect(err({ args: ['deploy'] })).toBe('resource(s) were provided, but no name was specified');
    expect(err({ args: ['foo', 'x'] })).toBe('the server doesn\'t have a resource type "foo"');
    expect(err({ args: ['deploy', 'deploy/web-deploy'] })).toBe(
      "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
    );
    expect(err({ args: ['deploy/a/b'] })).toBe(
      'arguments in resource/name form may not have more than one slash',
    );
    expect(err({ args: ['/web'] })).toBe(
      'arguments in resource/name form must have a single resource and name',
    );
    expect(err({ args: ['deploy', 'x'], selector: 'app=web' })).toBe(
      'name cannot be provided when a selector is specified',
    );
    expect(err({ args: ['deploy/x'], filenames: ['web.yaml'] })).toBe(
      'resource/name arguments cannot be provided when a path is specified',
    );
  });

  test('a missing object is a visit error; the others are still visited', () => {
    const r = build(h.env, opts({ args: ['deploy', 'nope', 'web-deploy'] }));
    expect(r.infos.map((i) => i.name)).toEqual(['web-deploy']);
    expect(r.visitErrors.map(errorString)).toEqual(['deployments.apps "nope" not found']);
  });
});

describe('files', () => {
  test('a missing file', () => {
    expect(err({ filenames: ['nope.yaml'] })).toBe('the path "nope.yaml" does not exist');
  });

  test('namespace defaulting and enforcement', () => {
    h.files.set(
      'other.yaml',
      webDeployYaml().replace('name: web-deploy', 'name: web-deploy\n  namespace: other'),
    );
    expect(build(h.env, opts({ filenames: ['web.yaml'] })).infos[0]!.namespace).toBe('default');
    expect(build(h.env, opts({ filenames: ['other.yaml'] })).infos[0]!.namespace).toBe('other');
    expect(err({ filenames: ['other.yaml'], enforceNamespace: true })).toBe(
      `the namespace from the provided object "other" does not match the namespace "default". You must pass '--namespace=other' to perform this operation.`,
    );
  });

  test('an unknown kind or apiVersion', () => {
    h.files.set('old.yaml', webDeployYaml().replace('apps/v1', 'extensions/v1beta1'));
    expect(err({ filenames: ['old.yaml'] })).toBe(
      'resource mapping not found for name: "web-deploy" namespace: "" from "old.yaml": no matches for kind "Deployment" in version "extensions/v1beta1"\nensure CRDs are installed first',
    );
  });

  test('kind and apiVersion must be set (client-side schema check)', () => {
    h.files.set('bare.yaml', 'metadata:\n  name: x\n');
    expect(err({ filenames: ['bare.yaml'], validation: 'Strict' })).toBe(
      'error validating "bare.yaml": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false',
    );
    expect(err({ filenames: ['bare.yaml'], validation: 'Ignore' })).toBe(
      `unable to decode "bare.yaml": Object 'Kind' is missing in '{"metadata":{"name":"x"}}'`,
    );
  });

  test('stdin is `-`, named STDIN in messages', () => {
    h.stdin = 'kind: Deployment\n';
    expect(err({ filenames: ['-'], validation: 'Strict' })).toBe(
      'error validating "STDIN": error validating data: apiVersion not set; if you choose to ignore these errors, turn validation off with --validate=false',
    );
    h.stdin = undefined;
  });
});
