import { describe, expect, it } from 'vitest';
import { joinCjkSoftBreaks } from './narration-text.ts';

describe('joinCjkSoftBreaks', () => {
  it('joins a paragraph broken between Japanese characters', () => {
    expect(joinCjkSoftBreaks('ノードを一時的に、\n停止します。')).toBe('ノードを一時的に、停止します。');
    expect(joinCjkSoftBreaks('Pod が\n`Running` になり、\n**準備完了**です。')).toBe(
      'Pod が`Running` になり、**準備完了**です。',
    );
  });

  it('keeps paragraph breaks, list items, English line breaks and code fences', () => {
    expect(joinCjkSoftBreaks('一段落目。\n\n二段落目。')).toBe('一段落目。\n\n二段落目。');
    expect(joinCjkSoftBreaks('手順：\n- 一つ目\n- 二つ目')).toBe('手順：\n- 一つ目\n- 二つ目');
    expect(joinCjkSoftBreaks('one line\nanother line')).toBe('one line\nanother line');
    const fence = '説明。\n```yaml\n# 日本語\n# コメント\n```\n続き。';
    expect(joinCjkSoftBreaks(fence)).toBe(fence);
  });
});
