import { useMutation } from '@tanstack/react-query';
import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import { matrixCsvFile, matrixToMarkdown } from '@/core/compare/export';
import { buildMatrix, matrixColumnChunks } from '@/core/compare/matrix';
import type { QuestionSuggestion } from '@/core/compare/suggest';
import type { ArticleId, ClaimId, Question, QuestionId, SpeakerId } from '@/core/model/types';
import { describeDbError } from '@/db/errors';
import { articleMutations } from '@/db/mutations';
import type { ArticleTitle } from '@/db/queries';
import { downloadBlob } from '@/ui/download';
import { StatusMessage } from '@/ui/status-message';
import { usePaintedOnce } from '@/ui/use-after-paint';
import '@/features/compare/compare.css';
import { compareFileName } from '@/features/compare/export-file-name';
import {
  useComparison,
  useLibraryArticles,
  usePlaceClaims,
  useScopeGone,
  useScopeSpeakers,
  useSuggestions,
} from '@/features/compare/hooks/use-compare-data';
import { useCompareMutations } from '@/features/compare/hooks/use-compare-mutations';
import { useCompareUrl } from '@/features/compare/hooks/use-compare-url';
import { ColumnChooser } from './column-chooser';
import { MatrixTable } from './matrix-table';
import { PhoneView } from './phone-view';
import { PlacePanel } from './place-panel';
import { QuestionsPanel } from './questions-panel';
import { ScopePicker } from './scope-picker';
import { SuggestionsPanel } from './suggestions-panel';

type Props = Readonly<{ speakerHref: (speakerId: string) => string }>;

const NO_ARTICLES: readonly ArticleTitle[] = [];
const NO_QUESTIONS: readonly Question[] = [];
const NO_COUNTS: ReadonlyMap<string, number> = new Map();

/** Speakers side by side on a printed page at most: a wider matrix prints as several tables. */
export const PRINT_COLUMNS = 6;

/**
 * Whether the page is being printed (between `beforeprint` and `afterprint`): the print layout is
 * rendered then, in the same task (flushSync), so nothing is rendered for it while the screen shows.
 */
function usePrinting(): boolean {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  return printing;
}

export function CompareScreen({ speakerHref }: Props) {
  const { view, update } = useCompareUrl();
  const comparison = useComparison(view.articleIds);
  const painted = usePaintedOnce(comparison.isSuccess);
  // what the place panel and the suggestions read waits for the matrix's first paint, and so do
  // the library's titles (every article's head) when articles are chosen
  const later = painted && view.articleIds.length > 0;
  const library = useLibraryArticles(painted || view.articleIds.length === 0);
  const [speakerFilter, setSpeakerFilter] = useState<SpeakerId | null>(null);
  const [textFilter, setTextFilter] = useState('');
  const words = useDeferredValue(textFilter);
  const scope = useScopeSpeakers(view.articleIds, later);
  const placeClaims = usePlaceClaims(view.articleIds, { speakerId: speakerFilter, text: words }, later);
  const suggested = useSuggestions(view.articleIds, later);
  const m = useCompareMutations();
  const [picked, setPicked] = useState<ClaimId | null>(null);
  // stable callbacks, so the memoised matrix, phone view and panels are not rendered again when
  // the place panel, the speakers or the suggestions arrive after the matrix
  const place = m.place.mutate;
  const takeOff = useCallback(
    (questionId: string, claimId: string) =>
      place({ questionId: questionId as QuestionId, claimId: claimId as ClaimId, stance: null }),
    [place],
  );
  const focusQuestion = useCallback((q: string) => update({ focus: q }, { replace: true }), [update]);
  const chooseArticles = useCallback((ids: readonly ArticleId[]) => update({ articleIds: ids }), [update]);
  const addQuestion = m.addQuestion.mutateAsync;
  const rewordQuestion = m.rewordQuestion.mutate;
  const deleteQuestion = m.deleteQuestion.mutate;
  const onAdd = useCallback(
    (text: string) => addQuestion({ text, articleIds: view.articleIds }),
    [addQuestion, view.articleIds],
  );
  const onReword = useCallback(
    (id: QuestionId, text: string) => rewordQuestion({ id, text }),
    [rewordQuestion],
  );
  const onDelete = useCallback((id: QuestionId) => deleteQuestion(id), [deleteQuestion]);

  const printing = usePrinting();
  const data = comparison.data;
  const derived = useMemo(() => {
    if (!data) return null;
    const speakers = data.speakers.map((s) => ({ id: s.id, name: s.name }));
    const claims = new Map(data.claims.map((c) => [c.id, c]));
    const all = buildMatrix(data.questions, claims, speakers);
    // chosen order first, then speakers placed since, so a new speaker shows up at the end
    const known = new Set(view.columns ?? []);
    const order = view.columns
      ? [
          ...view.columns.flatMap((id) => all.available.filter((s) => s.id === id)),
          ...all.available.filter((s) => !known.has(s.id)),
        ]
      : all.available;
    // every available speaker in its own order, none hidden (a view not changed yet): that matrix
    const matrix =
      view.columns === null && view.hidden.length === 0
        ? all
        : buildMatrix(data.questions, claims, speakers, {
            columns: order.map((s) => s.id),
            hidden: view.hidden,
          });
    const articleTitles = new Map(data.articles.map((a) => [a.id as string, a.title]));
    // an article's title beside each claim only when claims come from more than one article
    const cellTitles = data.articles.length > 1 ? articleTitles : new Map<string, string>();
    // each question's live placed claims (the comparison's claims are the live ones)
    const placed = new Map(
      data.questions.map((q) => [
        q.id as string,
        Object.keys(q.stances).filter((id) => claims.has(id)).length,
      ]),
    );
    return { matrix, order, articleTitles, cellTitles, placed };
  }, [data, view.columns, view.hidden]);

  const articleOptions = library.data ?? NO_ARTICLES;
  // chosen articles the library does not list (in the trash, or not here): read once it is listed
  const notListed = useMemo(() => {
    if (!library.data) return [];
    const listed = new Set(library.data.map((a) => a.id));
    return view.articleIds.filter((id) => !listed.has(id));
  }, [library.data, view.articleIds]);
  const gone = useScopeGone(notListed);
  const restore = useMutation(articleMutations.restore()).mutate;
  const restoreArticle = useCallback((id: ArticleId) => restore(id), [restore]);
  const scopeTitles = useMemo(() => {
    const byId = new Map(articleOptions.map((a) => [a.id, a.title]));
    return view.articleIds.flatMap((id) => byId.get(id) ?? []);
  }, [articleOptions, view.articleIds]);

  const error =
    comparison.error ?? library.error ?? gone.error ?? scope.error ?? placeClaims.error ?? suggested.error;
  if (error) return <StatusMessage tone="error">{describeDbError(error)}</StatusMessage>;

  const title = scopeTitles.length > 0 ? `Compare positions: ${scopeTitles.join('; ')}` : 'Compare positions';
  const matrix = derived?.matrix;
  const conflicts = matrix?.rows.filter((r) => r.conflict).length ?? 0;
  const caption = matrix
    ? `Positions of ${matrix.columns.length} speaker${matrix.columns.length === 1 ? '' : 's'} on ${matrix.rows.length} question${matrix.rows.length === 1 ? '' : 's'}${conflicts > 0 ? `; ${conflicts} with a conflict (one speaker for, another against)` : ''}`
    : '';

  // 30 speakers side by side on paper is a column a word wide: printed, the matrix is cut in tables
  const printChunks =
    printing && matrix && matrix.columns.length > PRINT_COLUMNS
      ? matrixColumnChunks(matrix, PRINT_COLUMNS)
      : null;

  const accept = (s: QuestionSuggestion, wording: string) =>
    m.addQuestion.mutate(
      { text: wording, articleIds: view.articleIds },
      { onSuccess: () => m.handleSuggestion.mutate(s.id) },
    );

  return (
    <div className="compare-screen">
      <header className="compare-header">
        <h1>Compare positions</h1>
        {scopeTitles.length > 0 ? <p className="print-only compare-scope">{scopeTitles.join('; ')}</p> : null}
      </header>
      <div className="compare-controls">
        <ScopePicker
          articles={articleOptions}
          loading={library.isPending}
          chosen={view.articleIds}
          gone={gone.articles}
          onChange={chooseArticles}
          onRestore={restoreArticle}
        />
        <QuestionsPanel
          questions={data?.questions ?? NO_QUESTIONS}
          placed={derived?.placed ?? NO_COUNTS}
          busy={m.addQuestion.isPending}
          onAdd={onAdd}
          onReword={onReword}
          onDelete={onDelete}
        />
        {view.articleIds.length > 0 ? (
          <SuggestionsPanel
            suggestions={suggested.suggestions}
            busy={m.addQuestion.isPending}
            speakerName={(id) => scope.speakers.get(id)?.name ?? 'Unknown speaker'}
            onAccept={accept}
            onReject={(s) => m.handleSuggestion.mutate(s.id)}
          />
        ) : null}
        {view.articleIds.length > 0 ? (
          <PlacePanel
            claims={placeClaims.claims}
            loading={placeClaims.pending}
            more={placeClaims.more}
            loadingMore={placeClaims.loadingMore}
            filter={{ speakerId: speakerFilter, text: textFilter }}
            onFilter={(f) => {
              setSpeakerFilter(f.speakerId);
              setTextFilter(f.text);
            }}
            speakers={scope.speakers}
            questions={data?.questions ?? NO_QUESTIONS}
            targetsReady={painted}
            picked={picked}
            onPick={setPicked}
            onPlace={(questionId, claimId, stance) => place({ questionId, claimId, stance })}
          />
        ) : null}
      </div>

      <section
        className={`compare-result${printChunks ? ' print-chunked' : ''}`}
        aria-labelledby="matrix-heading"
      >
        <div className="matrix-toolbar">
          <h2 id="matrix-heading">Side by side</h2>
          {derived && derived.order.length > 0 ? (
            <ColumnChooser
              order={derived.order}
              hidden={new Set(view.hidden)}
              onReorder={(order) => update({ columns: order }, { replace: true })}
              onToggle={(id) =>
                update(
                  ({ hidden }) => ({
                    hidden: hidden.includes(id) ? hidden.filter((h) => h !== id) : [...hidden, id],
                  }),
                  { replace: true },
                )
              }
            />
          ) : null}
          {matrix && matrix.rows.length > 0 && matrix.columns.length > 0 ? (
            <div className="export-buttons">
              <button
                type="button"
                onClick={() =>
                  downloadBlob(
                    new Blob([matrixToMarkdown(matrix, title, derived.articleTitles)], {
                      type: 'text/markdown;charset=utf-8',
                    }),
                    compareFileName(matrix, 'md'),
                  )
                }
              >
                Export Markdown
              </button>
              <button
                type="button"
                onClick={() =>
                  downloadBlob(
                    new Blob([matrixCsvFile(matrix, derived.articleTitles)], {
                      type: 'text/csv;charset=utf-8',
                    }),
                    compareFileName(matrix, 'csv'),
                  )
                }
              >
                Export CSV
              </button>
              <button type="button" onClick={() => window.print()}>
                Print
              </button>
            </div>
          ) : null}
        </div>
        {!matrix ? (
          <p className="hint">Loading…</p>
        ) : matrix.rows.length === 0 ? (
          <p className="hint">No questions to compare yet.</p>
        ) : matrix.columns.length === 0 ? (
          <p className="hint">
            No speaker columns: place claims under the questions
            {view.hidden.length > 0 ? ', or show hidden speakers' : ''}.
          </p>
        ) : (
          <>
            <MatrixTable
              matrix={matrix}
              caption={caption}
              articleTitles={derived.cellTitles}
              speakerHref={speakerHref}
              onTakeOff={takeOff}
            />
            {printChunks ? (
              <div className="print-chunks">
                {printChunks.map((chunk, i) => (
                  <MatrixTable
                    // biome-ignore lint/suspicious/noArrayIndexKey: the chunks are the columns' order, remade for each print
                    key={i}
                    matrix={chunk}
                    caption={`${caption} — speakers ${i * PRINT_COLUMNS + 1}–${i * PRINT_COLUMNS + chunk.columns.length} of ${matrix.columns.length}`}
                    articleTitles={derived.cellTitles}
                    speakerHref={speakerHref}
                    onTakeOff={takeOff}
                  />
                ))}
              </div>
            ) : null}
            <PhoneView
              matrix={matrix}
              focus={view.focus}
              onFocus={focusQuestion}
              articleTitles={derived.cellTitles}
              speakerHref={speakerHref}
            />
          </>
        )}
      </section>
    </div>
  );
}
