import { Button, CopyButton, Group, Textarea } from '@mantine/core';
import { useT } from '../i18n/I18nProvider.tsx';
import { IconCheck, IconCopy } from './icons.tsx';

/**
 * A read-only value (a link, a key) shown whole, wrapped over lines so nothing is cut off on
 * a phone, with a copy button next to it.
 */
export function CopyField({ label, value, description }: { label: string; value: string; description?: string }) {
  const t = useT();
  return (
    <Group align="flex-end" gap="xs" wrap="nowrap">
      <Textarea
        label={label}
        description={description}
        value={value}
        readOnly
        autosize
        minRows={1}
        spellCheck={false}
        style={{ flex: 1, minWidth: 0 }}
        onFocus={(event) => event.currentTarget.select()}
        styles={{
          input: {
            fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
            overflowWrap: 'anywhere',
            lineHeight: 1.5,
          },
        }}
      />
      <CopyButton value={value} timeout={3000}>
        {({ copied, copy }) => (
          <Button
            variant={copied ? 'light' : 'filled'}
            color={copied ? 'teal' : undefined}
            onClick={copy}
            leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
            aria-live="polite"
          >
            {copied ? t('common.copied') : t('common.copy')}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}
