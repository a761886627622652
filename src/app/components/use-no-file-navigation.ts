import { useEffect } from 'react';

/**
 * A file dropped where nothing accepts it would make the browser open it in place of the app.
 * Screens that take files (the library's import) handle the drop themselves; elsewhere it is ignored.
 */
export function useNoFileNavigation() {
  useEffect(() => {
    const ignore = (e: DragEvent) => {
      if (Array.from(e.dataTransfer?.types ?? []).includes('Files')) e.preventDefault();
    };
    window.addEventListener('dragover', ignore);
    window.addEventListener('drop', ignore);
    return () => {
      window.removeEventListener('dragover', ignore);
      window.removeEventListener('drop', ignore);
    };
  }, []);
}
