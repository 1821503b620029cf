/**
 * Picks the summarizer a channel or the CLI asked for, falling back to the extractive one
 * (with a note to show) when the LLM one is not configured.
 */
import type { SummarizerName } from '../../model.js';
import type { Summarizer } from '../summarizer.js';

export interface SummarizerChoice {
  summarizer: Summarizer;
  /** For the user when the choice could not be honoured. */
  note?: string;
}

export const LLM_NOT_CONFIGURED_NOTE =
  'The LLM summarizer is not configured (set LLM_BASE_URL and LLM_MODEL); this is the extractive briefing.';

/**
 * @param name - what the channel setting, NEWSBRIEF_SUMMARIZER or --summarizer asked for
 * @param available - the extractive summarizer, and the LLM one when LLM_* settings exist
 */
export function chooseSummarizer(
  name: SummarizerName,
  available: { extractive: Summarizer; llm?: Summarizer | undefined },
): SummarizerChoice {
  if (name === 'extractive') return { summarizer: available.extractive };
  if (available.llm) return { summarizer: available.llm };
  return { summarizer: available.extractive, note: LLM_NOT_CONFIGURED_NOTE };
}
