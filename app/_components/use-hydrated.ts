'use client';

import { useSyncExternalStore } from 'react';

const subscribeToNothing = () => () => {};

/**
 * False in the server's HTML and during hydration, true once scripts run: for controls that only work
 * with JavaScript (progressive enhancement). Reading it through useSyncExternalStore avoids the extra
 * render that a setState inside an effect costs.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
}
