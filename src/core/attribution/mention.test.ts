import { describe, expect, test } from 'vitest';
import { tokenize } from '../text/tokens';
import { mainSubject, mentionOf, subjectAfter, subjectBefore } from './mention';

const subjectOf = (text: string, cue: string) => {
  const tokens = tokenize(text, 0, text.length);
  const s = subjectBefore(
    text,
    tokens,
    tokens.findIndex((t) => t.key === cue),
    0,
  );
  return s && { text: s.mention.text, name: s.mention.name, role: s.role, type: s.mention.type };
};

describe('subjectBefore', () => {
  test('reads a name with its title and role', () => {
    expect(subjectOf('Justice minister James Cartlidge said: it is fine.', 'said')).toEqual({
      text: 'Justice minister James Cartlidge',
      name: 'James Cartlidge',
      role: 'Justice minister',
      type: 'person',
    });
  });

  test('a courtesy title before a name is not a role, alone or after an office', () => {
    expect(subjectOf('Mr Patel said the plan was rushed.', 'said')).toMatchObject({
      name: 'Patel',
      role: null,
    });
    expect(subjectOf('Opposition leader Cllr Tom Briggs claimed it was wrong.', 'claimed')).toMatchObject({
      name: 'Tom Briggs',
      role: 'Opposition leader',
    });
    expect(subjectOf('Health minister Dame Ann Lee said beds are short.', 'said')).toMatchObject({
      role: 'Health minister',
    });
    // (Since speakers23 nor is a title that says no office: "Dr" is part of the name as written.)
    expect(subjectOf('Dr Ann Lee said beds are short.', 'said')).toMatchObject({ role: null });
    expect(subjectOf('Health minister Dr Ann Lee said beds are short.', 'said')).toMatchObject({
      role: 'Health minister',
    });
  });

  test('skips an appositive between commas and keeps it as the role', () => {
    expect(
      subjectOf('Ann Lee, the county’s chief nurse, warned that beds are short.', 'warned'),
    ).toMatchObject({
      text: 'Ann Lee',
      role: 'the county’s chief nurse',
    });
  });

  test('skips a relative clause and adverbs before the cue', () => {
    expect(subjectOf('Bo Park, who chairs the board, also said it would close.', 'said')).toMatchObject({
      text: 'Bo Park',
    });
  });

  test('reads offices, groups, documents and pronouns', () => {
    expect(subjectOf('The police and crime commissioner said so.', 'said')).toMatchObject({ type: 'person' });
    expect(subjectOf('The group say they have evidence.', 'say')).toMatchObject({ type: 'group' });
    expect(subjectOf('A new report, which claims that costs rose, was published.', 'claims')).toMatchObject({
      text: 'A new report',
      type: 'document',
    });
    expect(subjectOf('Later she said it was over.', 'said')).toMatchObject({ text: 'she' });
  });

  test('coordinated verbs share their subject', () => {
    expect(subjectOf('Mia Cole praised the plan and said it would help.', 'said')).toMatchObject({
      text: 'Mia Cole',
    });
  });

  test('finds no subject in a bare clause', () => {
    expect(subjectOf('To be fair, said nobody.', 'said')).toBeNull();
  });
});

describe('subjectAfter and mentionOf', () => {
  test('reads an inverted speaker', () => {
    const text = '“No,” said Dr Ada Obi, a surgeon.';
    const tokens = tokenize(text, 0, text.length);
    const s = subjectAfter(text, tokens, tokens.findIndex((t) => t.key === 'said') + 1, tokens.length - 1);
    expect(s?.mention.name).toBe('Ada Obi');
    expect(s?.role).toBe('surgeon');
  });

  test('names an organisation by its capitalised words', () => {
    const text = 'Rotherham Metropolitan Borough Council';
    const tokens = tokenize(text, 0, text.length);
    expect(mentionOf(text, tokens, 0, tokens.length - 1)).toMatchObject({
      type: 'organization',
      kind: 'name',
    });
  });
});

describe('organisations, their spokespeople and their documents', () => {
  test.each([
    [
      'A spokeswoman for the Department for Business, Energy and Industrial Strategy said prices would fall.',
      'said',
      {
        name: 'Department for Business, Energy and Industrial Strategy',
        role: 'spokeswoman',
        type: 'organization',
      },
    ],
    [
      'A spokesman at the National Institute of Allergy and Infectious Diseases told reporters the trial had ended.',
      'told',
      {
        name: 'National Institute of Allergy and Infectious Diseases',
        role: 'spokesman',
        type: 'organization',
      },
    ],
    [
      'A spokesperson for Harlow Water Authority said the pipe was fixed.',
      'said',
      { name: 'Harlow Water Authority', role: 'spokesperson', type: 'organization' },
    ],
    [
      'The Ministry of Housing, Communities and Local Government said the target stood.',
      'said',
      { name: 'Ministry of Housing, Communities and Local Government', type: 'organization' },
    ],
    [
      'A survey released by Ridgeway Polling on Monday showed that support had slipped.',
      'showed',
      { name: 'Ridgeway Polling survey', type: 'document' },
    ],
    [
      'An audit carried out by the Wales Audit Office found that costs had doubled.',
      'found',
      { name: 'Wales Audit Office audit', type: 'document' },
    ],
    [
      'A new study commissioned by the Department of Health and Social Care found that waits had grown.',
      'found',
      { name: 'Department of Health and Social Care study', type: 'document' },
    ],
  ])('%s', (text, cue, want) => {
    expect(subjectOf(text, cue)).toMatchObject(want);
  });

  test('a spokesman for a person stays a person; one for a body in lower case names no body of its own', () => {
    expect(subjectOf('A spokeswoman for Mrs. Okafor said the email was private.', 'said')).toMatchObject({
      type: 'person',
    });
    // The registry resolves "the council" to the council named before, or keeps the spokesman (speakers.test.ts).
    expect(subjectOf('A spokesman for the council said the road would reopen.', 'said')).toMatchObject({
      name: null,
    });
  });

  test('a list of people is not read as one body', () => {
    expect(subjectOf('Anna Ruiz, Tom Hale and Jo Birch said the plan was flawed.', 'said')?.type).not.toBe(
      'organization',
    );
    expect(subjectOf('Ferris, Okafor and Lindqvist said the plan was flawed.', 'said')?.type).not.toBe(
      'organization',
    );
  });

  test('a spokesman for an office holder named with a title is not the office', () => {
    expect(
      subjectOf('A spokesman for House Speaker Paul Ryan said the bill was dead.', 'said'),
    ).toMatchObject({ type: 'person' });
  });
});

describe('speakers, round eight (session 22): the antecedent of a relative after a verb', () => {
  test.each([
    ['The mayor met residents who said the cuts would close the library.', 'residents'],
    ['The inspector knows residents who said the bridge was cracked.', 'residents'],
    ['The mayor grilled officials who said the audit was late.', 'officials'],
    ['The board heard from Dale Pruitt, who said the buses were late.', 'Dale Pruitt'],
    [
      'Cruz got a favorable decision from the Illinois Board of Elections, which ruled that he met it.',
      'the Illinois Board of Elections',
    ],
  ])('%s', (text, subject) => {
    const cue = /which ruled/.test(text) ? 'ruled' : 'said';
    expect(subjectOf(text, cue)?.text).toBe(subject);
  });

  test('a verb asking "who" has no antecedent: no subject at all', () => {
    expect(subjectOf('Nobody knows who said the plan was final.', 'said')).toBeNull();
    expect(subjectOf('No one at the meeting knew who said the results would come.', 'said')).toBeNull();
  });
});

describe('speakers, round nine (session 23): the main subject', () => {
  const mainOf = (text: string, cue: string) => {
    const tokens = tokenize(text, 0, text.length);
    return mainSubject(
      text,
      tokens,
      tokens.findIndex((t) => t.key === cue),
    )?.mention;
  };

  test('a calling between capitalised words is inside the subject, not its verb', () => {
    expect(
      mainOf('Rider advocate Inez Moreno spoke for five minutes, advising members to wait.', 'advising'),
    ).toMatchObject({ name: 'Inez Moreno', role: 'Rider advocate' });
    expect(mainOf('Kasich hit Trump on trade, saying the deal was bad.', 'saying')?.text).toBe('Kasich');
  });
});
