import { Alert, Button, Center, Loader, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useCallback } from 'react';
import { ApiError, splitProblem } from '../api/problem.ts';
import { useT } from '../i18n/I18nProvider.tsx';
import { localizeServerMessage } from '../i18n/serverMessages.ts';

/** A plain-language sentence for a failed call, in the user's language. */
export function useProblemText() {
  const t = useT();
  return useCallback(
    (error: unknown): string => {
      if (!(error instanceof ApiError)) return t('problem.unexpected');
      switch (error.code) {
        case 'network':
          return t('problem.network');
        case 'csrf':
          return t('problem.csrf');
        case 'forbidden':
          return t('problem.forbidden');
        case 'unauthenticated':
          return t('problem.unauthenticated');
        case 'mfa-enrolment-required':
          return t('problem.mfaEnrolmentRequired');
        case 'not-found':
          return t('problem.notFound');
        case 'stale-version':
          return t('problem.staleVersion');
        case 'rate-limited':
          return t('problem.rateLimited');
        case 'payload-too-large':
          return t('problem.payloadTooLarge');
        case 'internal':
        case 'unavailable':
          return t('problem.server');
        default:
          if (error.status >= 500) return t('problem.server');
          // Rule violations (409 conflict, 422) carry the server's own explanation.
          return error.problem.detail ?? error.problem.title;
      }
    },
    [t],
  );
}

export interface ServerErrors<F extends string> {
  /** Messages to pass to each input's `error` prop. */
  fieldErrors: Partial<Record<F, string>>;
  /** A message for the alert above the form, or null. */
  alert: string | null;
}

/** Splits a failed form submission into messages next to fields and one alert (STYLE.md: every form shows the server's field errors next to the field). */
export function useServerErrors<F extends string>(error: unknown, fields: readonly F[]): ServerErrors<F> {
  const t = useT();
  const describe = useProblemText();
  if (error === null || error === undefined) return { fieldErrors: {}, alert: null };
  if (!(error instanceof ApiError)) return { fieldErrors: {}, alert: describe(error) };
  const errors = error.problem.errors?.map(({ path, message }) => {
    const known = localizeServerMessage(message);
    return { path, message: known === null ? message : t(known.key, known.params) };
  });
  const { fieldErrors, formErrors } = splitProblem({ ...error.problem, errors }, fields);
  if (formErrors.length > 0) return { fieldErrors, alert: formErrors.join(' ') };
  if (Object.keys(fieldErrors).length > 0) return { fieldErrors, alert: t('form.checkFields') };
  return { fieldErrors, alert: describe(error) };
}

export function ProblemAlert({ message, title }: { message: string | null; title?: string }) {
  const t = useT();
  if (message === null) return null;
  return (
    <Alert color="red" variant="light" title={title ?? t('form.errorTitle')} role="alert">
      {message}
    </Alert>
  );
}

/** Loading and failure states of a query, so every page says plainly what is happening. */
export function QueryStatus({ error, isPending, retry }: { error: unknown; isPending: boolean; retry?: () => void }) {
  const t = useT();
  const describe = useProblemText();
  if (isPending) {
    return (
      <Center py="xl" role="status">
        <Loader />
        <VisuallyHidden>{t('common.loading')}</VisuallyHidden>
      </Center>
    );
  }
  if (error === null || error === undefined) return null;
  return (
    <Alert color="red" variant="light" title={t('common.loadFailed')} role="alert">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{describe(error)}</Text>
        {retry !== undefined && (
          <Button size="xs" variant="default" onClick={retry}>
            {t('common.tryAgain')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
