/** Article extraction: HTML page or plain text → Article. */
export { extractArticle, MIN_ARTICLE_WORDS, type ExtractOptions } from './article.js';
export { articleFromText, type TextArticleOptions } from './plain-text.js';
export { htmlToText } from './html-to-text.js';
export { readMetadata, type PageMetadata } from './metadata.js';
export { createExtractionPool, defaultPoolSize, type ExtractionPool, type ExtractionPoolOptions, type PoolExtractOptions } from './pool.js';
export { createServingExtractor, type ServingExtractor, type ServingExtractorOptions } from './serving-extractor.js';
