/**
 * The headings an export is titled with. Their own module: the screens' Export… menus name their
 * choices at first paint, and importing the title from `render.ts` loaded every exporter (and the
 * CSV library) with the screen's route rather than with the export dialog.
 */

/** The Markdown heading of an export of every claim (the CLI's `convert` uses it too). */
export const ALL_CLAIMS_TITLE = 'All claims';
