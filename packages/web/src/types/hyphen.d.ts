/* The `hyphen` package ships no types; these are the two pattern modules the web loads (docs/decisions/043). */
declare module 'hyphen/ru' {
  const hyphen: { hyphenateSync(text: string): string };
  export default hyphen;
}
declare module 'hyphen/en-us' {
  const hyphen: { hyphenateSync(text: string): string };
  export default hyphen;
}
