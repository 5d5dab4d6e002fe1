"""Quote-extraction rules as named data tables; the code that applies them lives elsewhere.

Tuning the extractor means editing a table here, not a function (cf. trafilatura's XPath tables).
"""

from __future__ import annotations

from typing import Final


def _words(text: str) -> frozenset[str]:
    """A table written as white-space separated words."""
    return frozenset(text.split())


def _phrases(text: str) -> frozenset[str]:
    """A table written as phrases separated by "|" (line breaks and spaces around them ignored)."""
    return frozenset(" ".join(p.split()) for p in text.split("|") if p.strip())


# --- Quotation marks ------------------------------------------------------------------------------

# Curly double marks are unambiguous; the straight mark opens and closes in turn.
CURLY_OPEN: Final = "“„«"
CURLY_CLOSE: Final = "”»"
STRAIGHT: Final = '"'
# British style quotes with single curly marks; the closing one doubles as the apostrophe, so it
# only closes before a non-letter, and not in a plural possessive ("the students’ union").
SINGLE_OPEN: Final = "‘"
SINGLE_CLOSE: Final = "’"
# Characters after which a single mark opens a quotation rather than sitting inside a word.
SINGLE_OPEN_AFTER: Final = " \t\n([—–-:"
# Marks that may open a continued paragraph of a multi-paragraph quote.
ANY_OPEN: Final = CURLY_OPEN + STRAIGHT + SINGLE_OPEN

# --- Reporting verbs ------------------------------------------------------------------------------

# Verbs that attribute speech ("X said", "said X"); every form that may appear in copy.
REPORTING_VERBS: Final[frozenset[str]] = _words(
    """
    said says say saying told tells telling added adds recalled recalls recounted recounts
    claimed claims warned warns advised advises explained explains insisted insists stated states
    noted notes argued argues asked asks replied replies answered answers wrote writes continued
    continues declared declares admitted admits acknowledged acknowledges conceded concedes
    announced announces remarked remarks observed observes suggested suggests urged urges
    pleaded pleads shouted shouts cried cries whispered whispers muttered mutters joked jokes
    quipped quips boasted boasts complained complains lamented laments confirmed confirms
    denied denies responded responds testified testifies emphasised emphasized emphasises
    emphasizes stressed stresses predicted predicts promised promises vowed vows tweeted tweets
    posted alleged alleges maintained maintains countered counters agreed agrees concluded
    concludes cautioned cautions commented comments reflected reflects assured assures
    conceded added recalled reiterated reiterates sighed laughed exclaimed exclaims
    pledged pledges demanded demands appealed appeals
    charged charges barked beamed proclaimed proclaims declared announced
    thought thinks believes believed described describes labeled labelled labels branded brands
    dubbed termed terms mocked mocks decried decries derided derides dismissed dismisses hailed
    hails praised praises lauded lauds touted touts slammed slams blasted blasts criticized
    criticised criticizes criticises accused accuses condemned condemns thanked thanks
    applauded applauds acknowledged argued contended contends asserted asserts
    insisted recalled recounted explained elaborated elaborates wondered wonders mused muses
    marveled marvelled quipped joked snapped retorted retorts scoffed scoffs fumed vented
    lamented bemoaned bemoans conceded admitted wrote told noting adding arguing saying
    telling warning insisting explaining claiming suggesting calling describing asking
    predicting promising vowing acknowledging stressing recalling referring referred refers
    characterized characterised characterizes characterises summed summarized summarised
    estimated estimates projected reckoned reckons figured figures hopes hoped feared fears
    worried worries complained reported reports read reads concluded announced informed
    interjected interrupted repeated repeats chimed echoed echoes ventured offered offers
    called calls talking talked spoke speaking boasting boasted bragged bragging
    labeling labelling yelled yells yelling screamed screaming declaring exclaiming retorting
    responding asserting conceding adding continuing recalling announcing proclaiming stating
    observing remarking commenting replying answering urging demanding contending alleging
    accusing blaming blamed blames praising lauding hailing touting slamming blasting
    criticizing criticising attacking attacked attacks mocking ridiculing ridiculed branding
    dubbing terming deriding dismissing decrying denouncing denounced denounces condemning
    rejecting rejected rejects disputing disputed disputes questioning questioned wondering
    speculating speculated pledging threatening threatened threatens reminding reminded
    reminds reassured texted emailed emailing messaged tweeting posting posts chided scolded
    lectured begged implored pleading gushed raved ranted griped grumbled groused protested
    protesting objected objecting teased teasing quipping joking cautioning conceding
    acknowledging admitting insisting recounting elaborating explaining informing shouting
    whispering muttering sighing pressing pressed retort asks told tell disagreed disagrees
    cited cites citing credited credits welcomed welcomes pondered ponders anticipated
    anticipates indicated indicates exhorted exhorts opined opines
    """
)

# Reporting phrases of more than one word.
REPORTING_PHRASES: Final[frozenset[str]] = frozenset(
    {
        "called for",
        "calls for",
        "appealed for",
        "quoted as saying",
        "went on",
        "goes on",
        "pointed out",
        "points out",
        "spoke out",
        "weighed in",
        "shot back",
        "fired back",
        "chimed in",
        "summed up",
        "went on to say",
        "goes on to say",
        "pushed back",
        "hit back",
        "lashed out",
        "put it",
        "puts it",
        "issued a statement",
        "released a statement",
        "issued the following statement",
        "released the following statement",
    }
)

# Adverbs and auxiliaries that may sit between a speaker and the verb ("he later said"); any
# lower-case word ending in -ly counts as well ("she reportedly told").
VERB_MODIFIERS: Final[frozenset[str]] = _words(
    """
    has had have was were is are be been also later then once previously earlier recently
    quietly simply repeatedly bluntly flatly angrily firmly calmly publicly privately would
    will could can may might should must did does do just again first still even often never
    always soon yet already once subsequently ultimately himself herself themselves
    however nevertheless nonetheless meanwhile instead though too thus therefore likewise
    """
)
# Lower-case words ending in -ly that are no adverbs.
NOT_ADVERBS: Final[frozenset[str]] = _words("only family ally rally italy july reply supply")

# Reporting verbs in -s that are as often plural nouns: after a determiner or a possessive, or
# before a form of "be" or "have", they are nouns ("his anti-Muslim remarks were", "Trump’s
# claims have"), never the verb of a reporting clause.
NOUN_FORMS: Final[frozenset[str]] = _words(
    """
    remarks comments claims notes tweets posts reports calls charges demands appeals pledges
    promises vows jokes quips thanks answers replies attacks disputes offers echoes credits
    estimates figures hopes fears worries terms labels brands statements states words reads
    """
)
# Words that may close a reporting clause after its verb at the end of a sentence ("…, Hollande
# said on Tuesday", "…, she said Monday", "…, he said in a statement"): the clause is still
# the sentence's last, and credits what came before it.
CLAUSE_ADJUNCTS: Final[frozenset[str]] = _words(
    """
    in at on from to for with by during after before when while late early last this
    today yesterday tonight recently later earlier again afterward afterwards then
    monday tuesday wednesday thursday friday saturday sunday
    """
)

# Words after which a reporting participle ("saying", "telling") has the sentence's subject:
# "Clinton celebrated in Florida, declaring …", "He explained it by saying: …".
PARTICIPLE_LINKS: Final[frozenset[str]] = _words(
    ", ; — – - by after before while when and then also as in without upon of"
)

# Words that open an introductory phrase before a sentence's subject ("On Wednesday, Clinton
# bashed …", "Speaking in Reno, he said …"); the subject comes after the phrase's comma.
INTRO_WORDS: Final[frozenset[str]] = _words(
    """
    in on at after before during since until when while although though because if as asked
    speaking according following despite amid with without unlike like for from by over
    under later earlier meanwhile still yet now then instead however moreover indeed also
    last this that next once asked pressed responding writing addressing standing earlier
    in-between between throughout within about around back even far today yesterday
    tonight infamously technically separately elsewhere finally ultimately separately here
    """
)
# Conjunctions and sentence adverbs that may open a sentence before its subject.
SENTENCE_OPENERS: Final[frozenset[str]] = _words(
    "and but so yet or nor still now then instead meanwhile however also plus indeed thus"
)

# --- Speakers -------------------------------------------------------------------------------------

HONORIFICS: Final[dict[str, str | None]] = {
    # honorific -> grammatical gender it implies ("m", "f", or None)
    "Mr": "m",
    "Mr.": "m",
    "Mrs": "f",
    "Mrs.": "f",
    "Ms": "f",
    "Ms.": "f",
    "Miss": "f",
    "Dr": None,
    "Dr.": None,
    "Prof": None,
    "Prof.": None,
    "Professor": None,
    "Sir": "m",
    "Dame": "f",
    "Lord": "m",
    "Lady": "f",
    "Rev.": None,
    "Sen.": None,
    "Rep.": None,
    "Gov.": None,
    "Gen.": None,
    "Col.": None,
    "Capt.": None,
    "Sgt.": None,
    "Fr.": "m",
}

# Capitalised titles that may precede a name ("President Vladimir Putin") and are not part of it.
ROLE_TITLES: Final[frozenset[str]] = _words(
    """
    President Prime Minister Chancellor Senator Congressman Congresswoman Governor Mayor
    Judge Justice Secretary General Colonel Captain Sergeant Officer Detective Inspector
    Chief Commissioner Ambassador Bishop Archbishop Pope Father Sister Rabbi Imam King Queen
    Prince Princess Deputy Councillor Councilman Councilwoman Chairman Chairwoman Director
    Professor Coach Pastor Sheriff Attorney Representative Speaker Premier Foreign Interior
    Health Defence Defense Finance Education Minister Spokesman Spokeswoman Activist Former
    Treasurer Comptroller Attorney-General Solicitor-General Lieutenant Superintendent Constable
    Striker Defender Midfielder Goalkeeper Forward Winger Manager Fire Assistant
    Adviser Advisor Senior Admiral Rear Vice Assemblyman Assemblywoman Host Anchor Commentator
    Strategist Pollster Nominee Candidate Leader Majority Minority Whip Chair Attorney-General
    Surgeon Spokesperson Lt. Gov. Sen. Rep. Del. Gen. Adm. Commander Candidate Businessman
    Businesswoman Billionaire Developer Hopeful Frontrunner Front-runner Contender Challenger
    Incumbent Rival Congressional Presidential Republican Democratic Democrat GOP Libertarian
    Evangelical Televangelist Columnist Correspondent Reporter Editor Founder Co-founder
    """
)

# Lower-case role nouns before a capitalised name mark it as a person ("president Ramzan Kadyrov").
ROLE_NOUNS: Final[frozenset[str]] = _words(
    """
    president minister senator governor mayor judge spokesman spokeswoman spokesperson chairman
    chairwoman chair director chief officer activist lawyer attorney researcher professor
    economist analyst doctor nurse teacher coach captain manager founder ceo executive
    campaigner leader commissioner inspector detective sergeant official survivor victim
    resident farmer owner author writer scientist historian secretary premier councillor
    councilor ambassador general colonel pastor rabbi imam priest bishop student mother father
    wife husband daughter son sister brother colleague friend neighbour neighbor partner man
    family relative parent child resident witness supporter protester police staff
    woman chancellor head deputy organiser organizer volunteer worker mechanic driver
    constable superintendent headteacher headmaster headmistress principal executive
    representative negotiator adviser advisor strategist consultant editor reporter
    prosecutor magistrate coroner surgeon physician paramedic firefighter soldier
    veteran pilot engineer architect designer artist musician singer actor actress
    novelist poet athlete player striker goalkeeper manager landlord tenant shopkeeper
    baker banker trader investor entrepreneur boss employee member councilwoman councilman
    mp mep msp ceo governor-general commander fisherman fishermen boxer lorry taxi shop café cafe
    labourer laborer carer cleaner chef cook waiter waitress dancer photographer filmmaker
    clerk campaign pollster host anchor commentator nominee candidate lawmaker legislator
    delegate voter aide staffer operative donor attendee insider source official observer
    critic ally backer opponent demonstrator protestor congressman congresswoman senator
    businessman businesswoman billionaire mogul magnate hopeful contender challenger rival
    incumbent frontrunner front-runner celebrity comedian pundit blogger journalist
    """
)
# Role nouns that name a body or a group rather than one person: a description built on one
# never becomes someone a "he" or "she" can refer to.
GROUP_ROLE_NOUNS: Final[frozenset[str]] = _words("campaign family staff police")
# Heads of descriptions that speak for the person they name: "the Hadley campaign said", "Hale's
# office said", "a Hadley spokeswoman said" credit Hadley (as news analysts and PolNeAR count
# them). Aides, advisers and officials speak for themselves and stay unnamed.
PRINCIPAL_VOICES: Final[frozenset[str]] = _words(
    "campaign camp office team spokesman spokeswoman spokesperson"
)

# Lower-case particles inside (or opening) a surname: "Ursula von der Leyen", "Rubén del Campo".
NAME_PARTICLES: Final[frozenset[str]] = _words(
    "de van von der den bin al da du la le ibn el del di"
)

# Upper-case roles before a name ("Labour MP Jo Cox").
ROLE_ACRONYMS: Final[frozenset[str]] = _words("MP MEP MSP CEO")

# Words that open a described subject ("a spokeswoman", "The channel", "her colleague").
DESCRIPTION_DETERMINERS: Final[frozenset[str]] = _words("the a an his her their its one")

# Words before a word that make it a noun ("the remarks", "his statement"), not a verb.
NOUN_DETERMINERS: Final[frozenset[str]] = _words(
    "the a an his her their its our my your these those such whose many several"
)

# Past tenses that end in no "-ed": after a single capitalised word they are its verb ("Cruz
# made an unprompted call …", "Sanders took the stage").
IRREGULAR_PAST: Final[frozenset[str]] = _words(
    "made took went gave sent told said wrote spoke came got put ran brought thought found kept"
    " left held met paid won lost began drew struck led knew saw stood sat hit"
)

# Phrases that credit the words themselves to someone (regular expressions, any case):
# "according to X", "in the words of X", "— that was the verdict of X".
EXPLICIT_ATTRIBUTION_CUES: Final[tuple[str, ...]] = (
    r"according\s+to",
    r"in\s+the\s+words\s+of",
    r"(?:that|this)\s+was\s+the\s+(?:verdict|view|assessment|reaction|response)\s+of",
)

# Pronouns that may be the subject of a reporting verb, and the gender each demands.
PRONOUNS: Final[dict[str, str | None]] = {"he": "m", "she": "f", "they": None}
# Object pronouns in "quoted him as saying".
OBJECT_PRONOUNS: Final[dict[str, str | None]] = {"him": "m", "her": "f", "them": None}
# First-person subjects are the writer or a group: never a speaker.
FIRST_PERSON: Final[frozenset[str]] = frozenset({"i", "we"})

# Words that never sit inside a described subject ("the focus changed and saying" is no subject).
FUNCTION_WORDS: Final[frozenset[str]] = _words(
    """
    and or but nor that which who whom whose when where while because if as than then so to
    him her them it us me is are was were be been being has have had do does did not no
    """
)

# A capitalised word right after one of these is an object, never the subject of "said".
PREPOSITIONS: Final[frozenset[str]] = _words(
    "in at of from to for with by on near outside inside across into onto about against"
)

# gender_guesser answers -> our two genders (anything else is unknown).
GENDER_GUESSER_MAP: Final[dict[str, str]] = {
    "male": "m",
    "mostly_male": "m",
    "female": "f",
    "mostly_female": "f",
}

# Capitalised words that never start or form a person's name, whatever gender_guesser thinks.
NON_NAME_WORDS: Final[frozenset[str]] = _words(
    """
    The A An And But Or So Then Now In On At Of For From To With Without By As After Before
    While When Where Why How What Who Which That This These Those There Here It Its He She They
    We I You His Her Their Our My Your If Although Though Because Since Until Meanwhile However
    Yet Still Also Even Only Just Last Next Every Each Some Many Most All No Not Over Under
    Around About Roughly Nearly Almost Furthermore Moreover Infamously Technically Renewed
    January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Today Yesterday Tomorrow
    Take Add Photo Read Sign Share Speaking Asked Told According Despite Once Later Earlier
    Mrs Mr Ms Dr Miss Sir Lady Lord One Two Three Both Neither Either Several Few Another Other
    Others Someone Somebody Nobody Everyone Anyone
    Does Did Do Is Are Was Were Has Have Had Will Would Can Could Should Must Top Absent Said
    Republicans Democrats Conservatives Liberals Americans Voters Supporters Critics
    """
)

# Words that make a capitalised phrase an organisation, not a person (organisations may still
# speak, but a "he" or "she" never refers to them).
ORGANISATION_WORDS: Final[frozenset[str]] = _words(
    """
    Ministry Department Council Committee Commission Police Army Agency Office Government
    University College School Hospital Institute Foundation Trust Society Association Union
    Party Group Company Corporation Inc Ltd Bank Fund Court Parliament Senate Congress
    Kremlin Network Campaign Coalition Alliance Centre Center Service Services Board Authority
    Watch International Amnesty Care2 Church Club League Federation Organisation Organization
    """
)

# Places: capitalised phrases that are never a person, whatever first-name lists say ("Dallas",
# "Georgia", "New Hampshire"). US states, countries and cities that news names most often.
PLACE_NAMES: Final[frozenset[str]] = _phrases(
    """
    Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|
    Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|
    Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|
    New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|
    Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|
    Virginia|Washington|West Virginia|Wisconsin|Wyoming|Puerto Rico|Guam|America|
    United States|United Kingdom|Britain|Great Britain|England|Scotland|Wales|Ireland|
    Northern Ireland|Canada|Mexico|Cuba|Brazil|Argentina|Venezuela|Colombia|Peru|Chile|
    France|Germany|Italy|Spain|Portugal|Greece|Turkey|Russia|Ukraine|Poland|Hungary|
    Austria|Switzerland|Belgium|Netherlands|Holland|Sweden|Norway|Denmark|Finland|Iceland|
    Israel|Palestine|Gaza|Lebanon|Syria|Iraq|Iran|Jordan|Egypt|Libya|Tunisia|Algeria|Morocco|
    Saudi Arabia|Yemen|Qatar|Kuwait|Afghanistan|Pakistan|India|China|Japan|Korea|
    North Korea|South Korea|Taiwan|Vietnam|Thailand|Indonesia|Philippines|Malaysia|
    Singapore|Australia|New Zealand|Nigeria|Kenya|Ethiopia|Sudan|Somalia|South Africa|
    Europe|Asia|Africa|Latin America|Middle East|Chechnya|Crimea|Siberia|Moscow|Beijing|
    London|Paris|Berlin|Brussels|Rome|Madrid|Tokyo|Kabul|Baghdad|Damascus|Tehran|Jerusalem|
    Tel Aviv|Havana|Ottawa|Toronto|Montreal|Vancouver|Chicago|Boston|Philadelphia|Detroit|
    Cleveland|Atlanta|Miami|Orlando|Tampa|Houston|Dallas|Austin|San Antonio|Denver|Phoenix|
    Las Vegas|Reno|Seattle|Portland|San Francisco|Los Angeles|San Diego|Sacramento|
    Charleston|Columbia|Manchester|Concord|Nashua|Des Moines|Cedar Rapids|Milwaukee|
    Minneapolis|St. Louis|Kansas City|Baltimore|Richmond|Pittsburgh|Cincinnati|Columbus|
    New Orleans|Memphis|Nashville|Louisville|Indianapolis|Omaha|Salt Lake City|Albuquerque|
    Charlotte|Raleigh|Brooklyn|Manhattan|Queens|Bronx|Harlem|Wall Street|Capitol Hill|
    Silicon Valley|Hollywood|Flint|Ferguson|Benghazi|Orlando|Hampshire|Carolina|Jersey
    """
)

# Capitalised words for groups of people ("Republicans said …"): never one person.
GROUP_WORDS: Final[frozenset[str]] = _words(
    """
    Republicans Democrats Americans Conservatives Liberals Progressives Evangelicals
    Muslims Christians Jews Catholics Protestants Mormons Latinos Hispanics Blacks Whites
    Europeans Russians Germans Britons French British Chinese Japanese Mexicans Canadians
    Israelis Palestinians Syrians Iraqis Iranians Afghans Ukrainians Democratic Republican
    Independents Libertarians Greens Tories Socialists Communists Voters Officials Police
    Critics Supporters Opponents Protesters Delegates Senators Lawmakers Analysts Experts
    Others Many Some Most Both
    """
)

# Lower-case nouns that name a post a person holds: a definite description built on one ("the
# Vermont senator", "the Republican nominee") refers back to the salient person holding it.
TITLE_NOUNS: Final[frozenset[str]] = _words(
    """
    senator congressman congresswoman representative governor mayor president candidate
    nominee front-runner frontrunner businessman businesswoman billionaire mogul magnate
    secretary speaker chairman chairwoman chair leader lawmaker judge justice ambassador
    minister chancellor premier diplomat general commander director spokesman spokeswoman
    spokesperson star actor actress host anchor pastor pope bishop rabbi activist
    contender challenger incumbent hopeful rival opponent runner-up strategist adviser
    advisor pollster economist professor lawyer attorney veteran celebrity
    """
)

# Honorifics and titles written before a name -> the post they name ("Sen." -> "senator"), so
# that "the senator" can find "Sen. Bernie Sanders".
TITLE_POSTS: Final[dict[str, str]] = {
    "Sen.": "senator",
    "Senator": "senator",
    "Rep.": "congressman",
    "Representative": "congressman",
    "Congressman": "congressman",
    "Congresswoman": "congresswoman",
    "Gov.": "governor",
    "Governor": "governor",
    "President": "president",
    "Mayor": "mayor",
    "Secretary": "secretary",
    "Speaker": "speaker",
    "Judge": "judge",
    "Justice": "justice",
    "Chairman": "chairman",
    "Chairwoman": "chairwoman",
    "Ambassador": "ambassador",
    "Minister": "minister",
    "Chancellor": "chancellor",
    "Gen.": "general",
    "General": "general",
    "Candidate": "candidate",
    "Nominee": "nominee",
    "Leader": "leader",
}
# Title nouns that say the holder's gender.
TITLE_GENDERS: Final[dict[str, str]] = {
    "congressman": "m",
    "congresswoman": "f",
    "businessman": "m",
    "businesswoman": "f",
    "chairman": "m",
    "chairwoman": "f",
    "spokesman": "m",
    "spokeswoman": "f",
    "actor": "m",
    "actress": "f",
}

# --- Outlets --------------------------------------------------------------------------------------

# Known publications: alias as written (case-sensitive, without a leading "the") -> canonical name.
# One-word names that are also common surnames or words (The Hill, Forbes, The Sun, Time) are left
# out: "Hill said" must stay a person.
KNOWN_OUTLETS: Final[dict[str, str]] = {
    "BBC": "BBC",
    "BBC News": "BBC",
    "Independent": "The Independent",
    "Guardian": "The Guardian",
    "Observer": "The Observer",
    "Times": "The Times",
    "New York Times": "The New York Times",
    "Washington Post": "The Washington Post",
    "Wall Street Journal": "The Wall Street Journal",
    "Financial Times": "Financial Times",
    "Telegraph": "The Telegraph",
    "Daily Telegraph": "The Telegraph",
    "Economist": "The Economist",
    "Atlantic": "The Atlantic",
    "Reuters": "Reuters",
    "Associated Press": "Associated Press",
    "AP": "Associated Press",
    "AFP": "AFP",
    "Agence France-Presse": "AFP",
    "CNN": "CNN",
    "NPR": "NPR",
    "NBC News": "NBC News",
    "CBS News": "CBS News",
    "ABC News": "ABC News",
    "Fox News": "Fox News",
    "Al Jazeera": "Al Jazeera",
    "Bloomberg": "Bloomberg",
    "Politico": "Politico",
    "Novaya Gazeta": "Novaya Gazeta",
    "Der Spiegel": "Der Spiegel",
    "Le Monde": "Le Monde",
    "Sky News": "Sky News",
    "Huffington Post": "HuffPost",
    "HuffPost": "HuffPost",
    "Los Angeles Times": "Los Angeles Times",
    "USA Today": "USA Today",
    "Vox": "Vox",
    "Newsweek": "Newsweek",
    "Axios": "Axios",
    "ProPublica": "ProPublica",
    "Channel 4 News": "Channel 4 News",
    "ITV News": "ITV News",
    "Mother Jones": "Mother Jones",
    "CCTV": "CCTV",
    "Xinhua": "Xinhua",
    "Tass": "TASS",
    "TASS": "TASS",
    "RIA Novosti": "RIA Novosti",
    "Deutsche Welle": "Deutsche Welle",
    "Paris Review": "The Paris Review",
    "Bangkok Post": "The Bangkok Post",
    "El Mundo": "El Mundo",
    "El País": "El País",
    "La Repubblica": "La Repubblica",
    "Corriere della Sera": "Corriere della Sera",
    "Le Figaro": "Le Figaro",
    "Haaretz": "Haaretz",
    "Times of India": "The Times of India",
    "Hindu": "The Hindu",
    "Kyiv Independent": "The Kyiv Independent",
    "Moscow Times": "The Moscow Times",
    "South China Morning Post": "South China Morning Post",
    "Sydney Morning Herald": "The Sydney Morning Herald",
    "Irish Times": "The Irish Times",
    "Scotsman": "The Scotsman",
    "Daily Mail": "Daily Mail",
    "Mail on Sunday": "The Mail on Sunday",
    "Daily Mirror": "Daily Mirror",
    "Evening Standard": "Evening Standard",
    "Press Association": "PA Media",
    "PA": "PA Media",
    "PA Media": "PA Media",
    "Yonhap": "Yonhap",
    "Kyodo": "Kyodo News",
    "Interfax": "Interfax",
    "Nikkei": "Nikkei",
    "Nikkei Asia": "Nikkei",
    "Asahi Shimbun": "The Asahi Shimbun",
    "Yomiuri Shimbun": "The Yomiuri Shimbun",
    "Le Parisien": "Le Parisien",
    "Libération": "Libération",
    "Süddeutsche Zeitung": "Süddeutsche Zeitung",
    "Bild": "Bild",
    "Die Zeit": "Die Zeit",
    "Frankfurter Allgemeine Zeitung": "Frankfurter Allgemeine Zeitung",
    "NRC": "NRC",
    "Globe and Mail": "The Globe and Mail",
    "Toronto Star": "Toronto Star",
    "CBC": "CBC",
    "CBC News": "CBC",
    "ABC": "ABC",
    "Australian Broadcasting Corporation": "ABC",
    "RTÉ": "RTÉ",
    "Euronews": "Euronews",
    "France 24": "France 24",
    "BuzzFeed News": "BuzzFeed News",
    "Business Insider": "Business Insider",
    "Rolling Stone": "Rolling Stone",
    "New Yorker": "The New Yorker",
    "Spectator": "The Spectator",
    "New Statesman": "New Statesman",
    "Daily Beast": "The Daily Beast",
    "Intercept": "The Intercept",
    "BBC Sport": "BBC Sport",
    "NYT": "The New York Times",
    "NYTimes": "The New York Times",
    "WaPo": "The Washington Post",
    "WSJ": "The Wall Street Journal",
    "Chicago Tribune": "Chicago Tribune",
    "Miami Herald": "Miami Herald",
    "Boston Globe": "The Boston Globe",
    "Des Moines Register": "The Des Moines Register",
    "Orlando Sentinel": "Orlando Sentinel",
    "New York Post": "New York Post",
    "New York Daily News": "New York Daily News",
    "Daily Caller": "The Daily Caller",
    "Global Times": "Global Times",
    "Breitbart News": "Breitbart News",
    "Breitbart": "Breitbart News",
    "MSNBC": "MSNBC",
    "CNBC": "CNBC",
    "Fox Business": "Fox Business",
    "Fox Business Network": "Fox Business",
    "PolitiFact": "PolitiFact",
    "Politifact": "PolitiFact",
    "Right Wing Watch": "Right Wing Watch",
    "Blaze": "TheBlaze",
    "TheBlaze": "TheBlaze",
    "Washington Examiner": "Washington Examiner",
    "Washington Times": "The Washington Times",
    "Washington Free Beacon": "Washington Free Beacon",
    "National Review": "National Review",
    "Weekly Standard": "The Weekly Standard",
    "Univision": "Univision",
    "Telemundo": "Telemundo",
    "Yahoo News": "Yahoo News",
    "Sky Sports": "Sky Sports",
    "KXAN": "KXAN",
    "Variety": "Variety",
}

# Final words that make an unknown capitalised phrase a publication ("the Springfield Herald").
OUTLET_HEAD_WORDS: Final[frozenset[str]] = _words(
    """
    Times Post News Journal Herald Gazette Tribune Telegraph Chronicle Examiner Observer
    Guardian Independent Inquirer Standard Mirror Express Courier Star Sun Globe Mail Review
    Magazine Radio TV Television Daily Weekly Bulletin Dispatch Record Register Sentinel
    Reporter Press Wire Monitor Today Leader Echo Advertiser Argus Citizen Bee Clarion Voice
    Enquirer Post-Gazette Free Chronicle-Herald Evening Morning Sunday Week Ledger
    """
)

# Heads of broadcasters' and wires' names, which take no leading "The" of their own ("Wyoming
# Public Radio", "REVOLT TV"): a newspaper's head word does ("The Springfield Herald").
OUTLET_BARE_HEAD_WORDS: Final[frozenset[str]] = _words("Radio TV Television Today Wire")

# A publication's name as written: capitalised words, with the lower-case joints some names have
# ("Times of India", "Mail on Sunday", "Corriere della Sera") and a joint poll's slash
# ("Washington Post/ABC News").
_OUTLET_NAME = r"[A-Z][\w&.\-’'/]*(?:\s+(?:(?:of|on|and|della|de|du|der)\s+)?[A-Z0-9][\w&.\-’'/]*)*"

# A paragraph that is only a lead-in to quoted paragraphs ("The BBC reports:").
# Group "outlet" is the publication as written (without "the").
OUTLET_LEAD_IN_PATTERNS: Final[tuple[str, ...]] = (
    r"^(?:As\s+)?(?:[Tt]he\s+)?(?P<outlet>" + _OUTLET_NAME + r")"
    # "the Heritage Foundation website notes:": the description says it is a publication.
    r"(?P<described>\s+(?:website|newspaper|magazine|blog|tabloid|editorial\s+board))?\s+"
    r"(?:reports|reported|recounts|recounted|writes|wrote|notes|noted|explains|explained|"
    r"quotes|quoted\s+\w+(?:\s+\w+)?(?:\s+as\s+saying)?|adds|added|continues|says|said|"
    r"responded|responds|replied|argued|argues|observed|observes|concluded|concludes|"
    r"editorialized|summarized|summarised|stated|states)"
    r"(?:\s+that)?\s*:\s*$",
    r"^(?:[Aa]ccording\s+to|[Aa]s\s+reported\s+by|[Ii]n\s+the\s+words\s+of)\s+(?:[Tt]he\s+)?"
    r"(?P<outlet>" + _OUTLET_NAME + r")\s*[:,]\s*$",
)

# Lower-case descriptions that may stand between a cue and a publication's name
# ("told the state broadcaster CCTV", "told Russian newspaper Novaya Gazeta").
_OUTLET_DESCRIPTION = (
    r"(?P<described>(?:[A-Z][a-z]+\s+)?(?:state|public|national|local|regional|daily|weekly|online|"
    r"independent|newspaper|broadcaster|news\s+agency|agency|magazine|paper|website|channel|"
    r"station|outlet|radio|television|tabloid)\s+){0,3}"
)

# Phrases in an attribution clause that credit a publication ("told the Guardian").
# Group "outlet" is the capitalised publication name as written (without "the").
OUTLET_INLINE_PATTERNS: Final[tuple[str, ...]] = (
    r"\b(?i:told|tells|telling|according\s+to|quoted\s+by|reported\s+by|seen\s+by|obtained\s+by|"
    r"shared\s+with|provided\s+to|leaked\s+to|"
    r"(?:said|says|speaking|spoke|talking|talked|writing|wrote|appearing|appeared)\s+"
    r"(?:to|with|in|on)|(?:in|during)\s+(?:an?\s+)?(?:interview|conversation|comments|statement|"
    r"email|op-ed|article|column)\s+(?:with|to|for|in))\s+(?:[Tt]he\s+)?"
    + _OUTLET_DESCRIPTION
    + r"(?P<outlet>"
    + _OUTLET_NAME
    + r")",
    # "The Post reported", "NBC News will accuse", "ABC 7 is reporting", "the New York Times and
    # Los Angeles Times each called", "The Washington Post recently ran a piece"
    r"\b(?:[Tt]he\s+)?(?P<outlet>" + _OUTLET_NAME + r")"
    r"(?P<described>\s+(?:website|newspaper|magazine|tabloid|blog))?\s+"
    r"(?:(?:first|also|later|previously|recently|each|both|then|will|would|has|had|have|is|was)"
    r"\s+){0,2}"
    r"(?:reports|reported|reporting|recounts|recounted|quoted|wrote|writes|noted|notes|said|"
    r"says|added|adds|revealed|reveals|editorialized|characterized|described|found|tweeted|"
    r"confirmed|accuse|accused|accuses|called|calls|argued|argues|warned|warns|responded|"
    r"(?:ran|runs|published|publishes|carried|printed)\s+(?:an?|its)\s+(?:[\w\-]+\s+){0,2}?"
    # the piece's own words, not a person's tweet written "after The Times published a story"
    r"(?:piece|story|report|editorial|article|column|op-ed|cover|investigation)\s+"
    r"(?:that|which|saying|noting|arguing|claiming))\b",
    # "an Associated Press account", "a copy … reviewed by The Post", "[HuffPost.]"
    # "audio provided by Wyoming Public Radio", "a report in The Wall Street Journal", "a new
    # headline from the Washington Post", "a Washington Post/ABC News poll"
    r"\b(?:(?:reviewed|published|released|broadcast|provided|posted)\s+by\s+|aired\s+on\s+|"
    r"(?:headline|editorial|report|story|piece|article|column|op-ed|investigation|analysis)\s+"
    r"(?:from|in|by)\s+(?:[Tt]he\s+)?|"
    r"(?:according\s+to|[Ii]n)\s+(?:an?|[Tt]he)\s+)(?:[Tt]he\s+)?"
    r"(?P<outlet>" + _OUTLET_NAME + r")",
    r"\[(?P<outlet>[A-Z][\w&\-’']*(?:\s+[A-Z0-9][\w&\-’']*)*)\.?\]",
    # Inverted after the quotation: "…,” reports USA Today", "…,” wrote Time magazine", "…,”
    # reads a Wednesday editorial in The Lakeside Gazette"
    r"\b(?:reports|reported|writes|wrote|notes|noted|adds|added|reads|explains|explained)\s+"
    r"(?:an?\s+(?:[\w\-]+\s+){0,2}?(?:editorial|report|article|piece|column|op-ed|story)\s+"
    r"(?:in|by|from)\s+)?(?:[Tt]he\s+)?"
    r"(?P<outlet>" + _OUTLET_NAME + r")"
    r"(?P<described>\s+(?:magazine|newspaper|tabloid|website))?",
)

# A publication named only by a description ("the newspaper wrote", "the conservative-leaning
# magazine reported"): the latest publication named before it is meant.
OUTLET_DESCRIPTION_SUBJECT: Final = (
    r"\b[Tt]he\s+(?:[\w\-]+\s+){0,2}?(?:newspaper|paper|network|outlet|publication|magazine|"
    r"broadcaster|website|editorial\s+board|news\s+agency|wire\s+service|tabloid)\s+"
    r"(?:(?:(?:first|also|later)\s+)?(?:reported|reports|wrote|writes|said|says|noted|notes|"
    r"added|adds|revealed|editorialized|described|found|quoted|confirmed)\b|"
    # "The conservative publication has been outspoken in its opposition, arguing …"
    r"(?:has|have|had|is|was)\s[^.;:“”\"]{0,120}?,\s+(?:arguing|saying|writing|noting|warning)\b)"
)

# Nouns that describe a publication as the subject of a clause ("the newspaper wrote").
OUTLET_NOUNS: Final[frozenset[str]] = _words(
    "newspaper paper network outlet publication magazine broadcaster website tabloid daily"
)

# Words that may credit a publication not named in the alias table ("told the broadcaster RÚV",
# "[HuffPost.]" is found by its bracket): a clause without any skips the outlet patterns.
OUTLET_CUE_WORDS: Final[frozenset[str]] = OUTLET_NOUNS | _words(
    "agency station channel radio television wire service editorial board"
)

# A signature closing a <blockquote> paragraph: " — Winston Churchill", " – Maya Angelou, 1969".
BLOCKQUOTE_SIGNATURE: Final = r"\s+[—–]\s*[A-Z][^—–]{1,80}$"

# --- Scare quotes, titles and names ---------------------------------------------------------------

# An unattributed quotation of at most this many words in running text is a scare quote.
SCARE_MAX_WORDS: Final = 4

# A short phrase in marks that characterises something is someone's words, not a scare quote, when
# it stands where a judgement goes (PolNeAR's annotators credit these to the sentence's subject):
# after "as" ("defended his manager as a “very decent man”", "portrayed them as “rapists”"),
# after a copula ("the inquiry is a “witch hunt”", "was “particularly burdensome”"), or after an
# object pronoun ("called him “Lyin’ Ted”"); articles and intensifiers may stand between. Not
# after "become": "The line has become a “photo op”" is the writer's narration.
CHARACTERISING_LEADS: Final[frozenset[str]] = _words(
    """
    as is was be been being are were seem seems seemed feel feels felt remain remains remained
    him her them
    """
)
CHARACTERISING_FILLERS: Final[frozenset[str]] = _words("a an the so too very more most less")
# Nouns for something said, right before the phrase or its "of", "about", "for" or "that"
# ("his criticism of “New York values”", "claims of “significant breakthroughs”", "the term
# “kitchen sink”", "the assertion that “thousands” …"): the phrase is what was said.
SPEECH_NOUNS: Final[frozenset[str]] = _words(
    """
    criticism criticisms claim claims promise promises pledge pledges call calls vow vows talk
    talks admission assertion assertions contention accusation accusations allegation
    allegations charge charges term terms phrase word words label rhetoric comment comments
    remark remarks
    """
)
SPEECH_NOUN_LINKS: Final[frozenset[str]] = _words("of about for that")
# A lower-case word right after the phrase is the noun it modifies ("a “unity” lunch"), so the
# phrase names a thing, unless it is a function word, a preposition or one of these ("used the
# term “kitchen sink” this week").
PHRASE_FOLLOWERS: Final[frozenset[str]] = _words(
    """
    this these those every each some any during after before since until over last next
    """
)
# "such as “ambassador”", "known as", "as well as": no judgement; the phrase stays a scare quote.
NOT_CHARACTERISING_BEFORE_AS: Final[frozenset[str]] = _words("such known so-called well same")

# A short phrase in marks in a sentence with no reporting clause is its subject's when the words
# between the subject and the phrase are about speech: a reporting verb (not "read": "a sign that
# read", nor a fear: "Many fear Trump will … worried about …"), a verb of stance or proposal, or
# a noun for something said ("pushed his promise of", "has coined a new phrase,", "implied the
# judge was").
CREDITING_WORDS: Final[frozenset[str]] = REPORTING_VERBS - _words(
    "read reads worried worries feared fears"
) | _words(
    """
        coined coins pushed pushes pushing promise promises defense defence defended defends
        defending urge urged urging warning warnings accusation accusations
        implied implies implying referenced references invited invites publishing published
        hammering hammered presenting presents portraying portrayed portrays casts cast supports
        supported opposes opposed voiced voices credited credits knocked pointed postured
        proposed proposes proposal proposals intimated rebuked rebukes cited cites citing sniped
        pronounced pronounces named names naming phrase term terms remark remarks statement
        statements speech speeches message messages slogan mantra refrain catchphrase nickname
        op-ed ad ads letter tweet interview column wish signature claim vow pledge plea demand
        call interrupts insists
        """
)

# A short phrase in marks whose sentence holds one of these speech verbs anywhere ("Carter said
# he would join a “security network”", "…, calling it “disqualifying”", "Trump’s “excesses” are
# sickening, Hollande said Tuesday") is a fragment of that speech, not a scare quote, even when
# the verb's subject cannot be read.
SENTENCE_SPEECH_VERBS: Final[frozenset[str]] = _words(
    """
    said says say saying told tells telling called calls calling described describes describing
    declared declaring announced predicting warned claiming asserting alleged suggested
    criticized stressed urging noting emphasized tweeted wrote writes reported spoke
    conceded cited statement speech chant chants chanted chanting reading argue argues argued
    arguing mention mentions mentioned mentioning echoing echoed mouthing mouthed denounce
    denounced denounces referring refers referred
    """
)

# A quotation right after one of these words names a work or a thing; it is not speech.
TITLE_CUES: Final[frozenset[str]] = _words(
    """
    book novel memoir film movie documentary song album single show series episode play musical
    podcast poem article essay column op-ed report study paper titled entitled headlined
    called named nicknamed dubbed hashtag slogan campaign programme program exhibition painting
    opera magazine newsletter blog app game production staging revival adaptation screening
    performance edition version remake sequel banner placard sign
    """
)
# Two-word title cues.
TITLE_CUE_PHRASES: Final[tuple[str, ...]] = ("known as", "under the name", "the title")

# Short words that stay lower-case in a title ("Death of a Salesman").
TITLE_MINOR_WORDS: Final[frozenset[str]] = _words(
    "a an and the of in on at to for or nor but by with from as vs"
)

# --- Sentences ------------------------------------------------------------------------------------

# Abbreviations whose full stop does not end a sentence.
ABBREVIATIONS: Final[frozenset[str]] = _words(
    """
    Mr Mrs Ms Dr Prof Rev Sen Rep Gov Gen Col Capt Sgt Lt St Jr Sr Fr Mt No vs etc approx
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec U.S U.K U.N E.U a.m p.m i.e e.g
    """
)

# --- outlets12: markup, scare quotes, outlets ----------------------------------------------------

# A markup tag left in a body's text (`<tweet id="…" author="@…">`): its attribute values are
# markup, not quotations, so the scanner passes over the whole tag.
MARKUP_TAG: Final = r"</?[A-Za-z][\w:.\-]*(?:\s+[\w:.\-]+\s*=\s*\"[^\"<>\n]*\")+\s*/?>"

# --- scare13: titles, chants, scare quotes --------------------------------------------------------

# Articles that may open a name in marks ("the Postman"); any other lower-case opening word means
# the quotation runs on in a sentence and names no work or thing ("called “regenerative medicine”").
ARTICLES: Final[frozenset[str]] = _words("the a an")
# A quotation of more words than this that is not in title case reads as a sentence, not a title.
TITLE_MAX_WORDS: Final = 10
# Right before a quotation, words that introduce words said, written or chanted, also when the
# quotation is in title case ("had one message: “Dump Trump”", "a sign reading “Hispanics for
# Trump”", "He said “The Hispanics”"). A slogan stays a title cue (`TITLE_CUES`).
WORDS_FOR_WORDS: Final[frozenset[str]] = _words(
    """
    said says saying wrote writes tweeted message chant chants chanted chanting reading read
    headline mantra catchphrase refrain
    """
)
# A verb of naming within NAMING_REACH words before a quotation (only a name or an article
# between: "called Rubio “Little Marco”") quotes someone's words when its subject is a person, a
# pronoun or a clause ("he dubbed", "what Gilbert called", "has been called the"), not a thing
# ("a play called “Brokers”", "the so-called").
NAMING_VERBS: Final[frozenset[str]] = _words(
    "called dubbed termed labeled labelled nicknamed branded named"
)
NAMING_REACH: Final = 3
NAMING_SUBJECTS: Final[frozenset[str]] = _words(
    "he she they we i you who whom which what that it been be being is was were are has have had"
)

# --- speakers13: speakers -----------------------------------------------------------------------

# Number words that open a sentence ("Six in 10 Republicans said …"): never a speaker's name.
NUMBER_WORDS: Final[frozenset[str]] = _words(
    """
    Four Five Six Seven Eight Nine Ten Eleven Twelve Fifteen Twenty Thirty Forty Fifty Hundred
    Dozens Hundreds Thousands Millions Half Majority Nine-in-ten
    """
)

# Words that open a sentence and are never the first word of a name ("Whatever Bloomberg’s
# impact on the race, …", "Given Sanders’ success, …").
OPENING_WORDS: Final[frozenset[str]] = _words(
    """
    Whatever Whoever Whichever However Given Unlike Like Including Among Amid Amidst Beyond
    Besides Following Regardless Whether Perhaps Indeed Instead Nonetheless Nevertheless
    Otherwise Overall Ultimately Rather Unless Upon Within Throughout Against Toward Towards
    """
)

# Generational suffixes after a surname ("Luther Pate IV", "Ed Brooks Jr."): no part of the name
# a later mention uses, and no initialism of an organisation.
NAME_SUFFIXES: Final[frozenset[str]] = _words("Jr Sr II III IV V")

# Words put before a surname as a label, not a first name ("Team Trump", "Candidate Clinton"):
# the person is the one the surname names.
NAME_LABELS: Final[frozenset[str]] = _words("Team Candidate Citizen Nominee Brand Camp")

# --- speakers14: party tags, surnames that are common words, colon quotations -------------------

# The party letters of a US party tag after a name ("Rep. Glenn Thompson, R-Pa.", "Gov. John
# Hale (R-OH), said"): the tag belongs to the name, never a place that speaks.
PARTY_LETTERS: Final[frozenset[str]] = frozenset("RDI")

# Surnames that are also common capitalised words (columnist George Will, Theresa May): after a
# first name, or alone once the article has named such a person ("Citing …, Will urged"), the
# word is the surname, not a modal or a month.
COMMON_WORD_SURNAMES: Final[frozenset[str]] = _words("Will May")

# --- speakers16: offices with "of", unclosed appositions ----------------------------------------

# The only function words a role may hold when it follows a name with no closing comma before
# the verb ("Ana Ruiz, president and CEO of the Harbor Association stated"); any other ("who",
# "in", "to") means the words are a clause or a phrase of circumstance, not a role.
UNCLOSED_ROLE_WORDS: Final[frozenset[str]] = _words("and of the")
