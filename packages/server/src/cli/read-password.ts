import { read } from 'read';
import { CommandError } from './command-error.ts';

async function firstLine(input: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of input) text += String(chunk);
  return text.split(/\r?\n/)[0]!;
}

/**
 * The new password: on a terminal asked twice and never echoed; piped (a script, a secret store), the first line of
 * stdin, so it never appears in the process list or the shell history.
 */
export async function readNewPassword(login: string): Promise<string> {
  if (!process.stdin.isTTY) return firstLine(process.stdin);
  const ask = (prompt: string) => read({ prompt, silent: true });
  const first = await ask(`New password for ${login}: `);
  const again = await ask('Repeat it: ');
  if (first !== again) throw new CommandError('passwords_differ', 'The two passwords differ; nothing was changed');
  return first;
}
