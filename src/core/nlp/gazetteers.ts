/**
 * Small word lists (data, not logic) that turn runs of proper nouns into people, organisations
 * and places. wink's lite English model has no PERSON/ORG/GPE recogniser, so these cues stand in.
 * Lower-case; multi-word names are joined with a single space.
 */

const words = (list: string): Set<string> => new Set(list.trim().split(/\s*\|\s*/).map((w) => w.toLowerCase()));

/** Countries, regions and well-known cities and states. */
export const PLACES = words(`
afghanistan|albania|algeria|angola|argentina|armenia|australia|austria|azerbaijan|bahrain|bangladesh|belarus|belgium|
bolivia|bosnia|brazil|britain|bulgaria|cambodia|cameroon|canada|chad|chile|china|colombia|congo|croatia|cuba|cyprus|
czech republic|denmark|ecuador|egypt|england|eritrea|estonia|ethiopia|europe|africa|asia|america|finland|france|georgia|germany|
ghana|greece|guatemala|haiti|honduras|hungary|iceland|india|indonesia|iran|iraq|ireland|israel|italy|jamaica|japan|
jordan|kazakhstan|kenya|korea|north korea|south korea|kosovo|kuwait|kyrgyzstan|laos|latvia|lebanon|liberia|libya|
lithuania|luxembourg|madagascar|malawi|malaysia|mali|malta|mexico|moldova|mongolia|montenegro|morocco|mozambique|
myanmar|namibia|nepal|netherlands|new zealand|nicaragua|niger|nigeria|norway|oman|pakistan|palestine|panama|
paraguay|peru|philippines|poland|portugal|qatar|romania|russia|rwanda|saudi arabia|scotland|senegal|serbia|
sierra leone|singapore|slovakia|slovenia|somalia|south africa|south sudan|spain|sri lanka|sudan|sweden|switzerland|
syria|taiwan|tajikistan|tanzania|thailand|tunisia|turkey|turkmenistan|uganda|ukraine|united arab emirates|uae|
united kingdom|uk|u.k.|united states|us|u.s.|usa|america|uruguay|uzbekistan|venezuela|vietnam|wales|yemen|zambia|zimbabwe|
crimea|gaza|west bank|donbas|kashmir|tibet|hong kong|northern ireland|catalonia|siberia|balkans|middle east|
london|paris|berlin|madrid|rome|moscow|kyiv|kiev|washington|new york|los angeles|chicago|boston|houston|dallas|miami|
atlanta|seattle|san francisco|philadelphia|detroit|denver|phoenix|las vegas|baltimore|new orleans|brussels|geneva|
vienna|amsterdam|stockholm|oslo|copenhagen|helsinki|warsaw|prague|budapest|athens|istanbul|ankara|tehran|baghdad|
damascus|beirut|jerusalem|tel aviv|cairo|riyadh|dubai|doha|kabul|islamabad|delhi|new delhi|mumbai|beijing|shanghai|
tokyo|seoul|pyongyang|bangkok|manila|jakarta|sydney|melbourne|toronto|montreal|vancouver|ottawa|mexico city|
havana|caracas|bogota|lima|santiago|buenos aires|rio de janeiro|sao paulo|brasilia|lagos|nairobi|johannesburg|
cape town|addis ababa|khartoum|tripoli|minsk|tbilisi|baku|yerevan|almaty|edinburgh|glasgow|cardiff|belfast|dublin|
manchester|liverpool|birmingham|leeds|bristol|sheffield|newcastle|nottingham|oxford|cambridge|brighton|munich|
frankfurt|hamburg|milan|naples|barcelona|lisbon|zurich|lyon|marseille|kharkiv|odessa|mariupol|california|texas|
florida|ohio|michigan|pennsylvania|virginia|carolina|north carolina|south carolina|arizona|nevada|oregon|utah|
colorado|kansas|missouri|iowa|indiana|illinois|wisconsin|minnesota|alabama|mississippi|louisiana|tennessee|
kentucky|massachusetts|connecticut|new jersey|maryland|oklahoma|arkansas|alaska|hawaii|montana|idaho|wyoming|
nebraska|dakota|vermont|maine|new hampshire|delaware|rhode island|new mexico|essex|kent|surrey|yorkshire|lancashire|
devon|cornwall|queensland|ontario|quebec|bavaria|normandy|sicily|hollywood|manhattan|brooklyn|silicon valley
`);

/** Organisations known by a bare name or acronym. */
export const ORGANISATIONS = words(`
nato|osce|un|united nations|eu|european union|kremlin|pentagon|white house|congress|senate|parliament|fbi|cia|nsa|
nasa|who|imf|world bank|opec|interpol|reuters|interfax|ria|tass|afp|ap|bbc|cnn|fox news|nbc|abc|cbs|espn|google|apple|
microsoft|amazon|facebook|meta|twitter|tesla|uber|netflix|samsung|sony|toyota|boeing|airbus|fifa|uefa|ioc|nhs|
scotland yard|taliban|hamas|hezbollah|isis|al qaeda|labour|conservatives|tories|democrats|republicans|supreme court|
premier league|chelsea|arsenal|liverpool fc|manchester united|manchester city|tottenham|celtic|rangers|barcelona fc|
real madrid|juventus|bayern munich|police|army|navy|red cross|unicef|unesco|greenpeace|amnesty international|
downing street|whitehall|westminster|wall street|nasdaq|ofsted|met office|bafta|grammy|oscars
`);

/** All-capital abbreviations that are things, not organisations ("DNA", "GPS", "SUV", "CEO"). */
export const NOT_ORGANISATIONS = words(`
dna|rna|gps|suv|suvs|gdp|ceo|cfo|coo|cto|dui|hiv|aids|mri|ptsd|cpr|led|usb|vat|uv|iq|pdf|id|cd|cds|dvd|dvds|iv|std|tv|
gmo|pvc|abs|spf|cgi|vhs|rpg|als|qc|mp|mps|gp|gps|md|pr|vc|gpa|bmi|wwi|wwii|ok|diy|faq|atm|hd|vip|vvip|mph|rip|lol|
omg|pc|ipo|ai|sms|hgv|ufo|adhd|ocd|ivf|hrt|ecg|icu|a&e|er|ad|bc|ce|pin|asap|ceos|mvp|nw|ne|se|sw|ii|iii|iv|vi|
ft|lbs|kg|km|cm|mm|bst|gmt|est|pst|utc|am|pm|dj|mc|rv|atv|cctv|lgbt|lgbtq|mba|phd|bsc|ma|ba|gcse|gcses|sat|sats|
ipad|iphone|app|apps|url|wifi|lcd|oled|rpm|bpm|mg|ml|co2|hq|pa|tb|uk|usa
`);

/** Last words that make a run of capitalised words an organisation ("Foreign Ministry", "Acme Inc"). */
export const ORGANISATION_TAILS = words(`
ministry|agency|inc|inc.|corp|corp.|corporation|company|co|co.|ltd|ltd.|plc|llc|group|bank|party|council|union|
committee|commission|department|office|organisation|organization|association|federation|foundation|institute|
university|college|school|hospital|club|fc|league|court|parliament|assembly|congress|senate|police|army|navy|
force|forces|guard|service|services|authority|board|bureau|network|news|times|post|journal|herald|telegraph|
guardian|airlines|airways|motors|industries|holdings|partners|trust|society|church|museum|administration|
alliance|coalition|patrol|movement|front|brigade|team|centre|center|fund|reserve|exchange|press|studios|records|
division|directorate|secretariat|regiment|battalion|taskforce|productions|pictures|entertainment|media|films|consortium
`);

/** First words that open an organisation name and allow "of/for/and/in" inside it ("Organisation for Security …"). */
export const ORGANISATION_HEADS = words(`
ministry|department|organisation|organization|university|bank|bureau|office|institute|court|church|museum|
federation|association|council|commission|committee|union|league|group|house|board|college|school|society|
fund|academy|order|army|navy|federal|national|international|royal|world
`);

/** Words of a title or office before a name ("Deputy Foreign Minister", "U.S. Secretary of State"). */
export const TITLE_WORDS = words(`
president|vice|prime|minister|deputy|foreign|defence|defense|interior|finance|health|justice|home|secretary|state|
chancellor|senator|sen.|rep.|representative|congressman|congresswoman|governor|gov.|mayor|ambassador|envoy|
general|gen.|colonel|col.|major|maj.|captain|capt.|lieutenant|lt.|sergeant|sgt.|admiral|commander|officer|chief|
executive|ceo|chairman|chairwoman|chair|director|spokesman|spokeswoman|spokesperson|king|queen|prince|princess|
duke|duchess|lord|lady|sir|dame|pope|cardinal|archbishop|bishop|rev.|reverend|father|rabbi|imam|judge|justice|
attorney|prosecutor|detective|det.|inspector|superintendent|constable|officer|sheriff|dr.|dr|doctor|professor|prof.|
mr.|mr|mrs.|mrs|ms.|ms|miss|prof|capt|ch|supt|insp|det|dci|pc|sgt|coach|manager|boss|striker|midfielder|defender|goalkeeper|leader|speaker|premier|
commissioner|counsel|press|national|security|adviser|advisor|economic|trade|education|environment|culture|
energy|transport|labor|labour|agriculture|treasury|first|assistant|senior|junior|former|acting|top|opposition|
party|shadow|lady|supreme|leader|head|founder|co-founder|owner|star|actor|actress|singer|author|chief|of|the
`);

/** Titles that alone mark the next capitalised words as a person. */
export const PERSON_TITLES = words(`
mr|mr.|mrs|mrs.|ms|ms.|miss|dr|dr.|sir|dame|lord|lady|president|senator|sen.|rep.|governor|gov.|mayor|judge|
prince|princess|king|queen|pope|minister|secretary|chancellor|general|gen.|captain|capt.|col.|colonel|sgt.|det.|
detective|officer|professor|prof.|ch|supt|insp|det|dci|pc|coach|manager|ambassador|spokesman|spokeswoman|chairman|ceo|director|striker|
midfielder|defender|goalkeeper|actor|actress|singer|premier|commissioner|inspector|sheriff|rev.|reverend|father
`);

/** Common first names (a few hundred, several languages), enough to spot most people named in news. */
export const FIRST_NAMES = words(`
aaron|adam|adrian|ahmed|alan|albert|alex|alexander|alexei|ali|alice|alison|amanda|amy|andrea|andrew|andy|angela|
ann|anna|anne|anthony|antony|antonio|barack|barbara|ben|benjamin|bernie|beth|bill|bob|boris|brad|brian|bruce|
carl|carlos|caroline|catherine|charles|charlie|chris|christian|christine|christopher|claire|colin|craig|daniel|
dan|danny|david|dave|deborah|dennis|diana|dmitry|donald|doug|douglas|ed|edward|elizabeth|ellen|emily|emma|emmanuel|
eric|erin|frank|fred|gary|george|gordon|graham|greg|hannah|harry|helen|henry|hillary|hugh|ian|ivan|jack|jacob|james|
jamie|jane|janet|jason|jean|jeff|jeffrey|jennifer|jeremy|jerry|jess|jessica|jim|jimmy|joe|john|johnny|jon|
jonathan|jose|joseph|josh|juan|julia|julie|justin|karen|kate|katie|keith|kelly|ken|kevin|kim|kyle|larry|laura|
lee|leo|linda|lisa|louis|lucy|luis|luke|maria|marie|mark|martin|mary|matt|matthew|maurice|michael|michelle|mike|
mikhail|mohammed|muhammad|nancy|natalie|nick|nicola|nicholas|nigel|olivia|oliver|pam|pat|patrick|paul|peter|
phil|philip|rachel|ralph|raymond|rebecca|richard|rick|rob|robert|roger|ron|ronald|rose|ruth|ryan|sam|samuel|sandra|
sarah|scott|sean|sebastian|sergei|sergey|sharon|simon|sophie|stephen|steve|steven|stuart|sue|susan|tom|thomas|
tim|timothy|tony|tracy|victoria|vladimir|volodymyr|walter|wayne|william|xi|yuri|zach|angela|olaf|emmanuel|jacinda|
narendra|recep|benjamin|kamala|nancy|mitch|chuck|ted|marco|rand|elizabeth|jeb|ben|theresa|david|nicolas|jair|
justin|shinzo|moon|kim|ashraf|abdul|hassan|hussein|omar|mustafa|fatima|aisha|ibrahim|yusuf|khalid|raul|pablo|
diego|miguel|pedro|rafael|sergio|fernando|javier|manuel|francisco|lionel|cristiano|neymar|wayne|steven|frank|
jose|arsene|jurgen|pep|louis|harry|raheem|jordan|kyle|marcus|gareth|roy|alex|kenny|brendan|eden|gianluigi|
giovanni|giuseppe|luca|marco|matteo|paolo|francesco|hans|klaus|jurgen|wolfgang|stefan|andreas|pierre|jacques|
francois|michel|nicolas|laurent|yves|ahmad|reza|mahmoud|vladimir|dmitri|alexey|anatoly|nikolai|olga|tatiana|
natasha|svetlana|hiroshi|takeshi|yuki|wei|li|zhang|chen|rahul|raj|sanjay|priya|amit|tiger|serena|venus|andy|roger|
rafael|novak|maria|usain|mo|lewis|sebastian|fernando|kimi|jenson|valentino|greta|elon|jeff|mark|tim|sundar|satya|
warren|rupert|oprah|kanye|taylor|beyonce|rihanna|madonna|adele|justin|katy|lady|miley|kim|kylie|tom|brad|angelina|
leonardo|johnny|jennifer|scarlett|meryl|denzel|morgan|kevin|jake|ashley|brittany|courtney|crystal|danielle|
heather|jasmine|kayla|kristen|lauren|megan|melissa|nicole|stephanie|tiffany|whitney|amber|april|brandon|bryan|
chad|cody|derek|dustin|ethan|evan|gavin|ian|joel|jordan|kurt|lance|logan|mason|neil|noah|owen|randy|ross|russell|
seth|shane|shawn|marc|camilo|zac|olivier|fidel|loretta|spencer|todd|travis|trevor|troy|tyler|vincent|wade|wesley
`);

/** Capitalised words that are never names on their own (weekdays, months, sentence openers). */
export const NOT_NAMES = words(`
monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|
september|october|november|december|jan.|feb.|mar.|apr.|jun.|jul.|aug.|sep.|sept.|oct.|nov.|dec.|i|the|a|an|it|
he|she|they|we|you|this|that|these|those|but|and|or|if|when|while|after|before|as|in|on|at|for|with|by|from|to|
of|last|next|mr|mrs|ms|dr|talks|tens|further|naturally|yes|no|so|then|there|here|his|her|their|our|its|my|
experts|officials|critics|analysts|sources|witnesses|residents|authorities|scientists|researchers|doctors|
prosecutors|investigators|detectives|officers|parents|relatives|neighbours|neighbors|friends|climbers|organizers|organisers|
protesters|protestors|campaigners|rescuers|firefighters|paramedics|medics|survivors|passengers|villagers|refugees|migrants|
voters|locals|teachers|students|workers|soldiers|troops|fans|players|lawyers|members|leaders|shoppers|drivers|farmers|
families|mps|ministers|diplomats|insiders|observers|economists|investors|traders|bankers|executives|
christmas|easter|ramadan|god|internet|web|tv|pm|am|a.m.|p.m.|bst|gmt|est|utc
`);
