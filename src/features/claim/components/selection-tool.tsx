import { useEffect, useState } from 'react';
import {
  type ArticleSelection,
  articleTextElement,
  readArticleSelection,
} from '@/features/claim/article-selection';

type Props = Readonly<{
  /** In span-edit mode the button sets the open claim's span instead of adding a claim. */
  mode: 'add' | 'span';
  onUse: (selection: ArticleSelection) => void;
}>;

/** A floating button next to text selected in the article: “Add claim” (or “Use as claim text”). */
export function SelectionTool({ mode, onUse }: Props) {
  const [selection, setSelection] = useState<ArticleSelection | null>(null);

  useEffect(() => {
    let frame = 0;
    const update = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setSelection(readArticleSelection(articleTextElement())));
    };
    document.addEventListener('selectionchange', update);
    window.addEventListener('scroll', update, { passive: true, capture: true });
    window.addEventListener('resize', update);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('selectionchange', update);
      window.removeEventListener('scroll', update, { capture: true });
      window.removeEventListener('resize', update);
    };
  }, []);

  if (!selection) return null;
  const width = 190;
  const left = Math.min(
    Math.max(8, selection.rect.left + selection.rect.width / 2 - width / 2),
    window.innerWidth - width - 8,
  );
  const below = selection.rect.bottom + 8;
  const above = selection.rect.top - 48;
  // Below the selection, else above it; always kept on screen (a selection may run past the viewport).
  const top = Math.min(Math.max(8, below + 44 > window.innerHeight ? above : below), window.innerHeight - 52);
  const label = mode === 'span' ? 'Use as claim text' : 'Add claim';
  return (
    <div className="selection-tool" style={{ left, top, minWidth: width }}>
      <button
        type="button"
        className="primary"
        aria-keyshortcuts={mode === 'span' ? 'Enter' : 'n'}
        // Keep the selection: a mouse-down on the button would otherwise clear it.
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => {
          const now = readArticleSelection() ?? selection;
          window.getSelection()?.removeAllRanges();
          setSelection(null);
          onUse(now);
        }}
      >
        {label} <kbd>{mode === 'span' ? 'Enter' : 'n'}</kbd>
      </button>
    </div>
  );
}
