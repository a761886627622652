import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { EXPORT_SETTINGS_KEY, exportSettingsOf } from '@/core/export/settings';
import { describeDbError } from '@/db/errors';
import { exportQueries } from '@/db/export-read';
import { metaQueries } from '@/db/queries';
import { downloadBlob } from '@/features/export/download';
import type { ExportChoice } from '@/features/export/export-choice';
import { type DialogFormat, runExport } from '@/features/export/run-export';
import { Dialog } from '@/ui/dialog';
import { StatusMessage } from '@/ui/status-message';
import '@/features/export/export.css';
import { plural } from '@/features/export/plural';
import { indexingText } from '@/features/team/status-text';
import { useTeamSnapshot } from '@/features/team/team-sync-context';

const FORMATS: readonly { id: DialogFormat; label: string; hint: string }[] = [
  { id: 'csv', label: 'CSV spreadsheet', hint: 'One row per claim, for Excel, LibreOffice, R or pandas.' },
  {
    id: 'json',
    label: 'JSON claim list',
    hint: 'One object per claim with its sources as a list, for scripts (Python, R, jq).',
  },
  {
    id: 'backup',
    label: 'JSON backup',
    hint: 'The whole library, history included; restore it here or in another browser.',
  },
  {
    id: 'claimreview',
    label: 'ClaimReview (JSON-LD)',
    hint: 'schema.org fact-check markup for the rated claims.',
  },
  {
    id: 'webannotation',
    label: 'Web Annotation (JSON-LD)',
    hint: 'W3C annotations on each article, for annotation tools.',
  },
  { id: 'markdown', label: 'Markdown report', hint: 'Claims grouped by speaker with verdicts and sources.' },
];

type Props = Readonly<{
  open: boolean;
  onClose: () => void;
  /** The scopes this screen offers; the first is the default. */
  choices: readonly ExportChoice[];
  settingsHref: string;
}>;

export default function ExportDialog({ open, onClose, choices, settingsHref }: Props) {
  const [format, setFormat] = useState<DialogFormat>('csv');
  const [choiceId, setChoiceId] = useState(choices[0]?.id ?? '');
  const [bom, setBom] = useState(true);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const formatName = useId();
  const scopeName = useId();
  const choice = choices.find((c) => c.id === choiceId) ?? choices[0]!;
  const count = useQuery({ ...exportQueries.count(choice.scope), enabled: open });
  const settings = exportSettingsOf(useQuery(metaQueries.value(EXPORT_SETTINGS_KEY)).data);
  const busy = progress !== null;
  const isBackup = format === 'backup';
  const indexing = useTeamSnapshot().status?.indexing;

  const start = async () => {
    setResult(null);
    setProgress({ done: 0, total: count.data ?? 0 });
    try {
      const out = await runExport({
        format,
        scope: choice.scope,
        title: choice.title,
        bom,
        total: count.data ?? 0,
        onProgress: (done, total) => setProgress({ done, total }),
      });
      if (format === 'claimreview' && out.claims === 0) {
        // an empty list is no markup to publish: say why instead of saving it
        setResult({
          tone: 'error',
          text: 'No ClaimReview to publish: none of these claims has a verdict yet (True to Unverifiable). Nothing was saved.',
        });
        return;
      }
      downloadBlob(out.blob, out.fileName);
      setResult({
        tone: 'success',
        text: isBackup
          ? `Backup saved as ${out.fileName}.`
          : `Exported ${plural(out.claims, format === 'claimreview' ? 'rated claim' : 'claim')} as ${out.fileName}.`,
      });
    } catch (e) {
      setResult({ tone: 'error', text: `The export failed: ${describeDbError(e)}` });
    } finally {
      setProgress(null);
    }
  };

  return (
    <Dialog open={open} title="Export" onClose={busy ? () => {} : onClose} className="export-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void start();
        }}
      >
        <fieldset className="export-choices">
          <legend>Format</legend>
          {FORMATS.map((f, i) => (
            <label key={f.id} className="export-choice">
              <input
                type="radio"
                name={formatName}
                value={f.id}
                checked={format === f.id}
                onChange={() => setFormat(f.id)}
                data-autofocus={i === 0 ? true : undefined}
              />
              <span>
                <span className="export-choice-label">{f.label}</span>
                <span className="hint">{f.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {!isBackup && (
          <fieldset className="export-choices">
            <legend>Claims</legend>
            {choices.map((c) => (
              <label key={c.id} className="export-choice">
                <input
                  type="radio"
                  name={scopeName}
                  value={c.id}
                  checked={choice.id === c.id}
                  onChange={() => setChoiceId(c.id)}
                />
                <span className="export-choice-label">{c.label}</span>
              </label>
            ))}
          </fieldset>
        )}
        {format === 'csv' && (
          <label className="export-check">
            <input type="checkbox" checked={bom} onChange={(e) => setBom(e.target.checked)} />
            Start with a byte order mark (spreadsheet programs then read accents right)
          </label>
        )}
        {format === 'claimreview' && (!settings.organizationName || !settings.reviewUrlPattern) && (
          <p className="hint export-warning">
            Only rated claims get a review. Set your organisation and review address in{' '}
            <a href={settingsHref}>Settings</a> before you publish the markup.
          </p>
        )}
        {!isBackup && indexing && (
          // the claim lists are read off the filter rows a team's first sync is still building
          <p className="hint export-warning">
            {indexingText(indexing)}: until then this export may miss some claims. A backup holds them all.
          </p>
        )}
        <p className="export-count" aria-live="polite">
          {isBackup
            ? 'A backup holds the whole library: every article, claim, source and history entry.'
            : count.isPending
              ? 'Counting claims…'
              : count.error
                ? describeDbError(count.error)
                : format === 'claimreview'
                  ? // only rated claims get a review: "12 claims will go out" saved one (explore21)
                    `Of ${plural(count.data ?? 0, 'claim')}, only the rated ones (True to Unverifiable) will go out.`
                  : `${plural(count.data ?? 0, 'claim')} will go out.`}
        </p>
        {progress && (
          <div className="export-progress">
            <progress
              aria-label="Export progress"
              max={Math.max(progress.total, 1)}
              value={Math.min(progress.done, Math.max(progress.total, 1))}
            />
            <span>
              {progress.done.toLocaleString()} of {progress.total.toLocaleString()}
            </span>
          </div>
        )}
        {result && <StatusMessage tone={result.tone}>{result.text}</StatusMessage>}
        <div className="dialog-actions">
          {/* busy: aria-disabled, not disabled, which would drop the keyboard focus to the page */}
          <button
            type="submit"
            className="primary"
            aria-disabled={busy}
            disabled={!busy && !isBackup && (count.data ?? 0) === 0}
          >
            {busy ? 'Exporting…' : 'Export'}
          </button>
          <button type="button" onClick={onClose} disabled={busy}>
            {result?.tone === 'success' ? 'Close' : 'Cancel'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
