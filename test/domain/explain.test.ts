import { describe, expect, it } from 'vitest';
import { type Explanation, explain } from '../../source/domain/explain.js';
import { OrgError } from '../../source/org/errors.js';

function expectComplete(explanation: Explanation): void {
	for (const part of [explanation.what, explanation.why, explanation.next]) {
		expect(part.trim().length).toBeGreaterThan(10);
	}
}

const closeErrors: Array<[code: string, reason: string | undefined, what: RegExp, next: RegExp]> = [
	[
		'ConstraintViolationException',
		'CLOSE_ACCOUNT_QUOTA_EXCEEDED',
		/closure allowance/,
		/30-day window|remove the account/,
	],
	['ConstraintViolationException', 'CLOSE_ACCOUNT_REQUESTS_LIMIT_EXCEEDED', /too many closures/, /PENDING_CLOSURE/],
	['ConstraintViolationException', 'CANNOT_CLOSE_MANAGEMENT_ACCOUNT', /management account/, /console/],
	['AccountAlreadyClosedException', undefined, /already closed/, /reopened through AWS Support/],
	['AccountNotFoundException', undefined, /not found/, /Refresh/],
	['ConflictException', undefined, /conflicting request/, /Wait/],
	['ConcurrentModificationException', undefined, /same moment/, /try again/],
	['TooManyRequestsException', undefined, /throttled/, /Wait a minute/],
	['AccessDeniedException', undefined, /not allowed/, /organizations:CloseAccount/],
	['AWSOrganizationsNotInUseException', undefined, /not in an organization/, /Billing console/],
];

describe('explain: CloseAccount errors', () => {
	it.each(closeErrors)('%s %s', (code, reason, what, next) => {
		const explanation = explain(new OrgError(code, 'raw message', reason ? { reason } : {}), {
			action: 'close',
			accountId: '318274650192',
		});
		expectComplete(explanation);
		expect(explanation.what).toMatch(what);
		expect(explanation.next).toMatch(next);
		expect(explanation.code).toBe(reason ? `${code}: ${reason}` : code);
	});
});

const removeReasons: Array<[reason: string, fix: RegExp]> = [
	['ACCOUNT_CANNOT_LEAVE_ORGANIZATION', /which deletes the organization/],
	['ACCOUNT_CANNOT_LEAVE_WITHOUT_PHONE_VERIFICATION', /phone verification/],
	['ACCOUNT_CANNOT_LEAVE_WITHOUT_EULA', /accept the agreement/],
	['MEMBER_ACCOUNT_PAYMENT_INSTRUMENT_REQUIRED', /add a payment method/],
	['INVALID_PAYMENT_INSTRUMENT', /fix or replace the payment method/],
	['CANNOT_REMOVE_DELEGATED_ADMINISTRATOR_FROM_ORG', /deregister-delegated-administrator/],
	['WAIT_PERIOD_ACTIVE', /Wait until the account is old enough/],
	['MASTER_ACCOUNT_PAYMENT_INSTRUMENT_REQUIRED', /management account, add a payment method/],
	['MASTER_ACCOUNT_MISSING_CONTACT_INFO', /complete its contact information/],
];

describe('explain: reasons added with the current rules', () => {
	it('explains ORGANIZATION_NOT_IN_ALL_FEATURES_MODE on a closure', () => {
		const explanation = explain(
			new OrgError('ConstraintViolationException', 'refused', { reason: 'ORGANIZATION_NOT_IN_ALL_FEATURES_MODE' }),
			{ action: 'close', accountId: '184627395021' },
		);
		expect(explanation.what).toMatch(/consolidated billing/);
		expect(explanation.next).toMatch(/Enable all features/);
	});

	it('says an invalid payment method may be one AWS does not accept, not only an expired one', () => {
		const explanation = explain(
			new OrgError('ConstraintViolationException', 'refused', { reason: 'INVALID_PAYMENT_INSTRUMENT' }),
			{ action: 'remove', accountId: '184627395021' },
		);
		expect(explanation.why).toMatch(/does not accept/);
	});
});

describe('explain: RemoveAccountFromOrganization ConstraintViolation reasons', () => {
	it.each(removeReasons)('%s becomes the step that fixes it', (reason, fix) => {
		const explanation = explain(new OrgError('ConstraintViolationException', 'refused', { reason }), {
			action: 'remove',
			accountId: '184627395021',
		});
		expectComplete(explanation);
		expect(explanation.what).toMatch(/184627395021/);
		expect(explanation.next).toMatch(fix);
		expect(explanation.code).toBe(`ConstraintViolationException: ${reason}`);
	});

	it('gives the dates from which an account created recently may leave', () => {
		const explanation = explain(
			{ code: 'ConstraintViolationException', reason: 'WAIT_PERIOD_ACTIVE' },
			{ action: 'remove', joinedAt: '2026-03-01T10:00:00.000Z' },
		);
		expect(explanation.why).toMatch(/created on 2026-03-01: try after 2026-03-05/);
		expect(explanation.why).toMatch(/older documentation says 2026-03-08/);
	});

	it('treats MasterCannotLeaveOrganizationException as the management account refusal', () => {
		expect(explain({ code: 'MasterCannotLeaveOrganizationException' }, { action: 'remove' }).next).toMatch(
			/which deletes the organization/,
		);
	});

	it('names the permission the action needs', () => {
		expect(explain({ code: 'AccessDeniedException' }, { action: 'remove' }).why).toMatch(
			/organizations:RemoveAccountFromOrganization/,
		);
	});

	it('explains a reason it does not know honestly, naming it', () => {
		const explanation = explain(
			{ code: 'ConstraintViolationException', reason: 'SOMETHING_NEW' },
			{ action: 'remove' },
		);
		expectComplete(explanation);
		expect(explanation.why).toMatch(/SOMETHING_NEW/);
		expect(explanation.code).toBe('ConstraintViolationException: SOMETHING_NEW');
	});
});

describe('explain: network, credentials and unknown errors', () => {
	it('says the outcome of a destructive request is unknown when its answer was lost', () => {
		const explanation = explain(new OrgError('TimeoutError', 'socket hang up', { network: true }), { action: 'close' });
		expectComplete(explanation);
		expect(explanation.what).toBe(
			'No answer came to the request to close the account: whether it went through is unknown.',
		);
		expect(explanation.why).toMatch(/socket hang up/);
		expect(explanation.why).toMatch(/may have reached AWS and been carried out/);
		expect(explanation.next).toMatch(/reads the account's state/);
		expect(explanation.next).toMatch(/journal records the request as unknown/);
	});

	it('treats an AWS failure that is not a refusal (5xx) as an unknown outcome, and a refusal as a refusal', () => {
		const internal = explain(new OrgError('ServiceException', 'internal error'), { action: 'remove' });
		expect(internal.what).toMatch(/whether it went through is unknown/);
		expect(internal.why).toMatch(/AWS failed without refusing it \(ServiceException: internal error\)/);
		const status500 = explain(new OrgError('SomeNewFault', 'boom', { outcomeUnknown: true }), { action: 'close' });
		expect(status500.what).toMatch(/unknown/);
		const refused = explain(new OrgError('AccessDeniedException', 'no'), { action: 'close' });
		expect(refused.what).toBe('You are not allowed to close the account.');
		// A read has no outcome to settle: an AWS failure there is explained as itself.
		expect(explain(new OrgError('ServiceException', 'x'), { action: 'describe' }).what).toMatch(/internal error/);
	});

	it('keeps a read failure short', () => {
		const explanation = explain(
			{ code: 'ECONNREFUSED', network: true, message: 'connect ECONNREFUSED' },
			{ action: 'read' },
		);
		expect(explanation.why).not.toMatch(/may or may not/);
		expect(explanation.next).toMatch(/refresh/i);
	});

	it('explains refused credentials', () => {
		const explanation = explain({ code: 'ExpiredTokenException' }, { action: 'close' });
		expect(explanation.what).toMatch(/credentials were refused/);
		expect(explanation.next).toMatch(/--demo/);
	});

	it('gives an unknown error an honest generic explanation with the raw code', () => {
		const explanation = explain({ code: 'BrandNewException', message: 'Something odd happened' }, { action: 'close' });
		expectComplete(explanation);
		expect(explanation.what).toMatch(/BrandNewException/);
		expect(explanation.why).toMatch(/Something odd happened/);
		expect(explanation.code).toBe('BrandNewException');
	});

	it('covers the other Organizations errors the calls can give', () => {
		for (const code of [
			'InvalidInputException',
			'ServiceException',
			'UnsupportedAPIEndpointException',
			'AccessDeniedForDependencyException',
			'JournalWriteFailed',
		]) {
			const explanation = explain({ code }, { action: 'close' });
			expectComplete(explanation);
			expect(explanation.what).not.toMatch(/AWS answered/);
		}
	});
});
