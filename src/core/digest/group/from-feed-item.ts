/** Maps the digest's FeedItem onto story grouping's input. */
import type { FeedItem } from '../../model.js';
import type { GroupInput } from './types.js';

/**
 * @param item - a polled feed item.
 * @returns the fields grouping reads; the feed's title stands in as the source name.
 */
export function toGroupInput(item: FeedItem): GroupInput {
  const input: GroupInput = { id: item.id, title: item.title };
  if (item.summary !== undefined) input.summary = item.summary;
  if (item.url !== undefined) input.url = item.url;
  input.source = item.feedTitle ?? item.feedUrl;
  if (item.publishedAt !== undefined) input.published = item.publishedAt;
  return input;
}
