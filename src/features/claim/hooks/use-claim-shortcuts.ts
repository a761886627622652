import type { Verdict } from '@/core/model/types';
import { verdictForDigit } from '@/core/review/verdicts';
import { canWriteNow } from '@/stores/can-write';
import { defineKeymap, useKeymap } from '@/ui/shortcuts';
import { announce } from '@/ui/toast';

export const CLAIM_KEYMAP = defineKeymap('Claim', {
  verdict: {
    keys: '1–9',
    description: 'Set the verdict (1 Unchecked … 9 Unverifiable)',
    match: ['1', '2', '3', '4', '5', '6', '7', '8', '9'],
  },
  source: { keys: 's', description: 'Add a source to the claim', match: ['s'] },
  tags: { keys: 't', description: 'Tag the claim', match: ['t'] },
  speaker: { keys: 'r', description: 'Reassign the claim to another speaker', match: ['r'] },
  span: { keys: 'e', description: 'Edit the claim’s span: select the new words, then Enter', match: ['e'] },
  add: { keys: 'n', description: 'Add a claim from the text selected in the article', match: ['n'] },
  useSpan: {
    keys: 'Enter',
    description: 'Use the selected text as the claim’s new span (while editing the span)',
    match: ['Enter'],
  },
  stopSpan: { keys: 'Esc', description: 'Stop editing the span', match: ['Escape'] },
});

type Actions = Readonly<{
  hasClaim: boolean;
  spanEditing: boolean;
  hasSelection: () => boolean;
  verdict: (verdict: Verdict) => void;
  openSourceForm: () => void;
  focusTags: () => void;
  focusSpeaker: () => void;
  toggleSpanEditing: () => void;
  addFromSelection: () => void;
  applySelectionAsSpan: () => void;
  stopSpanEditing: () => void;
}>;

/** Runs a key that changes the library, or says why this person may not (a team viewer). */
function write<E>(run: (e: E) => void): (e: E) => void {
  return (e) => {
    const allowed = canWriteNow();
    if (allowed.canWrite) run(e);
    else announce(allowed.reason);
  };
}

/** The claim review's keys; those about the open claim do nothing while none is open. */
export function useClaimShortcuts(a: Actions) {
  const hasClaim = () => a.hasClaim;
  useKeymap(CLAIM_KEYMAP, {
    verdict: {
      enabled: hasClaim,
      run: write((e) => {
        const v = verdictForDigit(e.key);
        if (v) a.verdict(v);
      }),
    },
    source: { enabled: hasClaim, run: write(a.openSourceForm) },
    tags: { enabled: hasClaim, run: write(a.focusTags) },
    speaker: { enabled: hasClaim, run: write(a.focusSpeaker) },
    span: { enabled: hasClaim, run: write(a.toggleSpanEditing) },
    add: { run: write(a.addFromSelection) },
    useSpan: { enabled: () => a.spanEditing && a.hasSelection(), run: a.applySelectionAsSpan },
    stopSpan: { enabled: () => a.spanEditing, run: a.stopSpanEditing },
  });
}
