import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../../src/core/errors.js';
import { toGroupInput } from '../../../../src/core/digest/group/from-feed-item.js';
import { groupStories } from '../../../../src/core/digest/group/group-stories.js';
import { scoreGrouping } from '../../../../src/core/digest/group/score.js';
import type { GroupInput } from '../../../../src/core/digest/group/types.js';

const DAY = '2021-05-04T';

/** Labelled items from a JSON Lines fixture of test/fixtures/stories/. */
function readFixture(name: string): (GroupInput & { story: string })[] {
  return readFileSync(new URL(`../../../fixtures/stories/${name}`, import.meta.url), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as GroupInput & { story: string });
}

/** Item ids grouped as sets of sorted ids, for order-free comparison. */
function partition(items: GroupInput[], options = {}): string[][] {
  return groupStories(items, options)
    .stories.map((s) => [...s.itemIds].sort())
    .sort((x, y) => x[0]!.localeCompare(y[0]!));
}

const pfizerFda: GroupInput[] = [
  {
    id: 'fda-reuters',
    source: 'Reuters',
    published: `${DAY}09:00:00Z`,
    title: 'U.S. FDA set to authorize Pfizer COVID-19 shot for ages 12-15 early next week',
    summary: 'The U.S. Food and Drug Administration is set to authorize the Pfizer-BioNTech vaccine for adolescents aged 12 to 15.',
  },
  {
    id: 'fda-fox',
    source: 'Fox News',
    published: `${DAY}11:30:00Z`,
    title: 'FDA Set to Approve Pfizer COVID Vaccine for 12-15 Year Olds by Next Week: Report',
    summary: 'The FDA is preparing to authorize use of the Pfizer vaccine in adolescents 12 to 15 years old by early next week.',
  },
  {
    id: 'fda-cnn',
    source: 'CNN',
    published: `${DAY}14:10:00Z`,
    title: 'FDA appears poised to authorize Pfizer-BioNTech vaccine for adolescents by next week',
    summary: 'The US Food and Drug Administration appears poised to authorize Pfizer’s Covid-19 vaccine for children ages 12 to 15.',
  },
];

const pfizerEarnings: GroupInput[] = [
  {
    id: 'sales-wsj',
    source: 'Wall Street Journal',
    published: `${DAY}10:00:00Z`,
    title: 'Vaccine Sales Lift Pfizer’s Quarterly Results',
    summary: 'Pfizer said first-quarter revenue rose 45% to $14.6 billion, lifted by $3.5 billion in sales of its Covid-19 vaccine.',
  },
  {
    id: 'sales-cnbc',
    source: 'CNBC',
    published: `${DAY}12:00:00Z`,
    title: 'Pfizer expects $26 billion in 2021 sales from COVID vaccine',
    summary: 'Pfizer raised its full-year forecast for vaccine sales to $26 billion after quarterly revenue beat estimates.',
  },
  {
    id: 'sales-nyt',
    source: 'New York Times',
    published: `${DAY}13:00:00Z`,
    title: 'Pfizer Reaps Hundreds of Millions in Profits From Covid Vaccine',
    summary: 'The drugmaker reported $3.5 billion in quarterly revenue from its vaccine, about a quarter of its total revenue.',
  },
];

const teslaRecall: GroupInput[] = [
  {
    id: 'recall-1',
    published: `${DAY}07:00:00Z`,
    title: 'Tesla recalls 285,000 cars in China over cruise control flaw',
    summary: 'Tesla is recalling nearly 285,000 Model 3 and Model Y vehicles in China because of a problem with the cruise control system, the regulator said.',
  },
  {
    id: 'recall-2',
    published: `${DAY}08:30:00Z`,
    title: 'China regulator orders Tesla recall of Model 3, Model Y vehicles',
    summary: 'The State Administration for Market Regulation said the cars could activate cruise control by mistake, and Tesla will update the software remotely.',
  },
];

const teslaProfit: GroupInput[] = [
  {
    id: 'profit-1',
    published: `${DAY}20:00:00Z`,
    title: 'Tesla posts record quarterly profit as deliveries surge',
    summary: 'Tesla reported a record net income of $1.1 billion for the second quarter as deliveries doubled from a year ago.',
  },
  {
    id: 'profit-2',
    published: `${DAY}21:00:00Z`,
    title: 'Tesla quarterly earnings top $1 billion for the first time',
    summary: 'Electric-car maker Tesla earned more than $1 billion in a quarter for the first time, beating analyst estimates on strong deliveries.',
  },
];

const pipeline: GroupInput[] = [
  {
    id: 'pipe-1',
    published: `${DAY}08:00:00Z`,
    title: 'Colonial Pipeline restarts operations after ransomware attack',
    summary: 'The largest fuel pipeline in the United States restarted operations five days after a ransomware attack.',
  },
  {
    id: 'pipe-2',
    published: `${DAY}09:00:00Z`,
    title: 'Colonial Pipeline resumes fuel deliveries following cyberattack shutdown',
    summary: 'Colonial Pipeline said it had resumed operations of its fuel pipeline after the ransomware attack forced a shutdown.',
  },
];

describe('groupStories', () => {
  it('keeps one story when three outlets report the same event', () => {
    const { stories } = groupStories(pfizerFda);
    expect(stories).toHaveLength(1);
    expect(stories[0]!.itemIds).toEqual(['fda-reuters', 'fda-fox', 'fda-cnn']);
  });

  it('keeps two different events about the same company apart', () => {
    expect(partition([...teslaRecall, ...teslaProfit, ...pipeline])).toEqual([
      ['pipe-1', 'pipe-2'],
      ['profit-1', 'profit-2'],
      ['recall-1', 'recall-2'],
    ]);
  });

  // Known limit: two events sharing company, product and day ("Pfizer vaccine" approval news and
  // "Pfizer vaccine" sales) have too many terms in common; the dev set has this very case. Requiring
  // the non-name (event) words to agree as well separates these two, but on the dev set it also splits
  // aggregator stories that are held together by a name alone ("Ukraine", "JetBlue") and AllSides
  // roundups whose outlets word one event differently, and cost more than it gained (B3 F1 0.83 or
  // less against 0.84).
  it.fails('keeps apart two same-day events that share the company and the product', () => {
    expect(partition([...pfizerFda, ...pfizerEarnings, ...pipeline])).toEqual([
      ['fda-cnn', 'fda-fox', 'fda-reuters'],
      ['pipe-1', 'pipe-2'],
      ['sales-cnbc', 'sales-nyt', 'sales-wsj'],
    ]);
  });

  it('never links items more than 36 hours apart, however alike', () => {
    const early = { id: 'early', title: 'Colonial Pipeline restarts operations after ransomware attack', published: '2021-05-10T06:00:00Z' };
    const late = { ...early, id: 'late', published: '2021-05-11T19:00:00Z' };
    expect(groupStories([early, late]).stories).toHaveLength(2);
    expect(groupStories([early, { ...late, published: '2021-05-11T17:00:00Z' }]).stories).toHaveLength(1);
    expect(groupStories([early, late], { maxSpanHours: 48 }).stories).toHaveLength(1);
  });

  it('keeps a whole story within the time limit even when items chain day by day', () => {
    const chain = [0, 1, 2, 3].map((day) => ({
      id: `day-${day}`,
      title: 'Colonial Pipeline ransomware attack shuts fuel deliveries',
      published: new Date(Date.UTC(2021, 4, 7 + day, 12)).toISOString(),
    }));
    for (const story of groupStories(chain).stories) {
      const times = story.itemIds.map((id) => Date.parse(chain.find((c) => c.id === id)!.published));
      expect(Math.max(...times) - Math.min(...times)).toBeLessThanOrEqual(36 * 3_600_000);
    }
  });

  it('names each story after its earliest item and lists items earliest first', () => {
    const shuffled = [pfizerFda[2]!, pfizerFda[0]!, pfizerFda[1]!];
    const { stories, storyOf } = groupStories(shuffled);
    expect(stories[0]!.id).toBe('fda-reuters');
    expect(stories[0]!.itemIds).toEqual(['fda-reuters', 'fda-fox', 'fda-cnn']);
    expect([...storyOf.values()]).toEqual(['fda-reuters', 'fda-reuters', 'fda-reuters']);
  });

  it('gives the same stories whatever the input order', () => {
    const items = [...pfizerFda, ...pfizerEarnings, ...teslaRecall, ...teslaProfit, ...pipeline];
    const reversed = [...items].reverse();
    const interleaved = items.filter((_, i) => i % 2 === 0).concat(items.filter((_, i) => i % 2 === 1));
    const expected = groupStories(items).stories;
    expect(groupStories(reversed).stories).toEqual(expected);
    expect(groupStories(interleaved).stories).toEqual(expected);
  });

  it('groups a headline the aggregator cut off with " ..." with its full versions', () => {
    const items: GroupInput[] = [
      { id: 'full-1', title: 'Honda splits Acura into its own division to revitalize brand', published: '2014-03-11' },
      { id: 'full-2', title: 'Honda makes Acura a standalone division to boost luxury lineup', published: '2014-03-11' },
      { id: 'cut', title: 'Honda Makes Acura Stand-Alone Division to Boost ...', published: '2014-03-11' },
      { id: 'other', title: 'Elephants can tell human voices apart, study finds', published: '2014-03-11' },
    ];
    expect(partition(items)).toEqual([['cut', 'full-1', 'full-2'], ['other']]);
  });

  it('groups news written in other scripts and accents', () => {
    const items: GroupInput[] = [
      { id: 'fr-1', title: 'Élection présidentielle : Macron réélu face à Le Pen' },
      { id: 'fr-2', title: 'Presidentielle: Emmanuel Macron reelu, Le Pen battue' },
      { id: 'ja-1', title: '東京五輪の開催延期が決定' },
      { id: 'ja-2', title: '東京五輪、開催延期を正式決定' },
      { id: 'de-1', title: 'Bundestag beschließt Klimaschutzgesetz' },
    ];
    expect(partition(items)).toEqual([['de-1'], ['fr-1', 'fr-2'], ['ja-1', 'ja-2']]);
  });

  it('gives every item a story, even items without usable words or dates', () => {
    const items: GroupInput[] = [
      { id: 'empty', title: '' },
      { id: 'stop', title: 'The and of' },
      { id: 'nodate', title: 'Colonial Pipeline restarts operations after ransomware attack', published: 'not a date' },
      ...pipeline,
    ];
    const { storyOf } = groupStories(items);
    expect([...storyOf.keys()].sort()).toEqual(['empty', 'nodate', 'pipe-1', 'pipe-2', 'stop']);
    expect(storyOf.get('empty')).toBe('empty');
    expect(storyOf.get('stop')).toBe('stop');
    expect(storyOf.get('nodate')).toBe('pipe-1');
    expect(groupStories([]).stories).toEqual([]);
  });

  it('keeps one story for a headline syndicated to most feeds of the batch', () => {
    const syndicated = Array.from({ length: 80 }, (_, i) => ({
      id: `ap-${String(i).padStart(2, '0')}`,
      title: 'Colonial Pipeline restarts operations after ransomware attack',
      published: `${DAY}10:00:00Z`,
    }));
    const others = Array.from({ length: 20 }, (_, i) => ({
      id: `other-${i}`,
      title: `Local council ${i} approves budget number ${i * 7}`,
      published: `${DAY}10:00:00Z`,
    }));
    const { storyOf } = groupStories([...syndicated, ...others]);
    expect(new Set(syndicated.map((item) => storyOf.get(item.id)))).toEqual(new Set(['ap-00']));
  });

  it('refuses an out-of-range option with a message naming it', () => {
    expect(() => groupStories(pipeline, { mergeThreshold: 0 })).toThrow(/mergeThreshold must be between 0/);
    expect(() => groupStories(pipeline, { neighbours: 2.5 })).toThrow(ConfigError);
  });

  it('adds a loosely worded report to a big story whose name is common in the batch', () => {
    // GIVEN a launch covered by 60 outlets, so "Titanfall" is in most of the batch, and a stray
    // report whose other words only weakly match an unrelated item.
    const at = '2014-03-11T00:00:00Z';
    const angles = ['reviews', 'servers', 'sales', 'players', 'patch', 'trailer', 'bundle', 'price', 'maps', 'modes',
      'beta', 'graphics', 'resolution', 'framerate', 'controller', 'midnight', 'stores', 'queues', 'crowds', 'fans',
      'critics', 'scores', 'downloads', 'install', 'size', 'campaign', 'multiplayer', 'mechs', 'titans', 'pilots',
      'weapons', 'guns', 'matchmaking', 'lag', 'outage', 'demand', 'preorders', 'retailers', 'discount', 'deals',
      'gamers', 'streams', 'twitch', 'youtube', 'videos', 'screenshots', 'gameplay', 'tips', 'guide', 'ranks',
      'unlocks', 'burn', 'cards', 'smart', 'pistol', 'parkour', 'wallrun', 'respawn', 'studio', 'developer'];
    const launch = angles.map((angle, i) => ({ id: `tf-${i}`, title: `Titanfall launches on Xbox One: ${angle}`, published: at }));
    const councils = Array.from({ length: 30 }, (_, i) => ({
      id: `council-${i}`,
      title: `Council ${i} approves budget ${i * 7} for road repairs`,
      published: at,
    }));
    const stray = { id: 'stray', title: 'How to level up quickly in Titanfall', published: at };
    const drought = {
      id: 'drought',
      title: 'Drought grips farms across the valley',
      summary: 'The reservoir water level fell again as officials warned ranchers of rationing.',
      published: at,
    };
    const { storyOf } = groupStories([...launch, ...councils, stray, drought]);
    expect(storyOf.get('stray')).toBe(storyOf.get('tf-0'));
    expect(storyOf.get('drought')).toBe('drought');
  });

  it('keeps a broad markets story from drifting into the neighbouring stories it borders', () => {
    // GIVEN three same-day stories (China's export data, Asian stocks, the Wall Street open) whose
    // headlines share "China", "stocks", "weak", "data". A centroid that has absorbed "stocks fall on
    // weak China data" items would go on to absorb the Wall Street coverage too; the founding reports
    // of the exports story do not fit it, so that coverage stays a story of its own.
    const lines = readFixture('china-markets.jsonl');
    const { storyOf } = groupStories(lines);
    const score = scoreGrouping(new Map(lines.map((l) => [l.id, l.story])), storyOf);
    expect(score.b3Precision).toBeGreaterThanOrEqual(0.55);
  });

  it('keeps B-cubed F1 at 0.9 or more on a sample of the development set', () => {
    const lines = readFixture('dev-sample.jsonl');
    const { storyOf } = groupStories(lines);
    const score = scoreGrouping(new Map(lines.map((l) => [l.id, l.story])), storyOf);
    expect(score.b3F1).toBeGreaterThanOrEqual(0.9);
  });
});

describe('toGroupInput', () => {
  it('lets polled feed items be grouped directly', () => {
    const feedItems = pfizerFda.map((item) => ({
      id: item.id,
      feedUrl: `https://feeds.example/${item.source ?? 'x'}`,
      title: item.title,
      summary: item.summary ?? undefined,
      publishedAt: item.published,
    }));
    const { stories } = groupStories(feedItems.map(toGroupInput));
    expect(stories).toEqual([{ id: 'fda-reuters', itemIds: ['fda-reuters', 'fda-fox', 'fda-cnn'] }]);
  });
});
