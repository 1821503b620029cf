/**
 * The DigestService the command layer calls: feeds, schedules, on-demand digests and `why`,
 * all on one store and one shared feed poller.
 */
import type { DigestService } from '../commands/services.js';
import type { Store } from '../store/store.js';
import { scheduleOff, scheduleSet, scheduleShow } from '../schedule/schedule-commands.js';
import { buildDigestNow } from './channel-digest.js';
import { explainItem } from './explain.js';
import { feedsAdd, feedsList, feedsRemove } from './feeds-commands.js';
import type { FeedPoller } from './poll.js';
import type { GroupStories, SummarizeStory } from './seams.js';

export interface DigestServiceOptions {
  store: Store;
  poller: FeedPoller;
  group?: GroupStories;
  summarizeStory?: SummarizeStory;
  /** Zone for `schedule set` without `tz:`. */
  defaultTimezone?: string;
  now?: () => Date;
}

export function createDigestService(options: DigestServiceOptions): DigestService {
  const { store, poller } = options;
  const clock = options.now ? { now: options.now } : {};
  const scheduleOptions = { ...clock, ...(options.defaultTimezone ? { defaultTimezone: options.defaultTimezone } : {}) };
  const digestOptions = {
    poller,
    ...clock,
    ...(options.group ? { group: options.group } : {}),
    ...(options.summarizeStory ? { summarizeStory: options.summarizeStory } : {}),
  };
  return {
    // The feeds commands parse their own arguments (latest:, weight:) from the text.
    feedsAdd: (channel, url, { latest, weight }) =>
      feedsAdd(store, channel, `${url}${latest === undefined ? '' : ` latest:${latest}`}${weight === undefined ? '' : ` weight:${weight}`}`, { poller, ...clock }),
    feedsList: (channel) => feedsList(store, channel, clock),
    feedsRemove: (channel, url) => feedsRemove(store, channel, url),
    scheduleSet: (channel, spec) => scheduleSet(store, channel, spec, scheduleOptions),
    scheduleShow: (channel) => scheduleShow(store, channel, scheduleOptions),
    scheduleOff: (channel) => scheduleOff(store, channel, scheduleOptions),
    digestNow: (channel) => buildDigestNow(store, channel, digestOptions),
    why: (channel, url) => explainItem(store, channel, url),
  };
}
