import { ASAM_DIMENSIONS } from './codes.ts';
import type { AsamReviewView } from './schemas.ts';
import type { AsamReviewRow } from './tables.ts';

export type StoredDimensions = Partial<Record<string, { rating?: number | null; notes?: string | null }>>;

/** Row → API shape: the six dimensions always, in order, whatever has been filled in. */
export function presentReview(row: AsamReviewRow, supersededById: string | null): AsamReviewView {
  const stored = row.dimensions as StoredDimensions;
  return {
    id: row.id,
    patientId: row.patientId,
    episodeId: row.episodeId,
    edition: row.edition,
    status: row.status,
    dimensions: ASAM_DIMENSIONS.map((key) => ({
      dimension: Number(key),
      rating: stored[key]?.rating ?? null,
      notes: stored[key]?.notes ?? null,
    })),
    indicatedLevel: row.indicatedLevel,
    availableLevel: row.availableLevel,
    chosenLevel: row.chosenLevel,
    differenceReason: row.differenceReason,
    reviewedBy: row.reviewedBy,
    startedAt: row.startedAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
    supersedesId: row.supersedesId,
    supersededById,
    correctionReason: row.correctionReason,
    version: row.version,
  };
}
