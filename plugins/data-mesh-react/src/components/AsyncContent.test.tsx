import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { AsyncContent } from './AsyncContent';

const render = (props: {
  loading: boolean;
  error?: Error;
  value?: string[];
  retry?: () => void;
}) =>
  renderInTestApp(
    <AsyncContent
      {...props}
      isEmpty={value => value.length === 0}
      emptyTitle="Nothing here"
      loadingLabel="Loading items"
    >
      {value => (
        <ul>
          {value.map(v => (
            <li key={v}>{v}</li>
          ))}
        </ul>
      )}
    </AsyncContent>,
  );

describe('AsyncContent', () => {
  it('shows progress while the first value loads', async () => {
    await render({ loading: true });
    expect(screen.getByRole('status', { name: 'Loading items' })).toBeVisible();
  });

  it('keeps the previous value while the next one loads', async () => {
    await render({ loading: true, value: ['a'] });
    expect(screen.getByText('a')).toBeVisible();
    expect(screen.queryByRole('status', { name: 'Loading items' })).toBeNull();
  });

  it('shows the empty state for an empty or missing value', async () => {
    await render({ loading: false, value: [] });
    expect(screen.getByText('Nothing here')).toBeVisible();
  });

  it('shows the error with a retry button', async () => {
    const retry = jest.fn();
    await render({ loading: false, error: new Error('backend down'), retry });
    expect(screen.getAllByText(/backend down/)[0]).toBeVisible();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(retry).toHaveBeenCalled();
  });

  it('renders the value', async () => {
    await render({ loading: false, value: ['a', 'b'] });
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
  });
});
