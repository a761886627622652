import type { ReactNode } from 'react';

type Props = Readonly<{ tone: 'info' | 'success' | 'error'; children: ReactNode }>;

/** A message announced to screen readers: errors interrupt (alert), the rest wait their turn (status). */
export function StatusMessage({ tone, children }: Props) {
  return (
    <div className={`status status-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
