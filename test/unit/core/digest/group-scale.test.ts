import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type LabelledItem, synthesizeItems } from '../../../../bench/synthesize-items.js';
import { groupStories } from '../../../../src/core/digest/group/group-stories.js';

const seed = readFileSync(new URL('../../../fixtures/stories/dev-sample.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as LabelledItem);

describe('groupStories at scale', () => {
  it('groups 10,000 items in under 4 s of CPU time', () => {
    const items = synthesizeItems(seed, 10_000);
    // CPU time, not wall time: the suite shares 2 cores with other work, and waiting for the
    // scheduler is not the grouping's cost. The target on an idle machine is 2 s wall.
    const before = process.cpuUsage();
    const { storyOf } = groupStories(items);
    const cpu = process.cpuUsage(before);
    expect(storyOf.size).toBe(10_000);
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(4_000);
  });
});
