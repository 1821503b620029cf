/**
 * The one place that loads the NLP library: wink-nlp with its English "lite web" model.
 * Loaded once, lazily, in-process: no network, no model download.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

type WinkNlp = ReturnType<typeof winkNLP>;

let instance: WinkNlp | undefined;

/** The shared wink-nlp instance (about 20 ms to load the first time). */
export function getNlp(): WinkNlp {
  instance ??= winkNLP(model);
  return instance;
}
