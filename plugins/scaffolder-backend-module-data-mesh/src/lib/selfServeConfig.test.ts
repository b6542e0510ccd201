import { ConfigReader } from '@backstage/config';
import { resolve } from 'node:path';
import { readSelfServeSettings } from './selfServeConfig';

describe('readSelfServeSettings', () => {
  it('defaults to self-serve-products under the working directory', () => {
    expect(readSelfServeSettings(new ConfigReader({}))).toEqual({
      publishDir: resolve('self-serve-products'),
      catalogLocation: 'location:default/self-serve-products',
      ingestionTimeoutMs: 60_000,
    });
  });

  it('reads dataMesh.selfServe', () => {
    const config = new ConfigReader({
      dataMesh: {
        selfServe: {
          localPublishDir: '../../published',
          catalogLocation: 'published-products',
          ingestionTimeout: '2 minutes',
        },
      },
    });
    expect(readSelfServeSettings(config)).toEqual({
      publishDir: resolve('../../published'),
      catalogLocation: 'location:default/published-products',
      ingestionTimeoutMs: 120_000,
    });
  });

  it('refuses an invalid timeout', () => {
    const config = new ConfigReader({
      dataMesh: { selfServe: { ingestionTimeout: 'soon' } },
    });
    expect(() => readSelfServeSettings(config)).toThrow(
      "Invalid duration 'soon' in config at 'ingestionTimeout'",
    );
  });
});
