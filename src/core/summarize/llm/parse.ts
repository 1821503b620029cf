/**
 * Turns the model's text into a validated LlmAnswer. Models wrap JSON in code fences, a
 * sentence of prose or a <think> block now and then; all are tolerated, anything else is
 * invalid output.
 */
import type { z } from 'zod';
import { llmAnswerSchema, type LlmAnswer } from './prompt.js';

export type ParseResult = { ok: true; answer: LlmAnswer } | { ok: false; detail: string };

/** The JSON object inside a reply: unwraps ```json fences and trims prose around the braces. */
export function extractJsonText(content: string): string {
  // Reasoning models served by Ollama or vLLM (DeepSeek-R1, Qwen3) think aloud first.
  const answer = content.replace(/<think>[\s\S]*?<\/think>/g, '');
  const fenced = /```(?:json|JSON)?\s*\n?([\s\S]*?)```/.exec(answer);
  const body = (fenced?.[1] ?? answer).trim();
  const start = body.indexOf('{');
  const end = body.lastIndexOf('}');
  return start >= 0 && end > start ? body.slice(start, end + 1) : body;
}

/** Parses and validates one answer. */
export function parseLlmAnswer(content: string): ParseResult {
  let json: unknown;
  try {
    json = JSON.parse(extractJsonText(content));
  } catch {
    return { ok: false, detail: 'the answer was not valid JSON' };
  }
  const result = llmAnswerSchema.safeParse(json);
  if (!result.success) return { ok: false, detail: `the answer did not have the briefing fields (${describe(result.error)})` };
  return { ok: true, answer: result.data };
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'root'}: ${issue.message}` : 'unknown';
}
