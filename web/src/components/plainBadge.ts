// No JSX here, so node:test can render it beside Mantine's own Badge (plainBadge.test.ts).
import { Badge } from '@mantine/core';
import { createElement, type CSSProperties, type ReactElement, type ReactNode } from 'react';

/** The props StatusBadge gives Mantine's Badge: a light tint, dark text (4.5:1 on every tint). */
export const statusBadgeProps = { variant: 'light', tt: 'none', radius: 'sm', c: 'dark.8', fw: 600, miw: 'max-content' } as const;

/** Whether `color` is a theme colour by name ('green'), the colours plainBadge draws. */
export function isThemeColorName(color: string): boolean {
  return /^[a-z]+$/.test(color);
}

/**
 * The element Mantine's Badge renders for `statusBadgeProps` and a theme colour (its classes,
 * variables and attributes), without the component's work: props, theme and styles resolved
 * on every render. A list of a hundred rows has a hundred badges; on a slow phone that work was
 * a good part of My caseload's render.
 */
export function plainBadge(color: string, children: ReactNode): ReactElement {
  const style = {
    '--badge-radius': 'var(--mantine-radius-sm)',
    '--badge-bg': `var(--mantine-color-${color}-light)`,
    '--badge-color': `var(--mantine-color-${color}-light-color)`,
    '--badge-bd': 'calc(0.0625rem * var(--mantine-scale)) solid transparent',
    color: 'var(--mantine-color-dark-8)',
    fontWeight: 600,
    textTransform: 'none',
    minWidth: 'max-content',
  } as CSSProperties;
  return createElement(
    'div',
    { style, className: `${Badge.classes.root} mantine-Badge-root`, 'data-variant': 'light' },
    createElement('span', { className: `${Badge.classes.label} mantine-Badge-label` }, children),
  );
}
