import { startTransition, useEffect, useState } from 'react';

/**
 * How many of `total` parts to render now: `first` with the data, then `step` more after each
 * paint. Each step is a transition scheduled after the browser has painted the one before, so a
 * long list or page never becomes one long task on a slow phone: it paints early and answers taps
 * between steps.
 */
export function useRenderedInSteps(total: number, first: number, step: number): number {
  const [count, setCount] = useState(first);
  useEffect(() => {
    if (count >= total) return;
    const timer = setTimeout(() => startTransition(() => setCount((current) => current + step)), 0);
    return () => clearTimeout(timer);
  }, [count, total, step]);
  return Math.min(count, total);
}
