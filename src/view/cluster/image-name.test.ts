import { describe, expect, it } from 'vitest';
import { shortImage } from './image-name.ts';

describe('shortImage', () => {
  it('drops the registry and repository path, keeping name and tag', () => {
    expect(shortImage('asia.gcr.io/rollout-lab/node-api:1.0.1')).toBe('node-api:1.0.1');
    expect(shortImage('jocatalin/kubernetes-bootcamp:v2')).toBe('kubernetes-bootcamp:v2');
    expect(shortImage('nginx:1.17')).toBe('nginx:1.17');
    expect(shortImage('localhost:5000/')).toBe('localhost:5000/');
    expect(shortImage('asia.gcr.io/p/node-api:1.0.1,asia.gcr.io/p/fluentd:1.0.0')).toBe(
      'node-api:1.0.1,fluentd:1.0.0',
    );
  });
});
