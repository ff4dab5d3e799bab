import { describe, expect, test } from 'vitest';
import { decodeStream, splitYAMLDocuments } from './yaml.ts';

const err = (text: string) => decodeStream(text).error;

describe('decodeStream', () => {
  test('multi-document YAML, `---` lines dropped, empty documents skipped', () => {
    const r = decodeStream('---\na: 1\n---\n# only a comment\n---\nb: [x, z]\n');
    expect(r.error).toBeUndefined();
    expect(r.docs.map((d) => d.value)).toEqual([{ a: 1 }, { b: ['x', 'z'] }]);
  });

  test('YAML 1.1 scalars as go-yaml v2 reads them; timestamps stay strings', () => {
    const r = decodeStream('a: yes\nb: off\nc: 0777\nd: 2001-12-14\ne: "80"\nf: ~\ng: 1.5\nh: y\n');
    expect(r.docs[0]!.value).toEqual({
      a: true,
      b: false,
      c: 511,
      d: '2001-12-14',
      e: '80',
      f: null,
      g: 1.5,
      h: true,
    });
  });

  test('duplicate keys are not an error: the last one wins', () => {
    expect(decodeStream('a: 1\na: 2\n').docs[0]!.value).toEqual({ a: 2 });
  });

  test('JSON input', () => {
    expect(decodeStream('{"kind": "Pod", "apiVersion": "v1"}').docs[0]!.value).toEqual({
      kind: 'Pod',
      apiVersion: 'v1',
    });
  });

  test('a bad document separator', () => {
    expect(splitYAMLDocuments('a: 1\n--- b\n')).toBe('invalid Yaml document separator: b');
  });
});

// go-yaml v2's texts for common manifest mistakes. Scanner errors name the line of the offending character;
// parser errors (`did not find expected key`) name libyaml's 0-based problem line, one less.
describe('syntax errors in go-yaml words', () => {
  test('a tab used for indentation', () => {
    expect(err('apiVersion: v1\nkind: Pod\nmetadata:\n\tname: x\n')).toBe(
      'error converting YAML to JSON: yaml: line 4: found character that cannot start any token',
    );
  });

  test('a second `: ` on one line', () => {
    expect(err('apiVersion: v1\nkind: Pod\nmetadata:\n  name: x: y\n')).toBe(
      'error converting YAML to JSON: yaml: line 4: mapping values are not allowed in this context',
    );
  });

  test('a key indented deeper than its siblings', () => {
    expect(err('spec:\n  containers:\n  - name: nginx\n     image: nginx\n')).toBe(
      'error converting YAML to JSON: yaml: line 4: mapping values are not allowed in this context',
    );
  });

  test('a key indented less than its siblings', () => {
    expect(err('apiVersion: v1\nmetadata:\n  name: web\n labels: x\n')).toBe(
      'error converting YAML to JSON: yaml: line 3: did not find expected key',
    );
  });

  test('a list item at the wrong indentation', () => {
    expect(err('spec:\n  containers:\n  - name: a\n    image: b\n - name: c\n')).toBe(
      'error converting YAML to JSON: yaml: line 4: did not find expected key',
    );
  });

  test('an unclosed quote runs to the end of the stream', () => {
    expect(err('a: "abc\nb: c\n')).toBe(
      'error converting YAML to JSON: yaml: line 3: found unexpected end of stream',
    );
  });

  test('line numbers count from the start of the document, not the file', () => {
    expect(err('a: 1\n---\nb: 2\nc:\n\td: 3\n')).toBe(
      'error converting YAML to JSON: yaml: line 3: found character that cannot start any token',
    );
  });

  test('documents before the broken one are still decoded', () => {
    const r = decodeStream('a: 1\n---\nb: x: y\n');
    expect(r.docs.map((d) => d.value)).toEqual([{ a: 1 }]);
    expect(r.error).toBe(
      'error converting YAML to JSON: yaml: line 1: mapping values are not allowed in this context',
    );
  });
});
