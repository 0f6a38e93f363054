import { useEffect, useState } from 'react';

/** True once `active` has lasted `afterMs`: a first load that takes long says so instead of spinning silently. */
export function useSlow(active: boolean, afterMs = 2_000): boolean {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (!active) {
      setSlow(false);
      return;
    }
    const timer = setTimeout(() => setSlow(true), afterMs);
    return () => clearTimeout(timer);
  }, [active, afterMs]);
  return slow;
}
