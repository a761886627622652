/** Resolves in a later task, so the browser can paint and handle input before the work goes on. */
export const yieldToBrowser = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
