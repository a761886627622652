/**
 * The compare screen and the speaker profile mounted as the app mounts them (a fresh query cache,
 * the router, the real components), timed until their first useful paint: the matrix table, and the
 * profile with its first page of claims. Everything the screen starts on opening runs meanwhile.
 */
import { QueryClientProvider } from '@tanstack/react-query';
import { createElement, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { MemoryRouter, Route, Routes } from 'react-router';
import { createQueryClient } from '@/app/query-client';
import type { ArticleId, SpeakerId } from '@/core/model/types';
import { CompareScreen } from '@/features/compare/components/compare-screen';
import { SpeakerProfileScreen } from '@/features/speaker-profile/components/speaker-profile-screen';

const href = (id: string) => `/x/${id}`;

/** Each open's queries by when they settled (ms from mounting), and when the screen was ready. */
export const timelines: Record<string, number>[] = [];

/** The median of each timeline entry over the opens since `from` (an index into `timelines`). */
export function medianTimeline(from: number): Record<string, number> {
  const byKey = new Map<string, number[]>();
  for (const t of timelines.slice(from))
    for (const [k, v] of Object.entries(t)) byKey.set(k, [...(byKey.get(k) ?? []), v]);
  return Object.fromEntries([...byKey].map(([k, vs]) => [k, [...vs].sort((a, b) => a - b)[vs.length >> 1]!]));
}

const observers: MutationObserver[] = [];

async function untilIdle(client: ReturnType<typeof createQueryClient>) {
  while (client.isFetching() > 0) await new Promise((r) => setTimeout(r, 20));
}

/** Resolves with the time from `t` when a task posted from the next frame's animation callbacks runs: that frame has been styled, laid out and painted. */
function paintedAfter(t: number, mark: string, frame?: (ms: number) => void): Promise<number> {
  return new Promise<number>((r) =>
    requestAnimationFrame(() => {
      frame?.(Math.round(performance.now() - t));
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        performance.mark(mark);
        r(performance.now() - t);
      };
      channel.port2.postMessage(null);
    }),
  );
}

export type Opened = Readonly<{
  /** Mount to the painted frame holding `ready` (the first matrix row; the profile's first claims). */
  first: number;
  /** Mount to the painted frame holding `complete` (every matrix row), or null without `complete`. */
  all: number | null;
}>;

/**
 * Opens `element` and times it from mounting: until the frame holding `ready` has been painted
 * (`first`) and, if `complete` is given (the whole matrix in the DOM), until the frame holding that
 * has been painted (`all`). The queries the screen starts, and when each settled, go into the timeline.
 */
async function open(
  url: string,
  element: ReactElement,
  ready: (host: HTMLElement) => boolean,
  complete?: (host: HTMLElement) => boolean,
): Promise<Opened> {
  const client = createQueryClient();
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  const t = performance.now();
  performance.mark('bench:mount');
  // when each query the screen starts settles, from mounting (the bench prints the last run's)
  const settled: Record<string, number> = {};
  const unsubscribe = client.getQueryCache().subscribe((e) => {
    const key = JSON.stringify(e.query.queryKey).slice(0, 60);
    if (e.type === 'updated' && e.query.state.status !== 'pending' && !(key in settled))
      settled[key] = Math.round(performance.now() - t);
  });
  let allPainted: Promise<number> | null = null;
  await new Promise<void>((resolve, reject) => {
    const timeout = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`${url}: not ready after 60 s; showing: ${host.textContent?.slice(0, 500)}`));
    }, 60_000);
    let isReady = false;
    const observer = new MutationObserver(() => {
      if (complete && !allPainted && complete(host)) {
        settled.complete = Math.round(performance.now() - t);
        allPainted = paintedAfter(t, 'bench:all-painted');
      }
      if (isReady || !ready(host)) return;
      isReady = true;
      clearTimeout(timeout);
      resolve();
    });
    observers.push(observer);
    observer.observe(host, { childList: true, subtree: true });
    root.render(
      createElement(
        QueryClientProvider,
        { client },
        createElement(
          MemoryRouter,
          { initialEntries: [url] },
          createElement(Routes, null, createElement(Route, { path: '*', element })),
        ),
      ),
    );
  });
  settled.ready = Math.round(performance.now() - t);
  performance.mark('bench:ready');
  // the frame's start, when its animation callbacks run, goes into the timeline as `frame`
  const first = await paintedAfter(t, 'bench:painted', (ms) => {
    settled.frame = ms;
  });
  for (let waited = 0; complete && !allPainted && waited < 10_000; waited += 20)
    await new Promise((r) => setTimeout(r, 20));
  const all = allPainted ? await (allPainted as Promise<number>) : null;
  if (complete && all === null)
    throw new Error(`${url}: the screen was not complete 10 s after its first paint`);
  if (all !== null) settled.allPainted = Math.round(all);
  await untilIdle(client); // what the screen started goes on after its first paint; not into the next run
  for (const o of observers.splice(0)) o.disconnect();
  unsubscribe();
  timelines.push(settled);
  console.log(`timeline: ${JSON.stringify(settled)} painted ${Math.round(first)}`);
  root.unmount();
  host.remove();
  client.clear();
  return { first, all };
}

/** Every question row of the matrix is in the DOM: as many as its caption counts ("… on 30 questions"). */
function wholeMatrix(host: HTMLElement): boolean {
  const caption = host.querySelector('.compare-result table caption')?.textContent ?? '';
  const questions = /on (\d+) questions?/.exec(caption);
  return (
    questions !== null &&
    host.querySelectorAll('.compare-result table tbody tr').length >= Number(questions[1])
  );
}

/** `first`: the first matrix row painted; `all`: every row (as many as the caption's questions) painted. */
export const openCompareScreen = (articleIds: readonly ArticleId[]) =>
  open(
    `/compare?articles=${articleIds.join(',')}`,
    createElement(CompareScreen, { speakerHref: href }),
    (host) => host.querySelector('.compare-result table tbody tr') !== null,
    wholeMatrix,
  );

export const openProfileScreen = async (speakerId: SpeakerId) =>
  (
    await open(
      `/speakers/${speakerId}`,
      createElement(SpeakerProfileScreen, {
        speakerId,
        articleHref: href,
        claimHref: href,
        compareHref: '/compare',
        speakerHref: href,
        libraryHref: '/',
      }),
      (host) => host.querySelector('.profile-article .profile-claims li') !== null,
    )
  ).first;
