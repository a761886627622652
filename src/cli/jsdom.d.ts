// jsdom ships no types; the extractor uses only a blank window to read HTML files as the app does.
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string);
    readonly window: Window & typeof globalThis;
  }
}
