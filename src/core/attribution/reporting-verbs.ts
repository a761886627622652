/**
 * Reporting verbs as data, grouped by where they come from, so a newcomer can see why a verb is a cue and add
 * a class rather than one verb at a time.
 *
 * Source: the verbs of communication in Beth Levin, "English Verb Classes and Alternations" (University of
 * Chicago Press, 1993), section 37 — 37.1 transfer of a message, 37.3 manner of speaking, 37.4 instrument of
 * communication, 37.7 say verbs, 37.8 complain verbs, 37.9 advise verbs — and the conjecture/assessment verbs
 * of 29.4–29.5 that news uses to report rulings and findings. Only verbs that news copy uses with a clause or a
 * quotation are kept; senses that are rarely speech in news are in the stricter groups below.
 *
 * Base forms only; `inflect` makes -s, -ed and -ing forms (irregular pasts listed as `base/past`).
 */

/** Say verbs and transfer-of-message verbs: a cue with a clause, a colon or a quotation (Levin 37.7, 37.1). */
const SAY = `announce blab blurt claim confess confide convey declare mention note observe propose recount reiterate
relate remark repeat reveal state suggest explain dictate recite relay narrate retort reply respond rejoin
counter concede admit acknowledge allege assert aver contend insist maintain deny affirm testify vow pledge
swear/swore promise predict forecast estimate reckon boast brag complain gripe grumble grouse lament bemoan protest
warn caution advise counsel urge admonish demand scold chide rebuke lecture plead beg implore muse speculate`;

/**
 * Manner-of-speaking and complain verbs (Levin 37.3, 37.8): speech with a quotation, or with an explicit
 * `that` clause ("shouted that …"); never on their own ("the crowd shouted", "fans chanted for an hour").
 */
const MANNER = `shout yell scream shriek bellow roar holler cry/cried whisper mutter mumble murmur snap snarl growl
hiss bark thunder chant sing/sang sob wail whine moan groan gasp stammer stutter splutter sputter drawl rage fume
quip joke laugh sigh exclaim interject interrupt`;

/** Verbs of judgement that report a ruling or finding only with a `that` clause (Levin 29.4–29.5). */
const RULING = `rule find/found conclude determine decide hold/held`;

/** Irregular or doubled forms: base → [3rd person, past, -ing]. */
const IRREGULAR: Readonly<Record<string, readonly [string, string, string]>> = {
  sing: ['sings', 'sang', 'singing'],
  swear: ['swears', 'swore', 'swearing'],
  find: ['finds', 'found', 'finding'],
  hold: ['holds', 'held', 'holding'],
  cry: ['cries', 'cried', 'crying'],
  deny: ['denies', 'denied', 'denying'],
  reply: ['replies', 'replied', 'replying'],
  testify: ['testifies', 'testified', 'testifying'],
  affirm: ['affirms', 'affirmed', 'affirming'],
  snap: ['snaps', 'snapped', 'snapping'],
  sob: ['sobs', 'sobbed', 'sobbing'],
  beg: ['begs', 'begged', 'begging'],
  admit: ['admits', 'admitted', 'admitting'],
  aver: ['avers', 'averred', 'averring'],
  rebuke: ['rebukes', 'rebuked', 'rebuking'],
  forecast: ['forecasts', 'forecast', 'forecasting'],
  interject: ['interjects', 'interjected', 'interjecting'],
};

/** Every inflected form of a base verb: "grumble" → grumble grumbles grumbled grumbling. */
export function inflect(entry: string): string[] {
  const base = entry.split('/')[0]!;
  const irregular = IRREGULAR[base];
  if (irregular) return [base, ...irregular, ...entry.split('/').slice(1)];
  const third = /(s|sh|ch|x|z)$/.test(base) ? `${base}es` : `${base}s`;
  const stem = base.endsWith('e') ? base.slice(0, -1) : base;
  return [base, third, `${stem}ed`, `${stem}ing`];
}

const forms = (list: string) => new Set(list.trim().split(/\s+/).flatMap(inflect));

/** Reporting verbs with a clause, a colon or a quotation. */
export const SAY_VERBS: ReadonlySet<string> = forms(SAY);
/** Speech verbs that need a quotation or an explicit `that` clause. */
export const MANNER_VERBS: ReadonlySet<string> = forms(MANNER);
/** Rulings and findings: only with an explicit `that` clause. */
export const RULING_VERBS: ReadonlySet<string> = forms(RULING);

/**
 * Verbs that take a quoted phrase as their object or complement: "described it as “…”", "called the plan a
 * “lifeline”", "scolded both sides for “…”" (Levin 29.1 appoint/dub verbs and 33 judgement verbs).
 */
export const QUOTE_OBJECT_VERBS: ReadonlySet<string> = forms(
  'describe call dub brand label term scold praise criticise criticize accuse hail slam blast deride dismiss condemn',
);

/** Verbs a quotation may follow directly with no comma or colon: "chanted “Out, out, out”", "said “no”". */
export const QUOTE_DIRECT_VERBS: ReadonlySet<string> = new Set([
  ...MANNER_VERBS,
  ...forms('say write tweet post read reply ask add answer retort blurt'),
  'said',
  'wrote',
]);
