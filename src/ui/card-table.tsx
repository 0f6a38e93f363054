import type { ComponentProps } from 'react';

/**
 * A data table that a phone shows as a list of cards (ui.css, `.card-table` under 640 px): each row
 * a card with its title first, then every cell as its column's name over its value; sort buttons in
 * the head become a row of chips. Wider screens and print keep the table as it is.
 *
 * The phone's CSS sets `display: block` on the table's elements, which drops their table roles in
 * some browsers (Safari): each part states its role, so a screen reader still reads a table with its
 * headers there. The name shown above a cell's value is generated text with an empty alternative
 * (`content: … / ""`), so it is not read twice.
 */
export function CardTable({ className, ...rest }: ComponentProps<'table'>) {
  // biome-ignore lint/a11y/noRedundantRoles: kept when the phone's CSS makes the table a block
  return <table role="table" className={`table card-table${className ? ` ${className}` : ''}`} {...rest} />;
}

/**
 * The head and its one row; `sortLabel` ("排序") names its sort buttons where they are chips,
 * `rowIndex` is the row's aria-rowindex in a table that renders only some of its rows.
 */
export function CardHead({
  sortLabel,
  rowIndex,
  children,
  ...rest
}: ComponentProps<'thead'> & { sortLabel?: string; rowIndex?: number }) {
  return (
    // biome-ignore lint/a11y/noRedundantRoles: kept when the phone's CSS makes the head a block
    <thead role="rowgroup" {...rest}>
      {/* biome-ignore lint/a11y/noRedundantRoles: as above */}
      <tr role="row" data-label={sortLabel} aria-rowindex={rowIndex}>
        {children}
      </tr>
    </thead>
  );
}

export function CardBody(props: ComponentProps<'tbody'>) {
  // biome-ignore lint/a11y/noRedundantRoles: kept when the phone's CSS makes the body a block
  return <tbody role="rowgroup" {...props} />;
}

/** A row: one card on a phone. Takes a ref (the virtualized list measures its rows). */
export function CardRow(props: ComponentProps<'tr'>) {
  // biome-ignore lint/a11y/noRedundantRoles: kept when the phone's CSS makes the row a grid
  return <tr role="row" {...props} />;
}

/** A column's name in the head. */
export function HeadCell(props: ComponentProps<'th'>) {
  // biome-ignore lint/a11y/noRedundantRoles: kept when the phone's CSS makes the cell a block
  return <th role="columnheader" scope="col" {...props} />;
}

/**
 * Where a cell sits in its card: `title` first and full width (the row's link), `status` next and
 * full width, `wide` full width (a bar, a note); others two to a line.
 */
export type CardSlot = 'title' | 'status' | 'wide';

type CellProps = {
  /** The column's name, shown above the value on a phone; none for a cell that names itself (a title, a status badge). */
  label?: string | undefined;
  card?: CardSlot | undefined;
};

/** A data cell. */
export function Cell({ label, card, ...rest }: ComponentProps<'td'> & CellProps) {
  // biome-ignore lint/a11y/noRedundantRoles: kept when the phone's CSS makes the cell a block
  return <td role="cell" data-label={label} data-card={card} {...rest} />;
}

/** A row's header cell (the name a row is about). */
export function RowHeadCell({ label, card, ...rest }: ComponentProps<'th'> & CellProps) {
  // biome-ignore lint/a11y/noRedundantRoles: kept when the phone's CSS makes the cell a block
  return <th role="rowheader" scope="row" data-label={label} data-card={card} {...rest} />;
}
