/**
 * Every attribution rule by name, with the one confidence table. A claim records the rule that found it
 * (`ExtractedClaim.rule`), so the scorer can report precision per rule and `explainClaim` can say why.
 * To change how sure the engine is of a rule, change its line here; nowhere else holds a confidence.
 */
export const RULES = {
  'quote-cue-before': {
    confidence: 0.9,
    stage: 'quotes',
    about: 'a cue before the quotation: `Dr Obi said: “…”`, `He added, “…”`',
    speakerFrom: 'the subject of the cue before the quote',
  },
  'quote-participle-before': {
    confidence: 0.8,
    stage: 'quotes',
    about: '`…, adding: “…”` takes the speaker of the main clause',
    speakerFrom: 'the main clause before the quote',
  },
  'quote-cue-after': {
    confidence: 0.9,
    stage: 'quotes',
    about: 'a cue touching the end of the quotation: `“…,” she said.`, `“…,” said Dr Obi.`',
    speakerFrom: 'the cue after the quote',
  },
  'quote-colon': {
    confidence: 0.6,
    stage: 'quotes',
    about: 'a colon with no speech verb: `X released the following statement: “…”`',
    speakerFrom: 'the subject of the clause before the colon',
  },
  'quote-same-sentence': {
    confidence: 0.75,
    stage: 'quotes',
    about: 'a quotation with no cue in a sentence or paragraph whose speaker is known',
    speakerFrom: 'the speaker of the same paragraph',
  },
  'quote-next-paragraph': {
    confidence: 0.65,
    stage: 'quotes',
    about: 'a paragraph opening a quotation with no cue continues the last speaker',
    speakerFrom: 'the last speaker (carried over)',
  },
  'quote-open-paragraph': {
    confidence: 0.8,
    stage: 'quotes',
    about:
      'a multi-paragraph quotation: the previous paragraph left the quotation open, or a later paragraph closes it with a cue',
    speakerFrom: 'the speaker of the quotation the previous paragraph left open, or the cue that closes it',
  },
  'quote-carried': {
    confidence: 0.55,
    stage: 'quotes',
    about:
      'a paragraph that is one whole quotation, up to three paragraphs of narration after a quoted speaker',
    speakerFrom: 'the last quoted speaker (carried over narration)',
  },
  'headline-quote': {
    confidence: 0.55,
    stage: 'headline',
    about: 'a quotation in the headline repeated in the body, or `‘…’: an interview with X`',
    speakerFrom: 'the body quotation that repeats it',
  },
  'embedded-post': {
    confidence: 0.7,
    stage: 'layout',
    about: 'an embedded post followed by its signature line `— City of Elmwood (@elmwoodcity) March 3, 2021`',
    speakerFrom: 'the signature line under the post',
  },
  'pull-quote': {
    confidence: 0.6,
    stage: 'layout',
    about: 'a paragraph that is one quotation followed by a name line (`Mayor Gemma Tully, speaking at …`)',
    speakerFrom: 'the name line under the quote',
  },
  'qa-answer': {
    confidence: 0.6,
    stage: 'layout',
    about: '`A: …` in a question-and-answer interview; the interviewee is the first person the article names',
    speakerFrom: 'the interviewee the article names first',
  },
  'name-colon': {
    confidence: 0.6,
    stage: 'layout',
    about: '`NAME: …` transcript turns and `Name, role: “…”` lines',
    speakerFrom: 'the name before the colon',
  },
  'reported-clause': {
    confidence: 0.8,
    stage: 'reports',
    about: '`X said (that) …`, `X told reporters …`, `X warned …`',
    speakerFrom: 'the subject of the cue',
  },
  'reported-postposed': {
    confidence: 0.8,
    stage: 'reports',
    about: '`CLAUSE, Smith said.`, `CLAUSE, said Smith, the chairman.`',
    speakerFrom: 'the cue after the clause',
  },
  'reported-parenthetical': {
    confidence: 0.8,
    stage: 'reports',
    about: '`The plan, Devine said, is dead.`',
    speakerFrom: 'the cue inside the sentence',
  },
  'reported-according': {
    confidence: 0.8,
    stage: 'reports',
    about: '`According to X, …` and `…, according to X.`',
    speakerFrom: "the phrase after 'according to'",
  },
  'reported-passive-agent': {
    confidence: 0.8,
    stage: 'reports',
    about: '`was asked by host Jo Lee whether …`, `was first reported by MSNBC`',
    speakerFrom: "the agent after 'by'",
  },
  'reported-participle': {
    confidence: 0.65,
    stage: 'reports',
    about: '`…, adding that …`, `…, saying …` take the main clause’s speaker',
    speakerFrom: 'the speaker of the main clause',
  },
  'reported-speech-noun': {
    confidence: 0.6,
    stage: 'reports',
    about: '`Her warning that …`, `the senator’s claim that …`, `which X calls …`',
    speakerFrom: 'the owner of the speech noun',
  },
} as const satisfies Record<
  string,
  { confidence: number; stage: string; about: string; speakerFrom: string }
>;

export type RuleId = keyof typeof RULES;

export const RULE_IDS = Object.keys(RULES) as readonly RuleId[];

/** Taken off a rule's confidence when its speaker is a pronoun resolved by the coreference model. */
export const PRONOUN_PENALTY = 0.1;

export const confidenceOf = (rule: RuleId, pronoun = false): number =>
  Math.round((RULES[rule].confidence - (pronoun ? PRONOUN_PENALTY : 0)) * 100) / 100;

export const isRuleId = (x: unknown): x is RuleId => typeof x === 'string' && x in RULES;
