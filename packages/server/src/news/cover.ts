import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The image types a cover may be, told by their first bytes, never by the name or the declared type. */
const KINDS = [
  { ext: 'png', type: 'image/png', is: (b: Buffer) => b.subarray(0, 8).equals(Buffer.from('89504e470d0a1a0a', 'hex')) },
  { ext: 'jpg', type: 'image/jpeg', is: (b: Buffer) => b.subarray(0, 3).equals(Buffer.from('ffd8ff', 'hex')) },
  {
    ext: 'webp',
    type: 'image/webp',
    is: (b: Buffer) =>
      b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
] as const;

export const imageKind = (bytes: Buffer) => KINDS.find((k) => k.is(bytes));

export const coverType = (file: string) => KINDS.find((k) => file.endsWith(`.${k.ext}`))?.type;

/** News covers live in the data folder's `news` directory (decision 040). */
const coverDir = (dataDir: string) => path.join(dataDir, 'news');
/** Only names this module made are read: a stored name never walks out of the directory. */
const SAFE_NAME = /^[0-9]+-[0-9a-f-]{36}\.(png|jpg|webp)$/;

/** Writes the image under a new name (an edit never overwrites a file a cache may still serve). */
export async function saveCover(dataDir: string, newsId: number, bytes: Buffer, ext: string): Promise<string> {
  await mkdir(coverDir(dataDir), { recursive: true });
  const name = `${newsId}-${randomUUID()}.${ext}`;
  await writeFile(path.join(coverDir(dataDir), name), bytes, { mode: 0o644 });
  return name;
}

export async function readCover(dataDir: string, name: string): Promise<Buffer | undefined> {
  if (!SAFE_NAME.test(name)) return undefined;
  return readFile(path.join(coverDir(dataDir), name)).catch(() => undefined);
}

export async function removeCover(dataDir: string, name: string | null): Promise<void> {
  if (name && SAFE_NAME.test(name)) await rm(path.join(coverDir(dataDir), name), { force: true });
}
