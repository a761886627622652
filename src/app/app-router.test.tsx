import { act, cleanup, render, screen } from '@testing-library/react';
import { Suspense, use } from 'react';
import { type NavigateFunction, Route, Routes, useNavigate } from 'react-router';
import { afterEach, expect, test } from 'vitest';
import { AppRouter } from './app';

afterEach(() => {
  cleanup();
  window.history.replaceState(null, '', '/');
});

let navigate: NavigateFunction = () => {};
function Library() {
  navigate = useNavigate();
  return <h1>Library</h1>;
}

const never = new Promise<never>(() => {});
function Waiting(): never {
  return use(never);
}

test('a navigation is an urgent update, not a transition: it commits at once (a route that waits shows its fallback, not the previous screen)', async () => {
  render(
    <AppRouter>
      <Suspense fallback={<p>Loading…</p>}>
        <Routes>
          <Route path="/" element={<Library />} />
          <Route path="/waiting" element={<Waiting />} />
        </Routes>
      </Suspense>
    </AppRouter>,
  );
  expect(screen.getByRole('heading', { name: 'Library' })).toBeTruthy();
  await act(async () => {
    await navigate('/waiting');
  });
  // a transition would have kept the Library on screen until the route was ready
  expect(screen.queryByRole('heading', { name: 'Library' })).toBeNull();
  expect(screen.getByText('Loading…')).toBeTruthy();
});
