import { Badge, type MantineColor } from '@mantine/core';
import type { ReactNode } from 'react';
import { isThemeColorName, plainBadge, statusBadgeProps } from './plainBadge.ts';

/** A tinted status label; the text stays dark so it keeps 4.5:1 contrast on every tint. */
export function StatusBadge({ color, children }: { color: MantineColor; children: ReactNode }) {
  // A theme colour by name (all of the app's) is drawn as Mantine draws it, at a fraction of the cost.
  if (isThemeColorName(color)) return plainBadge(color, children);
  return (
    <Badge color={color} {...statusBadgeProps}>
      {children}
    </Badge>
  );
}
