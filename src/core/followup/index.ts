export { answerQuestion, DEFAULT_ANSWER_OPTIONS, type Answer, type AnswerOptions, type AnswerResult } from './answer.js';
export { classifyQuestion, type AnswerKind } from './answer-kinds.js';
export { answerFromArticle, factsOfArticle } from './article-api.js';
export { viewArticle, type ArticleView } from './article-view.js';
export { moreReply, leadImportance, type ImportanceScore, type MoreOptions } from './more.js';
export { resolveFollowupTarget, BRIEFING_TTL_DAYS } from './resolve.js';
export { followupActions } from './reply.js';
export { askReply, quotesReply, whoReply, nextReply, sourceReply, NOT_ANSWERED_TEXT } from './verbs.js';
export { FOLLOWUP_VERBS, runFollowup, type FollowupVerbFn } from './run.js';
