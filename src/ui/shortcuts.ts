import { useLayoutEffect, useRef, useSyncExternalStore } from 'react';

/**
 * One keyboard-shortcut registry for the whole app. Screens register bindings while mounted
 * (`useShortcuts`); one document listener dispatches them, newest registration first, and ignores
 * keys typed into inputs unless a binding says otherwise. The `?` help lists what is registered,
 * plus what other screens documented (`describeShortcuts`), so every shortcut can be found.
 */

export type ShortcutDoc = Readonly<{
  /** What to show, e.g. `j`, `1`–`9`, `Ctrl+Z`. */
  keys: string;
  description: string;
}>;

export type ShortcutBinding = ShortcutDoc &
  Readonly<{
    /**
     * Key patterns this binding answers: a `KeyboardEvent.key` (`j`, `?`, `Escape`), optionally
     * prefixed by `Mod+` (Ctrl or ⌘) and `Shift+`. A pattern without `Mod+` never fires with
     * Ctrl, ⌘ or Alt held.
     */
    match: readonly string[];
    run: (event: KeyboardEvent) => void;
    /** Fire even while typing in an input or text area (e.g. Ctrl+Z is left to inputs otherwise). */
    inInputs?: boolean;
    /** Skip this binding (and let an older one answer) when this returns false. */
    enabled?: () => boolean;
  }>;

type Registration = Readonly<{ id: number; scope: string; bindings: readonly ShortcutBinding[] }>;

let registrations: readonly Registration[] = [];
/** Scope → docs of every scope ever registered or described, in first-seen order. */
const documented = new Map<string, readonly ShortcutDoc[]>();
let version = 0;
const listeners = new Set<() => void>();
let nextId = 1;

function changed() {
  version++;
  for (const l of listeners) l();
}

export const isTypingTarget = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable ||
    target.tagName === 'TEXTAREA' ||
    target.tagName === 'SELECT' ||
    (target.tagName === 'INPUT' &&
      !['checkbox', 'radio', 'button', 'submit', 'reset', 'range'].includes(
        (target as HTMLInputElement).type,
      )));

/** Whether a key pattern (`Mod+Shift+z`, `?`, `j`) matches an event. */
export function matchesKey(
  pattern: string,
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>,
): boolean {
  const parts = pattern.split('+');
  const key = parts.length > 1 && parts.at(-1) === '' ? '+' : (parts.pop() ?? '');
  const mod = parts.includes('Mod');
  const shift = parts.includes('Shift');
  if (e.altKey) return false;
  if (mod)
    return (e.ctrlKey || e.metaKey) && e.shiftKey === shift && e.key.toLowerCase() === key.toLowerCase();
  if (e.ctrlKey || e.metaKey) return false;
  if (shift && !e.shiftKey) return false;
  return e.key === key;
}

/** Work a key's binding left for after its frame, which the next key must find done (`settleBeforeNextKey`). */
let unsettled: (() => void) | null = null;

/**
 * `settle` runs before the next key is dispatched, unless it was called (or replaced) first: a
 * binding that shows its result at once and writes the rest after the frame (`j`: the URL) leaves
 * the keys after it acting on what it showed. `null` forgets it.
 */
export function settleBeforeNextKey(settle: (() => void) | null) {
  unsettled = settle;
}

function onKeyDown(e: KeyboardEvent) {
  if (unsettled) {
    const settle = unsettled;
    unsettled = null;
    settle();
  }
  if (e.defaultPrevented || e.isComposing) return;
  const typing = isTypingTarget(e.target);
  for (let i = registrations.length - 1; i >= 0; i--) {
    for (const b of registrations[i]!.bindings) {
      if (typing && !b.inInputs) continue;
      if (!b.match.some((m) => matchesKey(m, e))) continue;
      if (b.enabled && !b.enabled()) continue;
      e.preventDefault();
      b.run(e);
      return;
    }
  }
}

let attached = false;
function attach() {
  if (attached || typeof document === 'undefined') return;
  document.addEventListener('keydown', onKeyDown);
  attached = true;
}

/** Adds bindings; returns the function that removes them. */
export function registerShortcuts(scope: string, bindings: readonly ShortcutBinding[]): () => void {
  attach();
  const id = nextId++;
  registrations = [...registrations, { id, scope, bindings }];
  if (!documented.has(scope))
    documented.set(
      scope,
      bindings.map(({ keys, description }) => ({ keys, description })),
    );
  changed();
  return () => {
    registrations = registrations.filter((r) => r.id !== id);
    changed();
  };
}

/** Documents a screen's shortcuts for the help even while that screen is not open. */
export function describeShortcuts(scope: string, docs: readonly ShortcutDoc[]): void {
  documented.set(scope, docs);
  changed();
}

export type ShortcutGroup = Readonly<{ scope: string; active: boolean; shortcuts: readonly ShortcutDoc[] }>;

/** Everything to list in the help: active scopes first (their live bindings), then the others. */
export function shortcutGroups(): ShortcutGroup[] {
  const active = new Map<string, ShortcutDoc[]>();
  for (const r of registrations) {
    const list = active.get(r.scope) ?? [];
    for (const b of r.bindings) {
      if (!list.some((d) => d.keys === b.keys && d.description === b.description))
        list.push({ keys: b.keys, description: b.description });
    }
    active.set(r.scope, list);
  }
  const groups: ShortcutGroup[] = [...active].map(([scope, shortcuts]) => ({
    scope,
    active: true,
    shortcuts,
  }));
  for (const [scope, shortcuts] of documented) {
    if (!active.has(scope)) groups.push({ scope, active: false, shortcuts });
  }
  return groups;
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/** Re-renders when registrations change (for the help dialog). */
export function useShortcutRegistryVersion(): number {
  return useSyncExternalStore(
    subscribe,
    () => version,
    () => version,
  );
}

/**
 * Registers `bindings` under `scope` while the component is mounted. Handlers may change on every
 * render: the latest ones run. The set of keys is read when `deps` change.
 */
export function useShortcuts(
  scope: string,
  bindings: readonly ShortcutBinding[],
  deps: readonly unknown[] = [],
) {
  const latest = useRef(bindings);
  latest.current = bindings;
  // Before paint: a key pressed as soon as the screen shows (a person, or a test) must find its
  // binding; a passive effect can run after that keydown, which a document listener never flushes.
  useLayoutEffect(() => {
    const stable = latest.current.map((b, i) => ({
      ...b,
      run: (e: KeyboardEvent) => latest.current[i]?.run(e),
      enabled: () => latest.current[i]?.enabled?.() ?? true,
    }));
    return registerShortcuts(scope, stable);
  }, [scope, ...deps]);
}

/** A screen's keys, written once: what they are, what they do in words, and which keys they answer. */
export type Keymap<Name extends string> = Readonly<{
  scope: string;
  keys: Readonly<Record<Name, ShortcutDoc & Pick<ShortcutBinding, 'match' | 'inInputs'>>>;
}>;

/** What each key of a keymap does on the screen that uses it. */
export type KeymapHandlers<Name extends string> = Readonly<
  Record<Name, Readonly<{ run: (event: KeyboardEvent) => void; enabled?: () => boolean }>>
>;

/**
 * Defines a screen's keymap and documents it for the `?` help at once, so the help lists the keys
 * even while that screen is closed, in the same words the bindings use.
 */
export function defineKeymap<Name extends string>(scope: string, keys: Keymap<Name>['keys']): Keymap<Name> {
  describeShortcuts(
    scope,
    Object.values<ShortcutDoc>(keys).map(({ keys: k, description }) => ({ keys: k, description })),
  );
  return { scope, keys };
}

/** Binds a keymap while the component is mounted; the handlers may change on every render. */
export function useKeymap<Name extends string>(keymap: Keymap<Name>, handlers: KeymapHandlers<Name>) {
  const names = Object.keys(keymap.keys) as Name[];
  useShortcuts(
    keymap.scope,
    names.map((name) => ({ ...keymap.keys[name], ...handlers[name] })),
  );
}

/** For tests: forget every registration. */
export function resetShortcutsForTests() {
  registrations = [];
  unsettled = null;
  documented.clear();
  changed();
}
