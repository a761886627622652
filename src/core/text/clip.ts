/** `text` cut to at most `max` characters, ending in an ellipsis when it was cut (no space left before it). */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
