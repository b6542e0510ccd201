import { render, screen } from '@testing-library/react';
import { FreshnessNote } from './FreshnessNote';

// The note needs no app around it (no routes, APIs or translations): a plain
// render spares loading and mounting a whole test app per test.
describe('FreshnessNote', () => {
  it('says when the figures were computed', () => {
    render(
      <FreshnessNote
        freshness={{
          stale: false,
          computedAt: '2026-11-30T10:00:00.000Z',
          lastSweep: {
            startedAt: '2026-11-30T09:59:00.000Z',
            finishedAt: '2026-11-30T10:00:00.000Z',
            outcome: 'ok',
          },
        }}
      />,
    );
    expect(
      screen.getByText(/Figures as of the last complete governance sweep/),
    ).toBeInTheDocument();
    expect(screen.queryByText(/These figures may be out of date/)).toBeNull();
  });

  it('warns with the reason when the last sweep failed', () => {
    render(
      <FreshnessNote
        freshness={{
          stale: true,
          reason:
            'The last governance sweep could not read the catalog: 503 Service Unavailable',
          computedAt: '2026-11-30T09:00:00.000Z',
          lastSweep: {
            startedAt: '2026-11-30T10:00:00.000Z',
            finishedAt: '2026-11-30T10:00:05.000Z',
            outcome: 'catalog-unavailable',
          },
        }}
      />,
    );
    expect(
      screen.getByText(/These figures may be out of date/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/could not read the catalog: 503 Service Unavailable/),
    ).toBeInTheDocument();
    expect(screen.getByText(/did not complete/)).toBeInTheDocument();
  });
});
