import { Modal, type ModalRootProps } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useT } from '../i18n/I18nProvider.tsx';

interface DialogProps extends Pick<ModalRootProps, 'opened' | 'onClose' | 'size' | 'closeOnClickOutside'> {
  title: ReactNode;
  children: ReactNode;
}

/**
 * Mantine's modal, assembled so that its title bar is a plain element: the default one is a
 * <header>, which screen readers would announce as a second page banner.
 */
export function Dialog({ title, children, size = 'md', ...props }: DialogProps) {
  const t = useT();
  // On a phone a dialog takes the whole screen: more room for the form, nothing behind to misread.
  const phone = useMediaQuery('(max-width: 30em)', false, { getInitialValueInEffect: false });
  return (
    <Modal.Root centered size={size} fullScreen={phone} {...props}>
      <Modal.Overlay />
      <Modal.Content>
        <Modal.Header component="div">
          <Modal.Title component="h2" fw={650} fz="lg">
            {title}
          </Modal.Title>
          <Modal.CloseButton aria-label={t('common.close')} />
        </Modal.Header>
        <Modal.Body>{children}</Modal.Body>
      </Modal.Content>
    </Modal.Root>
  );
}
