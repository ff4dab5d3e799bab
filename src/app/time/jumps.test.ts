import { describe, expect, it, vi } from 'vitest';
import { emptyFrame, type Frame } from '../../view/cluster/frame.ts';
import { createJumps, type TimeJump } from './jumps.ts';

describe('jumps', () => {
  it('a jump inside a jump is part of it; listeners hear once, after, with both pictures', () => {
    let now = 10;
    let frame: Frame = emptyFrame;
    const later: Frame = { ...emptyFrame, pods: [] };
    const j = createJumps({ now: () => now, frame: () => frame });
    const heard: TimeJump[] = [];
    j.subscribe((x) => heard.push(x));
    const result = j.run('back', () => {
      expect(j.active()).toBe(true);
      j.run('seek', () => {
        now = 4;
      });
      expect(heard).toEqual([]);
      frame = later;
      return 'done';
    });
    expect(result).toBe('done');
    expect(j.active()).toBe(false);
    expect(heard).toEqual([{ kind: 'back', from: 10, to: 4, before: emptyFrame, after: later }]);
    expect(heard[0]!.after).toBe(later);
  });

  it('a failing listener neither stops the others nor the jump; unsubscribe stops hearing', () => {
    const j = createJumps({ now: () => 0, frame: () => emptyFrame });
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    const heard: string[] = [];
    j.subscribe(() => {
      throw new Error('boom');
    });
    const unsub = j.subscribe((x) => heard.push(x.kind));
    expect(j.run('step', () => 1)).toBe(1);
    unsub();
    j.run('seek', () => 2);
    expect(heard).toEqual(['step']);
    expect(err).toHaveBeenCalledTimes(2);
    err.mockRestore();
  });
});
