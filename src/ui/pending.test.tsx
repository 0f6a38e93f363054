import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import type { TargetState } from '../domain/schemas';
import { IncludePendingSwitch, PendingNotice, ProvisionalTag } from './pending';

/** The switch as a page holds it: its value in state (the URL, on a page). */
function Harness({ onChange }: { onChange: (v: '1' | undefined) => void }) {
  const [value, setValue] = useState<'1' | undefined>(undefined);
  return (
    <IncludePendingSwitch
      on={value === '1'}
      onChange={(v) => {
        onChange(v);
        setValue(v);
      }}
    />
  );
}

const latest: TargetState['latest'] = { value: 12, unit: '个', asOf: '2025-12-29', stagesDone: null, demo: false };

describe('初报 and the 含待审核 switch', () => {
  it('marks a figure waiting for review 初报, in words, and nothing else', () => {
    const { rerender } = render(<ProvisionalTag latest={latest && { ...latest, provisional: true }} />);
    const tag = screen.getByText('初报');
    expect(tag).toHaveAttribute('title', '初报：尚未经审核的数值');
    rerender(<ProvisionalTag latest={latest} />);
    expect(screen.queryByText('初报')).not.toBeInTheDocument();
    rerender(<ProvisionalTag latest={latest && { ...latest, provisional: false }} />);
    expect(screen.queryByText('初报')).not.toBeInTheDocument();
    rerender(<ProvisionalTag latest={null} />);
    expect(screen.queryByText('初报')).not.toBeInTheDocument();
  });

  it('is a labelled checkbox that the keyboard switches, giving the URL its value', async () => {
    const changes: ('1' | undefined)[] = [];
    const user = userEvent.setup();
    render(<Harness onChange={(v) => changes.push(v)} />);
    const box = screen.getByRole('checkbox', { name: '含待审核' });
    expect(box).not.toBeChecked();
    await user.tab();
    expect(box).toHaveFocus();
    await user.keyboard(' ');
    expect(box).toBeChecked();
    await user.keyboard(' ');
    expect(box).not.toBeChecked();
    expect(changes).toEqual(['1', undefined]);
  });

  it('says under the title what 初报 means, only while the switch is on', () => {
    const { rerender } = render(<PendingNotice on={undefined} />);
    expect(screen.queryByRole('note')).not.toBeInTheDocument();
    rerender(<PendingNotice on />);
    expect(screen.getByRole('note')).toHaveTextContent('含待审核数据：标“初报”的数值尚未经审核');
  });
});
