/**
 * The SES identity the daily report is sent from: a domain (DKIM records to publish are in the
 * console / `GetEmailIdentity`) or a single address (SES mails it a verification link).
 * `grantSend` lets a function send only from the configured sender: the identity is the only
 * resource and `ses:FromAddress` must equal the sender.
 *
 * While the account is in the SES sandbox, every recipient must be a verified identity too and
 * SES also authorises the recipients' identities; production access lifts both.
 */
import { Stack } from 'aws-cdk-lib';
import { type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { EmailIdentity, Identity } from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';

export interface EmailProps {
  /** A domain (`example.com`) or an email address. */
  readonly identity: string;
  /** The From address: the identity itself or an address of its domain. */
  readonly from: string;
}

export class Email extends Construct {
  readonly identity: EmailIdentity;
  readonly from: string;

  constructor(scope: Construct, id: string, props: EmailProps) {
    super(scope, id);
    this.from = props.from;
    this.identity = new EmailIdentity(this, 'Identity', {
      identity: props.identity.includes('@')
        ? Identity.email(props.identity)
        : Identity.domain(props.identity),
    });
  }

  /** SES v2 SendEmail (raw MIME content) from `from` only. */
  grantSend(grantee: IGrantable): void {
    const stack = Stack.of(this);
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail', 'ses:SendRawEmail'],
        resources: [
          stack.formatArn({
            service: 'ses',
            resource: 'identity',
            resourceName: this.identity.emailIdentityName,
          }),
        ],
        conditions: { StringEquals: { 'ses:FromAddress': this.from } },
      }),
    );
  }
}
