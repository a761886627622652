/** Helpers for the data-layer tests (vitest `db` project, fake-indexeddb). */
import type { ExtractedClaim, ExtractedSpeaker, Extraction } from '@/core/extract/types';
import { db } from '@/db/db';
import { resetDatabaseOutdated } from '@/db/errors';

/** A fresh, empty database for each test. */
export async function resetDb(): Promise<void> {
  db.close();
  await db.delete();
  await db.open();
  resetDatabaseOutdated();
}

type SpeakerSpec = Partial<ExtractedSpeaker> & { id: string; name: string };
type ClaimSpec = { quote: string; speaker: string | null; kind?: ExtractedClaim['kind'] };

/** An extraction of `text` whose claims are found by their quoted words. */
export function extractionOf(
  text: string,
  speakers: readonly SpeakerSpec[],
  claims: readonly ClaimSpec[],
): Extraction {
  return {
    version: 'test-1',
    boilerplate: [],
    speakers: speakers.map((s) => ({ type: 'person', role: null, aliases: [], ...s })),
    claims: claims.map((c, i) => {
      const start = text.indexOf(c.quote);
      if (start < 0) throw new Error(`"${c.quote}" is not in the text`);
      return {
        id: `c${i}`,
        text: c.quote,
        start,
        end: start + c.quote.length,
        kind: c.kind ?? 'direct',
        speakerId: c.speaker,
        speakerMention: null,
        cue: null,
        confidence: 0.9,
        checkworthy: { score: 0.5, signals: ['number'] },
      };
    }),
  };
}

export const ARTICLE_A = `Police chief pledges more officers

Dr Alan Billings said: "We have 200 more officers than in 2014."
He added: "Victims are listened to now."
The town has 265,000 residents.
Councillors said the force "failed hundreds of girls".`;

export const ARTICLE_B = `Minister responds to report

Justice minister James Cartlidge said: "The Jay report changed everything."
Alan Billings, the commissioner, said: "Trust is returning."`;

export function extractionA(): Extraction {
  return extractionOf(
    ARTICLE_A,
    [
      {
        id: 's1',
        name: 'Alan Billings',
        aliases: ['Dr Alan Billings', 'He'],
        role: 'police and crime commissioner',
      },
      { id: 's2', name: 'Conservative councillors', type: 'group' },
    ],
    [
      { quote: 'We have 200 more officers than in 2014.', speaker: 's1' },
      { quote: 'Victims are listened to now.', speaker: 's1' },
      { quote: 'The town has 265,000 residents.', speaker: null, kind: 'unattributed' },
      { quote: 'failed hundreds of girls', speaker: 's2', kind: 'mixed' },
    ],
  );
}

export function extractionB(): Extraction {
  return extractionOf(
    ARTICLE_B,
    [
      { id: 'x1', name: 'James Cartlidge', role: 'justice minister' },
      { id: 'x2', name: 'Dr. Alan BILLINGS', aliases: ['the commissioner'], role: 'commissioner' },
    ],
    [
      { quote: 'The Jay report changed everything.', speaker: 'x1' },
      { quote: 'Trust is returning.', speaker: 'x2' },
    ],
  );
}
