// The `bytes` package ships no types. secmock uses only its parser: the one Express uses for body limits.
declare module 'bytes' {
  const bytes: { parse(value: string | number): number | null };
  export = bytes;
}
