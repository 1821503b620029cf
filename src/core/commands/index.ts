export { createCore, errorReply, DEFAULT_BRIEFING_TTL_MS, GENERIC_ERROR_TEXT, type CoreDeps } from './core.js';
export { parseCommand, isLink, unwrapLink, type ParsedCommand } from './parse.js';
export { briefingToReply, formatWhatNext, formatSourceLine, formatDay, BRIEFING_ACTIONS } from './briefing-reply.js';
export { helpReply, HELP_LINES } from './help.js';
export type { ArticleSource, DigestService, FollowupService } from './services.js';
