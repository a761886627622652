import { useMutation, useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect, useId, useState } from 'react';
import {
  checkExportSettings,
  EXPORT_SETTINGS_KEY,
  type ExportSettings,
  exportSettingsOf,
} from '@/core/export/settings';
import { describeDbError } from '@/db/errors';
import { setMeta } from '@/db/meta';
import { metaQueries } from '@/db/queries';
import { StatusMessage } from '@/ui/status-message';
import '@/features/settings/settings.css';

type Field = keyof ExportSettings;

const FIELDS: readonly { id: Field; label: string; hint: string; placeholder: string }[] = [
  {
    id: 'organizationName',
    label: 'Organisation name',
    hint: 'The author of your ClaimReview markup.',
    placeholder: 'Check Desk',
  },
  {
    id: 'organizationUrl',
    label: 'Organisation website',
    hint: 'http:// or https://',
    placeholder: 'https://checkdesk.example',
  },
  {
    id: 'reviewUrlPattern',
    label: 'Review address pattern',
    hint: 'Where each published review lives; {claimId} (and {articleId}) are filled in.',
    placeholder: 'https://checkdesk.example/checks/{claimId}',
  },
];

/** Settings kept in the database (the `meta` table): the organisation that publishes reviews. */
export function SettingsScreen({ children }: Readonly<{ children?: ReactNode }>) {
  const stored = useQuery(metaQueries.value(EXPORT_SETTINGS_KEY));
  const [draft, setDraft] = useState<ExportSettings | null>(null);
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const save = useMutation({ mutationFn: (s: ExportSettings) => setMeta(EXPORT_SETTINGS_KEY, s) });
  const ids = { organizationName: useId(), organizationUrl: useId(), reviewUrlPattern: useId() };
  useEffect(() => {
    if (stored.data !== undefined && draft === null) setDraft(exportSettingsOf(stored.data));
  }, [stored.data, draft]);

  return (
    <div className="settings-screen">
      <title>Settings · Claimdesk</title>
      <h1>Settings</h1>
      <section aria-labelledby="publishing-heading">
        <h2 id="publishing-heading">Publishing fact checks</h2>
        {!draft ? (
          <p className="loading">Loading…</p>
        ) : (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              const clean = exportSettingsOf(draft);
              const found = checkExportSettings(clean);
              setProblems(found);
              if (Object.keys(found).length === 0) save.mutate(clean);
            }}
          >
            {FIELDS.map((f) => (
              <div className="field" key={f.id}>
                <label htmlFor={ids[f.id]}>{f.label}</label>
                <input
                  id={ids[f.id]}
                  type={f.id === 'organizationName' ? 'text' : 'url'}
                  value={draft[f.id]}
                  placeholder={f.placeholder}
                  aria-invalid={problems[f.id] ? true : undefined}
                  aria-describedby={`${ids[f.id]}-hint`}
                  onChange={(e) => {
                    save.reset();
                    setDraft({ ...draft, [f.id]: e.target.value });
                  }}
                />
                <span id={`${ids[f.id]}-hint`} className={problems[f.id] ? 'field-error' : 'hint'}>
                  {problems[f.id] ?? f.hint}
                </span>
              </div>
            ))}
            <button type="submit" className="primary" disabled={save.isPending}>
              Save
            </button>
            {save.isSuccess && <StatusMessage tone="success">Saved.</StatusMessage>}
            {save.error && <StatusMessage tone="error">{describeDbError(save.error)}</StatusMessage>}
          </form>
        )}
      </section>
      {children}
    </div>
  );
}
