/** Problem codes of the patients module, with their params. */
export const PROBLEM_CODES = {
  'address-with-no-fixed-address': [],
  'listed-twice': [],
  'identifier-taken': [],
  'no-search-term': [],
  'same-record': [],
  'survivor-merged': [],
  'already-merged': [],
  'too-many-phones': [],
  'merge-undone': [],
  'record-merged': [],
  'future-date': ['today'],
  'before-1900': [],
} as const;
