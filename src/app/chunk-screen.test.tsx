import { act, cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter, type NavigateFunction, Route, Routes, useNavigate } from 'react-router';
import { afterEach, expect, test } from 'vitest';
import { chunkOf, lazyScreen, RouteLoading, useChunk } from './chunk-screen';

afterEach(cleanup);

/** As a browser's `import()`: even for a module already loaded, the answer comes a task later. */
const importOf =
  <M,>(module: M) =>
  () =>
    new Promise<M>((resolve) => setTimeout(() => resolve(module), 0));

type Chunked = { Screen: () => React.JSX.Element };
const articleModule: Chunked = { Screen: () => <h1>Article</h1> };

let navigate: NavigateFunction = () => {};
function Library() {
  navigate = useNavigate();
  return <h1>Library</h1>;
}

/** The app's routes in miniature: the Library, and a screen from its chunk; returns the navigation. */
function renderRoutes(
  load: () => ReturnType<ReturnType<typeof chunkOf<Chunked>>>,
  element = lazyScreen(load, (m) => m.Screen),
) {
  render(
    <MemoryRouter>
      <Routes>
        <Route path="/" element={<Library />} />
        <Route path="/article" element={element} />
      </Routes>
    </MemoryRouter>,
  );
  return (to: string) => navigate(to);
}

/** Whether "Loading…" was ever in the page while `run` ran. */
async function loadingShownDuring(run: () => Promise<void>) {
  let shown = false;
  const observer = new MutationObserver(() => {
    if (document.querySelector('.route-loading')) shown = true;
  });
  observer.observe(document.body, { subtree: true, childList: true });
  await run();
  observer.disconnect();
  return shown;
}

test('a screen whose chunk is in opens in the navigation itself: no "Loading…" (and so no reveal throttle)', async () => {
  const load = chunkOf(importOf(articleModule));
  await load(); // the idle prefetch, or a hover on the link
  const go = renderRoutes(load);
  const shown = await loadingShownDuring(async () => {
    await act(async () => {
      await go('/article');
    });
  });
  expect(screen.getByRole('heading', { name: 'Article' })).toBeTruthy();
  expect(shown).toBe(false);
});

test('a screen whose chunk is not in yet opens once it arrives; the chunk is asked for once', async () => {
  let imports = 0;
  const load = chunkOf(() => {
    imports++;
    return importOf(articleModule)();
  });
  const go = renderRoutes(load);
  await act(async () => {
    await go('/article');
  });
  await screen.findByRole('heading', { name: 'Article' });
  load();
  expect(imports).toBe(1);
});

/** An entry reading its chunk with `useChunk`, as the app's `ArticleEntry` does. */
let entryChunk: () => ReturnType<ReturnType<typeof chunkOf<Chunked>>> = () => {
  throw new Error('no chunk');
};
function Entry() {
  const chunk = useChunk(entryChunk());
  return chunk ? <chunk.Screen /> : <RouteLoading />;
}

test('a screen read with useChunk opened before its chunk is in shows "Loading…", then the screen as soon as the chunk is in', async () => {
  let arrive: (m: Chunked) => void = () => {};
  const load = chunkOf(() => new Promise<Chunked>((resolve) => (arrive = resolve)));
  entryChunk = load;
  const go = renderRoutes(load, <Entry />);
  await act(async () => {
    await go('/article');
  });
  expect(screen.getByRole('status').textContent).toBe('Loading…');
  // No Suspense boundary showed a fallback, so nothing holds the screen back for React's reveal
  // throttle (300 ms after a fallback): it is in the page once the chunk's promise has answered.
  await act(async () => {
    arrive(articleModule);
    await load();
  });
  expect(screen.getByRole('heading', { name: 'Article' })).toBeTruthy();
  expect(screen.queryByRole('status')).toBeNull();
});
