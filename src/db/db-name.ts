/** The app's IndexedDB database (its own module: the search worker's first chunk needs the name, not the schema). */
export const DB_NAME = 'claimdesk';
