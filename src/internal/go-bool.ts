import { goQuote } from './text.js';

const GO_BOOLS = ['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False'];

/** Go's `strconv.ParseBool` (the six spellings of true, then of false); `undefined` when invalid. */
export function goParseBool(text: string): boolean | undefined {
  const i = GO_BOOLS.indexOf(text);
  return i < 0 ? undefined : i < 6;
}

/** The text of ParseBool's `*NumError`: `strconv.ParseBool: parsing "yes": invalid syntax`. */
export function goParseBoolError(text: string): string {
  return `strconv.ParseBool: parsing ${goQuote(text)}: invalid syntax`;
}
