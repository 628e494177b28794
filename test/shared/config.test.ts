import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../functions/shared/config.js';

describe('loadConfig', () => {
  it('has defaults for everything', () => {
    expect(loadConfig({})).toEqual({
      dynamodb: {
        tableName: 'marginfall',
        region: 'us-east-1',
        snapshotShards: 16,
        readConcurrency: 8,
        writeConcurrency: 8,
      },
    });
  });

  it('reads the variables, lets overrides win, and treats blank as absent', () => {
    const config = loadConfig(
      {
        MARGINFALL_TABLE: 'risk-snapshots',
        MARGINFALL_DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000',
        AWS_DEFAULT_REGION: 'eu-west-1',
        MARGINFALL_SNAPSHOT_SHARDS: '32',
        MARGINFALL_READ_CONCURRENCY: ' ',
      },
      { MARGINFALL_SNAPSHOT_SHARDS: '4', MARGINFALL_TABLE: undefined },
    );
    expect(config.dynamodb).toEqual({
      tableName: 'risk-snapshots',
      endpoint: 'http://127.0.0.1:8000',
      region: 'eu-west-1',
      snapshotShards: 4,
      readConcurrency: 8,
      writeConcurrency: 8,
    });
    expect(loadConfig({ AWS_REGION: 'ap-south-1', AWS_DEFAULT_REGION: 'eu-west-1' }).dynamodb.region).toBe(
      'ap-south-1',
    );
  });

  it('is frozen', () => {
    const config = loadConfig({});
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.dynamodb)).toBe(true);
  });

  it('names the variable that is wrong', () => {
    const cases: Array<[Record<string, string>, string]> = [
      [
        { MARGINFALL_SNAPSHOT_SHARDS: '0' },
        'configuration: MARGINFALL_SNAPSHOT_SHARDS: must be a whole number from 1 to 1000',
      ],
      [
        { MARGINFALL_WRITE_CONCURRENCY: '2.5' },
        'configuration: MARGINFALL_WRITE_CONCURRENCY: must be a whole number from 1 to 256',
      ],
      [
        { MARGINFALL_DYNAMODB_ENDPOINT: 'localhost:8000' },
        'configuration: MARGINFALL_DYNAMODB_ENDPOINT: must be an http(s) URL such as http://127.0.0.1:8000',
      ],
      [
        { MARGINFALL_TABLE: 'ab' },
        'configuration: MARGINFALL_TABLE: must be a DynamoDB table name (3–255 of A–Z a–z 0–9 _ . -)',
      ],
    ];
    for (const [env, message] of cases) {
      expect(() => loadConfig(env)).toThrow(ConfigError);
      expect(() => loadConfig(env)).toThrow(message);
    }
  });
});
