/**
 * Abbreviations whose trailing period does not end a sentence (lower case, without the dot): the
 * sentence splitter (text/structure.ts), the engine's tokens (text/tokens.ts) and its frames read
 * this one list.
 */
export const ABBREVIATIONS: ReadonlySet<string> = new Set(
  (
    'mr mrs ms dr prof sen rep gov gen col lt capt adm sgt rev st jr sr vs etc inc corp co ltd ' +
    'jan feb mar apr jun jul aug sep sept oct nov dec no mt ft ave blvd dept est approx fig'
  )
    .trim()
    .split(/\s+/),
);
