import { Badge, type MantineColor } from '@mantine/core';
import type { ReactNode } from 'react';

/** A tinted status label; the text stays dark so it keeps 4.5:1 contrast on every tint. */
export function StatusBadge({ color, children }: { color: MantineColor; children: ReactNode }) {
  return (
    <Badge color={color} variant="light" tt="none" radius="sm" c="dark.8" fw={600} miw="max-content">
      {children}
    </Badge>
  );
}
