'use client';
/**
 * Runs one edit through the server action and keeps its outcome for the
 * control that started it: pending while saving, the error (with a
 * conflict's current state) to show beside the control, a live announcement
 * on success. The page itself refreshes through revalidatePath.
 */
import { useState, useTransition } from 'react';
import type { z } from 'zod';
import type { ActionError } from '@/lib/auth/action-pipeline';
import type { editOpSchema } from '@/lib/alignment/op-schema';
import { editDocument } from '../actions';
import { useEditor } from './editor-context';

export type EditOpInput = z.input<typeof editOpSchema>;

export function useEdit() {
  const { slug, baseRev, announce } = useEditor();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<ActionError | null>(null);

  function run(op: EditOpInput, onSuccess?: () => void) {
    // Buttons stay enabled while saving (so focus stays put); a second press is ignored instead.
    if (pending) return;
    setError(null);
    startTransition(async () => {
      let result: Awaited<ReturnType<typeof editDocument>>;
      try {
        result = await editDocument({ slug, baseRev, op });
      } catch {
        // The server did not answer at all (restarting, network down): the same in-place message, nothing lost.
        setError({ code: 'unavailable', message: 'Not saved — the server did not answer; try again.' });
        return;
      }
      if (result.ok) {
        announce(`Saved as revision ${result.data.rev}: ${result.data.summary}.`);
        onSuccess?.();
      } else {
        setError(result.error);
      }
    });
  }

  return { pending, error, run, clearError: () => setError(null), showError: setError };
}
