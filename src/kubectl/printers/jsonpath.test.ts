import { describe, expect, it } from 'vitest';
import { executeJSONPath, relaxedJSONPathExpression } from './jsonpath.ts';

const list = {
  kind: 'List',
  items: [
    {
      metadata: { name: 'web-0' },
      spec: { nodeName: 'node1', containers: [{ image: 'nginx:1.17' }, { image: 'busybox' }] },
      status: { conditions: [{ type: 'Ready', status: 'True' }] },
    },
    {
      metadata: { name: 'web-1' },
      spec: { nodeName: 'node2', containers: [{ image: 'nginx:1.18' }] },
      status: { conditions: [{ type: 'Ready', status: 'False' }] },
    },
  ],
};

describe('JSONPath (client-go util/jsonpath)', () => {
  it('fields, indexes and wildcards; several results are separated by spaces', () => {
    expect(executeJSONPath('{.items[0].metadata.name}', list)).toBe('web-0');
    expect(executeJSONPath('{.items[*].metadata.name}', list)).toBe('web-0 web-1');
    expect(executeJSONPath('{.items[-1].spec.nodeName}', list)).toBe('node2');
    expect(executeJSONPath('{.items[0].spec.containers[*].image}', list)).toBe('nginx:1.17 busybox');
  });

  it('range/end with quoted text', () => {
    expect(
      executeJSONPath('{range .items[*]}{.metadata.name}{"\\t"}{.spec.nodeName}{"\\n"}{end}', list),
    ).toBe('web-0\tnode1\nweb-1\tnode2\n');
  });

  it('filters', () => {
    expect(executeJSONPath('{.items[?(@.spec.nodeName=="node2")].metadata.name}', list)).toBe('web-1');
    expect(executeJSONPath('{.items[0].status.conditions[?(@.type=="Ready")].status}', list)).toBe('True');
  });

  it('maps and lists print as compact JSON; missing keys print nothing', () => {
    expect(executeJSONPath('{.items[1].spec.containers}', list)).toBe('[{"image":"nginx:1.18"}]');
    expect(executeJSONPath('{.items[0].spec.missing}', list)).toBe('');
    expect(() => executeJSONPath('{.items[0].spec.missing}', list, false)).toThrow('missing is not found');
  });

  it('relaxed expressions as --sort-by and custom-columns accept them', () => {
    expect(relaxedJSONPathExpression('.spec.nodeName')).toBe('{.spec.nodeName}');
    expect(relaxedJSONPathExpression('spec.nodeName')).toBe('{.spec.nodeName}');
    expect(relaxedJSONPathExpression('{.metadata.name}')).toBe('{.metadata.name}');
  });
});
