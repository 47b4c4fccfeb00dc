/** One sentence for a file-system error, naming the file and saying what helps. */
export function describeFsError(path: string, e: unknown, what: string): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return `${path}: ${what}: the disk is full. Free some space and try again.`;
    case 'EROFS':
      return `${path}: ${what}: the file system is read-only. Point --data-dir (or MLQUIZ_HOME) at a writable folder.`;
    case 'EACCES':
    case 'EPERM':
      return `${path}: ${what}: permission denied. Point --data-dir (or MLQUIZ_HOME) at a folder you can write.`;
    case 'ENOTDIR':
      return `${path}: ${what}: part of this path is a file, not a folder.`;
    case 'EISDIR':
      return `${path}: ${what}: this is a folder, not a file.`;
    default:
      return `${path}: ${what} (${code ?? (e as Error)?.message ?? String(e)}).`;
  }
}
