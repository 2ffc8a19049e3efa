import { Alert, Box, Button, Checkbox, CopyButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { IconCheck, IconCopy } from '../../components/icons.tsx';
import { dateInZone } from '../../i18n/format.ts';
import { useFormat, useLocale, useT } from '../../i18n/I18nProvider.tsx';

/** The codes as a plain text file: one a line, with a line saying what they are for. */
function asText(codes: readonly string[], heading: string): string {
  return [heading, '', ...codes, ''].join('\n');
}

function download(codes: readonly string[], heading: string): void {
  const url = URL.createObjectURL(new Blob([asText(codes, heading)], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = 'bridgeway-recovery-codes.txt';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Prints only the codes: a blank window with the heading and the list, built from text nodes (no markup from strings). */
function print(codes: readonly string[], heading: string): void {
  const printed = window.open('', '_blank', 'width=480,height=640');
  if (printed === null) return;
  const doc = printed.document;
  doc.title = heading;
  const title = doc.createElement('h1');
  title.textContent = heading;
  title.style.font = '600 18px system-ui, sans-serif';
  const list = doc.createElement('ol');
  list.style.font = '16px ui-monospace, Menlo, Consolas, monospace';
  list.style.lineHeight = '1.8';
  for (const code of codes) {
    const item = doc.createElement('li');
    item.textContent = code;
    list.append(item);
  }
  doc.body.append(title, list);
  printed.focus();
  printed.print();
  printed.close();
}

/**
 * The ten one-time recovery codes, shown this once (the server keeps only their hashes): copy,
 * download or print them, then say they are saved before going on.
 */
export function RecoveryCodes({
  codes,
  onDone,
  doneLabel,
  titleOrder = 2,
}: {
  codes: readonly string[];
  onDone: () => void;
  doneLabel: string;
  titleOrder?: 2 | 3;
}) {
  const t = useT();
  const format = useFormat();
  const { timeZone } = useLocale();
  const [saved, setSaved] = useState(false);
  const [unconfirmed, setUnconfirmed] = useState(false);
  const heading = t('recoveryCodes.fileHeading', { date: format.date(dateInZone(new Date(), timeZone)) });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!saved) {
      setUnconfirmed(true);
      return;
    }
    onDone();
  };

  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} component="form" onSubmit={submit} noValidate aria-labelledby="recovery-codes-title">
      <Stack gap="md">
        <Title order={titleOrder} size="h3" id="recovery-codes-title">
          {t('recoveryCodes.title')}
        </Title>
        <Text size="sm">{t('recoveryCodes.intro', { count: format.number(codes.length) })}</Text>
        <Alert color="orange" variant="light" title={t('recoveryCodes.onceTitle')}>
          {t('recoveryCodes.once')}
        </Alert>
        <Box
          component="ol"
          m={0}
          pl="xl"
          aria-label={t('recoveryCodes.listLabel')}
          data-testid="recovery-codes"
          style={{
            display: 'grid',
            // As many columns as fit whole codes (19 characters and the number): never two run together.
            gridTemplateColumns: 'repeat(auto-fill, minmax(14em, 1fr))',
            columnGap: 'var(--mantine-spacing-xl)',
            rowGap: 4,
            fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
            fontSize: 'var(--mantine-font-size-md)',
          }}
        >
          {codes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </Box>
        <Group gap="sm">
          <CopyButton value={asText(codes, heading)}>
            {({ copied, copy }) => (
              <Button variant="default" onClick={copy} leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}>
                {copied ? t('recoveryCodes.copied') : t('recoveryCodes.copy')}
              </Button>
            )}
          </CopyButton>
          <Button variant="default" onClick={() => download(codes, heading)}>
            {t('recoveryCodes.download')}
          </Button>
          <Button variant="default" onClick={() => print(codes, heading)}>
            {t('recoveryCodes.print')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          {t('recoveryCodes.howToUse')}
        </Text>
        <Checkbox
          label={t('recoveryCodes.saved')}
          checked={saved}
          onChange={(event) => {
            setSaved(event.currentTarget.checked);
            setUnconfirmed(false);
          }}
          error={unconfirmed ? t('recoveryCodes.savedRequired') : undefined}
        />
        <Group>
          <Button type="submit">{doneLabel}</Button>
        </Group>
      </Stack>
    </Paper>
  );
}
