import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { ClaimKind } from '@/core/extract/types';
import type { ArticleId, SpeakerId } from '@/core/model/types';
import { CLAIM_KINDS, guessKind, kindLabel } from '@/core/review/kinds';
import { speakerQueries } from '@/db/queries';
import { Dialog } from '@/ui/dialog';

type Props = Readonly<{
  articleId: ArticleId;
  /** The words of the claim to add; the dialog is open while set. */
  text: string | null;
  busy: boolean;
  onAdd: (choice: Readonly<{ kind: ClaimKind; speakerId: SpeakerId | null }>) => void;
  onCancel: () => void;
}>;

/** Adding a claim by hand: the person says what kind of claim it is and who said it. */
export function AddClaimDialog({ articleId, text, busy, onAdd, onCancel }: Props) {
  return (
    <Dialog
      open={text !== null}
      title="Add a claim"
      description={<blockquote className="add-claim-quote">{text}</blockquote>}
      onClose={onCancel}
    >
      {/* Props handed on by name: alike in shape to other screens' hand-offs, no logic shared. */}
      {text !== null && (
        <AddClaimForm
          key={text}
          articleId={articleId}
          text={text}
          busy={busy}
          onAdd={onAdd}
          onCancel={onCancel}
        />
      )}
    </Dialog>
  );
}

function AddClaimForm({ articleId, text, busy, onAdd, onCancel }: Props & { text: string }) {
  const speakers = useQuery(speakerQueries.byArticle(articleId)).data ?? [];
  const [kind, setKind] = useState<ClaimKind>(() => guessKind(text));
  const [speakerId, setSpeakerId] = useState('');
  const id = useId();
  return (
    <form
      className="add-claim-form"
      onSubmit={(e) => {
        e.preventDefault();
        onAdd({ kind, speakerId: speakerId ? (speakerId as SpeakerId) : null });
      }}
    >
      <label htmlFor={`${id}-kind`}>Kind</label>
      <select
        id={`${id}-kind`}
        value={kind}
        onChange={(e) => setKind(e.target.value as ClaimKind)}
        data-autofocus
      >
        {CLAIM_KINDS.map((k) => (
          <option key={k} value={k}>
            {kindLabel(k)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-speaker`}>Speaker</label>
      <select id={`${id}-speaker`} value={speakerId} onChange={(e) => setSpeakerId(e.target.value)}>
        <option value="">No speaker yet</option>
        {speakers.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
      <p className="hint">
        A speaker not in this article can be chosen or created from the claim panel afterwards.
      </p>
      <div className="dialog-actions">
        <button type="submit" className="primary" disabled={busy}>
          Add claim
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
