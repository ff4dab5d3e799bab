import { describe, expect, it } from 'vitest';
import { executeGoTemplate, goFloat } from './template.ts';

const svc = { spec: { ports: [{ port: 8080, nodePort: 31234 }] } };
const pod = {
  spec: {
    nodeName: 'node1',
    containers: [{ image: 'registry.k8s.io/nginx-slim:0.8' }, { image: 'busybox' }],
  },
  metadata: { labels: { app: 'nginx' } },
};

describe('Go templates (text/template over JSON-decoded objects)', () => {
  it("the tutorials' templates", () => {
    expect(executeGoTemplate('{{(index .spec.ports 0).nodePort}}', svc)).toBe('31234');
    expect(executeGoTemplate('{{range $i, $c := .spec.containers}}{{$c.image}}{{end}}', pod)).toBe(
      'registry.k8s.io/nginx-slim:0.8busybox',
    );
    expect(executeGoTemplate('{{.spec.nodeName}}', pod)).toBe('node1');
  });

  it('missing keys print <no value>; maps print as Go maps', () => {
    expect(executeGoTemplate('{{.spec.missing}}', pod)).toBe('<no value>');
    expect(executeGoTemplate('{{.metadata.labels}}', pod)).toBe('map[app:nginx]');
  });

  it('if/else, with, range over a map, printf and len', () => {
    expect(
      executeGoTemplate('{{if .spec.nodeName}}on {{.spec.nodeName}}{{else}}unscheduled{{end}}', pod),
    ).toBe('on node1');
    expect(executeGoTemplate('{{with .metadata.labels}}{{.app}}{{end}}', pod)).toBe('nginx');
    expect(executeGoTemplate('{{range $k, $v := .metadata.labels}}{{$k}}={{$v}}{{end}}', pod)).toBe(
      'app=nginx',
    );
    expect(executeGoTemplate('{{printf "%s has %d" .spec.nodeName (len .spec.containers)}}', pod)).toBe(
      'node1 has 2',
    );
  });

  it('numbers are float64, printed as %v', () => {
    expect(goFloat(30)).toBe('30');
    expect(goFloat(1000000)).toBe('1e+06');
    expect(goFloat(0.5)).toBe('0.5');
  });
});
