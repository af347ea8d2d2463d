import { describe, expect, it } from 'vitest';
import {
	type RootAccessFeatures,
	rootAccessStatus,
	rootAccessSummary,
	rootRecoveryNote,
	whyRootAccessUnknown,
} from '../../source/domain/root-access.js';

const ON: RootAccessFeatures = { known: true, value: ['RootCredentialsManagement', 'RootSessions'] };
const CREDENTIALS_ONLY: RootAccessFeatures = { known: true, value: ['RootCredentialsManagement'] };
const OFF: RootAccessFeatures = { known: true, value: [] };
const UNKNOWN: RootAccessFeatures = {
	known: false,
	reason: 'this endpoint does not implement iam:ListOrganizationsFeatures',
};

describe('rootAccessStatus', () => {
	it('gives the definite answer with AWS feature names, or the reason it is unknown', () => {
		expect(rootAccessStatus(ON)).toBe('on (RootCredentialsManagement, RootSessions)');
		expect(rootAccessStatus(OFF)).toBe('off');
		expect(rootAccessStatus({ known: true, value: ['RootSessions'] })).toBe('off (only RootSessions)');
		expect(rootAccessStatus(UNKNOWN)).toBe('unknown (this endpoint does not implement iam:ListOrganizationsFeatures)');
		expect(rootAccessStatus({ known: false, reason: '' })).toBe('unknown (no reason given)');
		expect(rootAccessStatus(undefined)).toBe('checking (iam:ListOrganizationsFeatures)…');
	});
});

describe('whyRootAccessUnknown', () => {
	it.each([
		['AccessDenied', /^permission iam:ListOrganizationsFeatures missing$/],
		['AccessDeniedException', /^permission iam:ListOrganizationsFeatures missing$/],
		['UnrecognizedResponse', /endpoint does not implement iam:ListOrganizationsFeatures/],
		[
			'AccountNotManagementOrDelegatedAdministratorException',
			/only the management account or the IAM delegated administrator/,
		],
		['ServiceAccessNotEnabledException', /trusted access for IAM \(iam\.amazonaws\.com\) is off/],
		['OrganizationNotInAllFeaturesModeException', /only consolidated billing/],
		['OrganizationNotFoundException', /in no organization/],
		['CredentialsMissing', /no AWS credentials/],
	])('explains %s', (code, expected) => {
		expect(whyRootAccessUnknown({ code })).toMatch(expected);
	});

	it('names the network failure or the code and message of anything else', () => {
		expect(whyRootAccessUnknown({ code: 'NetworkError', network: true, message: 'ECONNREFUSED' })).toBe(
			'could not reach AWS for iam:ListOrganizationsFeatures: ECONNREFUSED',
		);
		expect(whyRootAccessUnknown({ code: 'ServiceFailure', message: 'try later' })).toBe(
			'iam:ListOrganizationsFeatures failed: ServiceFailure: try later',
		);
	});
});

describe('rootAccessSummary (a member about to be closed)', () => {
	it('is definite when root credentials are managed centrally, a possibility when unknown, the bare answer when off', () => {
		expect(rootAccessSummary(ON)).toBe(
			'on (RootCredentialsManagement, RootSessions): "Forgot password" needs password recovery allowed through sts:AssumeRoot first, while a member',
		);
		expect(rootAccessSummary(CREDENTIALS_ONLY)).toMatch(/while a member \(enable RootSessions first\)$/);
		expect(rootAccessSummary(UNKNOWN)).toBe(
			'unknown (this endpoint does not implement iam:ListOrganizationsFeatures): if on, "Forgot password" needs password recovery allowed through sts:AssumeRoot first, while a member',
		);
		expect(rootAccessSummary(OFF)).toBe('off');
	});
});

describe('rootRecoveryNote', () => {
	it('for the members the management account removes to close: nothing when the organization is known not to manage root credentials', () => {
		expect(rootRecoveryNote('members', OFF)).toBeUndefined();
		expect(rootRecoveryNote('members', CREDENTIALS_ONLY)).toMatch(/RootSessions is off, and sts:AssumeRoot needs it/);
		expect(rootRecoveryNote('members', undefined)).toMatch(/may not work/);
	});

	it('for the members the management account removes to close: recovery before the removal', () => {
		expect(rootRecoveryNote('members', ON)).toMatch(
			/manages members’ root credentials centrally: .*Do it before removing the member/,
		);
		expect(rootRecoveryNote('members', UNKNOWN)).toMatch(/may not work .*only before the member is removed/);
		expect(rootRecoveryNote('members', OFF)).toBeUndefined();
	});

	it('for a removed member: recovery had to be allowed before the removal', () => {
		expect(rootRecoveryNote('removed-member', ON)).toMatch(
			/works only if password recovery was allowed through sts:AssumeRoot .*before the removal/,
		);
		expect(rootRecoveryNote('removed-member', UNKNOWN)).toMatch(/may not work unless password recovery was allowed/);
		expect(rootRecoveryNote('removed-member', OFF)).toBeUndefined();
	});

	it('for the management account: centralized root access does not reach its own root user', () => {
		for (const features of [ON, OFF, UNKNOWN, undefined]) {
			expect(rootRecoveryNote('management', features)).toMatch(/covers member accounts only: .*not affected/);
		}
	});

	it('for a standalone account: a possibility, from the organization it may have left', () => {
		expect(rootRecoveryNote('standalone', undefined)).toMatch(
			/root credentials were deleted while it was a member .*"Forgot password" may not work/,
		);
	});
});
