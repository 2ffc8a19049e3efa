import type { UseFormReturnType } from '@mantine/form';
import type { PatientFormValues } from '../patientFormValues.ts';

/** The patient form's state, shared by its sections. */
export type PatientForm = UseFormReturnType<PatientFormValues>;

/** The form's message for a path: every message this form sets is text. */
export function errorAt(form: PatientForm, path: string): string | undefined {
  const error = form.errors[path];
  return typeof error === 'string' ? error : undefined;
}

/** An input's error, or the error the server gave for its whole row. */
export function rowError(form: PatientForm, row: string, field: string): string | undefined {
  return errorAt(form, `${row}.${field}`) ?? errorAt(form, row);
}
