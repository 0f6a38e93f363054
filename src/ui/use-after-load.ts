import { useEffect, useState } from 'react';

/** Whether this document has loaded and been idle once: later pages need not wait again. */
let settled = false;

/**
 * True once the document has loaded and the browser has had an idle moment after it: for what a
 * page needs only later (the overview's print header), so that its request never joins the first
 * paint's (Lighthouse counts a request started before the largest paint against it).
 */
export function useAfterLoad(): boolean {
  const [ready, setReady] = useState(settled);
  useEffect(() => {
    if (ready) return;
    let idle: number | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = () => {
      settled = true;
      setReady(true);
    };
    const afterLoad = () => {
      if (typeof requestIdleCallback === 'function') idle = requestIdleCallback(done, { timeout: 2000 });
      else timer = setTimeout(done, 0);
    };
    if (document.readyState === 'complete') afterLoad();
    else window.addEventListener('load', afterLoad, { once: true });
    return () => {
      window.removeEventListener('load', afterLoad);
      if (idle !== undefined) cancelIdleCallback(idle);
      clearTimeout(timer);
    };
  }, [ready]);
  return ready;
}
