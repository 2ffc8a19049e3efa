import { Anchor, Button, Card, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDeferredValue, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { LoadedPatientSection } from '../../app/patientSections.ts';
import { PatientModuleSections, usePatientSections } from '../../components/ModuleSections.tsx';
import { Page } from '../../components/Page.tsx';
import { QueryStatus } from '../../components/problems.tsx';
import { StatusBadge } from '../../components/StatusBadge.tsx';
import { useRenderedInSteps } from '../../components/renderInSteps.ts';
import { useFormat, useLocale, useT, useTranslator } from '../../i18n/I18nProvider.tsx';
import { intlLocale } from '../../i18n/format.ts';
import { ageOn, browserLanguageNamer, displayName, languageName, legalNameIfDifferent, levelLabel } from './patientHelpers.ts';
import type { PatientDialog } from './PatientFormDialog.tsx';
import { mergeDraftForm, openEpisodeDraftForm, patientDraftForm } from './draftForms.ts';
import { LazyMergeDialog, LazyOpenEpisodeDialog, LazyPatientFormDialog } from './LazyOverviewDialogs.tsx';
import { MergedBanner } from './MergedBanner.tsx';
import { hasDraft, peekDraft, takeDraft } from '../../components/forms/drafts.ts';
import { useSession } from '../session/SessionContext.tsx';
import type { PatientFormValues } from './patientFormValues.ts';
import { usePatient, type Patient, type PatientEpisode } from './patientQueries.ts';
import { phaseColors } from './phaseColors.ts';
import { useToday } from './useToday.ts';

/** A section of the overview: a heading and a list of label and value. */
export function Section({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <Paper withBorder p="md" component="section">
      <Stack gap="sm">
        <Group justify="space-between" gap="sm">
          <Title order={2} fz="lg">
            {title}
          </Title>
          {actions}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}

export function Details({ items }: { items: readonly [string, ReactNode][] }) {
  return (
    <dl className="details-list">
      {items.map(([label, value]) => (
        <div key={label} style={{ display: 'contents' }}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function useLanguageName() {
  const { locale } = useLocale();
  const { tMaybe } = useTranslator();
  const namer = useMemo(() => browserLanguageNamer(intlLocale(locale)), [locale]);
  return (code: string): string => languageName(code, namer, tMaybe);
}

// On a phone the header, current care and the first three sections fill the first screen: they
// render with the record. The other sections and the details follow one at a time, each in a
// render of its own after the browser has painted the one before (a transition, in slices): no
// one long task on a slow phone. All below the first screen, so nothing moves.
const FIRST_SECTIONS = 3;

/** One patient: who they are, who their single point of contact is, and how to reach them. */
export function PatientOverviewPage() {
  const t = useT();
  const { id = '' } = useParams();
  const patient = usePatient(id);
  // The page paints once, with every section in place: nothing pushes it down afterwards.
  const sections = usePatientSections();
  // The record arrives in one synchronous update (TanStack Query): rendering the page deferred
  // lets React do it in slices between which the browser paints and answers taps.
  const deferred = useDeferredValue(patient.data);
  // Never another patient's record while this one's is on its way.
  const data = patient.data !== undefined && deferred?.id === patient.data.id ? deferred : undefined;
  if (patient.isError || data === undefined || sections.sections === null) {
    const error = patient.isError ? patient.error : sections.error;
    return (
      <Page title={t('patient.loadingTitle')}>
        <QueryStatus isPending={error === null} error={error} retry={patient.isError ? () => void patient.refetch() : sections.retry} />
        <Anchor component={Link} to="/patients">
          {t('patient.backToSearch')}
        </Anchor>
      </Page>
    );
  }
  return <PatientOverview patient={data} sections={sections.sections} />;
}

function PatientOverview({ patient, sections }: { patient: Patient; sections: readonly LoadedPatientSection[] }) {
  const t = useT();
  const format = useFormat();
  const navigate = useNavigate();
  const today = useToday();
  const languageName = useLanguageName();
  const session = useSession();
  // Back after the session ended while editing: the form opens again with what was typed.
  const [dialog, setDialog] = useState<PatientDialog>(() => {
    const draft = peekDraft<PatientFormValues>(session.user.id, patientDraftForm(patient.id));
    return draft === null ? null : { mode: 'edit', patient, draft };
  });
  useEffect(() => {
    if (dialog?.draft) takeDraft(session.user.id, patientDraftForm(patient.id));
  }, [dialog, session.user.id, patient.id]);
  const [opening, setOpening] = useState(() => hasDraft(session.user.id, openEpisodeDraftForm(patient.id)));
  // Back after the session ended while confirming a merge: the dialog opens again with the reason.
  const [merging, setMerging] = useState(() => patient.mergedIntoId === null && hasDraft(session.user.id, mergeDraftForm(patient.id)));

  const age = ageOn(patient.dateOfBirth, today);
  const legal = legalNameIfDifferent(patient);
  const open = patient.episodes.filter((episode) => episode.closedOn === null);
  const closed = patient.episodes.filter((episode) => episode.closedOn !== null);
  const below = sections.filter((section) => section.order >= 0);
  const later = below.slice(FIRST_SECTIONS);
  // The later sections, then the details.
  const revealed = useRenderedInSteps(later.length + 1, 0, 1);

  const summary = [
    patient.pronouns,
    age === null
      ? t('patient.born', { date: format.dateInSentence(patient.dateOfBirth) })
      : t('patient.bornAge', { date: format.dateInSentence(patient.dateOfBirth), age }),
    languageName(patient.preferredLanguage),
  ].filter((part): part is string => part !== null && part !== '');

  return (
    <Page
      title={displayName(patient)}
      intro={
        <Stack gap={6} component="span">
          {legal !== null && (
            <Text span c="dimmed" display="block">
              {t('patient.legalName', { name: legal })}
            </Text>
          )}
          <Group gap="xs" component="span">
            <Text span c="dark.7">
              {summary.join(' · ')}
            </Text>
            {patient.interpreterNeeded && <StatusBadge color="orange">{t('patient.interpreterNeeded')}</StatusBadge>}
          </Group>
        </Stack>
      }
      actions={
        // A merged record is kept for the history only: the work happens on the record it was merged into.
        patient.mergedIntoId !== null ? undefined : (
          <>
            <Button variant="default" onClick={() => setDialog({ mode: 'edit', patient })}>
              {t('common.edit')}
            </Button>
            {/* Opening another episode is the main action only for someone not in care now. */}
            <Button variant={open.length === 0 ? 'filled' : 'default'} onClick={() => setOpening(true)}>
              {t('patient.openEpisode')}
            </Button>
          </>
        )
      }
    >
      <Group justify="space-between" gap="sm">
        <Anchor component={Link} to="/patients" size="sm">
          {t('patient.backToSearch')}
        </Anchor>
        <Button component={Link} to={`/patients/${patient.id}/timeline`} variant="default" size="compact-md">
          {t('timeline.open')}
        </Button>
      </Group>

      {patient.mergedIntoId !== null && <MergedBanner survivorId={patient.mergedIntoId} />}

      {/* Sections that must be seen first (a negative order: the emergency access banner). */}
      <PatientModuleSections patient={patient} sections={sections.filter((section) => section.order < 0)} />

      <Stack gap="sm" component="section" aria-labelledby="episodes-heading">
        <Title order={2} fz="lg" id="episodes-heading">
          {t('patient.openEpisodes')}
        </Title>
        {open.length === 0 ? (
          <Paper withBorder p="md">
            <Text size="sm">{t('patient.noOpenEpisode')}</Text>
          </Paper>
        ) : (
          <SimpleGrid cols={{ base: 1, md: open.length > 1 ? 2 : 1 }} spacing="sm">
            {open.map((episode) => (
              <EpisodeCard key={episode.id} episode={episode} />
            ))}
          </SimpleGrid>
        )}
        {closed.length > 0 && (
          <Text size="sm" c="dimmed">
            {t('patient.pastEpisodes')}{' '}
            {closed.map((episode, index) => (
              <span key={episode.id}>
                {index > 0 && ', '}
                <Anchor component={Link} to={`/episodes/${episode.id}`} size="sm">
                  {t('patient.pastEpisode', {
                    program: episode.programName,
                    from: format.date(episode.openedOn),
                    to: format.date(episode.closedOn ?? ''),
                  })}
                </Anchor>
              </span>
            ))}
          </Text>
        )}
      </Stack>

      {/* Every module's part of the overview (their module.ts: patientSections). */}
      <PatientModuleSections patient={patient} sections={below.slice(0, FIRST_SECTIONS)} />
      <PatientModuleSections patient={patient} sections={later.slice(0, revealed)} />
      {revealed > later.length && (
        <>
          <PatientDetails patient={patient} />
          {patient.mergedIntoId === null && (
            <Group justify="flex-end">
              <Button variant="subtle" size="sm" onClick={() => setMerging(true)}>
                {t('merge.open')}
              </Button>
            </Group>
          )}
        </>
      )}

      <LazyMergeDialog patient={patient} opened={merging} onClose={() => setMerging(false)} />
      <LazyPatientFormDialog dialog={dialog} onClose={() => setDialog(null)} onSaved={() => setDialog(null)} />
      <LazyOpenEpisodeDialog
        patient={opening ? patient : null}
        onClose={() => setOpening(false)}
        onOpened={(episode) => {
          setOpening(false);
          void navigate(`/episodes/${episode.id}`);
        }}
      />
    </Page>
  );
}

/** An open episode with its single point of contact, the first thing anyone needs to know. */
function EpisodeCard({ episode }: { episode: PatientEpisode }) {
  const t = useT();
  const { tMaybe } = useTranslator();
  const format = useFormat();
  const others = episode.careTeam.filter((member) => member.role !== 'primary-case-manager');
  return (
    <Card withBorder padding="md" radius="md">
      <Stack gap="sm">
        <Stack gap={2}>
          <Text size="xs" tt="uppercase" fw={700} c="dark.6" style={{ letterSpacing: '0.04em' }}>
            {t('patient.singlePointOfContact')}
          </Text>
          <Text fz="xl" fw={700}>
            {episode.primaryCaseManager?.displayName ?? t('patient.noPrimary')}
          </Text>
          <Text size="sm" c="dark.6">
            {t('careTeamRole.primary-case-manager')}
          </Text>
        </Stack>
        <Details
          items={[
            [t('episode.program'), episode.programName],
            [t('episode.phase'), <StatusBadge color={phaseColors[episode.phase]}>{t(`phase.${episode.phase}`)}</StatusBadge>],
            [
              t('episode.level'),
              episode.currentLevels.length === 0 ? (
                <Text span size="sm" c="dimmed">
                  {t('episode.noPlacement')}
                </Text>
              ) : (
                // Every level running today (outpatient and an opioid treatment program side by side), with its note.
                <Stack gap={4} component="span">
                  {episode.currentLevels.map((level) => (
                    <Text span size="sm" key={`${level.edition}:${level.code}`} display="block">
                      {levelLabel(tMaybe, level.edition, level.code)}
                      {level.concurrent && ` (${t('placement.concurrentShort')})`}
                      {level.note !== null && (
                        <Text span size="sm" c="dark.6" display="block">
                          {level.note}
                        </Text>
                      )}
                    </Text>
                  ))}
                </Stack>
              ),
            ],
            [t('episode.openedOn'), format.date(episode.openedOn)],
            ...(others.length > 0
              ? [
                  [t('episode.alsoOnTeam'), others.map((member) => `${member.name} (${t(`careTeamRole.${member.role}`)})`).join(', ')] as [
                    string,
                    ReactNode,
                  ],
                ]
              : []),
          ]}
        />
        <Group>
          <Button
            component={Link}
            to={`/episodes/${episode.id}`}
            variant="light"
            size="sm"
            aria-label={t('patient.openEpisodeDetails', { program: episode.programName })}
          >
            {t('patient.episodeDetails')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** Contact, emergency contact, demographics, identifiers and coverage. */
function PatientDetails({ patient }: { patient: Patient }) {
  const t = useT();
  const { tMaybe } = useTranslator();
  const format = useFormat();
  const languageName = useLanguageName();
  const none = (
    <Text span c="dimmed" size="sm">
      {t('common.notRecorded')}
    </Text>
  );
  const orNone = (value: string | null | undefined): ReactNode => (value === null || value === undefined || value === '' ? none : value);
  const codeLabel = (prefix: string, code: string | null): ReactNode => (code === null ? none : (tMaybe(`${prefix}.${code}`) ?? code));
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <Section title={t('patient.section.contact')}>
        {patient.phones.length === 0 ? (
          <Text size="sm">{t('patient.noPhones')}</Text>
        ) : (
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {patient.phones.map((phone) => (
              <li key={`${phone.kind}-${phone.number}`}>
                <Group gap="xs">
                  <Anchor underline="always" href={`tel:${phone.number.replace(/[^0-9+]/g, '')}`} fw={600}>
                    {phone.number}
                  </Anchor>
                  <Text span size="sm" c="dimmed">
                    {t(`phoneKind.${phone.kind}`)}
                  </Text>
                  <StatusBadge color={phone.consentToText ? 'green' : 'gray'}>
                    {phone.consentToText ? t('patient.textOk') : t('patient.noTexts')}
                  </StatusBadge>
                  <StatusBadge color={phone.voicemailSafe ? 'green' : 'red'}>
                    {phone.voicemailSafe ? t('patient.voicemailOk') : t('patient.noVoicemail')}
                  </StatusBadge>
                </Group>
              </li>
            ))}
          </Stack>
        )}
        <Details
          items={[
            [
              t('patient.address'),
              patient.noFixedAddress ? (
                <StatusBadge color="yellow">{t('patient.noFixedAddress')}</StatusBadge>
              ) : patient.addressLine1 === null && patient.city === null ? (
                none
              ) : (
                <>
                  {[patient.addressLine1, patient.addressLine2].filter(Boolean).join(', ')}
                  <br />
                  {[patient.city, [patient.state, patient.postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', ')}
                </>
              ),
            ],
            [t('patient.howToReach'), orNone(patient.howToReach)],
          ]}
        />
      </Section>

      <Section title={t('patient.section.emergency')}>
        {patient.emergencyContactName === null ? (
          <Text size="sm">{t('patient.noEmergencyContact')}</Text>
        ) : (
          <Details
            items={[
              [t('patientForm.emergencyContactName'), patient.emergencyContactName],
              [t('patientForm.emergencyContactRelationship'), orNone(patient.emergencyContactRelationship)],
              [
                t('patientForm.emergencyContactPhone'),
                patient.emergencyContactPhone === null ? (
                  none
                ) : (
                  <Anchor underline="always" href={`tel:${patient.emergencyContactPhone.replace(/[^0-9+]/g, '')}`} size="sm">
                    {patient.emergencyContactPhone}
                  </Anchor>
                ),
              ],
            ]}
          />
        )}
      </Section>

      <Section title={t('patient.section.demographics')}>
        <Details
          items={[
            [
              t('patient.legalNameLabel'),
              [patient.legalFirstName, patient.legalMiddleName, patient.legalLastName].filter(Boolean).join(' '),
            ],
            [t('patientForm.preferredName'), orNone(patient.preferredName)],
            [t('patientForm.pronouns'), orNone(patient.pronouns)],
            [t('patientForm.dateOfBirth'), format.date(patient.dateOfBirth)],
            [t('patientForm.sexAtBirth'), codeLabel('sexAtBirth', patient.sexAtBirth)],
            [t('patientForm.genderIdentity'), codeLabel('genderIdentity', patient.genderIdentity)],
            [
              t('patientForm.raceEthnicity'),
              patient.raceEthnicity.length === 0
                ? none
                : patient.raceEthnicity.map((code) => tMaybe(`raceEthnicity.${code}`) ?? code).join(', '),
            ],
            [t('patientForm.preferredLanguage'), languageName(patient.preferredLanguage)],
            [t('patientForm.interpreterNeeded'), patient.interpreterNeeded ? t('common.yes') : t('common.no')],
          ]}
        />
      </Section>

      <Section title={t('patient.section.identifiersCoverage')}>
        {patient.identifiers.length === 0 ? (
          <Text size="sm">{t('patient.noIdentifiers')}</Text>
        ) : (
          <Details
            items={patient.identifiers.map((identifier): [string, ReactNode] => [
              t(`identifierSystem.${identifier.system}`),
              <span key={identifier.value} className="secret-text">
                {identifier.value}
              </span>,
            ])}
          />
        )}
        {patient.coverages.length === 0 ? (
          <Text size="sm">{t('patient.noCoverage')}</Text>
        ) : (
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {patient.coverages.map((coverage, index) => (
              <li key={index}>
                <Text size="sm">
                  <Text span fw={600} size="sm">
                    {t(`coverageKind.${coverage.kind}`)}
                  </Text>
                  {[
                    coverage.payerName,
                    coverage.memberId === null || coverage.memberId === undefined ? null : t('patient.memberId', { id: coverage.memberId }),
                    coverage.startDate ? t('patient.coverageFrom', { date: format.dateInSentence(coverage.startDate) }) : null,
                    coverage.endDate ? t('patient.coverageTo', { date: format.dateInSentence(coverage.endDate) }) : null,
                  ]
                    .filter(Boolean)
                    .map((part) => ` · ${part}`)
                    .join('')}
                </Text>
              </li>
            ))}
          </Stack>
        )}
      </Section>
    </SimpleGrid>
  );
}
