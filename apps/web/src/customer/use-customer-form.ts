import { useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import type { Customer } from '../api/types.ts';
import { notify } from '../ui/notify.ts';
import { errorMessage } from '../ui/error-state.tsx';
import { changedBody, clean, rebase, valuesFromCustomer, type CustomerFormValues } from './form-values.ts';
import { useUpdateCustomer } from './queries.ts';

interface State {
  /** The values of the version the edits are based on, and that version. */
  base: CustomerFormValues;
  version: number;
  values: CustomerFormValues;
  /** Someone else changed a field this form changed too. */
  conflict: boolean;
}

/**
 * The edit state of an existing customer. Newer versions (a live update, the missing-fields
 * prompt's save) are merged into the edits field by field; only a clash on the same field stops
 * that, and the user then decides: keep theirs (overwrite) or take the stored values.
 * Mount it with `key={customer.id}`.
 */
export function useCustomerForm(customer: Customer, onSaved?: () => void) {
  const { t } = useTranslation('customer');
  const qc = useQueryClient();
  const server = useMemo(() => valuesFromCustomer(customer), [customer]);
  const [state, setState] = useState<State>(() => ({ base: server, version: customer.version, values: server, conflict: false }));
  const update = useUpdateCustomer(customer.id);

  if (customer.version !== state.version) {
    const next = rebase(state.base, state.values, server);
    if (next) setState({ base: server, version: customer.version, values: next, conflict: false });
    else if (!state.conflict) setState({ ...state, conflict: true });
  }

  const cleaned = clean(state.values);
  const body = changedBody(state.base, cleaned);
  const dirty = Object.keys(body).length > 0;

  return {
    values: state.values,
    dirty,
    conflict: state.conflict,
    saving: update.isPending,
    error: update.error,
    set: (patch: Partial<CustomerFormValues>) => setState((s) => ({ ...s, values: { ...s.values, ...patch } })),
    /** Drops the edits: back to the stored customer. */
    reset: () => {
      update.reset();
      setState({ base: server, version: customer.version, values: server, conflict: false });
    },
    /** After a clash: keep these edits on top of the newest version (the next save overwrites). */
    keepMine: () => setState((s) => ({ ...s, base: server, version: customer.version, conflict: false })),
    save: () => {
      if (!dirty) {
        onSaved?.();
        return;
      }
      // The cleaned rows go on screen first, so `emails.1`-style errors point at the right input.
      setState((s) => ({ ...s, values: cleaned }));
      update.mutate(
        { body, version: state.version },
        {
          onSuccess: () => {
            notify('green', t('saved'));
            onSaved?.();
          },
          onError: (err) => {
            // Changed meanwhile and the push has not arrived yet: fetch it, then merge as above.
            if (err instanceof ApiError && err.status === 412) void qc.invalidateQueries({ queryKey: ['customer', customer.id] });
            notify('red', errorMessage(err), t('saveFailed'));
          },
        },
      );
    },
  };
}

export type CustomerForm = ReturnType<typeof useCustomerForm>;
