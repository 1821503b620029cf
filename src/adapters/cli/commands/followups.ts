/** `newsbrief ask|quotes|who <url | file> …`: follow-ups on an article, without a chat platform. */
import type { CliCommand, CliContext } from '../command.js';
import { write } from '../command.js';
import { UsageError } from '../args.js';
import { loadInputArticle, readInputSource } from '../io.js';
import { formatReplyText } from '../format.js';
import type { FollowupVerb } from '../../../core/model.js';
import type { StoredBriefing } from '../../../core/store/store.js';

async function briefLocally(arg: string | undefined, command: string, ctx: CliContext): Promise<StoredBriefing> {
  const source = await readInputSource(arg, ctx.stdin, command);
  const app = await ctx.app();
  const article = await loadInputArticle(app, source);
  const briefing = await app.summarizer('extractive').summarize(article);
  const now = new Date().toISOString();
  return { channel: { platform: 'cli', workspace: 'local', channel: 'terminal' }, briefing, article, createdAt: now, expiresAt: now };
}

function followupCommand(verb: FollowupVerb, name: string, summary: string, usage: string, takesQuestion: boolean): CliCommand {
  return {
    name,
    summary,
    usage,
    options: { json: { type: 'boolean' } },
    async run({ values, positionals }, ctx) {
      const [input, ...rest] = positionals;
      const question = rest.join(' ').trim();
      if (takesQuestion && !question) throw new UsageError(`${name}: missing question: newsbrief ${name} <url | file> "<question>"`);
      if (!takesQuestion && rest.length) throw new UsageError(`${name}: unexpected argument "${rest[0]}"`);
      const stored = await briefLocally(input, name, ctx);
      const app = await ctx.app();
      const reply = await app.followups.run(verb, stored, takesQuestion ? question : undefined);
      write(ctx.stdout, values.json ? JSON.stringify(reply, null, 2) : formatReplyText(reply));
      return 0;
    },
  };
}

export const askCommand = followupCommand(
  'ask',
  'ask',
  'answer a question from an article, quoting it',
  `Usage: newsbrief ask <url | file> "<question>" [--json]

Quotes the one to three sentences of the article that best answer the question, with where they stand,
or says that the article does not say.`,
  true,
);

export const quotesCommand = followupCommand(
  'quotes',
  'quotes',
  'list every direct quotation in an article with its speaker',
  'Usage: newsbrief quotes <url | file> [--json]',
  false,
);

export const whoCommand = followupCommand(
  'who',
  'who',
  'list the people, organisations and places in an article with their roles',
  'Usage: newsbrief who <url | file> [--json]',
  false,
);
