import { shapes } from './test-claims';

// Invented sentences; each case is a reporting pattern of English news copy, not a corpus sentence.

shapes('a new subject and its own `said` after a comma end a report (round 30)', [
  [
    '`calls for` before another speaker’s report',
    'Alongside Unite calls for a recount, even a senior Republican adviser said the margin was too thin.',
    ['Alongside Unite: a recount', 'even a senior Republican adviser: the margin was too thin'],
  ],
  [
    'an adverb before a fronted `after` clause',
    'Oddly, after the board asked staff to search their files, Mr. Ruiz said one memo had turned up.',
    ['board: staff to search their files', 'Mr. Ruiz: one memo had turned up'],
  ],
  [
    'guard: a reduced relative after a noun is the report’s',
    'Mr. Ruiz asked Ana to chair the panel, a post Ana said she would gladly take.',
    ['Mr. Ruiz: Ana to chair the panel, a post Ana said she would gladly take'],
  ],
]);
