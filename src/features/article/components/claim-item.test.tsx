import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Claim, Verdict } from '@/core/model/types';
import { ClaimItem } from '@/features/article/components/claim-item';
import { keyTo } from '@/test/claim-forms';
import { claim } from '@/test/export-rows';

afterEach(cleanup);

const one = claim('cut bus routes', { verdict: 'unchecked' });

const item = (c: Claim, onVerdict: (claim: Claim, verdict: Verdict, parts?: readonly Claim[]) => void) => (
  <ul>
    <ClaimItem
      claim={c}
      parts={[c]}
      number={1}
      selectedPart={null}
      onVerdict={onVerdict}
      onSelect={() => {}}
    />
  </ul>
);

function renderItem(c: Claim = one) {
  const onVerdict = vi.fn<(claim: Claim, verdict: Verdict, parts?: readonly Claim[]) => void>();
  const view = render(item(c, onVerdict));
  const select = screen.getByLabelText('Verdict') as HTMLSelectElement;
  return { select, onVerdict, rerender: (next: Claim) => view.rerender(item(next, onVerdict)) };
}

describe('ClaimItem’s verdict list', () => {
  test('arrow keys only show the verdict passed on the way; Enter sets the one shown, once', () => {
    const { select, onVerdict } = renderItem();
    select.focus();
    keyTo(select, 'in progress');
    keyTo(select, 'true');
    expect(onVerdict).not.toHaveBeenCalled();
    expect(select.value).toBe('true');
    fireEvent.keyDown(select, { key: 'Enter' });
    expect(onVerdict).toHaveBeenCalledExactlyOnceWith(one, 'true', [one]);
  });

  test('leaving the list sets the verdict shown, so what is shown is what is stored', () => {
    const { select, onVerdict } = renderItem();
    select.focus();
    keyTo(select, 'in progress');
    fireEvent.blur(select);
    expect(onVerdict).toHaveBeenCalledExactlyOnceWith(one, 'in progress', [one]);
    fireEvent.focus(select);
    fireEvent.blur(select);
    expect(onVerdict).toHaveBeenCalledOnce();
  });

  test('Escape puts the stored verdict back and sets nothing, then or on leaving', () => {
    const { select, onVerdict } = renderItem();
    select.focus();
    keyTo(select, 'in progress');
    keyTo(select, 'true');
    const notCancelled = fireEvent.keyDown(select, { key: 'Escape' });
    expect(notCancelled).toBe(false);
    expect(select.value).toBe('unchecked');
    fireEvent.blur(select);
    expect(onVerdict).not.toHaveBeenCalled();
  });

  test('a pointer choice sets the verdict at once, even after arrow keys', () => {
    const { select, onVerdict } = renderItem();
    keyTo(select, 'in progress');
    fireEvent.pointerDown(select);
    fireEvent.change(select, { target: { value: 'false' } });
    expect(onVerdict).toHaveBeenCalledExactlyOnceWith(one, 'false', [one]);
  });

  test('a choice in the list opened with Alt+ArrowDown sets the verdict at once (the open list’s keys reach no page)', () => {
    const { select, onVerdict } = renderItem();
    select.focus();
    fireEvent.keyDown(select, { key: 'Alt', altKey: true });
    fireEvent.keyDown(select, { key: 'ArrowDown', altKey: true });
    fireEvent.change(select, { target: { value: 'in progress' } });
    expect(onVerdict).toHaveBeenCalledExactlyOnceWith(one, 'in progress', [one]);
  });

  test('arrowing back to the stored verdict and leaving sets nothing', () => {
    const { select, onVerdict } = renderItem();
    select.focus();
    keyTo(select, 'in progress');
    keyTo(select, 'unchecked', 'ArrowUp');
    fireEvent.keyDown(select, { key: 'Enter' });
    fireEvent.blur(select);
    expect(onVerdict).not.toHaveBeenCalled();
  });

  test('the list shows the stored verdict again once a set verdict is stored', () => {
    const { select, rerender } = renderItem();
    select.focus();
    keyTo(select, 'true');
    fireEvent.keyDown(select, { key: 'Enter' });
    rerender({ ...one, verdict: 'true' });
    expect(select.value).toBe('true');
    rerender({ ...one, verdict: 'false' });
    expect(select.value).toBe('false');
  });
});
