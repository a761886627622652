import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Claim, ClaimId, Question, QuestionId, Speaker } from '@/core/model/types';
import { PlacePanel } from './place-panel';

afterEach(cleanup);

// only what the panel reads of a claim, a question and a speaker
const claim = {
  id: 'c1',
  speakerId: 's1',
  text: 'Gangs are still active.',
  verdict: 'unchecked',
} as unknown as Claim;
const questions = ['Is it still happening?', 'Did the police act?'].map(
  (text, i) => ({ id: `q${i}`, text, stances: {} }) as unknown as Question,
);
const speakers = new Map([['s1', { id: 's1', name: 'Councillors' } as unknown as Speaker]]);

const renderPanel = (props: { targetsReady: boolean; picked?: ClaimId | null }) => {
  const onPlace = vi.fn();
  const onPick = vi.fn();
  const view = render(
    <PlacePanel
      claims={[claim]}
      loading={false}
      more={null}
      loadingMore={false}
      filter={{ speakerId: null, text: '' }}
      onFilter={() => {}}
      speakers={speakers}
      questions={questions}
      targetsReady={props.targetsReady}
      picked={props.picked ?? null}
      onPick={onPick}
      onPlace={onPlace}
    />,
  );
  return { ...view, onPlace, onPick };
};

const target = (question: string, stance: string) =>
  screen.getByRole('button', { name: `Place under “${question}” as ${stance}` });

describe('PlacePanel', () => {
  test('before the matrix has painted, each question is shown without its stance buttons', () => {
    renderPanel({ targetsReady: false });
    const group = screen.getByRole('group', { name: 'Did the police act?' });
    expect(within(group).queryAllByRole('button')).toHaveLength(0);
    expect(screen.queryAllByRole('button', { name: /^Place under/ })).toHaveLength(0);
  });

  test('once it has, every question has its four stances', () => {
    renderPanel({ targetsReady: true });
    const group = screen.getByRole('group', { name: 'Did the police act?' });
    expect(
      within(group)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['For', 'Against', 'Neutral', 'Mixed']);
  });

  test('a stance clicked (or Enter on it) places the picked claim under its question', () => {
    const { onPlace, onPick } = renderPanel({ targetsReady: true, picked: 'c1' as ClaimId });
    fireEvent.click(target('Did the police act?', 'Against'));
    expect(onPlace).toHaveBeenCalledExactlyOnceWith('q1' as QuestionId, 'c1', 'against');
    expect(onPick).toHaveBeenCalledWith(null);
  });

  test('a stance clicked with no claim picked places nothing', () => {
    const { onPlace } = renderPanel({ targetsReady: true });
    fireEvent.click(target('Is it still happening?', 'For'));
    expect(onPlace).not.toHaveBeenCalled();
  });

  test('a claim dropped on a stance is placed there; dropped beside the stances, nowhere', () => {
    const { onPlace } = renderPanel({ targetsReady: true });
    const dataTransfer = {
      getData: (type: string) => (type === 'application/x-claimdesk-claim' ? 'c1' : ''),
    };
    fireEvent.drop(screen.getByRole('group', { name: 'Is it still happening?' }), { dataTransfer });
    expect(onPlace).not.toHaveBeenCalled();
    fireEvent.drop(target('Is it still happening?', 'Mixed'), { dataTransfer });
    expect(onPlace).toHaveBeenCalledExactlyOnceWith('q0' as QuestionId, 'c1', 'mixed');
  });
});
