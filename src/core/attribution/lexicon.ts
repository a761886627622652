/** Word lists the attribution rules rest on. Lower-case; inflected forms listed where they matter. */
import { MANNER_VERBS, RULING_VERBS, SAY_VERBS } from './reporting-verbs';

const words = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s+/));

/**
 * The first, hand-tuned list of speech and report verbs (every inflection news uses as a reporting cue), read off
 * the error classes of the training corpus. Verbs added from the general class lists in `reporting-verbs.ts`
 * are cues too, but need a quotation, a colon or a `that` clause (`NEEDS_CLAUSE`).
 */
const CORE_SPEECH_VERBS = words(`
say says said saying tell tells told telling add adds added adding write writes wrote writing
ask asks asked asking announce announces announced announcing report reports reported reporting
note notes noted explain explains explained explaining argue argues argued arguing
claim claims claimed claiming suggest suggests suggested suggesting warn warns warned warning
insist insists insisted insisting deny denies denied denying admit admits admitted admitting
acknowledge acknowledges acknowledged acknowledging estimate estimates estimated estimating
declare declares declared declaring state states stated stating tweet tweets tweeted tweeting
post posts posted continue continues continued recall recalls recalled recalling
reply replies replied replying respond responds responded responding conclude concludes concluded
concluding reveal reveals revealed revealing predict predicts predicted predicting promise promises
promised promising pledge pledges pledged pledging vow vows vowed vowing urge urges urged urging
confirm confirms confirmed confirming indicate indicates indicated indicating mention mentions
mentioned mentioning assert asserts asserted asserting concede concedes conceded conceding
stress stresses stressed stressing emphasize emphasizes emphasized emphasizing emphasise emphasises emphasised emphasising
complain complains complained complaining allege alleges alleged alleging contend contends contended
maintain maintains maintained reiterate reiterates reiterated reiterating assure assures assured
remind reminds reminded told wrote charge charges charged accuse accuses accused accusing
criticize criticizes criticized criticise criticised criticising criticizing blast blasts blasted
slam slams slammed describe describes described describing call calls called calling
cite cites cited citing propose proposes proposed proposing agree agrees agreed
question questions questioned questioning testify testifies testified observe observes observed
point points pointed pointing quip quips quipped joke jokes joked boast boasts boasted
advise advises advised advising caution cautions cautioned cautioning
`);

/** Every speech and report verb: the core list and Levin's communication classes (`reporting-verbs.ts`). */
export const SPEECH_VERBS: ReadonlySet<string> = new Set([
  ...CORE_SPEECH_VERBS,
  ...SAY_VERBS,
  ...MANNER_VERBS,
  ...[...RULING_VERBS].filter((w) => !/^(find|finds|finding|found|hold|holds|holding|held)$/.test(w)),
]);

/** Verbs outside the core list: a report only with a quotation, a colon, a `that` clause or a postposed cue. */
export const NEEDS_CLAUSE: ReadonlySet<string> = new Set(
  [...SPEECH_VERBS].filter((w) => !CORE_SPEECH_VERBS.has(w)),
);

/** Verbs a document uses to quote itself: "“Evacuate now,” the bulletin read." */
export const DOCUMENT_QUOTE_VERBS = words('read reads');

/** Verbs whose first object is the addressee, not the message ("told Parliament that …"). */
export const ADDRESSEE_VERBS = words(`tell tells told telling assure assures assured remind reminds reminded
inform informs informed warn warns warned`);

/** Cues that report findings, only when the subject is a document, body or survey ("the study found"). */
export const FINDING_VERBS = words(`show shows showed shown showing find finds found ordered orders
recommended recommends concluded estimated estimates suggests suggested`);

/** Cue verbs that only count when followed by a particle ("called for", "pointed out"). */
export const PARTICLE_CUES: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['call', words('for on upon')],
  ['calls', words('for on upon')],
  ['called', words('for on upon')],
  ['calling', words('for on upon')],
  ['point', words('out')],
  ['points', words('out')],
  ['pointed', words('out')],
  ['pointing', words('out')],
]);

/** Participles that continue the main clause's speaker: "…, adding that …", "…, ruling that …". */
const CORE_PARTICIPLE_CUES = words(`saying adding arguing noting claiming insisting warning explaining telling
asking suggesting stating declaring writing calling citing recalling acknowledging predicting promising
vowing urging complaining conceding stressing accusing describing questioning tweeting posting shouting yelling
joking quipping replying responding`);

export const PARTICIPLE_CUES: ReadonlySet<string> = new Set([
  ...CORE_PARTICIPLE_CUES,
  ...[...SPEECH_VERBS].filter((w) => w.endsWith('ing') && !CORE_SPEECH_VERBS.has(w)),
]);

/**
 * `pledging that …`, `announcing he would …`, `reporting that …`, `advising the senator to …`: the other `-ing` forms
 * of the core list are participle reports of the main clause's subject only before a clause (`cues.ts`), not before
 * a noun phrase (`concluding the disclosure process`, `emphasizing those last three words`, `precincts reporting,`).
 */
export const CLAUSE_PARTICIPLE_CUES: ReadonlySet<string> = new Set(
  [...CORE_SPEECH_VERBS].filter((w) => w.endsWith('ing') && !CORE_PARTICIPLE_CUES.has(w)),
);

export const PRONOUNS = words('he she they it we i you');
export const RELATIVES = words('who which that');
export const POSSESSIVE_PRONOUNS = words('his her their its our my');

export const DETERMINERS =
  words(`the a an this that these those his her their its our my some many several most
other another one two three four five six seven eight nine ten dozens hundreds thousands few all both each`);

/** Adverbs, auxiliaries and time words that may sit between a subject and its cue. */
export const SKIP_BEFORE_CUE =
  words(`also has have had previously later then repeatedly once recently would will could
did does do is was were are been first already again publicly reportedly quickly simply flatly just
still further separately now often never privately openly explicitly specifically similarly likewise
subsequently initially originally earlier yesterday today tonight last week month year night this
monday tuesday wednesday thursday friday saturday sunday on had not has long always even famously
angrily bluntly candidly confidently frankly falsely wrongly correctly rightly pointedly memorably
notably tersely emphatically repeatedly soon ever instead twice however meanwhile nonetheless nevertheless
himself herself themselves itself`);

export const TIME_WORDS =
  words(`yesterday today tonight monday tuesday wednesday thursday friday saturday sunday
week month year night morning afternoon evening weekend last this earlier later`);

/** Common irregular past tenses, which `isVerbLike` (auxiliaries, speech verbs, `-ed`) does not know. */
export const IRREGULAR_PAST =
  /^(won|lost|took|made|got|went|came|gave|began|ran|saw|left|kept|held|met|put|drew|fell|rose|grew|paid|sent|spent|built|brought|bought|sought|fought|led|chose|became|struck|shot|hit|cut|broke|stood|sat|sold|found|felt|heard|thought|knew|won't|didn['’]t|wasn['’]t|weren['’]t)$/;

/**
 * Finite verbs that take a person or a group as object and that `isVerbLike` does not know (irregular pasts and
 * present forms): a subject phrase read leftwards stops at one (`The mayor met residents who said`, `Nobody knows
 * who said`, `The board heard from Dale Pruitt, who said`).
 */
export const OBJECT_VERBS =
  words(`met meets knew knows heard hears saw sees thanks asks interviews visits joins
praises quotes cites hires fires wonders questions grills`);

/** Words that end a subject noun phrase when reading leftwards from the cue. */
export const CLAUSE_BOUNDARY =
  words(`that but and because while when as after before if though although since where so
than or whether until unless once whereas then which who whom what how why nor yet`);

/**
 * Courtesy titles: before a name they are neither a role nor part of the name ("Mr Patel", "Opposition leader
 * Cllr Tom Briggs"). (Nor is "Dr" or "Prof": `NAME_TITLE_TAIL` in mention.ts drops them from roles.)
 */
export const COURTESY_TITLES = words(`mr mrs ms miss mx sir dame cllr cr coun`);

/**
 * Titles written short with a dot before a name ("Dr.", "Sen.", "Coun.", "Supt."): the tokenizer keeps the dot on
 * the word and the sentence splitter never breaks after it. The one list of them; `TITLES` and `ABBREVIATIONS`
 * hold them all.
 */
export const SHORT_TITLES =
  words(`mr mrs ms mx dr prof sen rep gov gen lt col capt sgt cpl maj adm rev st cllr cr
coun ald supt insp det hon atty pvt cmdr brig lieut msgr`);

const withDots = (set: ReadonlySet<string>) => [...set].flatMap((w) => [w, `${w}.`]);

export const TITLES: ReadonlySet<string> = new Set([
  ...withDots(COURTESY_TITLES),
  ...withDots(SHORT_TITLES),
  ...words(`professor senator representative governor president lord lady general judge justice chancellor
  minister secretary mayor councillor councilor alderman congressman congresswoman commissioner chief inspector
  detective superintendent officer speaker vice former late king queen prince princess pope bishop rabbi imam
  father`),
]);

/** Heads that make a noun phrase a plausible speaker. type: p person, g group, o organisation, d document. */
const HEADS: Record<string, string> = {
  p: `spokesman spokeswoman spokesperson official aide source minister secretary commissioner chief leader
  senator congressman congresswoman governor mayor president candidate nominee judge officer investigator
  director chairman chairwoman chair ceo executive founder historian professor author writer editor
  reporter journalist columnist adviser advisor strategist analyst economist researcher scientist doctor
  lawyer attorney prosecutor activist advocate member manager councillor councilor mp lawmaker legislator
  representative ambassador diplomat expert witness victim survivor resident neighbour neighbor owner
  pollster partner friend colleague teacher student woman man mother father spokesmen chancellor premier
  inspector superintendent commander sheriff coroner deputy head boss host anchor commentator critic
  supporter opponent insider observer insider official campaigner organiser organizer person
  councilwoman councilman councilmember alderwoman assemblyman assemblywoman trustee comptroller treasurer
  collector principal headteacher auditor auditor-general attorney-general solicitor-general inspector-general
  surgeon-general parent actor actress engineer grower farmer child boy girl teenager rival challenger ally
  donor contender operative volunteer delegate superdelegate consultant pundit staffer`,
  g: `officials aides sources leaders senators governors candidates judges officers investigators directors
  executives historians authors writers editors reporters journalists advisers advisors strategists analysts
  economists researchers scientists doctors lawyers attorneys prosecutors activists advocates members
  managers councillors councilors mps lawmakers legislators representatives diplomats experts witnesses
  victims survivors residents neighbours neighbors owners pollsters partners friends colleagues teachers
  students women men parents voters people critics supporters opponents insiders observers campaigners
  organisers organizers protesters demonstrators democrats republicans conservatives liberals
  progressives group groups team staff staffers allies workers employees families others authorities
  regulators police inspectors commentators many some both campaigners half third quarter
  three-quarters two-thirds majority minority percent plurality most respondents americans britons viewers
  children teenagers rivals challengers backers donors contenders operatives volunteers delegates superdelegates
  consultants pundits`,
  o: `committee commission council department agency government administration ministry office court union
  party board authority company firm organization organisation charity campaign website newspaper network
  university institute foundation bank service services police force army military white house senate
  congress parliament watchdog trust center centre club association federation league coalition
  alliance agency bureau commission regime state camp`,
  d: `report study survey poll polls analysis statement document documents letter memo inquiry review audit
  data figures records filing filings book article paper blog post tweet tweets email emails research
  investigation findings assessment estimate estimates census release lawsuit complaint ruling indictment
  report's transcript video ad advertisement release bulletin notice alert advisory message sign banner
  placard leaflet flyer order photos images pictures`,
};

export const HEAD_TYPE: ReadonlyMap<string, 'person' | 'group' | 'organization' | 'document'> = new Map(
  Object.entries(HEADS).flatMap(([k, v]) =>
    [...words(v)].map(
      (w) =>
        [
          w,
          ({ p: 'person', g: 'group', o: 'organization', d: 'document' } as const)[
            k as 'p' | 'g' | 'o' | 'd'
          ],
        ] as const,
    ),
  ),
);

/** Capitalised words that make a name an organisation or office rather than a person. */
export const ORG_WORDS = words(`council committee commission department ministry office party police court
university institute foundation bank agency government administration union house senate congress parliament
association federation league coalition alliance bureau service services trust campaign group company corp
inc ltd plc news times post journal press network club board authority authorities force army navy
centre center hospital school college church city county state states republic kingdom nations united
fund organisation organization watchdog reuters tribune guardian telegraph herald
foods holdings airlines airways motors industries technologies pharmaceuticals securities insurance logistics
brands ferries railways utilities laboratories enterprises ventures llc networks unit water`);

/**
 * Common nouns that end a body's name when written capitalised after another name word ("Network Rail", "Northfield
 * Transport", "Marston Brewery"); never a surname after a first name ("Ann Health" stays a person).
 */
export const ORG_TAILS = words(`rail railway transport energy health trust council group water brewery bakery
bakeries dairies transit buses trains homes housing media partners telecom pharma studios systems solutions
airport airports ports mining shipping aviation construction developments properties capital finance
healthcare care academies schools prize prizes award awards trophy medal`);

export const ROLE_WORDS = words(`commissioner minister secretary spokesman spokeswoman spokesperson chief mp
senator governor mayor president chairman chairwoman chair director leader judge officer chancellor
speaker ambassador attorney general candidate nominee representative congressman congresswoman
councillor councilor executive ceo founder head`);

/** Capitalised words that start sentences but are not names. */
export const NOT_NAMES =
  words(`the a an but and or so yet in on at for of to from by with as if when while after
before because though although since this that these those there here it its he she they we i you his her
their our my your what who why how where which however meanwhile still also then now today yesterday
according asked said says one two three some many most all both each every no not other another last next
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december mr mrs ms dr prof sir gmt bst utc cet cest est edt cst cdt pst pdt aest aedt
nzst nzdt`);

/** Words allowed inside a capitalised name chain ("Secretary of State", "Police and Crime Commissioner"). */
export const NAME_JOINERS = words(`of for and the de la le van von der den al bin da di du del on`);

export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  ...SHORT_TITLES,
  ...words(`jr sr inc corp co ltd no nos vs etc jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n
  e.g i.e a.m p.m ft mt dept univ est approx fig al pp ph.d`),
]);

/** Participles of questioning people: "Voters polled by the Gazette said" is the voters' report. */
export const QUESTIONED = /^(questioned|interviewed|surveyed|polled|quizzed|contacted)$/;

/** Last words that make a capitalised name a place, not a person ("Cardale Arena", "Hollin Lane"). */
export const PLACE_WORDS =
  words(`arena stadium hall park street road lane avenue way drive close crescent square
centre center theatre theater airport station bridge hospital school academy college church cathedral river
valley county ward district borough city town village island islands bay beach harbour harbor port museum
gallery library court estate farm field fields forest hill hills mountain mountains lake sea ocean coast
marsh moor heath green common quay wharf tower house palace castle abbey prison hotel market mall motorway
highway interstate boulevard place gardens reservoir dam canal pier dock docks d.c`);

/** First names with a usual gender, to keep "she" from resolving to a man. Titles decide first. */
export const MALE_NAMES =
  words(`john james robert michael william david richard joseph thomas charles christopher
daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward
jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory
alexander frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle
ethan walter noah jeremy christian keith roger terry gerald harold sean austin carl arthur lawrence dylan jesse
jordan bryan billy joe bruce gabriel logan albert willie alan juan wayne elijah randy roy vincent ralph eugene
russell bobby mason philip louis harry oliver charlie alfie freddie archie leo ian graham neil stuart craig
colin barry gordon malcolm nigel derek trevor duncan alistair hamish rhys owen gareth dafydd liam conor declan
tom tim ted bernie bill mike mitt jeb marco rand chris newt rick ben joe barack laurence lawrence victor
ewan angus fergus callum ross hugh rupert giles jeremy simon nick luke matt dan sam ed rob tobias oliver enzo tomasz
rajesh raj arjun omar ahmed mohammed muhammad ali hassan ibrahim`);
export const FEMALE_NAMES =
  words(`mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy
betty margaret sandra ashley kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca
sharon laura cynthia kathleen amy angela shirley anna brenda pamela emma nicole helen samantha katherine christine
debra rachel carolyn janet catherine maria heather diane ruth julie olivia joyce virginia victoria kelly lauren
christina joan evelyn judith megan andrea cheryl hannah jacqueline martha gloria teresa ann sara madison frances
kathryn janice jean abigail alice judy sophia grace denise amber doris marilyn danielle beverly isabella theresa
diana natalie brittany charlotte marie kayla alexis lori fiona siobhan niamh aoife sinead eileen kath kathy
kirsty morag ailsa carys megan bethan rhiannon gwen jo joanne jane janet nicola claire clare louise lucy sophie
chloe holly jade zoe amelia ella mia isla ava poppy hillary nancy elizabeth kamala michelle theresa priti nadine
liz angela ursula marine jacinda anita rosa rosalind agnes felicity imogen harriet philippa miriam yvonne
maureen pauline gillian lorna moira sheila brenda valerie wendy tracy tracey kerry leanne gemma natasha priya aisha
fatima nadia maya leila sofia elena ana lena ines chiara marisol carmen ellen clara`);

/** Labels before a colon that introduce contact details, never a speaker ("Twitter: @x", "Tel: …"). */
export const CONTACT_LABELS = words(
  `twitter facebook instagram email e-mail web website source sources contact follow editor note update tel phone`,
);

/**
 * Section and rubric labels before a colon ("COMMODITIES: Copper rose …", "Weather: …"), never a speaker: the
 * section names of news sites' and wire services' rubrics (news, sport, business and markets desks).
 */
export const SECTION_LABELS =
  words(`update note editor watch related source photo video breaking live read listen exclusive analysis opinion comment review q a sketch letter letters explainer revealed interview profile obituary feature insight verdict preview recap timeline factcheck heatwave weather traffic travel sport business politics world health education crime court tech science money property culture books music film tv theatre
markets commodities stocks shares equities currencies forex bonds oil gold metals earnings economy briefing
results scores standings fixtures transfers injuries scorecard lineups attendance transcript correction clarification
topics topic tags tag subjects keywords categories category filed credit credits picture pictures image images byline dateline
wow whoa yikes boom ouch look`);
