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

/**
 * Milliseconds from mounting `element` to the end of the first frame after `ready` holds (painted). `complete`, if given,
 * is when the whole screen is in the DOM (the matrix renders its first rows first): its time goes
 * into the timeline as `complete`, not into the figure.
 */
async function open(
  url: string,
  element: ReactElement,
  ready: (host: HTMLElement) => boolean,
  complete?: (host: HTMLElement) => boolean,
) {
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
  await new Promise<void>((resolve, reject) => {
    const timeout = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`${url}: not ready after 60 s; showing: ${host.textContent?.slice(0, 500)}`));
    }, 60_000);
    let isReady = false;
    const observer = new MutationObserver(() => {
      if (complete && !('complete' in settled) && complete(host))
        settled.complete = Math.round(performance.now() - t);
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
  // the figure is when the frame holding `ready` has been styled, laid out and painted: a task
  // posted from that frame's animation callbacks runs after them (the frame's start, when the
  // callbacks run, goes into the timeline as `frame`)
  const ms = await new Promise<number>((r) =>
    requestAnimationFrame(() => {
      settled.frame = Math.round(performance.now() - t);
      requestAnimationFrame(() => {
        settled.next = Math.round(performance.now() - t);
      });
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        performance.mark('bench:painted');
        r(performance.now() - t);
      };
      channel.port2.postMessage(null);
    }),
  );
  await untilIdle(client); // what the screen started goes on after its first paint; not into the next run
  for (let waited = 0; complete && !('complete' in settled) && waited < 10_000; waited += 20)
    await new Promise((r) => setTimeout(r, 20));
  for (const o of observers.splice(0)) o.disconnect();
  unsubscribe();
  timelines.push(settled);
  console.log(`timeline: ${JSON.stringify(settled)} painted ${Math.round(ms)}`);
  root.unmount();
  host.remove();
  client.clear();
  return ms;
}

/** `rows`: the questions compared; the timeline's `complete` is when the matrix holds them all. */
export const openCompareScreen = (articleIds: readonly ArticleId[], rows: number) =>
  open(
    `/compare?articles=${articleIds.join(',')}`,
    createElement(CompareScreen, { speakerHref: href }),
    (host) => host.querySelector('.compare-result table tbody tr') !== null,
    (host) => host.querySelectorAll('.compare-result table tbody tr').length >= rows,
  );

export const openProfileScreen = (speakerId: SpeakerId) =>
  open(
    `/speakers/${speakerId}`,
    createElement(SpeakerProfileScreen, {
      speakerId,
      articleHref: href,
      claimHref: href,
      compareHref: '/compare',
    }),
    (host) => host.querySelector('.profile-article .profile-claims li') !== null,
  );
