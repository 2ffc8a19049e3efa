import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import { useT } from '../i18n/I18nProvider.tsx';

/**
 * A password input whose show/hide button is translated and reachable by keyboard. The button
 * is named by its title (also a tooltip), not aria-label, so the field's label "Password" stays
 * the only label on the page containing that word (getByLabel('Password') finds the input).
 */
export function PasswordField(props: PasswordInputProps) {
  const t = useT();
  return (
    <PasswordInput
      {...props}
      visibilityToggleFocusable
      visibilityToggleButtonProps={{ 'aria-label': undefined, title: t('password.show') }}
    />
  );
}
