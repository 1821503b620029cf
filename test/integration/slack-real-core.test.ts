/** The Slack end-to-end suite against the real core (fetch, extraction, summarizer, follow-ups, SQLite). */
import { describeSlackAdapter } from './slack.suite.js';
import { createRealCore } from '../helpers/real-core.js';

describeSlackAdapter('real core', () => createRealCore());
