import { render, screen, waitFor } from '@testing-library/react';
import { ISSUE_CODES } from '../domain/issues';
import { newJobs, reportFor } from '../domain/test-fixtures';
import { checkReport } from '../domain/write-api';
import { useUiStore } from '../stores/ui-store';
import { loadMessages } from './messages';
import { useIssueText } from './use-issue-text';
import { issueText, type Worded, zhIssueText } from './validation';
import { VALIDATION_MESSAGES } from './validation-messages';

const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
const HAN = /[\u4e00-\u9fff]/;

describe('the words of every issue code', () => {
  it.each(ISSUE_CODES)('%s reads in Chinese and in English, with the same placeholders', (code) => {
    const zh = VALIDATION_MESSAGES['zh-CN'][code];
    const english = VALIDATION_MESSAGES.en[code];
    expect(zh).toMatch(HAN);
    expect(english.trim()).not.toBe('');
    expect(english).not.toMatch(HAN);
    expect(placeholders(english)).toEqual(placeholders(zh));
  });

  it('has words for the codes there are and no others', () => {
    expect(Object.keys(VALIDATION_MESSAGES['zh-CN']).sort()).toEqual([...ISSUE_CODES].sort());
    expect(Object.keys(VALIDATION_MESSAGES.en).sort()).toEqual([...ISSUE_CODES].sort());
  });
});

describe('a report check in words', () => {
  const t = newJobs();
  const check = (value: number, unit = '') =>
    checkReport(
      t,
      [reportFor(t, '2025-12-19', 30)],
      { asOf: '2025-12-29', value, unit, stagesDone: null },
      '2025-12-29',
    );

  it('is the API’s Chinese as it always read', () => {
    const [below] = check(29).confirmations;
    const [unit] = check(1, '亿元').errors;
    if (!below || !unit) throw new Error('expected a confirmation and an error');
    expect(zhIssueText(below)).toBe('累计值 29万人 低于上次填报的 30万人（截至 2025-12-19），请说明原因');
    expect(zhIssueText(unit)).toBe('单位不兼容：“亿元”不能换算为“万人”');
    const far = check(350000).confirmations.find((c) => c.code === 'far_beyond');
    if (!far) throw new Error('expected far_beyond');
    expect(zhIssueText(far)).toBe('数值 350000万人 是目标值 35万人 的 10000 倍，请确认单位和数值');
  });

  it('reads in English with the figures in English units', () => {
    const [below] = check(29).confirmations;
    if (!below) throw new Error('expected a confirmation');
    expect(issueText('en', below)).toBe(
      'The cumulative value 290K people is below the last report’s 300K people (as of 2025-12-19); please give a reason',
    );
    expect(issueText('en', { code: 'as_of_future', params: { today: '2025-12-29' } })).toBe(
      'The as-of date cannot be later than today (2025-12-29)',
    );
  });
});

function Words({ issues }: { issues: Worded[] }) {
  const words = useIssueText();
  return (
    <ul>
      {issues.map((i) => (
        <li key={words(i)}>{words(i)}</li>
      ))}
    </ul>
  );
}

describe('useIssueText', () => {
  beforeEach(() => useUiStore.setState({ locale: 'zh-CN', localeOverride: null }));

  it('words a code in the person’s language and takes the server’s words for a code it does not know', async () => {
    await loadMessages('en');
    useUiStore.setState({ locale: 'en' });
    render(
      <Words
        issues={[
          { code: 'too_short', params: { min: 10 } },
          { code: 'not_number', message: '不是数字' },
          { code: 'some_new_code', message: '服务器的说法' },
          { message: '只有说明' },
        ]}
      />,
    );
    await waitFor(() => expect(screen.getByText('At least 10 characters')).toBeInTheDocument());
    expect(screen.getByText('Not a number')).toBeInTheDocument();
    expect(screen.getByText('服务器的说法')).toBeInTheDocument();
    expect(screen.getByText('只有说明')).toBeInTheDocument();
  });

  it('words the same codes in Chinese by default', () => {
    render(<Words issues={[{ code: 'too_short', params: { min: 10 } }]} />);
    expect(screen.getByText('至少 10 个字符')).toBeInTheDocument();
  });
});
