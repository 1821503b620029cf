/**
 * The `/brief` slash command as Discord sees it: subcommands and groups whose names are the user
 * interface. Discord's `default_member_permissions` applies to a whole command, not to one
 * subcommand, and putting Manage Server on `/brief` would hide `/brief link` from every member;
 * so `/brief` is open and `feeds`, `schedule` and `settings` are checked when they run
 * (see {@link needsManage}).
 */
import {
  InteractionContextType,
  SlashCommandBuilder,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';

export const COMMAND_NAME = 'brief';

/** `group subcommand` paths that change a channel's setup and need Manage Server. */
const MANAGE_PATHS = new Set(['feeds add', 'feeds remove', 'schedule set', 'schedule off', 'settings summarizer']);

/**
 * Whether a subcommand path needs Manage Server.
 * @param group - subcommand group, if any (`feeds`, `schedule`, `settings`)
 * @param subcommand - the subcommand (`add`, `set` …)
 */
export function needsManage(group: string | null, subcommand: string): boolean {
  return group !== null && MANAGE_PATHS.has(`${group} ${subcommand}`);
}

/** Build the `/brief` command (one builder, so names live in one place). */
export function buildBriefCommand(): SlashCommandBuilder {
  const command = new SlashCommandBuilder()
    .setName(COMMAND_NAME)
    .setDescription('Brief an article, a text or your feeds, and ask follow-up questions')
    .setContexts(InteractionContextType.Guild);

  command
    .addSubcommand((s) =>
      s.setName('link').setDescription('Brief an article by its link')
        .addStringOption((o) => o.setName('url').setDescription('The article’s address (https://…)').setRequired(true).setMaxLength(2000)))
    .addSubcommand((s) =>
      s.setName('text').setDescription('Brief a pasted text')
        .addStringOption((o) => o.setName('content').setDescription('The text to brief').setRequired(true).setMaxLength(6000)))
    .addSubcommand((s) => s.setName('digest').setDescription('A digest of this channel’s feeds, now'))
    .addSubcommand((s) =>
      s.setName('ask').setDescription('Ask a question about the latest briefing')
        .addStringOption((o) => o.setName('question').setDescription('Your question').setRequired(true).setMaxLength(500)))
    .addSubcommand((s) =>
      s.setName('more').setDescription('More detail on the latest briefing')
        .addIntegerOption((o) => o.setName('point').setDescription('Which point to expand').setMinValue(1).setMaxValue(10)))
    .addSubcommand((s) => s.setName('quotes').setDescription('Quotes in the latest briefing’s article'))
    .addSubcommand((s) => s.setName('who').setDescription('Who’s who in the latest briefing’s article'))
    .addSubcommand((s) => s.setName('next').setDescription('What happens next, per the latest briefing’s article'))
    .addSubcommand((s) => s.setName('source').setDescription('Where the latest briefing came from'))
    .addSubcommand((s) =>
      s.setName('why').setDescription('What happened to a feed item')
        .addStringOption((o) => o.setName('url').setDescription('The item’s link').setRequired(true).setMaxLength(2000)))
    .addSubcommand((s) => s.setName('help').setDescription('How to use /brief'));

  command.addSubcommandGroup((g) =>
    g.setName('feeds').setDescription('This channel’s feeds')
      .addSubcommand((s) =>
        s.setName('add').setDescription('Follow a feed (needs Manage Server)')
          .addStringOption((o) => o.setName('url').setDescription('Feed or site address').setRequired(true).setMaxLength(2000))
          .addIntegerOption((o) => o.setName('latest').setDescription('Include this many current items in the next digest').setMinValue(0).setMaxValue(50))
          .addNumberOption((o) => o.setName('weight').setDescription('Ranking weight of this feed (default 1)').setMinValue(0.1).setMaxValue(10)))
      .addSubcommand((s) => s.setName('list').setDescription('List the feeds'))
      .addSubcommand((s) =>
        s.setName('remove').setDescription('Stop following a feed (needs Manage Server)')
          .addStringOption((o) => o.setName('url').setDescription('Feed address').setRequired(true).setMaxLength(2000))));

  command.addSubcommandGroup((g) =>
    g.setName('schedule').setDescription('This channel’s digest schedule')
      .addSubcommand((s) =>
        s.setName('set').setDescription('Post a digest on a schedule (needs Manage Server)')
          .addStringOption((o) => o.setName('when').setDescription('A cron expression or "daily 08:00"').setRequired(true).setMaxLength(100))
          .addStringOption((o) => o.setName('timezone').setDescription('IANA time zone, e.g. Europe/Paris').setRequired(true).setAutocomplete(true))
          .addStringOption((o) => o.setName('topics').setDescription('Only these topics, comma-separated').setMaxLength(300))
          .addStringOption((o) => o.setName('exclude').setDescription('Leave out these topics, comma-separated').setMaxLength(300)))
      .addSubcommand((s) => s.setName('show').setDescription('Show the schedule'))
      .addSubcommand((s) => s.setName('off').setDescription('Stop the scheduled digest (needs Manage Server)')));

  command.addSubcommandGroup((g) =>
    g.setName('settings').setDescription('This channel’s settings')
      .addSubcommand((s) =>
        s.setName('summarizer').setDescription('Choose how briefings are written (needs Manage Server)')
          .addStringOption((o) =>
            o.setName('name').setDescription('extractive quotes the article; llm rewrites it, checked against the article').setRequired(true)
              .addChoices({ name: 'extractive', value: 'extractive' }, { name: 'llm', value: 'llm' }))));

  return command;
}

/** The JSON put to Discord by registration. */
export function commandDefinitions(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return [buildBriefCommand().toJSON()];
}
