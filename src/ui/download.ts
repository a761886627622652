/** Hands a file to the browser's downloads (an object URL on a temporary link, released after). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A file name part from a title: lower case, letters and digits, dashes, at most `max` characters (`fallback` when empty). */
export function slug(title: string, max = 40, fallback = 'claims'): string {
  return (
    title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, max)
      .replace(/-+$/, '') || fallback
  );
}

/** `claimdesk-<stem>-<YYYY-MM-DD>.<ext>`: what the file holds and the (UTC) day it was made. */
export function datedFileName(stem: string, extension: string, now: Date = new Date()): string {
  return `claimdesk-${stem}-${now.toISOString().slice(0, 10)}.${extension}`;
}
