import { useCallback, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import type { ArticleId } from '@/core/model/types';

/** The compare view's state, all in the URL so a comparison can be bookmarked and shared. */
export type CompareView = Readonly<{
  /** The articles compared (their questions, claims to place and suggestions). */
  articleIds: readonly ArticleId[];
  /** The speaker columns in order; null: every speaker with a placed claim. */
  columns: readonly string[] | null;
  hidden: readonly string[];
  /** At phone width, the question shown. */
  focus: string | null;
}>;

const list = (value: string | null) => (value ? value.split(',').filter(Boolean) : []);

/** Parses the view from search params (unknown ids are simply not found later). */
export function viewFromParams(params: URLSearchParams): CompareView {
  return {
    articleIds: list(params.get('articles')) as ArticleId[],
    columns: params.has('cols') ? list(params.get('cols')) : null,
    hidden: list(params.get('hide')),
    focus: params.get('q'),
  };
}

export function paramsFromView(view: CompareView): URLSearchParams {
  const p = new URLSearchParams();
  if (view.articleIds.length > 0) p.set('articles', view.articleIds.join(','));
  if (view.columns !== null) p.set('cols', view.columns.join(','));
  if (view.hidden.length > 0) p.set('hide', view.hidden.join(','));
  if (view.focus) p.set('q', view.focus);
  return p;
}

export function useCompareUrl() {
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => viewFromParams(params), [params]);
  // The view as last asked for: two changes made before the screen re-renders (uncheck a column,
  // then move another) each build on the one before, not on the params of the last render.
  const latest = useRef<{ params: URLSearchParams; view: CompareView }>({ params, view });
  if (latest.current.params !== params) latest.current = { params, view };
  const update = useCallback(
    (
      patch: Partial<CompareView> | ((current: CompareView) => Partial<CompareView>),
      options: { replace?: boolean } = {},
    ) => {
      const current = latest.current.view;
      const next = { ...current, ...(typeof patch === 'function' ? patch(current) : patch) };
      latest.current = { params: latest.current.params, view: next };
      setParams(paramsFromView(next), {
        replace: options.replace ?? false,
        preventScrollReset: true,
      });
    },
    [setParams],
  );
  return { view, update };
}
