import type { ReactNode } from 'react';

/**
 * A translated line with the pieces interpolated into it (dates, a figure with its unit) each kept
 * on one line: on a phone "上次会议 2025年12月22日" wraps before the date, never before its 日.
 * The text reads the same; pieces that are missing or empty are skipped. One span around it all: in
 * a flex row (a review item's meta line, a badge) the line stays one item, as its text was, rather
 * than three with the row's gap between "最新填报", the date and "，已 94 天未报".
 */
export function KeepWhole({ text, pieces }: { text: string; pieces: readonly (string | null | undefined)[] }) {
  const parts: ReactNode[] = [];
  let rest = text;
  let n = 0;
  for (const piece of pieces) {
    if (!piece) continue;
    const at = rest.indexOf(piece);
    if (at < 0) continue;
    if (at > 0) parts.push(rest.slice(0, at));
    parts.push(
      <span key={n++} className="nowrap">
        {piece}
      </span>,
    );
    rest = rest.slice(at + piece.length);
  }
  if (rest) parts.push(rest);
  return <span>{parts}</span>;
}
