/**
 * Slack's documented Block Kit and Web API limits, and the margins we keep under them.
 * https://docs.slack.dev/reference/block-kit/blocks
 */
export const SLACK_LIMITS = {
  /** header block: plain_text. */
  HEADER_CHARS: 150,
  /** section block: text object. */
  SECTION_CHARS: 3000,
  /** context block: elements per block. */
  CONTEXT_ELEMENTS: 10,
  /** blocks per message. */
  BLOCKS_PER_MESSAGE: 50,
  /** actions block: elements we put in one block (Slack allows 25; five keeps a tidy row). */
  ACTIONS_PER_BLOCK: 5,
  /** button: plain_text label. */
  BUTTON_TEXT_CHARS: 75,
  /** button: value. */
  BUTTON_VALUE_CHARS: 2000,
  /** action_id / block_id. */
  ACTION_ID_CHARS: 255,
  /** chat.postMessage text: hard limit 40,000; Slack advises 4,000 for the notification fallback. */
  MESSAGE_TEXT_CHARS: 4000,
  /** modal private_metadata. */
  PRIVATE_METADATA_CHARS: 3000,
} as const;

/** We split a long reply into at most this many messages, then trim. */
export const MAX_MESSAGES_PER_REPLY = 10;

/** The bot scopes the adapter uses; config/slack-app-manifest.yaml asks for exactly these. */
export const SLACK_BOT_SCOPES = ['commands', 'chat:write', 'chat:write.public', 'users:read', 'channels:history', 'groups:history'] as const;
