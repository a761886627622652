import { readFileSync } from 'node:fs';

/** The id of the design document installed in every team database. */
export const DESIGN_DOC_ID = '_design/claimdesk';

const here = (file: string) => new URL(`./${file}`, import.meta.url);

/**
 * A function file of this folder as CouchDB stores it: the files are written as a parenthesised
 * function expression (so they parse and lint as JavaScript); CouchDB gets the bare
 * `function (…) {…}` source every CouchDB version accepts.
 */
export function functionSource(file: string): string {
  const text = readFileSync(here(file), 'utf8');
  const start = text.indexOf('(function');
  const end = text.lastIndexOf('})');
  if (start < 0 || end < start) throw new Error(`couchdb/${file} is not a parenthesised function expression`);
  return text.slice(start + 1, end + 1);
}

export type DesignDoc = {
  _id: string;
  _rev?: string;
  language: 'javascript';
  validate_doc_update: string;
  filters: Record<string, string>;
};

/** The design document of a team database (validation and the slice filter). */
export function designDoc(): DesignDoc {
  return {
    _id: DESIGN_DOC_ID,
    language: 'javascript',
    validate_doc_update: functionSource('validate_doc_update.js'),
    filters: { slice: functionSource('filter_slice.js') },
  };
}
