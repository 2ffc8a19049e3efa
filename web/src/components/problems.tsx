import { Alert, Button, Center, Loader, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useCallback } from 'react';
import { ApiError, splitProblem, type FieldProblem, type Problem } from '../api/problem.ts';
import { useFormat, useT, useTranslator } from '../i18n/I18nProvider.tsx';
import type { Params } from '../i18n/translate.ts';
import { describeFieldProblem, describeProblem } from './problemText.ts';

/** Dates in params (`2026-01-05`) read as dates in the user's language. */
function useFormatParams() {
  const format = useFormat();
  return useCallback(
    (params: Params): Params =>
      Object.fromEntries(
        Object.entries(params).map(([name, value]) => [
          name,
          typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? format.dateInSentence(value) : value,
        ]),
      ),
    [format],
  );
}

/** A plain-language sentence for a failed call, in the user's language (never the server's English). */
export function useProblemText() {
  const { tMaybe } = useTranslator();
  const formatParams = useFormatParams();
  return useCallback(
    (error: unknown): string => {
      const problem: Problem =
        error instanceof ApiError ? error.problem : { type: 'about:blank', title: '', status: -1, code: 'unexpected' };
      return describeProblem(problem, tMaybe, formatParams);
    },
    [tMaybe, formatParams],
  );
}

/** A sentence for one field the server refused, from its code. */
export function useFieldProblemText() {
  const { tMaybe } = useTranslator();
  const formatParams = useFormatParams();
  return useCallback((error: FieldProblem): string => describeFieldProblem(error, tMaybe, formatParams), [tMaybe, formatParams]);
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
  const describeField = useFieldProblemText();
  if (error === null || error === undefined) return { fieldErrors: {}, alert: null };
  if (!(error instanceof ApiError)) return { fieldErrors: {}, alert: describe(error) };
  const split = splitProblem(error.problem, fields);
  const fieldErrors: Partial<Record<F, string>> = {};
  for (const field of fields) {
    const problem = split.fieldErrors[field];
    if (problem !== undefined) fieldErrors[field] = describeField(problem);
  }
  if (split.formErrors.length > 0) {
    // Errors about no field of this form: what went wrong, then each refused value's reason.
    const reasons = new Set(split.formErrors.map(describeField));
    return { fieldErrors, alert: [describe(error), ...reasons].join(' ') };
  }
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
