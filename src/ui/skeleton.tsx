/** Placeholder shapes for the first load only; refreshes keep the data on screen instead. */
export function Skeleton({ lines = 3, height = '1rem', label }: { lines?: number; height?: string; label: string }) {
  return (
    <div className="skeleton" role="status" aria-label={label} aria-busy="true">
      {Array.from({ length: lines }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: identical placeholder shapes
        <div key={i} className="skeleton__line" style={{ height, width: `${100 - ((i * 17) % 40)}%` }} />
      ))}
    </div>
  );
}
