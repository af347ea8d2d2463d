import { describe, expect, it } from 'vitest';
import { describeLoadFailure, oneLine, permissionInMessage } from '../../source/domain/explain-load.js';
import { OrgError } from '../../source/org/errors.js';

describe('load failures', () => {
	it('a standalone account: says what it means and that it is closed in the console', () => {
		const message = describeLoadFailure({
			operation: 'describeOrganization',
			error: new OrgError('AWSOrganizationsNotInUseException', 'Your account is not a member of an organization.'),
		});
		expect(message.kind).toBe('no-organization');
		expect(message.title).toMatch(/standalone account/);
		expect(message.explanation.join(' ')).toMatch(/Billing and Cost Management console/);
		expect(message.next.join(' ')).toMatch(/--demo/);
	});

	it('access denied: names the missing permission, from AWS message or from the call', () => {
		const fromCall = describeLoadFailure({
			operation: 'listAccounts',
			error: new OrgError('AccessDeniedException', "You don't have permissions to access this resource."),
		});
		expect(fromCall.kind).toBe('access-denied');
		expect(fromCall.title).toBe('Access denied: organizations:ListAccounts is missing');
		const fromMessage = describeLoadFailure({
			operation: 'describeOrganization',
			error: new OrgError(
				'AccessDeniedException',
				'User: arn:aws:iam::1:user/x is not authorized to perform: organizations:DescribeOrganization because no identity-based policy allows it',
			),
		});
		expect(fromMessage.title).toBe('Access denied: organizations:DescribeOrganization is missing');
		expect(permissionInMessage('is not authorized to perform: sts:GetCallerIdentity on resource')).toBe(
			'sts:GetCallerIdentity',
		);
	});

	it('no credentials: how to set them, and that --demo exists', () => {
		const message = describeLoadFailure({
			operation: 'describeOrganization',
			error: new OrgError('CredentialsMissing', 'no AWS credentials were found'),
		});
		expect(message.kind).toBe('no-credentials');
		const next = message.next.join(' ');
		for (const needed of ['AWS_PROFILE', '--profile', 'aws configure', 'aws sso login', '--demo']) {
			expect(next).toContain(needed);
		}
		expect(
			describeLoadFailure({ operation: 'listAccounts', error: new OrgError('ExpiredTokenException', 'expired') }).kind,
		).toBe('no-credentials');
	});

	it('network: says so, keeps the rows on screen, r retries; a command says to run again', () => {
		const failure = {
			operation: 'listAccounts' as const,
			error: new OrgError('NetworkError', 'connect ECONNREFUSED 127.0.0.1:1', { network: true }),
		};
		const screen = describeLoadFailure(failure, 'screen');
		expect(screen.kind).toBe('network');
		expect(screen.explanation.join(' ')).toMatch(/still shown/);
		expect(screen.next.join(' ')).toMatch(/press r to retry/);
		const command = describeLoadFailure(failure, 'command');
		expect(command.explanation.join(' ')).not.toMatch(/still shown/);
		expect(oneLine(command)).not.toContain('\n');
		expect(oneLine(command)).toMatch(/^orgdash: Could not reach AWS\./);
	});

	it('time-out: names the call that got no answer; r retries; a command says to run again', () => {
		const failure = {
			operation: 'describeOrganization' as const,
			error: new OrgError('TimeoutError', 'Organizations.DescribeOrganization: no answer in time, 5 attempts', {
				network: true,
			}),
		};
		const screen = describeLoadFailure(failure, 'screen');
		expect(screen.kind).toBe('timeout');
		expect(screen.explanation.join(' ')).toContain('Organizations.DescribeOrganization: no answer in time');
		expect(screen.next.join(' ')).toMatch(/press r to retry/);
		const command = oneLine(describeLoadFailure(failure, 'command'));
		expect(command).toMatch(/^orgdash: AWS did not answer in time\. /);
		expect(command).toContain('run the command again');
	});

	it('anything else: names the code and keeps AWS message', () => {
		const message = describeLoadFailure({
			operation: 'listAccounts',
			error: new OrgError('UnrecognizedResponse', 'the endpoint answered HTTP 404'),
		});
		expect(message.kind).toBe('other');
		expect(message.title).toContain('UnrecognizedResponse');
		expect(message.explanation.join(' ')).toContain('HTTP 404');
	});
});
