/** A stored briefing of the seed article, as the briefing command would save it. */
import type { ChannelRef } from '../../../../src/core/model.js';
import type { StoredBriefing } from '../../../../src/core/store/store.js';
import { loadSeedArticle } from '../nlp/seed.js';

export const CHANNEL: ChannelRef = { platform: 'slack', workspace: 'T1', channel: 'C1' };

export function storedSeed(overrides: Partial<StoredBriefing> & { id?: string } = {}): StoredBriefing {
  const article = loadSeedArticle();
  const { id = 'b-seed', ...rest } = overrides;
  return {
    channel: CHANNEL,
    article,
    createdAt: '2022-01-09T13:00:00.000Z',
    expiresAt: '2022-01-16T13:00:00.000Z',
    briefing: {
      id,
      title: article.title,
      points: [
        'Russia said it would not make concessions under U.S. pressure at talks this week.',
        'Talks are due in Geneva, Brussels and Vienna.',
        'Tens of thousands of Russian troops are near the border with Ukraine.',
      ],
      evidence: [{ sentences: [0] }, { sentences: [2] }, { sentences: [7] }],
      entities: { people: [], organisations: [], places: [] },
      whatNext: [],
      source: { url: article.url, siteName: article.siteName, publishedAt: article.publishedAt },
      warnings: ['Appears machine-paraphrased ("information company" for "news agency").'],
      createdAt: '2022-01-09T13:00:00.000Z',
    },
    ...rest,
  };
}
