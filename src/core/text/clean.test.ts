import { describe, expect, test } from 'vitest';
import { findBoilerplate } from './clean';

const flagged = (text: string) => findBoilerplate(text).map((b) => [text.slice(b.start, b.end), b.reason]);

describe('findBoilerplate', () => {
  test('a label before a whole sentence with a report is content; before a link title it is a link', () => {
    const text =
      'Title of the story\n\nWATCH: The mayor said the harbour would reopen next spring.\n\nWatch: Mayor says harbour will reopen\n\nThe council met.';
    expect(flagged(text)).toEqual([['Watch: Mayor says harbour will reopen', 'related link']]);
  });

  test('flags ad labels, share prompts and bylines', () => {
    const text =
      'Title of the story\n\nBy Jane Roe\n\nThe council met.\n\nAdvertisement\n\nShare this article\n\nSign up for our newsletter';
    expect(flagged(text)).toEqual([
      ['By Jane Roe', 'byline'],
      ['Advertisement', 'ad label'],
      ['Share this article', 'share prompt'],
      ['Sign up for our newsletter', 'share prompt'],
    ]);
  });

  test('a photo credit is boilerplate; a sentence opening on "Photos" is content (round 30)', () => {
    const text =
      'Title of the story\n\nPhoto: Jonas Pell\n\nPhotos showed mourners crouched over the bodies.\n\nImage by Ana Reyes';
    expect(flagged(text)).toEqual([
      ['Photo: Jonas Pell', 'photo caption'],
      ['Image by Ana Reyes', 'share prompt'],
    ]);
  });

  test('flags wire credit lines and follow prompts, not sentences that merely mention them', () => {
    const text = [
      'The port reopened on Monday, officials said.',
      'Contributing: Tom Hale and Priya Nair',
      'Editing by Sam Ortiz',
      'Our Standards: The Harbour News Trust Principles.',
      'Follow Lena Park on X: @lenapark_news',
      'Reporting by the agency was criticised by the minister, she said.',
    ].join('\n\n');
    expect(flagged(text)).toEqual([
      ['Contributing: Tom Hale and Priya Nair', 'credit line'],
      ['Editing by Sam Ortiz', 'credit line'],
      ['Our Standards: The Harbour News Trust Principles.', 'credit line'],
      ['Follow Lena Park on X: @lenapark_news', 'credit line'],
    ]);
  });

  test('flags a Read More label and the related headline under it', () => {
    const text = 'First paragraph.\n\nRead More\nCouncil leader quits over budget row\n\nNext paragraph.';
    expect(flagged(text)).toEqual([
      ['Read More', 'related link'],
      ['Council leader quits over budget row', 'related link'],
    ]);
  });

  test('flags captions that repeat or are printed twice in a row', () => {
    const cap = 'Jane Roe, chief constable of the county';
    const text = `Title\n\n${cap}${cap}\n${cap}\n\nThe chief constable spoke.`;
    expect(flagged(text).map(([, reason]) => reason)).toEqual(['repeated caption', 'repeated caption']);
  });

  test('a credit glued to a report marks only the credit; a caption with its credit is a caption', () => {
    const text = [
      'Bank keeps branches',
      'Ruth Amsel, the chief executive, said the bank would keep its branches. Photograph: Jonas Pell/Getty Images',
      'Ruth Amsel at the bank’s head office. Photograph: Jonas Pell/Getty Images',
    ].join('\n\n');
    expect(flagged(text)).toEqual([
      ['Photograph: Jonas Pell/Getty Images', 'photo caption'],
      ['Ruth Amsel at the bank’s head office. Photograph: Jonas Pell/Getty Images', 'photo caption'],
    ]);
  });

  test('leaves ordinary paragraphs alone', () => {
    expect(flagged('Police said the road was closed.\n\n“It was awful,” she said.')).toEqual([]);
  });
});
