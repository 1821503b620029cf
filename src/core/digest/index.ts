/** Feeds and digests: polling, composing, rendering, and the feed commands. */
export type { HttpGet, GroupStories, GroupInputItem, SummarizeStory } from './seams.js';
export { groupByExactTitle, summarizeFromFeed, normaliseTitle } from './defaults.js';
export { createFeedPoller, DEFAULT_POLL_OPTIONS, mapLimit } from './poll.js';
export type { FeedPoller, PollOptions, PollResult, PollStatus } from './poll.js';
export { compileRules } from './filter.js';
export type { ItemRules } from './filter.js';
export { composeDigest, DEFAULT_MAX_STORIES, itemKey } from './compose.js';
export type { ComposeOptions, ComposedDigest } from './compose.js';
export { digestToReply, NOTHING_NEW } from './reply.js';
export { buildChannelDigest, buildDigestNow, DEFAULT_MAX_ITEM_AGE_MS } from './channel-digest.js';
export type { BuiltChannelDigest, ChannelDigestOptions, ChannelDigestRules } from './channel-digest.js';
export { feedsAdd, feedsList, feedsRemove, normaliseFeedUrl } from './feeds-commands.js';
export type { FeedsCommandOptions } from './feeds-commands.js';
export { explainItem } from './explain.js';
export { buildDigestForFeeds, digestToJson } from './feeds-digest.js';
export type { FeedsDigestOptions } from './feeds-digest.js';
export { formatAgo, formatSlot, parseSince } from './time-text.js';
export { createDigestService, type DigestServiceOptions } from './service.js';
