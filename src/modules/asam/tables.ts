import type { Generated, Selectable } from 'kysely';
import type { CreatedAt, Timestamp, Version } from '../../db/schema.ts';
import type { AsamEdition, AsamReviewStatus } from './codes.ts';

/** The ASAM module's table (migrations/0330), and the placement's citation of a review (0331). */
interface AsamReviewsTable {
  id: string;
  organizationId: string;
  patientId: string;
  episodeId: string;
  edition: AsamEdition;
  status: Generated<AsamReviewStatus>;
  /** JSON `{ "1": { rating, notes }, … }`: written as text, read back parsed. */
  dimensions: Generated<unknown>;
  indicatedLevel: string | null;
  availableLevel: string | null;
  chosenLevel: string | null;
  differenceReason: string | null;
  reviewedBy: string;
  startedAt: Generated<Date>;
  completedAt: Date | null;
  supersedesId: string | null;
  correctionReason: string | null;
  version: Version;
  createdAt: CreatedAt;
  updatedAt: Timestamp;
}

export type AsamReviewRow = Selectable<AsamReviewsTable>;

declare module '../../db/schema.ts' {
  interface DB {
    asamReviews: AsamReviewsTable;
  }
}
