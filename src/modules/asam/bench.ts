import { episodeSql, idOf, ORG, patientSql, caseManagerSql, type ModuleBench } from '../../../bench/world.ts';
import { episodeReviewsQuery } from './queries.ts';

/**
 * A completed ASAM review per episode (100,000 at 100,000 patients), one in four choosing a
 * lower level than indicated, with the reason. Timed: an episode's reviews.
 */
export const bench: ModuleBench = {
  async generate(client, { patients }) {
    await client.query(`INSERT INTO asam_reviews (id, organization_id, patient_id, episode_id, edition, status, dimensions,
                                                  indicated_level, available_level, chosen_level, difference_reason,
                                                  reviewed_by, started_at, completed_at)
      SELECT gen_random_uuid(), '${ORG}'::uuid, ${patientSql('g')}, ${episodeSql('g')}, 'asam-3', 'completed',
             jsonb_build_object('1', jsonb_build_object('rating', g % 3), '2', jsonb_build_object('rating', 1),
                                '3', jsonb_build_object('rating', 2), '4', jsonb_build_object('rating', g % 5),
                                '5', jsonb_build_object('rating', 3), '6', jsonb_build_object('rating', 2)),
             CASE WHEN g % 4 = 0 THEN '3.5' ELSE '2.1' END, '2.1', '2.1',
             CASE WHEN g % 4 = 0 THEN 'No residential bed yet' END,
             ${caseManagerSql('g')}, TIMESTAMPTZ '2025-06-01', TIMESTAMPTZ '2025-06-01' + INTERVAL '40 minutes'
        FROM generate_series(1, ${patients}) g`);
  },
  scenarios: ({ db, caseManager, myPatients, raw, expect200 }) => {
    const episodeOf = (i: number) => idOf('a000', Number.parseInt((myPatients[i % myPatients.length] ?? '').slice(-12), 10));
    return [
      {
        name: 'an episode’s ASAM reviews',
        app: (i) => expect200(caseManager.get(`/api/episodes/${episodeOf(i)}/asam-reviews`)),
        sql: (i) => raw(episodeReviewsQuery(db, episodeOf(i))),
        plan: episodeReviewsQuery(db, episodeOf(0)),
      },
    ];
  },
};
