// The few web-platform globals that every place core runs in (browser, Web Worker, Node ≥ 20) provides.
// core's tsconfig has neither DOM nor Node types, so these are declared here, minimally, on purpose.

declare class URL {
  constructor(url: string, base?: string);
  readonly href: string;
  readonly protocol: string;
  readonly hostname: string;
}
