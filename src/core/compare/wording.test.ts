import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { extractClaims } from '../extract/pipeline';
import { suggestQuestions } from './suggest';
import { isTopicWord, joinAdjacent, wordingFor } from './wording';

const Q = (about: string) => `What do the speakers say about ${about}?`;

describe('topic words', () => {
  test('nouns are topics; adverbs, adjectives, verb forms and comparatives are not', () => {
    for (const w of [
      'plan',
      'ward',
      'allegations',
      'exploitation',
      'housing',
      'hospital',
      'family',
      'executive',
    ])
      expect(isTopicWord(w), w).toBe(true);
    for (const w of [
      'currently',
      'active',
      'suspicious',
      'waited',
      'asking',
      'longer',
      'last',
      'sexual',
      'local',
    ])
      expect(isTopicWord(w), w).toBe(false);
  });
});

describe('question wording', () => {
  test('adverbs and adjectives are left out, not asked about', () => {
    expect(wordingFor(['active', 'currently', 'child sexual exploitation'])).toBe(
      Q('child sexual exploitation'),
    );
    expect(wordingFor(['waited', 'Marston', 'last winter', 'longer'])).toBe(Q('Marston'));
  });

  test('terms the claims write side by side become one phrase, as the terms are written', () => {
    const texts = ['Child sexual exploitation is still a problem for local authorities in Rotherham.'];
    expect(wordingFor(['Rotherham', 'sexual exploitation', 'child', 'local authorities'], texts)).toBe(
      Q('child sexual exploitation, local authorities and Rotherham'),
    );
    expect(joinAdjacent(['price cap', 'energy'], ['Energy price cap rises are due.'])).toEqual([
      'energy price cap',
    ]);
    // a verb after a topic is no part of it
    expect(joinAdjacent(['rivers', 'doubled'], ['Spills into rivers doubled last year.'])).toEqual([
      'rivers',
      'doubled',
    ]);
  });

  test('a phrase cut short is joined to what follows it, or left out', () => {
    const texts = ['The allegations of child sexual abuse must be investigated.'];
    expect(wordingFor(['allegations', 'child sexual', 'abuse'], texts)).toBe(
      Q('the allegations and child sexual abuse'),
    );
    expect(wordingFor(['child sexual', 'police'])).toBe(Q('the police'));
  });

  test('"the" where the claims use it and before singular things; none before names, plurals, mass nouns', () => {
    expect(wordingFor(['plan'])).toBe(Q('the plan'));
    expect(wordingFor(['Budget'], ['He said the Budget was fair.', 'The Budget fails families.'])).toBe(
      Q('the Budget'),
    );
    expect(wordingFor(['Rotherham'], ['Gangs in Rotherham.'])).toBe(Q('Rotherham'));
    expect(wordingFor(['routes', 'housing'])).toBe(Q('routes and housing'));
    expect(wordingFor(['energy'])).toBe(Q('energy'));
    expect(wordingFor(['contractor'], ["The council's contractor failed."])).toBe(Q('the contractor'));
  });

  test('two matters and a name at most, the matter first', () => {
    expect(wordingFor(['Leeds', 'rents', 'homes', 'landlords', 'Yorkshire'])).toBe(
      Q('rents, homes and Leeds'),
    );
    expect(wordingFor(['Leeds', 'Yorkshire'])).toBe(Q('Leeds and Yorkshire'));
  });

  test('nothing to ask about: no question', () => {
    expect(wordingFor(['suspicious'])).toBeNull();
    expect(wordingFor(['asking', 'longer', 'currently'])).toBeNull();
    expect(wordingFor([])).toBeNull();
  });
});

describe('suggested questions read as questions, on varied articles', () => {
  const fixtures = [
    'rotherham',
    'health-waiting-times-report',
    'environment-charity-report',
    'tv-interview-minister',
  ];
  const NOT_ABOUT = /\b(currently|active|suspicious|waited|asking|longer|last|doubled|child sexual)\??$/;
  for (const name of fixtures)
    test(name, () => {
      const dir = fileURLToPath(new URL(`../attribution/fixtures/${name}/`, import.meta.url));
      const x = extractClaims(readFileSync(`${dir}article.txt`, 'utf8'));
      const out = suggestQuestions(x.claims.map((c) => ({ id: c.id, speakerId: c.speakerId, text: c.text })));
      expect(out.length).toBeGreaterThan(0);
      const wordings = out.map((s) => s.wording);
      expect(new Set(wordings.map((w) => w.toLowerCase())).size).toBe(wordings.length);
      for (const w of wordings) {
        expect(w).toMatch(/^What do the speakers say about \S.*\?$/);
        // each listed topic ends in a noun or a name, never an adverb, adjective or verb
        for (const part of w.slice('What do the speakers say about '.length, -1).split(/, | and /))
          expect(part, w).not.toMatch(NOT_ABOUT);
      }
    });
});
