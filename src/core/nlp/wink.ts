/**
 * The one place that loads the NLP library: wink-nlp with its English "lite web" model.
 * Loaded once, lazily, in-process: no network, no model download.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

type WinkNlp = ReturnType<typeof winkNLP>;

let instance: WinkNlp | undefined;
let sentenceInstance: WinkNlp | undefined;

/** The shared wink-nlp instance with the full pipeline (entities, negation, sentiment; ~20 ms to load). */
export function getNlp(): WinkNlp {
  instance ??= winkNLP(model);
  return instance;
}

/**
 * A wink-nlp instance that only splits sentences and tags parts of speech. It reads a document about
 * twice as fast as the full pipeline, which matters on the summarize path (budget: 5 ms per article).
 */
export function getSentenceNlp(): WinkNlp {
  sentenceInstance ??= winkNLP(model, ['sbd', 'pos']);
  return sentenceInstance;
}
