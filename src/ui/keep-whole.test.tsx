import { render, screen } from '@testing-library/react';
import { KeepWhole } from './keep-whole';

describe('KeepWhole', () => {
  it('keeps each piece on one line and the line one item of a flex row', () => {
    render(
      <div data-testid="row" style={{ display: 'flex', gap: '0.5rem' }}>
        <KeepWhole text="最新填报 2025年9月26日，已 94 天未报" pieces={['2025年9月26日', null, '']} />
      </div>,
    );
    const row = screen.getByTestId('row');
    // One child: a flex row puts its gap between its items, and "日" and "，" must not be apart.
    expect(row.childNodes).toHaveLength(1);
    expect(row).toHaveTextContent('最新填报 2025年9月26日，已 94 天未报');
    const date = screen.getByText('2025年9月26日');
    expect(date).toHaveClass('nowrap');
    expect(date.parentElement?.textContent).toBe('最新填报 2025年9月26日，已 94 天未报');
  });

  it('says the text as it is when a piece is not in it', () => {
    render(
      <p data-testid="line">
        <KeepWhole text="数据截至 2025年12月26日" pieces={['2025年12月27日']} />
      </p>,
    );
    expect(screen.getByTestId('line')).toHaveTextContent('数据截至 2025年12月26日');
    expect(screen.getByTestId('line').querySelector('.nowrap')).toBeNull();
  });
});
