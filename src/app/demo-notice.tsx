import { useQuery } from '@tanstack/react-query';
import { summaryQueryOptions } from '../api/get-summary';
import { DemoBanner } from '../ui/demo-tag';

/** The banner on every view whenever the data holds generated demo progress (summary.containsDemo). */
export function DemoNotice() {
  const { data } = useQuery(summaryQueryOptions({}));
  return data?.containsDemo ? <DemoBanner /> : null;
}
