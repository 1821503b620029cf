/**
 * Scores story grouping against gold `story` labels.
 *
 *   npm run eval:stories -- ../shared/data/stories/dev.jsonl [--threshold 0.2] [--span-hours 36] [--half-life-hours 24]
 *     [--summary-weight 0.5] [--slug-weight 0.25] [--entity-boost 1.5] [--neighbours 20] [--errors 10]
 *
 * Groups every item of the file in-process with `groupStories`, then prints B-cubed P/R/F1, pairwise
 * P/R/F1 and the adjusted Rand index overall and per part of the data (the story label's prefix
 * before the first '-', e.g. uci / allsides), the cluster count and the grouping time.
 * `--errors N` also lists the N clusters that cost the most B-cubed precision (with the gold stories
 * mixed in them) and the N gold stories that cost the most recall (with the sizes of their pieces):
 * look at these before changing the grouping.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { groupStories } from '../src/core/digest/group/group-stories.js';
import { parseGroupInputLine } from '../src/core/digest/group/parse-input.js';
import { type GroupingScore, scoreGrouping } from '../src/core/digest/group/score.js';
import type { GroupInput, GroupOptions } from '../src/core/digest/group/types.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    threshold: { type: 'string' },
    'span-hours': { type: 'string' },
    'half-life-hours': { type: 'string' },
    'summary-weight': { type: 'string' },
    'slug-weight': { type: 'string' },
    'entity-boost': { type: 'string' },
    neighbours: { type: 'string' },
    errors: { type: 'string' },
  },
});
const file = positionals[0];
if (!file) {
  console.error('Usage: npm run eval:stories -- <file.jsonl> [--threshold X] [--span-hours H] ...');
  process.exit(2);
}

const options: GroupOptions = {};
if (values.threshold) options.mergeThreshold = Number(values.threshold);
if (values['span-hours']) options.maxSpanHours = Number(values['span-hours']);
if (values['half-life-hours']) options.halfLifeHours = Number(values['half-life-hours']);
if (values['summary-weight']) options.summaryWeight = Number(values['summary-weight']);
if (values['slug-weight']) options.slugWeight = Number(values['slug-weight']);
if (values['entity-boost']) options.entityBoost = Number(values['entity-boost']);
if (values.neighbours) options.neighbours = Number(values.neighbours);

const items: (GroupInput & { story: string })[] = [];
const gold = new Map<string, string>();
for (const [index, line] of readFileSync(file, 'utf8').split('\n').entries()) {
  if (line.trim() === '') continue;
  const parsed = parseGroupInputLine(line);
  const story = parsed.ok ? parsed.raw.story : undefined;
  if (!parsed.ok || typeof story !== 'string') {
    console.error(`${file}:${index + 1}: skipped (${parsed.ok ? 'no "story" label' : parsed.error})`);
    continue;
  }
  items.push({ ...parsed.value, story });
  gold.set(parsed.value.id, story);
}

const cpuBefore = process.cpuUsage();
const started = performance.now();
const result = groupStories(items, options);
const elapsedMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);

const fmt = (x: number): string => x.toFixed(3);
function row(name: string, s: GroupingScore): string {
  return [name.padEnd(10), String(s.items).padStart(6), String(s.clusters).padStart(8), String(s.stories).padStart(7),
    fmt(s.b3Precision), fmt(s.b3Recall), fmt(s.b3F1), fmt(s.pairPrecision), fmt(s.pairRecall), fmt(s.pairF1), fmt(s.ari),
  ].join('  ');
}

const parts = [...new Set([...gold.values()].map((story) => story.split('-')[0]!))].sort();
console.log(`options: ${JSON.stringify(options)}`);
console.log('part         items  clusters  stories  B3 P   B3 R   B3 F1  pair P pair R pair F1 ARI');
console.log(row('all', scoreGrouping(gold, result.storyOf)));
for (const part of parts) {
  const partGold = new Map([...gold].filter(([, story]) => story.startsWith(`${part}-`)));
  console.log(row(part, scoreGrouping(partGold, result.storyOf)));
}
console.log(
  `grouped ${items.length} items into ${result.stories.length} stories in ${elapsedMs.toFixed(0)} ms ` +
    `(${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU)`,
);

/**
 * Per predicted cluster, its share of the B-cubed precision loss, Σ n·(1 − n/|C|) / N over the gold
 * stories in it; per gold story, its share of the recall loss, Σ n·(1 − n/|G|) / N over its pieces.
 */
function printErrors(limit: number): void {
  const n = items.length;
  const title = new Map(items.map((item) => [item.id, item.title]));
  const cells = new Map<string, Map<string, number>>();
  const pieces = new Map<string, Map<string, number>>();
  for (const item of items) {
    const cluster = result.storyOf.get(item.id)!;
    const inCluster = cells.get(cluster) ?? cells.set(cluster, new Map()).get(cluster)!;
    inCluster.set(item.story, (inCluster.get(item.story) ?? 0) + 1);
    const ofStory = pieces.get(item.story) ?? pieces.set(item.story, new Map()).get(item.story)!;
    ofStory.set(cluster, (ofStory.get(cluster) ?? 0) + 1);
  }
  const loss = (counts: Map<string, number>): number => {
    const size = [...counts.values()].reduce((sum, count) => sum + count, 0);
    return [...counts.values()].reduce((sum, count) => sum + count * (1 - count / size), 0) / n;
  };
  const worst = (groups: Map<string, Map<string, number>>) =>
    [...groups].map(([key, counts]) => ({ key, counts, loss: loss(counts) }))
      .filter((group) => group.loss > 0)
      .sort((x, y) => y.loss - x.loss)
      .slice(0, limit);
  const sizes = (counts: Map<string, number>): number[] => [...counts.values()].sort((x, y) => y - x);
  console.log(`\nclusters costing the most B3 precision (loss, size, gold stories mixed in):`);
  for (const { key, counts, loss: l } of worst(cells)) {
    const mix = [...counts].sort((x, y) => y[1] - x[1]).map(([story, count]) => `${story} ×${count}`).join(', ');
    console.log(`  ${l.toFixed(4)}  ${String(sizes(counts).reduce((a, b) => a + b)).padStart(4)}  "${title.get(key)}"  [${mix}]`);
  }
  console.log(`\ngold stories costing the most B3 recall (loss, story, sizes of its pieces):`);
  for (const { key, counts, loss: l } of worst(pieces)) {
    console.log(`  ${l.toFixed(4)}  ${key}  [${sizes(counts).join(', ')}]`);
  }
}
if (values.errors) printErrors(Number(values.errors));
