import { caseManagerSql, episodeSql, idSql, ORG, patientSql, type ModuleBench } from '../../../bench/world.ts';
import { assessmentTimelineQuery } from '../assessments/timeline.ts';
import { episodeTimelineQuery } from '../episodes/timeline.ts';
import { loadTimeline as contactTimeline, loadToday as contactsToday } from '../contacts/sources.ts';
import { taskTimelineQuery } from './timeline.ts';
import { todayTasksQuery } from './today.ts';

/**
 * Five tasks per patient (500,000 at 100,000 patients), assigned to the patient's case
 * manager: three done in the past, one open and overdue or due today, one open later; each
 * with its `created` event and, when done, its `done` event (about 800,000 events). Timed:
 * Today (a case manager's ~150 patients) and a patient's timeline (every source, 50 newest).
 */
export const bench: ModuleBench = {
  async generate(client, { patients }) {
    await client.query(`INSERT INTO tasks (id, organization_id, patient_id, episode_id, title, assignee_user_id, due_on, priority, status,
                                           status_changed_by, status_changed_at, created_by, created_at)
      SELECT ${idSql('b200', '(g - 1) * 5 + k')}, '${ORG}'::uuid, ${patientSql('g')}, ${episodeSql('g')},
             (ARRAY['Call back about housing', 'Confirm the ride to the clinic', 'Send the referral packet', 'Check in after discharge',
                    'Follow up the benefits application'])[k],
             ${caseManagerSql('g')}, due, (ARRAY['normal', 'normal', 'high', 'low', 'urgent'])[1 + (g + k) % 5],
             CASE WHEN k <= 3 THEN 'done' ELSE 'open' END,
             CASE WHEN k <= 3 THEN ${caseManagerSql('g')} END, CASE WHEN k <= 3 THEN due::timestamptz + INTERVAL '15 hours' END,
             ${caseManagerSql('g')}, due::timestamptz - INTERVAL '7 days' + (g % 600) * INTERVAL '1 minute'
        FROM generate_series(1, ${patients}) g, generate_series(1, 5) k,
             LATERAL (SELECT CASE WHEN k <= 3 THEN CURRENT_DATE - 30 * k - g % 20
                                  WHEN k = 4 THEN CURRENT_DATE - g % 4
                                  ELSE CURRENT_DATE + 1 + g % 30 END AS due) d`);
    await client.query(`INSERT INTO task_events (id, organization_id, patient_id, task_id, event, at, actor_id)
      SELECT gen_random_uuid(), organization_id, patient_id, id, 'created', created_at, created_by FROM tasks WHERE organization_id = '${ORG}'::uuid
      UNION ALL
      SELECT gen_random_uuid(), organization_id, patient_id, id, 'done', status_changed_at, status_changed_by
        FROM tasks WHERE organization_id = '${ORG}'::uuid AND status = 'done'`);
  },
  scenarios: ({ db, caseManager, cmActor, ctxOf, myPatients, raw, expect200 }) => {
    const patientOf = (i: number) => myPatients[i % myPatients.length] ?? '';
    const todayQuery = { staffIds: [cmActor.userId], now: new Date(), timeZone: cmActor.timeZone };
    const timelineQuery = (i: number) => ({ patientId: patientOf(i), kinds: [], before: null, limit: 51 });
    return [
      {
        name: 'Today (tasks, contacts due, unsigned notes)',
        app: () => expect200(caseManager.get('/api/today')),
        sql: async () => {
          await raw(todayTasksQuery(db, ctxOf(cmActor), todayQuery));
          await contactsToday(db, ctxOf(cmActor), todayQuery);
        },
        plan: todayTasksQuery(db, ctxOf(cmActor), todayQuery),
      },
      {
        name: 'patient timeline (50 newest, every source)',
        app: (i) => expect200(caseManager.get(`/api/patients/${patientOf(i)}/timeline?limit=50`)),
        sql: async (i) => {
          await raw(taskTimelineQuery(db, timelineQuery(i)));
          await raw(assessmentTimelineQuery(db, timelineQuery(i)));
          const episodes = episodeTimelineQuery(db, cmActor.timeZone, timelineQuery(i));
          await raw({ compile: () => episodes.compile(db) });
          await contactTimeline(db, ctxOf(cmActor), { ...timelineQuery(i), kinds: ['contact', 'note'] });
        },
        plan: taskTimelineQuery(db, timelineQuery(0)),
      },
    ];
  },
};
