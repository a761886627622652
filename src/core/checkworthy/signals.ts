import type { Checkworthiness } from '../extract/types';

const RULES: readonly (readonly [string, RegExp, number])[] = [
  ['percentage', /\d\s?(%|per ?cent|percent)|\bper ?cent\b|\bpercent\b/i, 0.35],
  ['money', /[$£€¥]\s?\d|\b\d[\d,.]*\s?(dollars|pounds|euros|bn|m)\b/i, 0.3],
  ['number', /\b\d[\d,.]*\b/, 0.25],
  [
    'quantity',
    /\b(hundreds?|thousands?|millions?|billions?|trillions?|dozens?|half|third|quarter|twice|double[ds]?|tripled?|majority|minority|most|fewer|several)\b/i,
    0.2,
  ],
  [
    'date',
    /\b(1[89]\d\d|20\d\d|january|february|march|april|june|july|august|september|october|november|december|last (week|month|year)|since|between)\b/i,
    0.15,
  ],
  [
    'comparison',
    /\b(more|less|fewer|higher|lower|larger|smaller|bigger|increase[ds]?|decrease[ds]?|rose|risen|fell|fallen|grew|cut|doubled|compared|than|record|highest|lowest|largest|biggest|worst|best|first|only)\b/i,
    0.2,
  ],
  [
    'institution',
    /\b(\p{Lu}\p{L}+ )*(Council|Ministry|Department|Police|Court|Parliament|Congress|Senate|Commission|Committee|Agency|Office|Government|Administration|University|Bureau|Service|NHS|FBI|CIA|EU|UN|NATO)\b/u,
    0.15,
  ],
  ['causal', /\b(because|caused?|led to|result(ed)? in|due to|therefore)\b/i, 0.1],
];

/** How much a claim states something checkable: numbers, quantities, dates, comparisons, named institutions. */
export function checkworthiness(text: string): Checkworthiness {
  const signals: string[] = [];
  let score = 0.1;
  for (const [name, re, weight] of RULES) {
    if (re.test(text)) {
      signals.push(name);
      score += weight;
    }
  }
  if (/\?$/.test(text.trim())) score -= 0.1;
  return { score: Math.max(0, Math.min(1, Math.round(score * 100) / 100)), signals };
}
