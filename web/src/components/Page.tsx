import { Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useRef, type ReactNode } from 'react';

// Focus moves to the new page's heading after a navigation (not on the first load), so a
// screen reader announces where the user landed and keyboard users start from the top.
let firstPageShown = false;

function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Bridgeway`;
  }, [title]);
}

interface PageProps {
  title: string;
  /** One plain sentence under the heading: what this page is for. */
  intro?: ReactNode;
  /** Buttons for the page's main actions, next to the heading. */
  actions?: ReactNode;
  children: ReactNode;
}

export function Page({ title, intro, actions, children }: PageProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  usePageTitle(title);

  useEffect(() => {
    if (firstPageShown) heading.current?.focus();
    firstPageShown = true;
  }, []);

  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="sm">
          <Title order={1} ref={heading} tabIndex={-1} fz={{ base: 26, sm: 30 }}>
            {title}
          </Title>
          {actions !== undefined && <Group gap="sm">{actions}</Group>}
        </Group>
        {intro !== undefined && (
          <Text c="dimmed" maw={720}>
            {intro}
          </Text>
        )}
      </Stack>
      {children}
    </Stack>
  );
}
