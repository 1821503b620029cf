/**
 * The digest's seams to other parts of newsbrief, as plain function types so the lead can
 * wire the real implementations (SSRF-safe fetcher, story grouping, summarizer) in main.ts.
 */
import type { FeedItem } from '../model.js';

/** A GET request. The real one is the SSRF-safe fetcher in src/core/fetch/. */
export type HttpGet = (
  url: string,
  init: { headers: Record<string, string> },
) => Promise<{ status: number; headers: Record<string, string>; body: Buffer; finalUrl: string }>;

/** What the story grouper sees of an item. `id` is unique within one call. */
export interface GroupInputItem {
  id: string;
  title: string;
  summary?: string;
  url?: string;
  /** Feed (outlet) name or URL. */
  source?: string;
  /** ISO 8601. */
  published?: string;
}

/** Groups items that report the same event into stories (src/core/digest/group/ has the real one). */
export type GroupStories = (items: GroupInputItem[]) => { stories: { id: string; itemIds: string[] }[] };

/** 1–2 plain-text points for a story, from its lead item. */
export type SummarizeStory = (item: FeedItem) => Promise<string[]> | string[];
