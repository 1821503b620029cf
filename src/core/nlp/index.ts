export { getNlp } from './wink.js';
export { splitSentences, splitParagraphs, countWords, type Sentence, type Token } from './sentences.js';
