import type { Status } from '../domain/schemas';

const PATHS: Record<Status, string> = {
  achieved:
    'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13Zm3.2 4.6-3.9 4.6a.7.7 0 0 1-1 .05L4.6 9a.7.7 0 1 1 1-1l1.1 1.1 3.4-4a.7.7 0 0 1 1.1.95Z',
  on_track:
    'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13Zm.5 3.3L11.7 8l-3.2 3.2a.7.7 0 0 1-1-1L9 8.7H4.8a.7.7 0 0 1 0-1.4H9L7.5 5.8a.7.7 0 0 1 1-1Z',
  lagging:
    'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13Zm3 5.2L8.5 10a.7.7 0 0 1-1 0L5 6.7a.7.7 0 0 1 1.1-.9L8 8.4l2-2.6a.7.7 0 0 1 1 .9Z',
  severe:
    'M8.9 1.9a1 1 0 0 0-1.8 0L.9 13a1 1 0 0 0 .9 1.5h12.4a1 1 0 0 0 .9-1.5L8.9 1.9ZM8 5.2c.4 0 .7.3.7.7v3.6a.7.7 0 0 1-1.4 0V5.9c0-.4.3-.7.7-.7Zm0 6.1a.85.85 0 1 1 0 1.7.85.85 0 0 1 0-1.7Z',
  no_data:
    'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13Zm0 1.4a5.1 5.1 0 1 1 0 10.2A5.1 5.1 0 0 1 8 2.9Zm0 7.3a.8.8 0 1 0 0 1.6.8.8 0 0 0 0-1.6Zm0-5.7c-1.2 0-2 .8-2 1.8h1.3c0-.3.3-.6.7-.6s.7.3.7.6c0 .7-1.3.8-1.3 2.2h1.3c0-.9 1.3-1 1.3-2.2 0-1-.8-1.8-2-1.8Z',
  missed:
    'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13Zm2.6 3.9a.7.7 0 0 1 0 1L9 8l1.6 1.6a.7.7 0 1 1-1 1L8 9 6.4 10.6a.7.7 0 1 1-1-1L7 8 5.4 6.4a.7.7 0 0 1 1-1L8 7l1.6-1.6a.7.7 0 0 1 1 0Z',
  not_started: 'M8 1.5a6.5 6.5 0 1 0 0 13 6.5 6.5 0 0 0 0-13Zm0 1.4a5.1 5.1 0 1 1 0 10.2A5.1 5.1 0 0 1 8 2.9Z',
};

/** A distinct shape per status, so status never depends on colour alone. */
export function StatusIcon({ status }: { status: Status }) {
  return (
    <svg className="status-icon" viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true" focusable="false">
      <path d={PATHS[status]} fill="currentColor" fillRule="evenodd" />
    </svg>
  );
}
