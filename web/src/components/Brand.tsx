import { Group, Text } from '@mantine/core';
import { Logo } from './icons.tsx';

/** The product name with its mark; `compact` keeps only the mark on a phone (the signed-in header is full). */
export function Brand({ organizationName, compact = false }: { organizationName?: string; compact?: boolean }) {
  return (
    <Group gap={8} wrap="nowrap" style={{ minWidth: 0 }}>
      <Logo />
      <Text fw={700} fz="lg" c="dark" className={compact ? 'brand-name' : undefined}>
        Bridgeway
      </Text>
      {organizationName !== undefined && (
        <Text c="dimmed" fz="sm" truncate visibleFrom="md" style={{ minWidth: 0 }}>
          {organizationName}
        </Text>
      )}
    </Group>
  );
}
