/**
 * Stateful storage: the DynamoDB table (end-of-day snapshots, risk parameters and run records),
 * the report archive bucket (Object Lock, COMPLIANCE), the work bucket (staged run inputs and
 * chunk outputs, expiring after a few days) and the bucket receiving S3 server access logs.
 *
 * Encryption: one customer-managed KMS key (rotated yearly) for the table and both data
 * buckets. An AWS-managed key would serve every principal of the account that has table or
 * bucket permissions; with our own key, decrypting also needs a grant on the key, so access is
 * decided twice (IAM on the resource and on the key), key use is in CloudTrail per caller,
 * and a compliance archive can be made unreadable by disabling one key. It costs $1 a month
 * plus requests; S3 bucket keys cut the S3 requests to KMS to about one per object batch.
 * The access-log bucket uses SSE-S3 because S3 server access logging cannot deliver to a
 * bucket whose default encryption is SSE-KMS.
 *
 * Table and archive are RETAIN with pinned logical IDs, so refactoring constructs never
 * replaces them.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, type CfnTable, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type CfnBucket,
  ObjectLockRetention,
  ObjectOwnership,
  StorageClass,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/** Logical IDs of the stateful resources: changing one replaces (and orphans) the resource. */
export const TABLE_LOGICAL_ID = 'MarginfallTable';
export const REPORTS_BUCKET_LOGICAL_ID = 'MarginfallReportsBucket';

/**
 * Partition keys of run records (functions/adapters/dynamodb-run-state-store.ts): the runs of a
 * date `RUNS#<asOf>` and the idempotency claims `RUNKEY#<key>`.
 */
const RUN_RECORD_KEYS = ['RUNS#*', 'RUNKEY#*'];

/** Keys of the work area (functions/adapters/s3-staging-store.ts: `runs/<runId>/<name>`). */
const WORK_OBJECTS = 'runs/*';

/** Keys of the archive (the report store's default prefix, functions/adapters/s3-report-store.ts). */
const REPORT_OBJECTS = 'reports/*';

const TABLE_READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'];
/** KMS for SSE-KMS reads (S3 GetObject, DynamoDB reads) and writes (S3 PutObject, DynamoDB writes). */
const KEY_READ_ACTIONS = ['kms:Decrypt', 'kms:DescribeKey'];
const KEY_WRITE_ACTIONS = [...KEY_READ_ACTIONS, 'kms:Encrypt', 'kms:GenerateDataKey'];
const TABLE_WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem'];

export interface StorageProps {
  /** Object Lock COMPLIANCE default retention of the archive, days. */
  readonly reportRetentionDays: number;
  /** Days before report versions move to Glacier Instant Retrieval. */
  readonly reportTransitionDays: number;
  /** Days staged objects are kept. */
  readonly workRetentionDays: number;
  /** Days access logs are kept. */
  readonly accessLogRetentionDays: number;
}

export class Storage extends Construct {
  readonly key: Key;
  readonly table: Table;
  readonly reportsBucket: Bucket;
  readonly workBucket: Bucket;
  readonly accessLogsBucket: Bucket;

  constructor(scope: Construct, id: string, props: StorageProps) {
    super(scope, id);
    // Grant S3 log delivery through the log bucket's policy, not the legacy ACL, whatever the
    // app's feature flags say (ACLs would need ObjectWriter ownership).
    this.node.setContext('@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy', true);

    this.key = new Key(this, 'DataKey', {
      description: 'Marginfall snapshots, run records, staged runs and published reports',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.table = new Table(this, 'Table', {
      partitionKey: { name: 'pk', type: AttributeType.STRING },
      sortKey: { name: 'sk', type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.key,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      // Epoch seconds; snapshot items carry it, items without it are kept.
      timeToLiveAttribute: 'expiresAt',
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    (this.table.node.defaultChild as CfnTable).overrideLogicalId(TABLE_LOGICAL_ID);

    // Every bucket: private, TLS only, no ACLs.
    const privateBucket = {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
    } as const;
    const dataKeyEncryption = {
      encryption: BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
    } as const;

    this.accessLogsBucket = new Bucket(this, 'AccessLogs', {
      ...privateBucket,
      encryption: BucketEncryption.S3_MANAGED,
      lifecycleRules: [{ expiration: Duration.days(props.accessLogRetentionDays) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.reportsBucket = new Bucket(this, 'Reports', {
      ...privateBucket,
      ...dataKeyEncryption,
      versioned: true,
      objectLockEnabled: true,
      // No one, root included, can delete or overwrite a locked version before it expires.
      objectLockDefaultRetention: ObjectLockRetention.compliance(Duration.days(props.reportRetentionDays)),
      lifecycleRules: [
        {
          // Reports are read mostly in their first weeks; Glacier IR keeps millisecond access.
          transitions: [
            {
              storageClass: StorageClass.GLACIER_INSTANT_RETRIEVAL,
              transitionAfter: Duration.days(props.reportTransitionDays),
            },
          ],
          noncurrentVersionTransitions: [
            {
              storageClass: StorageClass.GLACIER_INSTANT_RETRIEVAL,
              transitionAfter: Duration.days(props.reportTransitionDays),
            },
          ],
          abortIncompleteMultipartUploadAfter: Duration.days(1),
          // No expiry: nothing may expire before its lock, and the archive is kept.
        },
      ],
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: 'reports/',
      removalPolicy: RemovalPolicy.RETAIN,
    });
    (this.reportsBucket.node.defaultChild as CfnBucket).overrideLogicalId(REPORTS_BUCKET_LOGICAL_ID);

    this.workBucket = new Bucket(this, 'Work', {
      ...privateBucket,
      ...dataKeyEncryption,
      lifecycleRules: [
        {
          expiration: Duration.days(props.workRetentionDays),
          abortIncompleteMultipartUploadAfter: Duration.days(1),
        },
      ],
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: 'work/',
      // Only transient copies of data kept elsewhere: safe to delete with the stack.
      removalPolicy: RemovalPolicy.DESTROY,
      autoDeleteObjects: false,
    });
  }

  /** Read any item: snapshots, risk parameters, run records. */
  grantTableRead(grantee: IGrantable): void {
    allow(grantee, TABLE_READ_ACTIONS, [this.table.tableArn]);
    this.grantKey(grantee, KEY_READ_ACTIONS);
  }

  /**
   * Read and write run records only: every request must name `RUNS#…` or `RUNKEY#…` partition keys
   * (`dynamodb:LeadingKeys`), so a step can never change a snapshot or the parameters.
   */
  grantRunRecords(grantee: IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        actions: [...TABLE_READ_ACTIONS, ...TABLE_WRITE_ACTIONS],
        resources: [this.table.tableArn],
        conditions: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': RUN_RECORD_KEYS } },
      }),
    );
    this.grantKey(grantee, KEY_WRITE_ACTIONS);
  }

  /** Published reports: read objects and list the bucket (presigned links, previous day's report). */
  grantReportsRead(grantee: IGrantable): void {
    allow(grantee, ['s3:GetObject'], [this.reportsBucket.arnForObjects(REPORT_OBJECTS)]);
    // Without ListBucket a HEAD of a missing key answers 403 instead of 404.
    allow(grantee, ['s3:ListBucket'], [this.reportsBucket.bucketArn]);
    this.grantKey(grantee, KEY_READ_ACTIONS);
  }

  /** Publish reports: put (write-once keys; Object Lock keeps every version), read and list. Never delete. */
  grantReportsPublish(grantee: IGrantable): void {
    this.grantReportsRead(grantee);
    allow(grantee, ['s3:PutObject'], [this.reportsBucket.arnForObjects(REPORT_OBJECTS)]);
    this.grantKey(grantee, KEY_WRITE_ACTIONS);
  }

  private grantKey(grantee: IGrantable, actions: readonly string[]): void {
    allow(grantee, actions, [this.key.keyArn]);
  }

  grantWorkRead(grantee: IGrantable): void {
    allow(grantee, ['s3:GetObject'], [this.workBucket.arnForObjects(WORK_OBJECTS)]);
    allow(grantee, ['s3:ListBucket'], [this.workBucket.bucketArn]);
    this.grantKey(grantee, KEY_READ_ACTIONS);
  }

  grantWorkReadWrite(grantee: IGrantable): void {
    this.grantWorkRead(grantee);
    allow(grantee, ['s3:PutObject'], [this.workBucket.arnForObjects(WORK_OBJECTS)]);
    this.grantKey(grantee, KEY_WRITE_ACTIONS);
  }
}

function allow(grantee: IGrantable, actions: readonly string[], resources: readonly string[]): void {
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({ actions: [...actions], resources: [...resources] }),
  );
}
