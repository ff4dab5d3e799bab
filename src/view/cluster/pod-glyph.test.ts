import { describe, expect, it } from 'vitest';
import { clip, iconPath, podStyle, statusLines } from './pod-glyph.ts';
import type { PodVisual } from './layout.ts';

const visuals: PodVisual[] = [
  'pending',
  'creating',
  'running',
  'ready',
  'terminating',
  'pullError',
  'crash',
  'done',
  'unknown',
];

describe('podStyle', () => {
  it('gives every state its own shape signature, not only a colour', () => {
    const sig = visuals.map((v) => {
      const s = podStyle(v);
      return `${s.level}|${s.dash}|${s.strokeWidth}|${s.icon}|${s.hatched}|${s.opacity}`;
    });
    expect(new Set(sig).size).toBe(visuals.length);
  });

  it('draws the product.md glyphs', () => {
    expect(podStyle('pending')).toMatchObject({ level: 0, dash: '4 3', icon: 'none' });
    expect(podStyle('creating')).toMatchObject({ level: 0, dash: '1 3', icon: 'hourglass' });
    expect(podStyle('running')).toMatchObject({ level: 0.5, icon: 'none' });
    expect(podStyle('ready')).toMatchObject({ level: 1, icon: 'check' });
    expect(podStyle('terminating')).toMatchObject({ hatched: true, opacity: 0.55 });
    expect(podStyle('pullError')).toMatchObject({ icon: 'bang', strokeWidth: 3.5 });
    expect(podStyle('crash')).toMatchObject({ icon: 'cross', badge: true });
    expect(podStyle('done')).toMatchObject({ icon: 'done' });
  });

  it('has a path for every icon but none', () => {
    for (const v of visuals) {
      const { icon } = podStyle(v);
      expect(iconPath(icon) === '').toBe(icon === 'none');
    }
  });
});

describe('statusLines', () => {
  it.each([
    ['Running', '1/1', 12, ['Running', '1/1']],
    ['ContainerCreating', '0/1', 12, ['Container', 'Creating']],
    ['CrashLoopBackOff', '0/1', 12, ['CrashLoop', 'BackOff']],
    ['ImagePullBackOff', '0/1', 12, ['ImagePull', 'BackOff']],
    ['Init:ErrImagePull', '0/1', 12, ['Init:', 'ErrImagePull']],
    ['Init:ErrImagePull', '0/1', 9, ['Init:Err', 'ImagePull']],
    ['PodInitializing', '0/1', 12, ['Pod', 'Initializing']],
    ['ErrImagePull', '0/1', 12, ['ErrImagePull', '0/1']],
  ] as const)('%s, %s in %i chars', (status, ready, max, want) => {
    expect(statusLines(status, ready, max)).toEqual(want);
  });

  it('clips what still does not fit', () => {
    expect(clip('Terminating', 8)).toBe('Termina…');
    expect(clip('Running', 8)).toBe('Running');
  });
});
