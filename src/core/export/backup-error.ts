/** A backup that cannot be restored, with a sentence for the person restoring it. */
export class BackupError extends Error {
  override readonly name = 'BackupError';
}
