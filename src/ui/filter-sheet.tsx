import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from '../i18n/use-translation';

/** One active filter, shown as a chip: what it filters (区市) and its value (崂山区). */
export interface FilterChip {
  /** Unique within the sheet. */
  key: string;
  /** The filter's name, muted before the value; none for a switch that names itself (含待审核). */
  label?: string;
  value: string;
  /** Clears this filter; without it the chip only tells the filter (a page that cannot drop it). */
  onRemove?: () => void;
  /**
   * Shown on wide screens as well, above the filters (the sector's filters carried over from the
   * overview, which have no control of their own there); the others show on phones only, where
   * the filters themselves are folded into the sheet.
   */
  wide?: boolean;
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), [tabindex="0"]';
/** Laid out, i.e. not hidden by the stylesheet at this width (jsdom lays nothing out: false there). */
const shown = (el: HTMLElement | null | undefined): el is HTMLElement => !!el && el.getClientRects().length > 0;

/** The active filters as chips, each removable where the page supports it. */
export function FilterChips({
  chips,
  label,
  onRemoved,
}: {
  chips: readonly FilterChip[];
  label: string;
  /** After a chip is removed: where focus goes, since the chip itself is gone. */
  onRemoved: () => void;
}) {
  const { t } = useTranslation();
  if (chips.length === 0) return null;
  return (
    <ul className="active-filters" aria-label={label}>
      {chips.map((c) => {
        const clear = t('common.clearOne', { value: c.value });
        return (
          <li key={c.key} className="active-filter" data-wide={c.wide || undefined}>
            {c.label && <span className="muted small">{c.label}</span>}
            {c.onRemove ? (
              <button
                type="button"
                className="chip"
                aria-label={clear}
                title={clear}
                onClick={() => {
                  c.onRemove?.();
                  onRemoved();
                }}
              >
                {c.value}
                <span aria-hidden="true">×</span>
              </button>
            ) : (
              <span className="chip chip--static">{c.value}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * A page's filters: inline on wide screens, as they always were; on a phone folded into a sheet
 * that a "筛选" button opens (with how many filters are on), the active ones shown as chips beside
 * it. One copy of the controls either way (the stylesheet decides), so the server-rendered preview
 * and the live page lay out alike at every width and the filters keep their URL behaviour.
 * Open, the sheet is a modal dialog: focus moves in, Tab stays in, Escape or 完成 closes it and
 * focus returns to the button.
 */
export function FilterSheet({
  chips,
  children,
  afterRemove,
}: {
  chips: readonly FilterChip[];
  children: ReactNode;
  /** Where focus goes after a chip is removed when the sheet's button is not on screen (wide screens). */
  afterRemove?: () => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const id = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const title = t('overview.filters');
  // What the person chose; a chip that only tells (the meeting a review is for) is not counted.
  const count = chips.filter((c) => c.onRemove).length;

  useEffect(() => {
    if (!open) return;
    // The first filter, not the 完成 button: the person opened the sheet to change one.
    const controls = [...(panel.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
    (controls[1] ?? controls[0])?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      close();
      return;
    }
    if (e.key !== 'Tab') return;
    const all = [...(panel.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
    // The ones on screen (a sheet's filters can hide some); where nothing is laid out (jsdom), all.
    const visible = all.filter(shown);
    const controls = visible.length > 0 ? visible : all;
    const first = controls[0];
    const last = controls.at(-1);
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last?.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first?.focus();
    }
  };

  const body = (
    <>
      {open && (
        <div className="filter-sheet__head">
          <h2 id={`${id}-title`} className="card__title">
            {title}
          </h2>
          <button type="button" className="button" onClick={close}>
            {t('common.done')}
          </button>
        </div>
      )}
      {children}
    </>
  );
  return (
    <div className="filter-sheet">
      <div className="filter-sheet__bar" data-wide={chips.some((c) => c.wide) || undefined}>
        <button
          ref={toggle}
          type="button"
          className="button filter-sheet__toggle"
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen(true)}
        >
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
            <path
              d="M2 3.5h12M4.5 8h7M7 12.5h2"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.6"
              strokeLinecap="round"
            />
          </svg>
          {title}
          {count > 0 && (
            <>
              <span className="filter-sheet__count" aria-hidden="true">
                {count}
              </span>
              <span className="visually-hidden">{t('common.filtersOn', { count })}</span>
            </>
          )}
        </button>
        <FilterChips
          chips={chips}
          label={t('sector.activeFilters')}
          onRemoved={() => (shown(toggle.current) ? toggle.current.focus() : afterRemove?.())}
        />
      </div>
      {open && <div className="filter-sheet__backdrop" aria-hidden="true" onClick={close} />}
      {/* The same element open or not (React keeps it, and the controls in it, across the switch). */}
      {open ? (
        <div
          ref={panel}
          id={id}
          className="filter-sheet__panel"
          data-open
          role="dialog"
          aria-modal="true"
          aria-labelledby={`${id}-title`}
          onKeyDown={onKeyDown}
        >
          {body}
        </div>
      ) : (
        <div ref={panel} id={id} className="filter-sheet__panel">
          {body}
        </div>
      )}
    </div>
  );
}
