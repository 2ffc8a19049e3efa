import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, VisuallyHidden } from '@mantine/core';
import type { Ref } from 'react';
import { Link } from 'react-router';
import { useFormat, useT, useTranslator } from '../../../i18n/I18nProvider.tsx';
import { displayName, type PossibleDuplicates } from '../patientHelpers.ts';

interface DuplicateReviewProps {
  ref: Ref<HTMLDivElement>;
  duplicates: PossibleDuplicates;
  /** An ID number is shared: registering anyway is not offered. */
  sharedIdentifier: boolean;
  busy: boolean;
  onRegisterAnyway: () => void;
}

/** The records this person may already have, to open and compare before registering again. */
export function DuplicateReview({ ref, duplicates, sharedIdentifier, busy, onRegisterAnyway }: DuplicateReviewProps) {
  const t = useT();
  const { tMaybe } = useTranslator();
  const format = useFormat();
  return (
    <Alert
      ref={ref}
      color={sharedIdentifier ? 'red' : 'yellow'}
      variant="light"
      role="alert"
      title={sharedIdentifier ? t('duplicates.sharedTitle') : t('duplicates.title')}
    >
      <Stack gap="sm">
        <Text size="sm">{sharedIdentifier ? t('duplicates.sharedBody') : t('duplicates.body')}</Text>
        {duplicates.candidates.length > 0 && (
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('duplicates.listLabel')}>
            {duplicates.candidates.map(({ patient, reasons }) => (
              <Paper component="li" key={patient.id} withBorder p="xs" bg="white">
                <Stack gap={4}>
                  <Group gap="xs" wrap="wrap">
                    {/* A new tab: the registration form stays as typed here. */}
                    <Anchor component={Link} to={`/patients/${patient.id}`} target="_blank" rel="noopener" fw={600}>
                      {displayName(patient)}
                      <VisuallyHidden>{` (${t('duplicates.newTab')})`}</VisuallyHidden>
                    </Anchor>
                    <Text span size="sm">
                      {t('duplicates.born', { date: format.dateInSentence(patient.dateOfBirth) })}
                    </Text>
                    {reasons.map((reason) => (
                      <Badge key={reason} size="sm" variant="outline" color="dark" tt="none">
                        {t(`duplicates.reason.${reason}`)}
                      </Badge>
                    ))}
                  </Group>
                  {/* Enough to compare in place: phones, ID numbers, address. */}
                  <dl className="details-list">
                    <dt>{t('duplicates.phones')}</dt>
                    <dd>{patient.phones.length === 0 ? t('common.notRecorded') : patient.phones.join(', ')}</dd>
                    <dt>{t('duplicates.identifiers')}</dt>
                    <dd>
                      {patient.identifiers.length === 0
                        ? t('common.notRecorded')
                        : patient.identifiers
                            .map(
                              (identifier) =>
                                `${tMaybe(`identifierSystem.${identifier.system}`) ?? identifier.system}: ${identifier.value}`,
                            )
                            .join(', ')}
                    </dd>
                    <dt>{t('duplicates.address')}</dt>
                    <dd>{patient.noFixedAddress ? t('duplicates.noFixedAddress') : (patient.address ?? t('common.notRecorded'))}</dd>
                  </dl>
                  <Group>
                    <Button size="xs" variant="default" component={Link} to={`/patients/${patient.id}`}>
                      {t('duplicates.itIsThem')}
                    </Button>
                  </Group>
                </Stack>
              </Paper>
            ))}
          </Stack>
        )}
        {!sharedIdentifier && (
          <Group gap="sm">
            <Button color="dark" variant="outline" onClick={onRegisterAnyway} loading={busy}>
              {t('duplicates.registerAnyway')}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}
