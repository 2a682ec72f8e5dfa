/** A refusal of the admin command, with a code in docs/protocol.md's style (§8, Command line). */
export class CommandError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
