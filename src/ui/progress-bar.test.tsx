import { render, screen } from '@testing-library/react';
import { ProgressBar } from './progress-bar';
import { StatusBadge } from './status-badge';

describe('ProgressBar', () => {
  it('is a progressbar named after the target, with the expected pace in words', () => {
    render(<ProgressBar progress={0.42} expected={0.5} name="新开通5G基站3000个" status="lagging" />);
    const bar = screen.getByRole('progressbar', { name: '新开通5G基站3000个进度' });
    expect(bar).toHaveAttribute('aria-valuenow', '42');
    expect(bar).toHaveAttribute('aria-valuemin', '0');
    expect(bar).toHaveAttribute('aria-valuemax', '100');
    expect(bar).toHaveAttribute('aria-valuetext', '完成率 42%，应完成率（序时进度）50%');
  });

  it('caps the bar at 100 but says the real figure', () => {
    render(<ProgressBar progress={1.15} expected={1} name="完成供地2200亩" />);
    const bar = screen.getByRole('progressbar');
    expect(bar).toHaveAttribute('aria-valuenow', '100');
    expect(bar).toHaveAttribute('aria-valuetext', '完成率 115%，应完成率（序时进度）100%');
    expect(screen.getByText('115%')).toBeInTheDocument();
  });

  it('says so when progress is unknown, without a value', () => {
    render(<ProgressBar progress={null} expected={0.3} name="某目标" />);
    const bar = screen.getByRole('progressbar');
    expect(bar).not.toHaveAttribute('aria-valuenow');
    expect(bar).toHaveAttribute('aria-valuetext', '暂无进度');
  });
});

describe('StatusBadge', () => {
  it('shows the status as text with an icon, not colour alone', () => {
    const { container } = render(<StatusBadge status="severe" />);
    expect(screen.getByText('严重滞后')).toBeInTheDocument();
    expect(container.querySelector('svg')).not.toBeNull();
  });
});
