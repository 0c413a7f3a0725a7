// Corpus text with every kind of problem, and what the diagnostics say about it (shared by the diagnostics and code action tests).

/** One line per problem kind (the last two: `Theo` after a separator, written `theo` elsewhere). */
export const ALL_PROBLEMS = [
  'a 6 b .',
  'c 5 d .',
  'e 7. f x7 g .',
  'h b 7 .',
  '_a a__b xong ._Taylor nói .',
  'theo a b .',
  'TP 7 Theo c .',
].join('\n');

/** The problems of ALL_PROBLEMS as `code@line:start-end severity`, in document order. */
export const ALL_PROBLEMS_FOUND = [
  'unmatched-pair@0:2-3 error',
  'unknown-placeholder@1:2-3 warning',
  'separator-before-final@2:2-3 information', // the 7 of the glued `7.`
  'glued-placeholder@2:2-4 warning', // `7.`
  'glued-placeholder@2:7-9 warning', // `x7`
  'separator-before-final@3:4-5 information',
  'malformed-join@4:0-1 warning', // `_a`
  'malformed-join@4:4-6 warning', // the `__` of `a__b`
  'malformed-join@4:14-15 warning', // the `_` of `._Taylor`
  'likely-sentence-break@6:3-4 hint',
];
