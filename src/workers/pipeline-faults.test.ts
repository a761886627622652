/**
 * The worker crashing, hanging or failing to load, with a stand-in Worker that speaks Comlink over
 * a MessageChannel: the caller gets a clear message, the worker is stopped, the next call works.
 */
import { expose } from 'comlink';
import { afterAll, afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { extractClaims as extractOnMainThread } from '@/core/extract/pipeline';

type Mode = 'ok' | 'crash' | 'hang' | 'cannot-load';
let mode: Mode = 'ok';
const started: FakeWorker[] = [];

class FakeWorker extends EventTarget {
  readonly channel = new MessageChannel();
  terminated = false;
  calls = 0;
  constructor() {
    super();
    started.push(this);
    if (mode === 'cannot-load') {
      queueMicrotask(() => this.dispatchEvent(new Event('error')));
      return;
    }
    expose(
      {
        extractClaims: (text: string) => {
          this.calls++;
          if (mode === 'crash') {
            this.dispatchEvent(new Event('error'));
            return new Promise(() => undefined);
          }
          if (mode === 'hang') return new Promise(() => undefined);
          return extractOnMainThread(text);
        },
      },
      this.channel.port2 as unknown as Parameters<typeof expose>[1],
    );
  }
  override addEventListener(type: string, listener: EventListenerOrEventListenerObject | null) {
    if (type === 'message') {
      this.channel.port1.addEventListener('message', listener as EventListener);
      this.channel.port1.start();
    } else super.addEventListener(type, listener);
  }
  override removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null) {
    if (type === 'message') this.channel.port1.removeEventListener('message', listener as EventListener);
    else super.removeEventListener(type, listener);
  }
  postMessage(message: unknown, transfer: Transferable[] = []) {
    if (!this.terminated) this.channel.port1.postMessage(message, transfer);
  }
  start() {}
  terminate() {
    this.terminated = true;
    this.channel.port1.close();
    this.channel.port2.close();
  }
}

const TEXT = 'Dr Billings said: “Do not jump to conclusions.”';

async function freshPipeline() {
  vi.resetModules();
  vi.stubGlobal('Worker', FakeWorker);
  return import('./pipeline');
}

beforeEach(() => {
  mode = 'ok';
  started.length = 0;
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  for (const w of started) w.terminate();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});
// The ui project shares one module graph between files (isolate: false): the next file must not get the
// copy of ./pipeline imported here while a stand-in Worker existed.
afterAll(() => {
  vi.resetModules();
});

describe('extractClaims when the worker fails', () => {
  test('a worker that answers is used, and kept for the next call', async () => {
    const { extractClaims } = await freshPipeline();
    await expect(extractClaims(TEXT)).resolves.toEqual(extractOnMainThread(TEXT));
    await expect(extractClaims(TEXT)).resolves.toEqual(extractOnMainThread(TEXT));
    expect(started).toHaveLength(1);
    expect(started[0]!.calls).toBe(2);
  });

  test('a crash mid-article: a clear message, the worker stopped, and the next import works in a new one', async () => {
    const { extractClaims, EXTRACTOR_MESSAGES } = await freshPipeline();
    await extractClaims(TEXT);
    mode = 'crash';
    await expect(extractClaims(TEXT)).rejects.toThrow(EXTRACTOR_MESSAGES.crashed);
    expect(started[0]!.terminated).toBe(true);
    mode = 'ok';
    await expect(extractClaims(TEXT)).resolves.toEqual(extractOnMainThread(TEXT));
    expect(started).toHaveLength(2);
    expect(started[1]!.terminated).toBe(false);
  });

  test('a hang: stopped after the timeout with a clear message, and the next import works', async () => {
    const { extractClaims, EXTRACTOR_MESSAGES } = await freshPipeline();
    await extractClaims(TEXT);
    mode = 'hang';
    await expect(extractClaims(TEXT, { timeoutMs: 50 })).rejects.toThrow(EXTRACTOR_MESSAGES.timedOut);
    expect(started[0]!.terminated).toBe(true);
    mode = 'ok';
    await expect(extractClaims(TEXT)).resolves.toEqual(extractOnMainThread(TEXT));
    expect(started).toHaveLength(2);
  });

  test('a hang on the very first call is stopped too (never run on the page, which would freeze it)', async () => {
    const { extractClaims, EXTRACTOR_MESSAGES } = await freshPipeline();
    mode = 'hang';
    await expect(extractClaims(TEXT, { timeoutMs: 50 })).rejects.toThrow(EXTRACTOR_MESSAGES.timedOut);
    mode = 'ok';
    await expect(extractClaims(TEXT)).resolves.toEqual(extractOnMainThread(TEXT));
  });

  test('a worker that cannot load: the main thread does the work, now and from then on', async () => {
    const { extractClaims } = await freshPipeline();
    mode = 'cannot-load';
    await expect(extractClaims(TEXT)).resolves.toEqual(extractOnMainThread(TEXT));
    await expect(extractClaims(TEXT)).resolves.toEqual(extractOnMainThread(TEXT));
    expect(started).toHaveLength(1);
    expect(console.warn).toHaveBeenCalledTimes(1);
  });

  test('the timeout grows with the text and is generous', async () => {
    const { extractionTimeoutMs } = await freshPipeline();
    expect(extractionTimeoutMs(1_000)).toBeGreaterThanOrEqual(30_000);
    expect(extractionTimeoutMs(5_000_000)).toBeGreaterThan(extractionTimeoutMs(300_000));
  });
});
