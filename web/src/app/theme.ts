import { createTheme, type CSSVariablesResolver } from '@mantine/core';

// Required fields keep the `required` attribute (screen readers announce it) but show no
// asterisk: the few optional fields say "(optional)" in their label instead, and labels stay
// exactly their words for people and for tests (getByLabel('Password', { exact: true })).
const noAsterisk = { defaultProps: { withAsterisk: false } };

// Shade 8 of blue and darker dimmed, link and error colors keep text at WCAG AA contrast
// (4.5:1) on white; Mantine's defaults (shade 6) fall short for white-on-blue buttons.
export function createBridgewayTheme(labels: { close: string }) {
  const closeButtonProps = { 'aria-label': labels.close };
  return createTheme({
    primaryColor: 'blue',
    primaryShade: { light: 8, dark: 8 },
    defaultRadius: 'md',
    cursorType: 'pointer',
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
    headings: { fontWeight: '650' },
    components: {
      // The close button of notifications is named in the user's language (dialogs: Dialog.tsx).
      // Alert titles in dark text: the tinted colors of the light variant fall below 4.5:1.
      // Plain objects rather than `Select.extend(…)`: importing the components here would pull
      // Select, MultiSelect and the combobox into the first script every page loads.
      Alert: { styles: { title: { color: 'var(--mantine-color-dark-9)' } } },
      Notification: { defaultProps: { closeButtonProps } },
      TextInput: noAsterisk,
      PasswordInput: noAsterisk,
      Select: noAsterisk,
      MultiSelect: noAsterisk,
      Textarea: noAsterisk,
      CheckboxGroup: noAsterisk,
      RadioGroup: noAsterisk,
    },
  });
}

export const cssVariablesResolver: CSSVariablesResolver = (resolvedTheme) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': resolvedTheme.colors.gray[7] ?? '#495057',
    '--mantine-color-anchor': resolvedTheme.colors.blue[8] ?? '#1971c2',
    '--mantine-color-error': resolvedTheme.colors.red[9] ?? '#c92a2a',
  },
  dark: {},
});
