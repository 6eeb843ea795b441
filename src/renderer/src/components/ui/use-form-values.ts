import { useState } from 'react';
import type { FieldErrors } from '../../api/field-errors';

/**
 * A form's values and field errors; `set` changes one value and clears that field's error and the
 * form-level one (`_form`); `setValues` replaces them all (e.g. with what the server saved).
 */
export function useFormValues<V extends object>(initial: V | (() => V)) {
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});

  function set<K extends keyof V>(key: K, value: V[K]) {
    setValues((previous) => ({ ...previous, [key]: value }));
    setErrors((previous) => ({ ...previous, [key]: undefined, _form: undefined }));
  }

  return { values, set, setValues, errors, setErrors };
}
