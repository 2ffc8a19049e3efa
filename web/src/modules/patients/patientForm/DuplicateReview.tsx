import { Alert, Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import type { Ref } from 'react';
import { Link } from 'react-router';
import { useFormat, useT } from '../../../i18n/I18nProvider.tsx';
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
              <li key={patient.id}>
                <Group gap="xs" wrap="wrap">
                  <Anchor component={Link} to={`/patients/${patient.id}`} fw={600}>
                    {displayName(patient)}
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
              </li>
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
