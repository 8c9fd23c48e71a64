import { useMutation } from '@tanstack/react-query';
import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { useT } from '../i18n/use-t';
import { rebase } from './form-values';
import {
  errorsByPath,
  fieldErrorMessage,
  isVersionConflict,
  recordErrorMessage,
  type FieldError,
  type FormMessage,
} from './problem';
import { useAfterWrite } from './records';

export interface RecordFormOptions<V extends object, R> {
  /** The values the form starts with: the record's, or a new record's defaults. */
  initialValues: V;
  /** The version of the record read, when editing; a save sends it so a stale write gets 409. */
  version?: number;
  /** Labels of the fields, by top-level key (`status`) or row field (`partners.budget`), for summaries. */
  labels: Record<string, string>;
  save: (values: V, version: number | undefined) => Promise<R>;
  onSaved: (record: R) => void | Promise<void>;
  /** Fetches the latest version of the record and its values, to re-base the form after a conflict. */
  reload?: () => Promise<{ version: number; values: V }>;
}

/**
 * After a 409: whether the latest version has been loaded, the fields taken from it (only someone else
 * changed them) and the fields where the reader's value was kept over someone else's.
 */
export interface Conflict {
  isReloaded: boolean;
  adopted: string[];
  kept: string[];
}

/** A field error placed in the form, worded for the reader. */
export interface PlacedError {
  path: string;
  label: string | undefined;
  message: string;
}

/** The id of a field's input, so the error summary can link to it: `partners.1.budget` → `field-partners-1-budget`. */
export function fieldId(path: string): string {
  return `field-${path.replace(/[^A-Za-z0-9]+/g, '-')}`;
}

/** Turns a FormMessage into text in the reader's language. */
export function useFormMessage(): (message: FormMessage) => string {
  const t = useT();
  return useCallback(
    (message: FormMessage) => ('text' in message ? message.text : t(message.id, message.values)),
    [t],
  );
}

/**
 * The state of a create or edit form: the values typed, the server's verdict on the last save placed
 * beside each field, and the optimistic-concurrency dance. On a 409 the typed values stay; "reload"
 * fetches the latest version and re-bases the form on it: its version number, plus the fields only someone
 * else changed; whatever the reader typed stays, and the alert names the fields either way.
 */
export function useRecordForm<V extends object, R>(options: RecordFormOptions<V, R>) {
  const { labels, save, onSaved, reload: fetchLatest } = options;
  const message = useFormMessage();
  const afterWrite = useAfterWrite();
  const [values, setValues] = useState<V>(options.initialValues);
  const [base, setBase] = useState<V>(options.initialValues);
  const [version, setVersion] = useState(options.version);
  const [failure, setFailure] = useState<unknown>(undefined);
  const [conflict, setConflict] = useState<Conflict | undefined>(undefined);
  const [failedAttempts, setFailedAttempts] = useState(0);
  const [isReloading, setIsReloading] = useState(false);
  const [reloadFailure, setReloadFailure] = useState<unknown>(undefined);

  const mutation = useMutation({
    mutationFn: (input: { values: V; version: number | undefined }) => save(input.values, input.version),
  });

  const set = useCallback(<K extends keyof V>(key: K, value: V[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // A form inside a modal is rendered in a portal, but React still bubbles its submit to the outer form.
    event.stopPropagation();
    mutation.mutate(
      { values, version },
      {
        onSuccess: async (record) => {
          setFailure(undefined);
          setConflict(undefined);
          await afterWrite();
          await onSaved(record);
        },
        onError: (error) => {
          if (isVersionConflict(error)) {
            setFailure(undefined);
            setConflict({ isReloaded: false, adopted: [], kept: [] });
          } else {
            setFailure(error);
          }
          setFailedAttempts((count) => count + 1);
        },
      },
    );
  };

  const reload = async () => {
    if (!fetchLatest) return;
    setIsReloading(true);
    setReloadFailure(undefined);
    try {
      const latest = await fetchLatest();
      const rebased = rebase(base, values, latest.values);
      setValues(rebased.values);
      setConflict({ isReloaded: true, adopted: rebased.adopted, kept: rebased.kept });
      setBase(latest.values);
      setVersion(latest.version);
    } catch (error) {
      setReloadFailure(error);
    } finally {
      setIsReloading(false);
    }
  };

  const byPath = useMemo(
    () =>
      failure instanceof ApiError
        ? errorsByPath(failure.problem?.errors ?? [])
        : new Map<string, FieldError>(),
    [failure],
  );

  const labelOf = useCallback(
    (path: string): string | undefined => {
      const [top = '', index, field] = path.split('.');
      const topLabel = labels[top];
      if (index === undefined || !/^\d+$/.test(index)) return topLabel;
      const fieldLabel = field ? labels[`${top}.${field}`] : undefined;
      const row = `${topLabel ?? top} ${Number(index) + 1}`;
      return fieldLabel ? `${row}: ${fieldLabel}` : row;
    },
    [labels],
  );

  const errors: PlacedError[] = [...byPath.entries()].map(([path, error]) => ({
    path,
    label: labelOf(path),
    message: message(fieldErrorMessage(error)),
  }));

  /** The error to show beside the field at `path`, if the last save had one. */
  const errorOf = (path: string): string | undefined => {
    const error = byPath.get(path);
    return error ? message(fieldErrorMessage(error)) : undefined;
  };

  /** Props for a Mantine input: its id (for the summary's link) and its error. */
  const field = (path: string) => ({ id: fieldId(path), error: errorOf(path) });

  return {
    values,
    setValues,
    set,
    submit,
    isSaving: mutation.isPending,
    version,
    /** A failure to show at the top: its field errors, or a message for the whole record. */
    failure:
      failure === undefined
        ? undefined
        : {
            errors,
            message: errors.length === 0 ? message(recordErrorMessage(failure)) : undefined,
            /** The problem's code, for pages that offer a way out of a particular refusal. */
            code: failure instanceof ApiError ? failure.problem?.code : undefined,
            /** The session ended or there was none (401): the form offers to sign in. */
            isSignInNeeded: failure instanceof ApiError && failure.isSignInNeeded,
          },
    conflict,
    reload,
    canReload: fetchLatest !== undefined,
    isReloading,
    reloadFailure,
    labelOf,
    errorOf,
    field,
    /** Counts failed saves, so the alerts can take focus after each. */
    failedAttempts,
  };
}

export type RecordForm<V extends object> = ReturnType<typeof useRecordForm<V, unknown>>;
