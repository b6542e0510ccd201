import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { ScoreTrend, describeTrend } from './ScoreTrend';
import { ScorecardStatusLabel } from './ScorecardStatusLabel';

describe('ScoreTrend', () => {
  const points = [
    { label: '2026-11-01', score: 70 },
    { label: '2026-11-02', score: null },
    { label: '2026-11-03', score: 82.5 },
  ];

  it('describes the first and last values for screen readers', async () => {
    await renderInTestApp(
      <ScoreTrend variant="sparkline" title="Average score" points={points} />,
    );
    expect(
      screen.getByRole('img', {
        name: 'Average score: 70 on 2026-11-01, 82.5 on 2026-11-03',
      }),
    ).toBeInTheDocument();
  });

  it('says when there is nothing to draw', () => {
    expect(describeTrend('Score', [])).toBe('Score: no data');
    expect(describeTrend('Score', [{ label: 'd', score: 90 }])).toBe(
      'Score: 90 on d',
    );
  });
});

describe('ScorecardStatusLabel', () => {
  it('reads each status as a word', async () => {
    await renderInTestApp(
      <>
        <ScorecardStatusLabel status="pass" />
        <ScorecardStatusLabel status="warn" />
        <ScorecardStatusLabel status="fail" />
      </>,
    );
    for (const word of ['Pass', 'Warn', 'Fail']) {
      expect(screen.getByText(word)).toBeVisible();
    }
    expect(screen.getByTestId('status-ok')).toBeInTheDocument();
    expect(screen.getByTestId('status-error')).toBeInTheDocument();
  });
});
