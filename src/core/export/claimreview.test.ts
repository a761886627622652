import { describe, expect, test } from 'vitest';
import { article, CRITICS, claim, item, MAYOR, speaker, UUID_URN } from '@/test/export-rows';
import { claimUrn } from './claim-urn';
import { claimReviewOf, claimReviewProblems } from './claimreview';
import type { ExportSettings } from './settings';

const settings: ExportSettings = {
  organizationName: 'Check Desk',
  organizationUrl: 'https://checkdesk.example/',
  reviewUrlPattern: 'https://checkdesk.example/claims/{claimId}',
};

describe('ClaimReview JSON-LD', () => {
  test('every required and recommended field of the fact-check markup guidelines', () => {
    const c = claim(MAYOR);
    const doc = claimReviewOf(item(c), settings)!;
    expect(doc['@context']).toBe('https://schema.org');
    expect(doc['@type']).toBe('ClaimReview');
    // required
    expect(doc.claimReviewed).toBe(MAYOR);
    expect(doc.url).toBe(`https://checkdesk.example/claims/${c.id}`);
    expect(doc.reviewRating).toEqual({
      '@type': 'Rating',
      ratingValue: 1,
      bestRating: 5,
      worstRating: 1,
      alternateName: 'False',
      ratingExplanation: 'The budget shows £0.5m.',
    });
    // recommended
    expect(doc.author).toEqual({
      '@type': 'Organization',
      name: 'Check Desk',
      url: 'https://checkdesk.example/',
    });
    expect(doc.datePublished).toBe('2026-01-15');
    expect(doc.itemReviewed).toEqual({
      '@type': 'Claim',
      author: { '@type': 'Person', name: 'Jo Hart', jobTitle: 'mayor' },
      datePublished: '2026-01-14',
      appearance: {
        '@type': 'CreativeWork',
        url: 'https://news.example/bus-cuts',
        headline: 'Council to cut bus routes',
        datePublished: '2026-01-14',
        publisher: { '@type': 'Organization', name: 'The Courier' },
      },
    });
    expect(claimReviewProblems(doc)).toEqual([]);
  });

  test('the rating value lies within worst..best for every rated verdict on the scale', () => {
    for (const verdict of ['true', 'mostly true', 'half true', 'mostly false', 'false'] as const) {
      const r = claimReviewOf(item(claim(MAYOR, { verdict })), settings)!.reviewRating;
      expect(r.ratingValue).toBeGreaterThanOrEqual(r.worstRating!);
      expect(r.ratingValue).toBeLessThanOrEqual(r.bestRating!);
    }
  });

  test('off-scale verdicts carry only the textual rating; unrated claims have no review', () => {
    const r = claimReviewOf(item(claim(MAYOR, { verdict: 'misleading' })), settings)!.reviewRating;
    expect(r).toEqual({
      '@type': 'Rating',
      alternateName: 'Misleading',
      ratingExplanation: 'The budget shows £0.5m.',
    });
    expect(claimReviewOf(item(claim(MAYOR, { verdict: 'unchecked' })), settings)).toBeNull();
    expect(claimReviewOf(item(claim(MAYOR, { verdict: 'in progress' })), settings)).toBeNull();
  });

  test('a group or organisation speaker is an Organization; no speaker, no author', () => {
    const org = claimReviewOf(
      item(claim(CRITICS), { speaker: speaker({ type: 'group', role: null, name: 'Critics' }) }),
      settings,
    )!;
    expect(org.itemReviewed.author).toEqual({ '@type': 'Organization', name: 'Critics' });
    const none = claimReviewOf(item(claim(CRITICS, { speakerId: null })), settings)!;
    expect(none.itemReviewed.author).toBeUndefined();
  });

  test('without settings the review still has an id-like url, and the problems say what to set', () => {
    const doc = claimReviewOf(item(claim(MAYOR)), {
      organizationName: '',
      organizationUrl: '',
      reviewUrlPattern: '',
    })!;
    expect(doc.url).toMatch(UUID_URN);
    expect(doc.url).toBe(claimUrn(claim(MAYOR).id));
    expect(doc.author).toBeUndefined();
    expect(claimReviewProblems(doc)).toEqual([
      'url is not an http(s) address (set a review URL pattern in Settings)',
      'author (the reviewing organisation) is missing: set it in Settings',
    ]);
  });

  test('an article URL that is not http(s) is left out of the appearance', () => {
    const doc = claimReviewOf(
      item(claim(MAYOR), { article: article({ url: 'javascript:alert(1)' }) }),
      settings,
    )!;
    expect(doc.itemReviewed.appearance?.url).toBeUndefined();
  });
});
