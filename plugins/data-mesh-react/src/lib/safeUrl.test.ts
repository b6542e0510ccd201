/* eslint-disable no-script-url -- these tests feed script URLs on purpose */
import type { Entity } from '@backstage/catalog-model';
import { absoluteWebUrl, contractUrl, safeLinkUrl } from './safeUrl';

describe('safeLinkUrl', () => {
  it.each([
    'https://example.com/a?b=c',
    'http://example.com',
    'mailto:team@example.com',
    '/catalog/default/domain/customer',
    'docs/readme.md',
    '#section',
  ])('keeps %s', url => {
    expect(safeLinkUrl(url)).toBe(url);
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    '  javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '',
    '   ',
  ])('refuses %j', url => {
    expect(safeLinkUrl(url)).toBeUndefined();
  });

  it('refuses values that are not strings', () => {
    expect(safeLinkUrl(undefined)).toBeUndefined();
    expect(safeLinkUrl({ toString: () => 'https://x' })).toBeUndefined();
  });
});

describe('absoluteWebUrl', () => {
  it('accepts absolute http(s) URLs only', () => {
    expect(absoluteWebUrl('https://api.example.com/v2')).toBe(
      'https://api.example.com/v2',
    );
    expect(absoluteWebUrl('/api/v2/customers/{id}')).toBeUndefined();
    expect(absoluteWebUrl('mailto:a@example.com')).toBeUndefined();
    expect(absoluteWebUrl('javascript:alert(1)')).toBeUndefined();
  });
});

describe('contractUrl', () => {
  const entity = (sourceLocation?: string): Entity => ({
    apiVersion: 'datamesh.io/v1alpha1',
    kind: 'DataProduct',
    metadata: {
      name: 'p',
      annotations: sourceLocation
        ? { 'backstage.io/source-location': sourceLocation }
        : {},
    },
  });

  it('keeps absolute web URLs', () => {
    expect(contractUrl('https://x.example.com/c.yaml')).toBe(
      'https://x.example.com/c.yaml',
    );
  });

  it('resolves repository paths against a web source location', () => {
    const source = 'url:https://github.com/acme/customer/tree/main/';
    expect(contractUrl('contracts/a.yaml', entity(source))).toBe(
      'https://github.com/acme/customer/tree/main/contracts/a.yaml',
    );
    expect(contractUrl('./contracts/a.yaml', entity(source))).toBe(
      'https://github.com/acme/customer/tree/main/contracts/a.yaml',
    );
    expect(
      contractUrl(
        'contracts/a.yaml',
        entity('url:https://github.com/acme/customer/tree/main'),
      ),
    ).toBe('https://github.com/acme/customer/tree/main/contracts/a.yaml');
  });

  it('gives no link without a web source location or for unsafe values', () => {
    expect(contractUrl('contracts/a.yaml', entity())).toBeUndefined();
    expect(
      contractUrl('contracts/a.yaml', entity('file:/srv/catalog/')),
    ).toBeUndefined();
    expect(
      contractUrl(
        'javascript:alert(1)',
        entity('url:https://github.com/acme/x/'),
      ),
    ).toBeUndefined();
    expect(
      contractUrl('//evil.example.com/x', entity('url:https://github.com/a/')),
    ).toBeUndefined();
    expect(contractUrl(undefined)).toBeUndefined();
  });
});
