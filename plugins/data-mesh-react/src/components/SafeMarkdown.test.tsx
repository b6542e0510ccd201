import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { SafeMarkdown } from './SafeMarkdown';

describe('SafeMarkdown', () => {
  it('renders markdown with safe links', async () => {
    await renderInTestApp(
      <SafeMarkdown content="**Gold** table, see [the docs](https://docs.example.com)." />,
    );
    expect(screen.getByText('Gold').tagName).toBe('STRONG');
    expect(screen.getByRole('link', { name: /the docs/ })).toHaveAttribute(
      'href',
      'https://docs.example.com',
    );
  });

  it('never renders javascript: or data: links as links', async () => {
    await renderInTestApp(
      <SafeMarkdown
        content={[
          '[click me](javascript:alert(1))',
          '[data](data:text/html;base64,PHNjcmlwdD4=)',
          '<a href="javascript:alert(2)">raw</a>',
        ].join('\n\n')}
      />,
    );
    expect(screen.getByText('click me')).toBeInTheDocument();
    expect(screen.getByText('data')).toBeInTheDocument();
    expect(screen.getByText('raw')).toBeInTheDocument();
    expect(screen.queryAllByRole('link')).toHaveLength(0);
    for (const a of Array.from(document.querySelectorAll('a'))) {
      expect(a.getAttribute('href') ?? '').not.toMatch(/^(javascript|data):/i);
    }
  });

  it('drops scripts and event handler attributes from raw HTML', async () => {
    const { container } = await renderInTestApp(
      <SafeMarkdown
        content={[
          'Before',
          '<script>window.pwned = true</script>',
          '<img src="https://img.example.com/x.png" onerror="window.pwned = true">',
          '<div onclick="window.pwned = true">clickable</div>',
          'After',
        ].join('\n\n')}
      />,
    );
    expect(screen.getByText('Before')).toBeInTheDocument();
    expect(screen.getByText('After')).toBeInTheDocument();
    expect(container.querySelector('script')).toBeNull();
    const img = container.querySelector('img');
    expect(img?.getAttribute('onerror')).toBeNull();
    expect(container.querySelector('[onclick]')).toBeNull();
    expect(container.innerHTML).not.toContain('pwned');
    expect((window as any).pwned).toBeUndefined();
  });

  it('drops images that are not served over http(s)', async () => {
    const { container } = await renderInTestApp(
      <SafeMarkdown content="![x](data:image/svg+xml;base64,PHN2Zz4=)" />,
    );
    const src = container.querySelector('img')?.getAttribute('src') ?? '';
    expect(src).not.toMatch(/^data:/);
  });
});
