import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useDepartments } from '../../api/get-departments';
import { type Department, departmentMatchesQuery } from '../../domain/departments';
import { useTranslation } from '../../i18n/use-translation';
import { describedBy, FieldMessage } from '../../ui/form-errors';

/**
 * Choosing departments from the registry, never typing them: a search box that filters by full
 * name, short name or alias (市工信局 or 工信 finds 市工业和信息化局), and the matches to pick from.
 *
 * - `single` (a target's lead): the search box is a combobox over a listbox whose first option is
 *   无 (none); ↑ ↓ move, Enter (or a click) chooses, Escape clears the search, then closes the list.
 * - `multi` (supporting departments, a user's departments): a scrollable list of checkboxes, the
 *   chosen ones above it as chips with a remove button each; Enter in the search box ticks the
 *   first match.
 *
 * The choice is always shown (已选…); the list shows while the picker has the focus, so a form with
 * several pickers stays short (and light: a page may hold half a dozen).
 *
 * Merged departments are not offered (a chosen one still shows by name). `id` is the search box's,
 * so a form's error summary link lands in it.
 */
interface Common {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  /** Not offered (a target's lead among its supporters, the department being merged). */
  exclude?: readonly string[] | undefined;
}
export type DepartmentPickerProps = Common &
  (
    | { mode: 'single'; value: string | null; onChange: (id: string | null) => void }
    | { mode: 'multi'; value: readonly string[]; onChange: (ids: string[]) => void }
  );

export function DepartmentPicker(props: DepartmentPickerProps) {
  const { t } = useTranslation();
  const registry = useDepartments();
  const [query, setQuery] = useState('');
  const all = registry.data?.items;
  const byId = useMemo(() => new Map((all ?? []).map((d) => [d.id, d])), [all]);
  const offered = useMemo(
    () =>
      (all ?? []).filter(
        (d) => d.mergedInto === null && !props.exclude?.includes(d.id) && departmentMatchesQuery(d, query),
      ),
    [all, props.exclude, query],
  );
  const nameOf = (id: string) => byId.get(id)?.name ?? id;
  if (!all) {
    return (
      <div className="field">
        <span className="field__label">{props.label}</span>
        <p className="muted small" role={registry.isError ? 'alert' : undefined}>
          {registry.isError ? t('freshness.notLoaded') : t('admin.picker.loading')}
        </p>
      </div>
    );
  }
  return props.mode === 'single' ? (
    <SinglePicker {...props} offered={offered} query={query} setQuery={setQuery} nameOf={nameOf} />
  ) : (
    <MultiPicker {...props} offered={offered} query={query} setQuery={setQuery} nameOf={nameOf} />
  );
}

interface Listing {
  offered: readonly Department[];
  query: string;
  setQuery: (q: string) => void;
  nameOf: (id: string) => string;
}

/** 市工业和信息化局 · 市工信局 · 市直部门 (the short name only when it differs). */
function OptionText({ d }: { d: Department }) {
  const { t } = useTranslation();
  return (
    <>
      <span className="dept-option__name">{d.name}</span>
      {d.shortName !== d.name && <span className="dept-option__short">{d.shortName}</span>}
      <span className="dept-option__kind">{t(`admin.kindName.${d.kind}`)}</span>
      {d.unmatched && <span className="dept-option__flag">{t('admin.picker.unmatched')}</span>}
    </>
  );
}

/** The form's own hint (if any), then how the picker is used. */
function Hint({ id, hint, text }: { id: string; hint: string | undefined; text: string }) {
  return (
    <span id={id} className="field__hint">
      {hint && (
        <>
          {hint}
          <br />
        </>
      )}
      {text}
    </span>
  );
}

function MatchCount({ query, count }: { query: string; count: number }) {
  const { t } = useTranslation();
  return (
    <p className="visually-hidden" aria-live="polite">
      {query.trim() ? t('admin.picker.matches', { count }) : ''}
    </p>
  );
}

function SinglePicker({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  offered,
  query,
  setQuery,
  nameOf,
}: Common & { value: string | null; onChange: (id: string | null) => void } & Listing) {
  const { t } = useTranslation();
  const base = useId();
  const listId = `${base}-list`;
  const optionId = (i: number) => `${base}-opt-${i}`;
  // Index 0 is 无 (none); 1… the matches.
  const options: (Department | null)[] = [null, ...offered];
  const selectedIndex = options.findIndex((d) => (d?.id ?? null) === value);
  const [active, setActive] = useState<number | null>(null);
  // The list shows while the search box has the focus (a click on an option keeps it there).
  const [open, setOpen] = useState(false);
  const current = open && active !== null && active < options.length ? active : null;
  const activeId = current !== null ? optionId(current) : undefined;
  useEffect(() => {
    // The option ↑ ↓ reached stays in sight in the scrolled list (jsdom has no scrollIntoView).
    if (activeId) document.getElementById(activeId)?.scrollIntoView?.({ block: 'nearest' });
  }, [activeId]);
  const choose = (i: number) => {
    const d = options[i];
    if (d === undefined) return;
    onChange(d?.id ?? null);
    setActive(i);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const from = current ?? (selectedIndex >= 0 ? selectedIndex : query.trim() && options.length > 1 ? 0 : -1);
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setOpen(true);
      setActive(Math.min(options.length - 1, from + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive(Math.max(0, from - 1));
    } else if (e.key === 'Enter') {
      // Choosing, not submitting the form (a closed, empty picker lets Enter submit it).
      if (!open && !query) return;
      e.preventDefault();
      if (current !== null) choose(current);
      else if (query.trim() && options.length > 1) choose(1);
    } else if (e.key === 'Escape') {
      // First the search, then the list.
      e.preventDefault();
      if (query) setQuery('');
      else setOpen(false);
      setActive(null);
    }
  };
  const hintId = `${id}-hint`;
  const describe = describedBy(id, error, true);
  return (
    <div className="field dept-picker">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <p className="dept-picker__current" id={`${id}-current`}>
        {value === null ? t('admin.picker.chosenNone') : t('admin.picker.chosenOne', { name: nameOf(value) })}
      </p>
      <input
        {...describe}
        aria-describedby={`${id}-current ${describe['aria-describedby'] ?? ''}`.trim()}
        type="text"
        role="combobox"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        aria-autocomplete="list"
        aria-activedescendant={activeId}
        autoComplete="off"
        placeholder={t('admin.picker.placeholder')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          // The first match is where Enter lands after typing.
          setActive(e.target.value.trim() ? 1 : null);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
      />
      <Hint id={hintId} hint={hint} text={t('admin.picker.singleHint')} />
      {open && (
        <div id={listId} role="listbox" aria-label={t('admin.picker.options', { label })} className="dept-picker__list">
          {options.map((d, i) => (
            // The combobox holds the focus; a click or Enter chooses (keyboard handled there).
            // biome-ignore lint/a11y/useKeyWithClickEvents: keys are the combobox's (aria-activedescendant)
            <div
              key={d?.id ?? '—'}
              id={optionId(i)}
              role="option"
              tabIndex={-1}
              aria-selected={i === selectedIndex}
              data-active={i === current || undefined}
              className="dept-option"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(i)}
            >
              <span aria-hidden="true" className="dept-option__mark">
                {i === selectedIndex ? '✓' : ''}
              </span>
              {d ? <OptionText d={d} /> : <span className="dept-option__name">{t('admin.picker.none')}</span>}
            </div>
          ))}
        </div>
      )}
      {open && options.length === 1 && query.trim() && (
        <p className="muted small">{t('admin.picker.noMatch', { query: query.trim() })}</p>
      )}
      <MatchCount query={query} count={options.length - 1} />
      <FieldMessage id={id} error={error} />
    </div>
  );
}

function MultiPicker({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  offered,
  query,
  setQuery,
  nameOf,
}: Common & { value: readonly string[]; onChange: (ids: string[]) => void } & Listing) {
  const { t } = useTranslation();
  const base = useId();
  const legendId = `${base}-legend`;
  const chosen = new Set(value);
  // The list shows while the focus is in the picker (its search box, a checkbox, a chip).
  const [open, setOpen] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const toggle = (d: string, on: boolean) =>
    onChange(on ? [...value.filter((x) => x !== d), d] : value.filter((x) => x !== d));
  const describe = describedBy(id, error, true);
  return (
    <fieldset
      className="field dept-picker"
      aria-describedby={error ? `${id}-error` : undefined}
      onFocus={() => setOpen(true)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <legend id={legendId} className="field__label">
        {label}
      </legend>
      <div className="dept-picker__current">
        {value.length === 0 ? (
          <p>{t('admin.picker.chosenEmpty')}</p>
        ) : (
          <>
            <p aria-hidden="true">{t('admin.picker.chosenMany', { count: value.length })}</p>
            <ul className="dept-chips" aria-label={t('admin.picker.chosenMany', { count: value.length })}>
              {value.map((d) => (
                <li key={d} className="dept-chip">
                  <span>{nameOf(d)}</span>
                  <button
                    type="button"
                    className="dept-chip__remove"
                    aria-label={t('admin.picker.remove', { name: nameOf(d) })}
                    onClick={() => {
                      toggle(d, false);
                      // The button goes with its chip: the focus goes back to the search box.
                      searchRef.current?.focus();
                    }}
                  >
                    <span aria-hidden="true">×</span>
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <label className="visually-hidden" htmlFor={id}>
        {t('admin.picker.search', { label })}
      </label>
      <input
        {...describe}
        ref={searchRef}
        type="search"
        autoComplete="off"
        placeholder={t('admin.picker.placeholder')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            if (query) setQuery('');
            else setOpen(false);
            return;
          }
          // Enter ticks the first match rather than submitting the form (a closed, empty picker lets it submit).
          if (e.key !== 'Enter' || (!open && !query)) return;
          e.preventDefault();
          const first = offered.find((d) => !chosen.has(d.id));
          if (query.trim() && first) {
            toggle(first.id, true);
            setQuery('');
          }
        }}
      />
      <Hint id={`${id}-hint`} hint={hint} text={t('admin.picker.multiHint')} />
      {open && (
        <ul className="dept-picker__list" aria-label={t('admin.picker.options', { label })}>
          {offered.map((d) => (
            <li key={d.id}>
              <label className="dept-option">
                <input type="checkbox" checked={chosen.has(d.id)} onChange={(e) => toggle(d.id, e.target.checked)} />
                <OptionText d={d} />
              </label>
            </li>
          ))}
        </ul>
      )}
      {open && offered.length === 0 && query.trim() && (
        <p className="muted small">{t('admin.picker.noMatch', { query: query.trim() })}</p>
      )}
      <MatchCount query={query} count={offered.length} />
      <FieldMessage id={id} error={error} />
    </fieldset>
  );
}
