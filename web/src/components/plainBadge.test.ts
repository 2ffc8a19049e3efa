import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Badge, MantineProvider } from '@mantine/core';
import { createElement, type ComponentType, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { isThemeColorName, plainBadge, statusBadgeProps } from './plainBadge.ts';

// Mantine adds its global <style> tags around whatever it renders: only the badge is compared.
const render = (element: ReactElement) =>
  renderToStaticMarkup(createElement(MantineProvider, null, element)).replace(/<style[^>]*>[\s\S]*?<\/style>/g, '');

test('the plain badge is the element Mantine’s Badge renders, for every colour the app uses', () => {
  for (const color of ['red', 'orange', 'yellow', 'green', 'teal', 'blue', 'grape', 'gray']) {
    // Badge is polymorphic (`component`), which createElement's types cannot follow.
    const mantine = render(createElement(Badge as ComponentType<Record<string, unknown>>, { color, ...statusBadgeProps }, 'In care'));
    assert.equal(render(plainBadge(color, 'In care')), mantine, color);
  }
});

test('only theme colours by name are drawn plainly (a shade or a CSS colour goes to Mantine)', () => {
  assert.equal(isThemeColorName('green'), true);
  assert.equal(isThemeColorName('green.6'), false);
  assert.equal(isThemeColorName('#ff0000'), false);
});
