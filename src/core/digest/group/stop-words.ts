/**
 * Function words that say nothing about which event an item reports, in the normalised form the
 * tokenizer produces (lower case, apostrophes removed, before stemming). English plus the most
 * frequent French, German and Spanish function words, and a few headline fillers ("says", "update").
 * IDF down-weights whatever common words remain, so this list only needs the obvious ones.
 */

const ENGLISH = `a about above after again against all almost also am among an and another any are around as at
be because been before being below between both but by can cannot could did do does doing done dont down during
each either else ever every few for from further get gets getting got had has have having he her here hers herself
him himself his how however i if in into is isnt it its itself just least less like made make many may me might
more most much must my myself neither no nor not now of off often on once one only or other our ours ourselves out
over own per perhaps rather same several she should since so some still such than that the their theirs them
themselves then there these they this those though through thus to too under until up upon us very via was we were
what whatever when where whether which while who whom whose why will with within without would yet you your yours
yourself yourselves wont cant doesnt didnt arent wasnt werent hasnt havent hadnt shouldnt wouldnt couldnt thats
whats theres heres lets ive youre theyre weve were`;

const HEADLINE_FILLERS = `says said say saying update updated updates new news breaking exclusive report reports
reported video watch photos photo live today yesterday week`;

const FRENCH = `le la les un une des du de et en au aux ce ces cette dans est sont pour par sur avec qui que ne pas
plus son sa ses leur leurs il elle ils elles nous vous`;

const GERMAN = `der die das den dem des ein eine einer eines und oder ist sind im ins zu zum zur mit von vom auf
aus bei für nach über unter nicht sich auch als wie`;

const SPANISH = `el los las una unos unas del al y o es son por para con sin sobre entre su sus se lo como más
pero`;

/** Normalised stop words (lower case, no apostrophes). */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  [ENGLISH, HEADLINE_FILLERS, FRENCH, GERMAN, SPANISH].join(' ').split(/\s+/u).filter(Boolean),
);
