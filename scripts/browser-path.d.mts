export declare const SYSTEM_CHROMIUM: string;
export declare function findBrowser(): string | null | undefined;
