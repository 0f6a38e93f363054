import { type ReactNode, useEffect, useRef, useState } from 'react';

/** Where the review becomes a phone briefing (the layout's own phone width). */
const PHONE = '(max-width: 640px)';

const phoneQuery = (): MediaQueryList | null =>
  typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(PHONE) : null;

/** Whether the page is as narrow as a phone (followed live: a turned phone, a narrowed window). */
export function usePhone(): boolean {
  const [phone, setPhone] = useState(() => phoneQuery()?.matches ?? false);
  useEffect(() => {
    const q = phoneQuery();
    if (!q) return;
    setPhone(q.matches);
    const onChange = (e: MediaQueryListEvent) => setPhone(e.matches);
    q.addEventListener('change', onChange);
    return () => q.removeEventListener('change', onChange);
  }, []);
  return phone;
}

/**
 * One section of the review. On a wide screen and on paper a card as before; on a phone a disclosure
 * (the title and its count always visible) that starts open for what the meeting reads first and
 * closed for the details. Printing opens every one (print.css does it for Chromium's own print; the
 * `beforeprint` handler for browsers without `::details-content`).
 */
export function ReviewFold({
  id,
  title,
  count,
  hint,
  open,
  className = '',
  children,
}: {
  id: string;
  title: string;
  /** Shown beside the title on a phone, so a closed section still says how much it holds ("5 项目标"). */
  count?: string | undefined;
  hint?: ReactNode;
  /** Open on a phone at first. */
  open: boolean;
  className?: string;
  children: ReactNode;
}) {
  const phone = usePhone();
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (!phone) return;
    const openAll = () => {
      if (ref.current) ref.current.open = true;
    };
    window.addEventListener('beforeprint', openAll);
    return () => window.removeEventListener('beforeprint', openAll);
  }, [phone]);
  const heading = (
    <h2 id={id} className="card__title">
      {title}
    </h2>
  );
  const hintEl = hint ? <span className="card__hint">{hint}</span> : null;
  if (!phone)
    return (
      <section className={`card ${className}`} aria-labelledby={id}>
        <div className="card__head">
          {heading}
          {hintEl}
        </div>
        {children}
      </section>
    );
  return (
    <section className={`card review-fold ${className}`} aria-labelledby={id}>
      <details ref={ref} open={open}>
        <summary className="review-fold__summary">
          {heading}
          {count !== undefined && <span className="review-fold__count num">{count}</span>}
        </summary>
        {hintEl && <p className="review-fold__hint">{hintEl}</p>}
        {children}
      </details>
    </section>
  );
}
