/** Why a backup or a restore was refused (docs/protocol.md §2, backup and restore commands); the commands print the code and exit 1. */
export type BackupErrorCode = 'backup_invalid' | 'backup_schema_newer' | 'backup_schema_unknown' | 'database_not_empty';

export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    message: string,
  ) {
    super(message);
  }
}
