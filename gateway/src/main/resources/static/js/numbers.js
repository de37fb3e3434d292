// The DID number rule, as did-contracts' DidNumber states it for every service: digits only, 5 to 15 of them;
// +, spaces, dashes, dots and brackets are stripped on input, anything else is refused. Both are checked against
// the same vectors (did-contracts/src/test/resources/did-numbers.json), so the UI never sends what a service refuses.

export const MIN_DIGITS = 5;
export const MAX_DIGITS = 15;

// +, dashes, dots, round and square brackets, and whitespace: space, tab, CR, LF, FF, VT, no-break space
const SEPARATORS = /[+\-.()[\] \t\r\n\f\v\u00a0]/g;
const DIGITS = new RegExp(`^[0-9]{${MIN_DIGITS},${MAX_DIGITS}}$`);
const PREFIX = new RegExp(`^[0-9]{0,${MAX_DIGITS}}$`);

/** A number the UI refuses before sending it; shown like a service's problem. */
export class InvalidNumber extends Error {
  constructor(detail) {
    super(detail);
    this.detail = detail;
    this.code = 'INVALID_NUMBER';
  }
}

const stripped = (written) => String(written ?? '').replace(SEPARATORS, '');

/** Whether this is a number as stored: 5 to 15 digits, nothing else. */
export const isNumber = (text) => typeof text === 'string' && DIGITS.test(text);

/** The number's digits, separators stripped; throws InvalidNumber when they are not 5 to 15 digits. */
export function normaliseNumber(written) {
  const digits = stripped(written);
  if (!isNumber(digits)) {
    throw new InvalidNumber(`'${written ?? ''}' is not a valid number: ${MIN_DIGITS} to ${MAX_DIGITS} digits expected (+, spaces, dashes, dots and brackets are ignored)`);
  }
  return digits;
}

/** The start of a number, for searches: separators stripped, digits only (none selects every number). */
export function numberPrefix(written) {
  const digits = stripped(written);
  if (!PREFIX.test(digits)) {
    throw new InvalidNumber(`'${written}' is not the start of a number: digits only, at most ${MAX_DIGITS} (+, spaces, dashes, dots and brackets are ignored)`);
  }
  return digits;
}
