/**
 * Read-only mode: the app gets an object that has the gateway's reads and
 * nothing else. Its writes are not hidden or made to throw: the object has no
 * such properties, so no screen, whatever its bug, can reach one.
 */
import type { OrgGateway, OrgReader } from './gateway.js';

/**
 * A new object with only the reads of `gateway`, each calling through to it.
 * Listing the reads one by one (rather than copying and deleting) means a
 * write added to OrgGateway later is left out without anyone remembering to;
 * a read added to OrgReader fails to compile here until it is passed on.
 */
export function readOnlyGateway(gateway: OrgGateway): OrgReader {
	const reader: OrgReader = {
		kind: gateway.kind,
		sourceKey: gateway.sourceKey,
		target: gateway.target,
		describeOrganization: () => gateway.describeOrganization(),
		callerIdentity: () => gateway.callerIdentity(),
		listAccounts: (options) => gateway.listAccounts(options),
		describeAccount: (accountId) => gateway.describeAccount(accountId),
		accountQuota: () => gateway.accountQuota(),
		accountFacts: (accountId, isManagement) => gateway.accountFacts(accountId, isManagement),
		rootAccessFeatures: () => gateway.rootAccessFeatures(),
		quarantineSetup: (ouName, policyName) => gateway.quarantineSetup(ouName, policyName),
		organizationImpact: () => gateway.organizationImpact(),
		accountImpact: (accountId) => gateway.accountImpact(accountId),
		accountTags: (accountId) => gateway.accountTags(accountId),
	} satisfies { readonly [K in keyof Required<OrgReader>]: OrgReader[K] };
	return Object.freeze(reader);
}

/** Every method OrgGateway adds to OrgReader: a write added there must be named here, or this fails to compile. */
export const WRITE_METHODS = {
	closeAccount: true,
	removeAccount: true,
	enableServiceControlPolicies: true,
	createOrganizationalUnit: true,
	createServiceControlPolicy: true,
	attachPolicy: true,
	moveAccount: true,
} as const satisfies Record<Exclude<keyof OrgGateway, keyof OrgReader>, true>;

/** The gateway with its writes, or undefined for a reader without them (read-only mode). */
export function writerOf(reader: OrgReader): OrgGateway | undefined {
	const candidate: Partial<OrgGateway> = reader;
	const names = Object.keys(WRITE_METHODS) as (keyof typeof WRITE_METHODS)[];
	const hasEveryWrite = names.every((name) => typeof candidate[name] === 'function');
	return hasEveryWrite ? (reader as OrgGateway) : undefined;
}

/** What a key that would change AWS says in read-only mode, instead of opening anything. */
export const READ_ONLY_REFUSAL = 'read-only mode: nothing that changes AWS is possible; start with --no-read-only';
