import { useCallback, useState } from 'react';

type Errors<T> = Partial<Record<keyof T & string, string>>;

/**
 * Form values with two sources of messages per field: checks done here before sending, and
 * the server's field errors of the last submission. A field's message disappears as soon as
 * the user edits that field.
 */
export function useForm<T extends Record<string, unknown>>(initial: T) {
  const [values, setValues] = useState<T>(initial);
  const [checkErrors, setCheckErrors] = useState<Errors<T>>({});
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());

  const set = useCallback(<K extends keyof T & string>(key: K, value: T[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setEdited((current) => (current.has(key) ? current : new Set(current).add(key)));
  }, []);

  /** Runs the checks; returns true when the form may be sent. */
  const validate = useCallback((check: (values: T) => Errors<T>, current: T): boolean => {
    const errors = check(current);
    setCheckErrors(errors);
    setEdited(new Set());
    return Object.values(errors).every((message) => message === undefined);
  }, []);

  const errorFor = useCallback(
    (key: keyof T & string, serverErrors: Errors<T>): string | undefined =>
      edited.has(key) ? undefined : (checkErrors[key] ?? serverErrors[key]),
    [edited, checkErrors],
  );

  const reset = useCallback((next: T) => {
    setValues(next);
    setCheckErrors({});
    setEdited(new Set());
  }, []);

  return { values, set, validate, errorFor, reset };
}
