import { Anchor, Box, Button, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { ProblemAlert } from '../../components/problems.tsx';
import { messagesIn } from '../../app/catalogue.ts';
import { formatDateInSentence, intlLocale } from '../../i18n/format.ts';
import { createTranslator } from '../../i18n/translate.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { useConsentQuery } from './consentQueries.ts';
import { PrintStyles } from './PrintStyles.tsx';

/**
 * The consent as the patient reads and keeps it, in the consent's language (not the user's):
 * every element, the statements exactly as stored with it, and the signature.
 */
export function ConsentPrintPage() {
  const { id = '' } = useParams();
  const userT = useT();
  const consent = useConsentQuery(id);
  const language = consent.data?.language ?? 'en';
  const { t } = useMemo(() => createTranslator(messagesIn(language), intlLocale(language)), [language]);

  if (consent.isPending) return <Loader />;
  if (consent.isError) return <ProblemAlert message={userT('common.loadFailed')} />;
  const c = consent.data;
  const date = (day: string) => formatDateInSentence(day, language);

  return (
    <Stack gap="md" maw={760}>
      <PrintStyles />
      <Group justify="space-between" data-print="hide">
        <Anchor component={Link} to={`/patients/${c.patientId}/consents`} size="sm">
          {userT('consentDoc.back')}
        </Anchor>
        <Button onClick={() => window.print()}>{userT('consentDoc.print')}</Button>
      </Group>
      <Box component="article" lang={language} p="lg" style={{ border: '1px solid var(--mantine-color-gray-4)', background: 'white' }}>
        <Stack gap="sm">
          <Title order={1} fz={24}>
            {t('consentDoc.title')}
          </Title>
          <Text size="sm">{t('consentDoc.rule')}</Text>
          <Field label={t('consentDoc.patient')} value={c.patientName} />
          <Field label={t('consentDoc.disclosingParty')} value={c.disclosingParty} />
          <Field label={t('consentDoc.recipient')} value={c.recipientName} />
          <Field
            label={t('consentDoc.information')}
            value={`${c.informationKinds.map((kind) => t(`consent.info.${kind}`)).join('; ')}. ${c.informationDescription}`}
          />
          <Field
            label={t('consentDoc.purpose')}
            value={[...c.purposes.map((purpose) => t(`consent.purpose.${purpose}`)), c.purposeDescription].filter(Boolean).join('; ')}
          />
          <Field
            label={t('consentDoc.expires')}
            value={
              c.expirationKind === 'date' && c.expiresOn ? t('consentDoc.expiresOn', { date: date(c.expiresOn) }) : (c.expirationText ?? '')
            }
          />
          <Title order={2} fz="md" mt="sm">
            {t('consentDoc.statements')}
          </Title>
          <List size="sm" spacing={4}>
            {c.statements.map((statement) => (
              <List.Item key={statement.key}>{statement.text}</List.Item>
            ))}
          </List>
          <Title order={2} fz="md" mt="sm">
            {t('consentDoc.signature')}
          </Title>
          {c.signatureMethod === 'refused' ? (
            <Text fw={600}>{t('consentDoc.refused')}</Text>
          ) : c.signatureMethod === 'drawn' && c.signatureImage ? (
            <img
              src={c.signatureImage}
              alt={t('consentDoc.signature')}
              style={{ maxWidth: 360, height: 120, objectFit: 'contain', borderBottom: '1px solid black' }}
            />
          ) : (
            <Text>{t('consentDoc.verbal', { witness: c.witnessName ?? '' })}</Text>
          )}
          <Text size="sm">
            {c.signer === 'representative'
              ? t('consentDoc.signedBy.representative', { name: c.representativeName ?? '', authority: c.representativeAuthority ?? '' })
              : t('consentDoc.signedBy.patient')}
          </Text>
          <Field label={t('consentDoc.date')} value={date(c.signedOn)} />
          {c.endReason === 'revoked' && c.endedOn && <Text fw={700}>{t('consentDoc.revoked', { date: date(c.endedOn) })}</Text>}
        </Stack>
      </Box>
    </Stack>
  );
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <Text size="sm">
      <Text span fw={700}>
        {label}:
      </Text>{' '}
      {value}
    </Text>
  );
}
