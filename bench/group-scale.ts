/**
 * Scale check for story grouping (a benchmark, not a test):
 *
 *   npx tsx bench/group-scale.ts [seed.jsonl] [--count 10000] [--runs 3]
 *
 * Synthesises `count` items from a labelled seed file (default: the story dev set, else the test
 * fixture), groups them `runs` times and prints wall-clock and CPU time per run, plus B-cubed F1 on
 * the synthetic labels (to see whether quality holds as the batch grows).
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { groupStories } from '../src/core/digest/group/group-stories.js';
import { scoreGrouping } from '../src/core/digest/group/score.js';
import { type LabelledItem, synthesizeItems } from './synthesize-items.js';

const DEV_SET = fileURLToPath(new URL('../../shared/data/stories/dev.jsonl', import.meta.url));
const FIXTURE = 'test/fixtures/stories/dev-sample.jsonl';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { count: { type: 'string', default: '10000' }, runs: { type: 'string', default: '3' } },
});
const file = positionals[0] ?? (existsSync(DEV_SET) ? DEV_SET : FIXTURE);
const seed = readFileSync(file, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as LabelledItem);
const items = synthesizeItems(seed, Number(values.count));

console.log(`${items.length} items synthesised from ${seed.length} in ${file}`);
for (let run = 1; run <= Number(values.runs); run++) {
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const result = groupStories(items);
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const gold = new Map(items.filter((i) => i.story).map((i) => [i.id, i.story!]));
  const score = scoreGrouping(gold, result.storyOf);
  console.log(
    `run ${run}: ${wallMs.toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU, ` +
      `${result.stories.length} stories, B3 F1 ${score.b3F1.toFixed(3)} (P ${score.b3Precision.toFixed(3)}, R ${score.b3Recall.toFixed(3)})`,
  );
}
