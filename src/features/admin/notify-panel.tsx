import { ChannelsPanel } from './notify-channels';
import { DeliveriesList } from './notify-deliveries';
import { JobsPanel } from './notify-jobs';
import './notify.css';

/** 通知与定时任务: the channels messages go through, the scheduled jobs, and every delivery. */
export function NotifyPanel() {
  return (
    <div className="stack">
      <ChannelsPanel />
      <JobsPanel />
      <DeliveriesList />
    </div>
  );
}
