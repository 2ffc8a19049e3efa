import { Component, useLayoutEffect, type ReactNode } from 'react';
import { releaseBootShell } from '../app/bootShell.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { ReloadNotice } from './ReloadNotice.tsx';

/**
 * Around a page (app/AppRoutes.tsx) and around the whole app (app/App.tsx): a fault in the
 * app's own code while rendering (a screen meeting an answer it did not expect) shows a notice in
 * the page's place, with a way to reload, instead of a blank window: React unmounts everything
 * above an error no boundary catches. Around a page, the frame and its menu stay, and the notice
 * goes once the person opens another address (`address`). The fault itself is reported in the
 * browser's console by React; nothing of it is shown or sent anywhere.
 */
export class FaultBoundary extends Component<{ children: ReactNode; address?: string }, { error: unknown; at: string | undefined }> {
  override state: { error: unknown; at: string | undefined } = { error: null, at: undefined };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  static getDerivedStateFromProps(props: { address?: string }, state: { error: unknown; at: string | undefined }) {
    // A fault belongs to the address it happened at: another address renders afresh.
    if (state.error !== null && props.address !== state.at) return { error: null, at: props.address };
    return state.error === null ? { at: props.address } : null;
  }

  override render() {
    return this.state.error === null ? this.props.children : <FaultNotice />;
  }
}

function FaultNotice() {
  const t = useT();
  // A fault before the first page has shown: index.html's first paint must not stay over the notice.
  useLayoutEffect(() => releaseBootShell(), []);
  return <ReloadNotice title={t('fault.title')} body={t('fault.body')} style={{ margin: 'var(--mantine-spacing-md)' }} />;
}
