import type { CsvRowErrors } from '@touchline/contract';
import type { ApiError } from '../../lib/api.ts';

/**
 * The fields of `draft` that differ from `original`: what a PATCH sends, so an edit never rewrites what it did not
 * touch. Arrays and objects compare by value.
 */
export function changedFields<T extends object>(original: T, draft: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(draft) as (keyof T)[]) {
    if (JSON.stringify(draft[key]) !== JSON.stringify(original[key])) out[key] = draft[key];
  }
  return out;
}

/** A text field as the API stores it: trimmed, and null when empty. */
export const textOrNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());

/** A number field: undefined when empty or not a whole number. */
export function intOrUndefined(s: string): number | undefined {
  if (s.trim() === '') return undefined;
  const n = Number(s);
  return Number.isInteger(n) ? n : undefined;
}

/**
 * Field messages from a 400 validation answer (`details.issues[].path` is a JSON pointer such as `/shortName`),
 * keyed by the top-level field; the first message for a field wins.
 */
export function fieldErrors(error: Pick<ApiError, 'details'> | undefined): Record<string, string> {
  const issues = error?.details?.issues;
  if (!Array.isArray(issues)) return {};
  const out: Record<string, string> = {};
  for (const issue of issues as { path?: unknown; message?: unknown }[]) {
    const field = typeof issue.path === 'string' ? issue.path.split('/').filter(Boolean)[0] : undefined;
    if (field && typeof issue.message === 'string' && !(field in out)) out[field] = issue.message;
  }
  return out;
}

/** The per-row problems of a refused CSV import (400 csv_invalid), in row order; empty for any other error. */
export function csvRowErrors(error: Pick<ApiError, 'code' | 'details'> | undefined): CsvRowErrors['rows'] {
  if (error?.code !== 'csv_invalid' || !Array.isArray(error.details?.rows)) return [];
  return (error.details.rows as { row?: unknown; errors?: unknown }[])
    .filter((r) => typeof r.row === 'number' && Array.isArray(r.errors))
    .map((r) => ({ row: r.row as number, errors: (r.errors as unknown[]).map(String) }))
    .sort((a, b) => a.row - b.row);
}
