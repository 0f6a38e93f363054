import { render, screen } from '@testing-library/react';
import { loadMessages } from '../i18n/messages';
import { useUiStore } from '../stores/ui-store';
import { StatusBadge } from './status-badge';

describe('StatusBadge', () => {
  afterEach(() => useUiStore.setState({ locale: 'zh-CN', localeOverride: null }));

  it('says the forecast made a target behind its pace severe, beside 严重滞后', () => {
    render(<StatusBadge status="severe" forecastMiss />);
    expect(screen.getByText('严重滞后')).toBeInTheDocument();
    const forecast = screen.getByText('预计难完成').parentElement;
    expect(forecast).toHaveAttribute(
      'title',
      '按近几期的趋势推算，到截止日期将明显达不到目标：落后于序时进度又预计明显达不到目标的，判为严重滞后',
    );
  });

  it('says the status is still the gap’s beside a milder one', () => {
    for (const status of ['lagging', 'on_track'] as const) {
      const { unmount } = render(<StatusBadge status={status} forecastMiss />);
      expect(screen.getByText('预计难完成').parentElement).toHaveAttribute(
        'title',
        '按近几期的趋势推算，到截止日期难以完成目标；状态仍按当前进度与序时进度的差距判断',
      );
      unmount();
    }
  });

  it('explains it in English on the English pages', async () => {
    await loadMessages('en');
    useUiStore.setState({ locale: 'en', localeOverride: 'en' });
    render(<StatusBadge status="severe" forecastMiss />);
    expect(screen.getByText('Off course').parentElement?.getAttribute('title')).toMatch(/is severely lagging$/);
  });
});
