import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { canWriteNow, useCanWrite, VIEWER_REASON } from '@/stores/can-write';
import { useUiStore } from '@/stores/ui-store';

afterEach(() => {
  cleanup();
  useUiStore.getState().teamRoleReported(null);
});

function Probe() {
  const { canWrite, reason } = useCanWrite();
  return <p>{canWrite ? 'can write' : reason}</p>;
}

describe('useCanWrite', () => {
  it('lets everyone write without a team, members and admins too, and tells a viewer why not', () => {
    render(<Probe />);
    expect(screen.getByText('can write')).toBeTruthy();
    for (const role of ['admin', 'member'] as const) {
      act(() => useUiStore.getState().teamRoleReported(role));
      expect(screen.getByText('can write')).toBeTruthy();
      expect(canWriteNow().canWrite).toBe(true);
    }
    act(() => useUiStore.getState().teamRoleReported('viewer'));
    expect(screen.getByText(VIEWER_REASON)).toBeTruthy();
    expect(canWriteNow()).toEqual({ canWrite: false, reason: VIEWER_REASON });
  });
});
