import { describe, expect, it } from 'vitest';
import { TemplateError, executeGoTemplate } from '../template.ts';

const pod = {
  kind: 'Pod',
  metadata: { name: 'web-0', labels: { app: 'web', tier: 'front' }, deletionTimestamp: null },
  spec: {
    replicas: 3,
    big: 1000000,
    containers: [
      { name: 'nginx', image: 'nginx:1.17' },
      { name: 'side', image: 'busybox' },
    ],
  },
  data: { token: 'aGVsbG8=' },
};

const run = (t: string, data: unknown = pod, allowMissing = true) => executeGoTemplate(t, data, allowMissing);
const fail = (t: string, data: unknown = pod, allowMissing = true): string => {
  try {
    run(t, data, allowMissing);
  } catch (e) {
    if (e instanceof TemplateError) return e.message;
    throw e;
  }
  throw new Error(`no error for ${t}`);
};

// Cases after golang text/template/parse parse_test.go (errorTests), named as there; kubectl names the
// template "output".
describe('text/template parse errors', () => {
  it.each([
    ['unclosed1', 'line1\n{{', 'template: output:2: unclosed action'],
    ['unclosed3', 'line1\n{{"x"\n"y"\n', 'template: output:4: unclosed action started at output:2'],
    ['unclosed4', '{{\n\n\n\n\n', 'template: output:6: unclosed action started at output:1'],
    ['undefined function', '{{undefined}}', 'template: output:1: function "undefined" not defined'],
    ['emptypipeline', '{{ ( ) }}', 'template: output:1: missing value for parenthesized pipeline'],
    ['rangeundefvar', '{{range $k}}{{end}}', 'template: output:1: undefined variable "$k"'],
    ['rangemissingvalue1', '{{range $k,}}{{end}}', 'template: output:1: missing value for range'],
    ['unmatched end', '{{end}}', 'template: output:1: unexpected {{end}}'],
    ['unmatched else', '{{else}}', 'template: output:1: unexpected {{else}}'],
    ['wrong pipeline dot', '{{12|.}}', 'template: output:1: non executable command in pipeline stage 2'],
    ['unclosed paren', '{{(3}}', 'template: output:1: unclosed left paren'],
    ['extra paren', '{{3)}}', 'template: output:1: unexpected right paren'],
    ['bad char', '{{#}}', 'template: output:1: unexpected "#" in command'],
    ['unterminated string', '{{"x}}', 'template: output:1: unterminated quoted string'],
    ['missing end', '{{if .a}}x', 'template: output:1: unexpected EOF'],
    [
      'else after else',
      '{{if .a}}{{else}}{{else}}{{end}}',
      'template: output:1: expected end; found {{else}}',
    ],
  ])('%s', (_name, template, message) => {
    expect(fail(template)).toBe(message);
  });
});

describe('text/template execution over JSON-decoded objects', () => {
  it('fields, <no value>, Go formatting of maps, slices and float64', () => {
    expect(run('{{.metadata.name}}')).toBe('web-0');
    expect(run('{{.spec.missing}}')).toBe('<no value>');
    expect(run('{{.spec.missing.deeper}}')).toBe('<no value>');
    expect(run('{{.metadata.labels}}')).toBe('map[app:web tier:front]');
    expect(run('{{.spec.replicas}} {{.spec.big}}')).toBe('3 1e+06');
    expect(run('{{index .spec.containers 1}}')).toBe('map[image:busybox name:side]');
    expect(run('{{.metadata.deletionTimestamp}}')).toBe('<no value>');
    expect(run('{{range .spec.containers}}{{.}} {{end}}')).toBe(
      'map[image:nginx:1.17 name:nginx] map[image:busybox name:side] ',
    );
  });

  it('control structures, variables, trim markers, comments, break and continue', () => {
    expect(run('{{if .spec.replicas}}yes{{else}}no{{end}}')).toBe('yes');
    expect(run('{{if .spec.none}}a{{else if .kind}}b{{else}}c{{end}}')).toBe('b');
    expect(run('{{with .metadata.labels}}{{.app}}{{end}}')).toBe('web');
    expect(run('{{with .spec.none}}x{{else with .kind}}{{.}}{{end}}')).toBe('Pod');
    expect(run('{{range $i, $c := .spec.containers}}{{$i}}:{{$c.name}} {{end}}')).toBe('0:nginx 1:side ');
    expect(run('{{range $k, $v := .metadata.labels}}{{$k}}={{$v}};{{end}}')).toBe('app=web;tier=front;');
    expect(run('{{range .spec.none}}x{{else}}empty{{end}}')).toBe('empty');
    expect(run('{{$x := 1}}{{$x = 2}}{{$x}}')).toBe('2');
    expect(run('a  {{- /* note */ -}}  b')).toBe('ab');
    expect(run('{{range .spec.containers}}{{if eq .name "nginx"}}{{continue}}{{end}}{{.name}}{{end}}')).toBe(
      'side',
    );
    expect(run('{{range .spec.containers}}{{.name}}{{break}}{{end}}')).toBe('nginx');
    expect(run('{{define "n"}}<{{.}}>{{end}}{{template "n" .kind}}')).toBe('<Pod>');
  });

  it('builtins: len, printf, print, eq/ne/lt, and/or/not, and kubectl’s exists and base64decode', () => {
    expect(run('{{len .spec.containers}} {{len .metadata.name}}')).toBe('2 5');
    expect(run('{{printf "%s has %d" .metadata.name (len .spec.containers)}}')).toBe('web-0 has 2');
    expect(run('{{printf "%v %q %5s|%-5s|" .spec.replicas .kind "ab" "cd"}}')).toBe('3 "Pod"    ab|cd   |');
    // JSON numbers are float64: %d does not apply.
    expect(run('{{printf "%d" .spec.replicas}}')).toBe('%!d(float64=3)');
    // Sprint puts spaces between operands when neither is a string.
    expect(run('{{print 1 2 "a" "b" 3}}')).toBe('1 2ab3');
    expect(run('{{eq .kind "Pod" "Svc"}} {{ne .kind "Pod"}} {{lt 1 2}}')).toBe('true false true');
    expect(run('{{and .kind .spec.none}}|{{or .spec.none .kind}}|{{not .kind}}')).toBe(
      '<no value>|Pod|false',
    );
    expect(run('{{exists . "metadata" "labels" "app"}} {{exists . "spec" "nope"}}')).toBe('true false');
    expect(run('{{base64decode .data.token}}')).toBe('hello');
    expect(run('{{index .metadata.labels "app"}} {{index .metadata.labels "none"}}')).toBe('web <no value>');
  });

  // Cases after golang text/template exec_test.go (execTests with errors): location, node and message.
  it('execution errors name the position and the node, as kubectl prints them', () => {
    expect(fail('{{(index .spec.ports 0).nodePort}}')).toBe(
      'template: output:1:3: executing "output" at <index .spec.ports 0>: error calling index: index of untyped nil',
    );
    expect(fail('{{index .spec.containers 5}}')).toBe(
      'template: output:1:2: executing "output" at <index .spec.containers 5>: error calling index: index out of range: 5',
    );
    expect(fail('{{index .spec.containers "a"}}')).toBe(
      'template: output:1:2: executing "output" at <index .spec.containers "a">: error calling index: cannot index slice/array with type string',
    );
    expect(fail('{{if eq .spec.replicas 3}}x{{end}}')).toBe(
      'template: output:1:5: executing "output" at <eq .spec.replicas 3>: error calling eq: incompatible types for comparison',
    );
    expect(fail('{{.metadata.name.first}}')).toBe(
      // A field chain is one FieldNode at the position of its second field (parse.go Tree.operand).
      'template: output:1:11: executing "output" at <.metadata.name.first>: can\'t evaluate field first in type interface {}',
    );
    expect(fail('{{.metadata.deletionTimestamp.time}}')).toBe(
      'template: output:1:11: executing "output" at <.metadata.deletionTimestamp.time>: nil pointer evaluating interface {}.time',
    );
    expect(fail('{{.spec.missing}}', pod, false)).toBe(
      'template: output:1:7: executing "output" at <.spec.missing>: map has no entry for key "missing"',
    );
    expect(fail('{{range .spec.replicas}}{{end}}')).toBe(
      'template: output:1:13: executing "output" at <.spec.replicas>: range can\'t iterate over 3',
    );
    expect(fail('{{len 3}}')).toBe(
      'template: output:1:2: executing "output" at <len 3>: error calling len: len of type int',
    );
    expect(fail('{{index}}')).toBe(
      'template: output:1:2: executing "output" at <index>: wrong number of args for index: want at least 1 got 0',
    );
    expect(fail('{{.kind 1}}')).toBe(
      'template: output:1:2: executing "output" at <.kind>: kind is not a method but has arguments',
    );
    expect(fail('line1\n{{template "nope"}}')).toBe(
      'template: output:2:11: executing "output" at <{{template "nope"}}>: template "nope" not defined',
    );
  });
});
