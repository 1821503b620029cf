/**
 * The core's data model: types only, no behaviour.
 *
 * Data flows one way: source → Article → Briefing → Reply, and for digests
 * feeds → FeedItem → Story → Digest → Reply. Adapters only see CommandInput and Reply.
 */

/** An article's text and metadata, as extracted from a page, a file or pasted text. */
export interface Article {
  url?: string;
  /** Canonical URL declared by the page, when it differs from `url`. */
  canonicalUrl?: string;
  title: string;
  byline?: string;
  siteName?: string;
  /** ISO 8601. */
  publishedAt?: string;
  /** ISO 639-1 code, e.g. `en`. */
  language?: string;
  /** Plain text; paragraphs separated by a blank line. */
  text: string;
}

/** A direct quotation and who said it. */
export interface Quote {
  text: string;
  speaker?: string;
  /** Index of the source sentence the quote stands in. */
  sentence?: number;
}

/** A named entity with the role the article gives it ("Deputy Foreign Minister"). */
export interface NamedEntity {
  name: string;
  role?: string;
  /** How many times the article mentions it. */
  mentions?: number;
}

export interface Entities {
  people: NamedEntity[];
  organisations: NamedEntity[];
  places: NamedEntity[];
}

/** A scheduled event. `when` is what the article says; `date` is resolved (ISO date) when possible. */
export interface WhatNext {
  when: string;
  what: string;
  /** ISO 8601 date (YYYY-MM-DD) resolved against the publication date, when known. */
  date?: string;
  /** Index of the source sentence. */
  sentence?: number;
}

/** Where a point came from: indexes into the article's sentence list. */
export interface PointEvidence {
  sentences: number[];
}

export type SummarizerName = 'extractive' | 'llm';

export interface Briefing {
  id: string;
  title: string;
  /** 3 to 5 points, each one sentence of at most 40 words (fewer only for very short articles). */
  points: string[];
  /** `evidence[i]` is the evidence for `points[i]`. */
  evidence?: PointEvidence[];
  quote?: Quote;
  entities: Entities;
  whatNext: WhatNext[];
  source: { url?: string; siteName?: string; byline?: string; publishedAt?: string };
  /** Integrity and quality warnings a reader should see ("appears machine-paraphrased"). */
  warnings: string[];
  /** Minutes to read the original. */
  readingTime?: number;
  language?: string;
  /** Which summarizer produced the points. */
  summarizer?: SummarizerName;
  /** LLM points replaced by extractive ones after a failed grounding check. */
  replaced?: { index: number; reason: string; original: string }[];
  /** ISO 8601. */
  createdAt: string;
}

// ---------------------------------------------------------------------------
// Chat: where a command comes from and what goes back
// ---------------------------------------------------------------------------

export type Platform = 'slack' | 'discord' | 'cli';

/** Every stored row belongs to exactly one channel of one workspace. */
export interface ChannelRef {
  platform: Platform;
  /** Slack team id, Discord guild id, `local` for the CLI. */
  workspace: string;
  channel: string;
}

/** Follow-up verbs a user can run on a stored briefing. */
export type FollowupVerb = 'more' | 'ask' | 'quotes' | 'who' | 'next' | 'source';

/** A button: a follow-up verb on one briefing. */
export interface ReplyAction {
  label: string;
  verb: FollowupVerb;
  briefingId: string;
}

export interface ReplyLink {
  title: string;
  url: string;
  /** Outlet or feed name. */
  source?: string;
}

export interface ReplySection {
  heading?: string;
  points?: string[];
  text?: string;
  links?: ReplyLink[];
}

/**
 * A neutral message. Each adapter renders it within its platform's limits and splits or trims
 * rather than failing. All strings are plain text: adapters escape them for their markup.
 */
export interface Reply {
  kind: 'briefing' | 'digest' | 'followup' | 'info' | 'error';
  heading?: string;
  /** Numbered points (a briefing's points). */
  points?: string[];
  quote?: Quote;
  /** Label/value pairs ("Source", "Reading time" …). */
  fields?: { label: string; value: string }[];
  /** Free text paragraphs. */
  text?: string;
  /** Further sections (a digest's stories). */
  sections?: ReplySection[];
  links?: ReplyLink[];
  /** Small print: source, reading time, warnings. */
  context?: string[];
  actions?: ReplyAction[];
  /** Only the person who asked should see it (errors). */
  ephemeral?: boolean;
  /** The briefing this reply is about, if any. */
  briefingId?: string;
}

/** What an adapter received, in platform-neutral terms. */
export interface CommandInput {
  channel: ChannelRef;
  /** Platform user id of whoever ran the command. */
  user: string;
  /** Display name, for "asked by …". */
  userName?: string;
  /** Whether the user may manage this channel's feeds and schedules (the adapter decides). */
  canManage: boolean;
  /** The text after `/brief`, e.g. `https://…`, `ask who is Ryabkov?`, `feeds add https://…`. */
  text: string;
  /** `text` is pasted article text to brief as it is, never a subcommand (Discord's `/brief text`). */
  pasted?: boolean;
  /** A follow-up on a specific briefing (a button click). */
  followup?: { verb: FollowupVerb; briefingId?: string; arg?: string };
}

/** The result of a post to a platform. */
export interface Delivery {
  /** Platform message ids, one per message when a reply was split. */
  messageIds: string[];
}

// ---------------------------------------------------------------------------
// Feeds and digests
// ---------------------------------------------------------------------------

export interface Feed {
  url: string;
  title?: string;
  /** Ranking weight, default 1. */
  weight?: number;
}

export interface FeedItem {
  /** Stable identity: guid, else canonical URL without tracking parameters, else a content hash. */
  id: string;
  feedUrl: string;
  feedTitle?: string;
  title: string;
  url?: string;
  summary?: string;
  /** ISO 8601. */
  publishedAt?: string;
  author?: string;
}

export interface Story {
  id: string;
  title: string;
  items: FeedItem[];
  points: string[];
  score?: number;
}

export interface Digest {
  channel?: ChannelRef;
  /** ISO 8601 slot time this digest was built for. */
  slot?: string;
  stories: Story[];
  /** Feeds that failed while building this digest, with why. */
  brokenFeeds: { url: string; error: string }[];
  /** Notes such as slots missed while the bot was down. */
  notes: string[];
}

export interface Schedule {
  id: string;
  channel: ChannelRef;
  /** node-cron expression. */
  cron: string;
  /** IANA time zone. */
  timezone: string;
  topics?: string[];
  exclude?: string[];
  /** Stories per digest. */
  maxStories?: number;
  enabled: boolean;
}
