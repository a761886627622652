import { lazy, Suspense, useState } from 'react';
import type { ExportChoice } from '@/features/export/export-choice';

const ExportDialog = lazy(() => import('@/features/export/components/export-dialog'));

type Props = Readonly<{
  choices: readonly ExportChoice[];
  settingsHref: string;
  label?: string;
  className?: string;
}>;

/** Opens the export dialog (loaded on first use, so screens do not carry the exporters). */
export function ExportButton({ choices, settingsHref, label = 'Export…', className }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={className ?? 'small'} onClick={() => setOpen(true)}>
        {label}
      </button>
      {open && (
        <Suspense fallback={null}>
          <ExportDialog
            open={open}
            onClose={() => setOpen(false)}
            choices={choices}
            settingsHref={settingsHref}
          />
        </Suspense>
      )}
    </>
  );
}
