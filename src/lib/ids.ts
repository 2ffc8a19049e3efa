import { v7 } from 'uuid';

/** UUID version 7: time-ordered, so new rows stay at the right edge of their indexes. */
export function newId(): string {
  return v7();
}
