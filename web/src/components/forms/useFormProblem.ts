import type { UseFormReturnType } from '@mantine/form';
import { useState } from 'react';
import { ApiError, type FieldProblem } from '../../api/problem.ts';
import { useT } from '../../i18n/I18nProvider.tsx';
import { useFieldProblemText, useProblemText } from '../problems.tsx';
import { placeProblem, type PlaceOptions } from './formPaths.ts';

interface Shown {
  error: unknown;
  /** Field errors that belong to no input of this form. */
  unplaced: FieldProblem[];
  /** How many inputs now show an error from the server. */
  placed: number;
}

interface Options extends PlaceOptions {
  /** The alert when every error sits next to its field (default: "check the fields marked below"). */
  checkFields?: string;
}

/**
 * A failed submission, shown the way every form shows it (STYLE.md): each field error next to
 * its input, in the user's language, and one alert for the rest. Editing a field clears its
 * error (@mantine/form's default).
 */
export function useFormProblem<V extends object>(form: UseFormReturnType<V>, options: Options = {}) {
  const t = useT();
  const describe = useProblemText();
  const describeField = useFieldProblemText();
  const [shown, setShown] = useState<Shown | null>(null);

  const show = (error: unknown) => {
    if (!(error instanceof ApiError)) {
      setShown({ error, unplaced: [], placed: 0 });
      return;
    }
    const { placed, unplaced } = placeProblem(error.problem, form.getValues(), options);
    const messages = Object.fromEntries(Object.entries(placed).map(([path, problem]) => [path, describeField(problem)]));
    form.setErrors((current) => ({ ...current, ...messages }));
    setShown({ error, unplaced, placed: Object.keys(placed).length });
  };

  let alert: string | null = null;
  if (shown !== null) {
    if (shown.unplaced.length > 0) {
      // Errors about no field of this form: what went wrong, then each refused value's reason.
      alert = [describe(shown.error), ...new Set(shown.unplaced.map(describeField))].join(' ');
    } else if (shown.placed > 0) {
      alert = options.checkFields ?? t('form.checkFields');
    } else {
      alert = describe(shown.error);
    }
  }

  return { show, clear: () => setShown(null), alert };
}
