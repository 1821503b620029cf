export { detectSpin, restoreStandardTerms, SPIN_WARNING, SPIN_MIN_DISTINCT, type SpinReport, type TorturedPhrase } from './spin.js';
export { detectLanguage, type DetectedLanguage } from './language.js';
