import { memo, useId, useState } from 'react';
import type { Question, QuestionId } from '@/core/model/types';
import { TextField } from '@/ui/text-field';

type Props = Readonly<{
  questions: readonly Question[];
  /**
   * The claims each question shows, by question id: its live placed claims (a claim deleted since,
   * or in an article in the trash, stays in the question's stances to come back with an undo or a
   * restore, but is not counted). A question missing here counts none.
   */
  placed: ReadonlyMap<string, number>;
  onAdd: (text: string) => Promise<unknown>;
  onReword: (id: QuestionId, text: string) => void;
  onDelete: (id: QuestionId) => void;
  busy: boolean;
}>;

function QuestionItem({
  question,
  placed,
  onReword,
  onDelete,
}: Readonly<{ question: Question; placed: number } & Pick<Props, 'onReword' | 'onDelete'>>) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(question.text);
  const id = useId();
  if (editing)
    return (
      <li>
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (text.trim()) onReword(question.id, text);
            setEditing(false);
          }}
        >
          <label htmlFor={id} className="visually-hidden">
            Question
          </label>
          <input id={id} type="text" value={text} onChange={(e) => setText(e.target.value)} />
          <button type="submit">Save</button>
          <button type="button" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </form>
      </li>
    );
  return (
    <li>
      <span className="question-text">{question.text}</span>{' '}
      <span className="hint">
        ({placed} claim{placed === 1 ? '' : 's'})
      </span>
      <span className="question-actions">
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setText(question.text);
            setEditing(true);
          }}
          aria-label={`Reword “${question.text}”`}
        >
          Reword
        </button>
        <button
          type="button"
          className="link-button"
          onClick={() => onDelete(question.id)}
          aria-label={`Delete “${question.text}”`}
        >
          Delete
        </button>
      </span>
    </li>
  );
}

/** The questions compared: write one, reword or delete (undoable). */
export const QuestionsPanel = memo(function QuestionsPanel({
  questions,
  placed,
  onAdd,
  onReword,
  onDelete,
  busy,
}: Props) {
  const [text, setText] = useState('');
  return (
    <section className="panel compare-panel" aria-labelledby="questions-heading">
      <h2 id="questions-heading">Questions</h2>
      {questions.length > 0 ? (
        <ul className="question-list">
          {questions.map((q) => (
            <QuestionItem
              key={q.id}
              question={q}
              placed={placed.get(q.id) ?? 0}
              onReword={onReword}
              onDelete={onDelete}
            />
          ))}
        </ul>
      ) : (
        <p className="hint">No questions yet: write one, or accept a suggestion.</p>
      )}
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!text.trim()) return;
          onAdd(text).then(
            () => setText(''),
            () => undefined, // the error is shown as a toast; the text stays to fix
          );
        }}
      >
        <TextField
          id="new-question"
          label="Write a question"
          value={text}
          onChange={setText}
          placeholder="Did the police act on the councillors’ report?"
        />
        <button type="submit" className="primary" disabled={busy || !text.trim()}>
          Add question
        </button>
      </form>
    </section>
  );
});
