import { describe, expect, it } from 'vitest';
import { printJSON, printJSONCompact } from './json.ts';

describe('printJSON (encoding/json MarshalIndent, 4 spaces)', () => {
  it('sorts keys bytewise at every level, keeps empty collections inline', () => {
    expect(
      printJSON({
        kind: 'Pod',
        apiVersion: 'v1',
        metadata: { name: 'p', labels: {} },
        spec: { containers: [] },
        b: [1, { z: true, a: null }],
      }),
    ).toBe(
      [
        '{',
        '    "apiVersion": "v1",',
        '    "b": [',
        '        1,',
        '        {',
        '            "a": null,',
        '            "z": true',
        '        }',
        '    ],',
        '    "kind": "Pod",',
        '    "metadata": {',
        '        "labels": {},',
        '        "name": "p"',
        '    },',
        '    "spec": {',
        '        "containers": []',
        '    }',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('orders numeric-looking keys as strings, as Go does', () => {
    expect(printJSONCompact({ '10': 1, '9': 2, a: 3 })).toBe('{"10":1,"9":2,"a":3}');
  });

  it('escapes <, > and & like Go', () => {
    expect(printJSONCompact({ v: '<none> & more\t"x"' })).toBe(
      '{"v":"\\u003cnone\\u003e \\u0026 more\\t\\"x\\""}',
    );
  });
});
