import { Component, Suspense, type ReactNode } from 'react';
import { useT } from '../i18n/I18nProvider.tsx';
import { isLoadFailure } from './loadFailure.ts';
import { ReloadNotice } from './ReloadNotice.tsx';

/**
 * Around a part of a screen whose code loads when it is first shown (a page, a dialog, a
 * section): if that code does not arrive, says so in the part's place, with a way to reload,
 * instead of taking the whole app down with it (React unmounts everything above an error no
 * boundary catches, and `lazy` keeps the failure until the page is reloaded). Any other error is
 * not this boundary's to explain and goes on up.
 */
export class LoadBoundary extends Component<{ children: ReactNode; floating?: boolean }, { error: unknown; dismissed: boolean }> {
  override state: { error: unknown; dismissed: boolean } = { error: null, dismissed: false };

  static getDerivedStateFromError(error: unknown) {
    return { error, dismissed: false };
  }

  override render() {
    const { error, dismissed } = this.state;
    if (error === null) return this.props.children;
    if (dismissed) return null;
    if (!isLoadFailure(error)) throw error instanceof Error ? error : new Error('A part of the app failed', { cause: error });
    return <LoadFailed floating={this.props.floating === true} onDismiss={() => this.setState({ dismissed: true })} />;
  }
}

/**
 * A part whose code loads when it is first shown: `fallback` (nothing by default) while it
 * loads, and the notice in its place if it does not arrive (`floating` for a dialog).
 */
export function LazyPart({ children, fallback = null, floating }: { children: ReactNode; fallback?: ReactNode; floating?: boolean }) {
  return (
    <LoadBoundary floating={floating}>
      <Suspense fallback={fallback}>{children}</Suspense>
    </LoadBoundary>
  );
}

function LoadFailed({ floating, onDismiss }: { floating: boolean; onDismiss: () => void }) {
  const t = useT();
  return (
    <ReloadNotice
      title={t('load.failedTitle')}
      body={t('load.failed')}
      onDismiss={onDismiss}
      // A dialog that did not arrive has no place of its own on the page: its notice floats
      // at the bottom of the screen, where the person who pressed its button can see it.
      {...(floating ? { style: { position: 'fixed', insetInline: 16, bottom: 16, zIndex: 400, maxWidth: 560, marginInline: 'auto' } } : {})}
    />
  );
}
