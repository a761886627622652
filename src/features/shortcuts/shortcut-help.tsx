import { useState } from 'react';
import { Dialog } from '@/ui/dialog';
import { shortcutGroups, useShortcutRegistryVersion, useShortcuts } from '@/ui/shortcuts';

/** `?` anywhere (outside text fields) lists every shortcut the registry knows, this screen's first. */
export function ShortcutHelp() {
  const [open, setOpen] = useState(false);
  useShortcutRegistryVersion();
  useShortcuts('Anywhere', [
    { keys: '?', description: 'Show this list of shortcuts', match: ['?'], run: () => setOpen(true) },
  ]);
  const groups = shortcutGroups();
  return (
    <Dialog open={open} title="Keyboard shortcuts" onClose={() => setOpen(false)} className="shortcut-help">
      <p className="hint">Shortcuts do nothing while you type in a field, except undo and redo.</p>
      {groups.map((g) => (
        <section key={g.scope} aria-label={g.scope}>
          <h3>
            {g.scope}
            {!g.active && <span className="hint"> (on another screen)</span>}
          </h3>
          <dl className="shortcut-list">
            {g.shortcuts.map((s) => (
              <div key={`${s.keys}:${s.description}`}>
                <dt>
                  <kbd>{s.keys}</kbd>
                </dt>
                <dd>{s.description}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <div className="dialog-actions">
        <button type="button" data-autofocus onClick={() => setOpen(false)}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
