import { Anchor, Badge, Button, Group, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryStatus } from '../../components/problems.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useFormat, useT, useTranslator } from '../../i18n/I18nProvider.tsx';
import { hasAnyRole, useSession } from '../session/SessionContext.tsx';
import { EpisodeDialogs, restoredEpisodeDialog, type EpisodeDialog, type StaffChoice } from './EpisodeDialogs.tsx';
import { useProgramMembers } from '../programs/programQueries.ts';
import { EpisodeModuleSections } from '../../components/ModuleSections.tsx';
import { Details, Section } from './PatientOverviewPage.tsx';
import { displayName, levelLabel, nextPhases } from './patientHelpers.ts';
import { useEpisode, type CareTeamMember, type Episode, type Placement } from './patientQueries.ts';
import { phaseColors } from './phaseColors.ts';

/** One episode of care: its phase on the continuum, its levels of care and its care team. */
export function EpisodePage() {
  const t = useT();
  const { id = '' } = useParams();
  const episode = useEpisode(id);
  if (episode.isPending || episode.isError) {
    return (
      <Page title={t('episode.loadingTitle')}>
        <QueryStatus isPending={episode.isPending} error={episode.error} retry={() => void episode.refetch()} />
      </Page>
    );
  }
  return <EpisodeView episode={episode.data} />;
}

function EpisodeView({ episode }: { episode: Episode }) {
  const t = useT();
  const { tMaybe } = useTranslator();
  const format = useFormat();
  const session = useSession();
  // Back after the session ended in one of its dialogs: it opens again with what was typed.
  const [dialog, setDialog] = useState<EpisodeDialog>(() => restoredEpisodeDialog(session.user.id, episode));

  const open = episode.closedOn === null;
  // Who changes the care team (src/modules/episodes/care-team.ts): the primary case manager
  // today, or a supervisor of the program. They choose among the program's clinical staff.
  const primaryNow = episode.careTeam.find((member) => member.role === 'primary-case-manager' && member.endedOn === null);
  const managesTeam =
    open &&
    (primaryNow?.userId === session.user.id ||
      (hasAnyRole(session, ['supervisor']) && session.user.programIds.includes(episode.programId)));
  const members = useProgramMembers(episode.programId, managesTeam);
  const staff: StaffChoice[] | null = members.isSuccess ? members.data : null;
  // From the episode itself: a second read of the patient would write a second "viewed" row.
  const name = displayName(episode.patientName);

  // Current members first (the primary case manager at the top), then those who left, latest first.
  const team = [...episode.careTeam].sort((a, b) => {
    if ((a.endedOn === null) !== (b.endedOn === null)) return a.endedOn === null ? -1 : 1;
    if (a.endedOn === null) {
      if ((a.role === 'primary-case-manager') !== (b.role === 'primary-case-manager')) return a.role === 'primary-case-manager' ? -1 : 1;
      return a.startedOn.localeCompare(b.startedOn);
    }
    return (b.endedOn ?? '').localeCompare(a.endedOn ?? '');
  });
  const phases = [...episode.phases].reverse();

  const placementColumns: Column<Placement>[] = [
    {
      id: 'level',
      header: t('placement.col.level'),
      cell: (p) => (
        <Stack gap={2}>
          <Text span size="sm">
            {levelLabel(tMaybe, p.levelEdition, p.levelCode)}
          </Text>
          {p.note !== null && (
            <Text span size="sm" c="dark.6">
              {t('placement.noteShown', { note: p.note })}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      id: 'provider',
      header: t('placement.col.provider'),
      cell: (p) =>
        p.providerName ?? (
          <Text span size="sm" c="dimmed">
            {t('common.notRecorded')}
          </Text>
        ),
    },
    { id: 'start', header: t('placement.col.start'), nowrap: true, cell: (p) => format.date(p.startDate) },
    {
      id: 'plannedEnd',
      header: t('placement.col.plannedEnd'),
      nowrap: true,
      cell: (p) => (p.plannedEndDate === null ? '—' : format.date(p.plannedEndDate)),
    },
    {
      id: 'actualEnd',
      header: t('placement.col.actualEnd'),
      nowrap: true,
      cell: (p) =>
        p.actualEndDate === null ? <StatusBadge color="green">{t('placement.current')}</StatusBadge> : format.date(p.actualEndDate),
    },
    { id: 'concurrent', header: t('placement.col.concurrent'), cell: (p) => (p.concurrent ? t('common.yes') : t('common.no')) },
  ];

  return (
    <Page
      title={t('episode.title', { name, program: episode.programName })}
      intro={
        <Group gap="xs" component="span">
          <StatusBadge color={phaseColors[episode.phase]}>{t(`phase.${episode.phase}`)}</StatusBadge>
          <Text span c="dark.7">
            {open
              ? t('episode.openedSince', { date: format.dateInSentence(episode.openedOn) })
              : t('episode.closedRange', {
                  from: format.dateInSentence(episode.openedOn),
                  to: format.dateInSentence(episode.closedOn ?? ''),
                })}
          </Text>
        </Group>
      }
    >
      <Anchor component={Link} to={`/patients/${episode.patientId}`} size="sm" style={{ alignSelf: 'flex-start' }}>
        {t('episode.backToPatient', { name })}
      </Anchor>

      {/* Sections that must be seen first (a negative order: the emergency access banner). */}
      <EpisodeModuleSections episode={episode} open={open} top />

      <Section title={t('episode.section.phase')}>
        {open ? (
          <Stack gap="xs">
            <Text size="sm">{t('episode.moveIntro')}</Text>
            <Group gap="sm">
              {nextPhases(episode.phase).map((phase) => (
                <Button
                  key={phase}
                  variant={phase === 'closed' ? 'default' : 'light'}
                  color={phase === 'closed' ? 'red' : undefined}
                  onClick={() => setDialog({ kind: 'transition', to: phase })}
                >
                  {phase === 'closed' ? t('episode.close') : t('episode.moveTo', { phase: t(`phase.${phase}`) })}
                </Button>
              ))}
            </Group>
          </Stack>
        ) : (
          <Text size="sm">
            {t('episode.closedExplain', {
              reason: episode.closureReason === null ? '—' : t(`closureReason.${episode.closureReason}`),
            })}
          </Text>
        )}
        <Title order={3} fz="md" mt="sm">
          {t('episode.history')}
        </Title>
        <Timeline active={0} bulletSize={14} lineWidth={2} color="blue">
          {phases.map((entry, index) => (
            <Timeline.Item
              key={`${entry.phase}-${entry.startedOn}-${index}`}
              title={
                <Text fw={index === 0 ? 700 : 500} size="sm">
                  {t(`phase.${entry.phase}`)}
                </Text>
              }
            >
              <Text size="sm" c="dark.6">
                {t('episode.phaseSince', { date: format.dateInSentence(entry.startedOn), name: entry.recordedBy })}
              </Text>
              {entry.note !== null && (
                <Text size="sm" mt={2} style={{ whiteSpace: 'pre-wrap' }}>
                  {entry.note}
                </Text>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      </Section>

      <Section
        title={t('episode.section.team')}
        actions={
          managesTeam ? (
            <Group gap="xs">
              <Button size="xs" variant="default" onClick={() => setDialog({ kind: 'handoff' })}>
                {t('episode.handOver')}
              </Button>
              <Button size="xs" onClick={() => setDialog({ kind: 'member' })}>
                {t('episode.addMember')}
              </Button>
            </Group>
          ) : undefined
        }
      >
        {open && !managesTeam && (
          <Text size="sm" c="dark.6">
            {t('episode.teamManagedBy', { name: primaryNow?.name ?? t('patient.noPrimary') })}
          </Text>
        )}
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('episode.section.team')}>
          {team.map((member) => (
            <MemberRow
              key={member.id}
              member={member}
              canEnd={
                open &&
                member.endedOn === null &&
                member.role !== 'primary-case-manager' &&
                (managesTeam || member.userId === session.user.id)
              }
              onEnd={() => setDialog({ kind: 'endMember', member })}
            />
          ))}
        </Stack>
      </Section>

      <Section
        title={t('episode.section.placements')}
        actions={
          open ? (
            <Button size="xs" onClick={() => setDialog({ kind: 'placement' })}>
              {t('episode.addPlacement')}
            </Button>
          ) : undefined
        }
      >
        <DataTable
          label={t('episode.section.placements')}
          columns={placementColumns}
          rows={episode.placements}
          rowKey={(p) => p.id}
          minWidth={760}
          empty={t('episode.noPlacements')}
          actions={(p) =>
            open ? (
              <Group gap="xs" wrap="nowrap">
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => setDialog({ kind: 'editPlacement', placement: p })}
                  aria-label={t('placement.editNamed', { level: levelLabel(tMaybe, p.levelEdition, p.levelCode) })}
                >
                  {t('common.edit')}
                </Button>
                {p.actualEndDate === null && (
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => setDialog({ kind: 'endPlacement', placement: p })}
                    aria-label={t('placement.endNamed', { level: levelLabel(tMaybe, p.levelEdition, p.levelCode) })}
                  >
                    {t('placement.end')}
                  </Button>
                )}
              </Group>
            ) : null
          }
        />
      </Section>

      {/* Every module's part of the episode (their module.ts: episodeSections). */}
      <EpisodeModuleSections episode={episode} open={open} />

      <Section title={t('episode.section.referral')}>
        <Details
          items={[
            [t('episode.program'), episode.programName],
            [t('openEpisode.referralSource'), t(`referralSource.${episode.referralSource}`)],
            [t('openEpisode.referralDate'), episode.referralDate === null ? '—' : format.date(episode.referralDate)],
            [t('openEpisode.firstContactDate'), episode.firstContactDate === null ? '—' : format.date(episode.firstContactDate)],
            [t('episode.openedOn'), format.date(episode.openedOn)],
            ...(episode.closedOn === null
              ? []
              : ([
                  [t('episode.closedOn'), format.date(episode.closedOn)],
                  [t('transition.closureReason'), episode.closureReason === null ? '—' : t(`closureReason.${episode.closureReason}`)],
                ] as [string, string][])),
          ]}
        />
      </Section>

      <EpisodeDialogs episode={episode} dialog={dialog} staff={staff} onClose={() => setDialog(null)} />
    </Page>
  );
}

function MemberRow({ member, canEnd, onEnd }: { member: CareTeamMember; canEnd: boolean; onEnd: () => void }) {
  const t = useT();
  const format = useFormat();
  const ended = member.endedOn !== null;
  const primary = member.role === 'primary-case-manager' && !ended;
  return (
    <Paper component="li" withBorder p="sm" bg={ended ? 'gray.0' : primary ? 'blue.0' : undefined}>
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Text fw={600} c={ended ? 'dark.4' : undefined}>
              {member.name}
            </Text>
            <Badge size="sm" variant={primary ? 'filled' : 'outline'} color={primary ? 'blue.8' : 'dark'} tt="none">
              {t(`careTeamRole.${member.role}`)}
            </Badge>
            {primary && (
              <Text span size="sm" fw={600} c="blue.9">
                {t('patient.singlePointOfContact')}
              </Text>
            )}
            {member.userId === null && (
              <Badge size="sm" variant="light" color="gray" c="dark.7" tt="none">
                {t('careTeam.external')}
              </Badge>
            )}
          </Group>
          {(member.organization !== null || member.phone !== null) && (
            <Text size="sm" c={ended ? 'dark.4' : 'dark.6'}>
              {member.organization}
              {member.organization !== null && member.phone !== null && ' · '}
              {member.phone !== null && (
                <Anchor underline="always" href={`tel:${member.phone.replace(/[^0-9+]/g, '')}`} size="sm">
                  {member.phone}
                </Anchor>
              )}
            </Text>
          )}
          <Text size="sm" c={ended ? 'dark.4' : 'dark.6'}>
            {ended
              ? t('careTeam.servedRange', {
                  from: format.dateInSentence(member.startedOn),
                  to: format.dateInSentence(member.endedOn ?? ''),
                })
              : t('careTeam.since', { date: format.dateInSentence(member.startedOn) })}
          </Text>
          {member.handoffNote !== null && (
            <Text size="sm" c="dark.6" style={{ whiteSpace: 'pre-wrap' }}>
              {t('careTeam.handoffNote', { note: member.handoffNote })}
            </Text>
          )}
        </Stack>
        {canEnd && (
          <Button size="xs" variant="default" onClick={onEnd} aria-label={t('careTeam.endNamed', { name: member.name })}>
            {t('careTeam.end')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}
