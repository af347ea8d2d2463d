/**
 * `list --json` and `--jsonl` start the listing at once, beside the
 * organization's description (the listing needs nothing from it), so a run
 * pays no round trip more than the listing; and stop it when the
 * organization cannot be read.
 */
import { describe, expect, it } from 'vitest';
import type { Organization } from '../../source/domain/account.js';
import type { ListAccountsOptions, OrgReader } from '../../source/org/gateway.js';
import { createSandbox } from '../../source/org/sandbox/engine.js';
import { ListFailure, listDocument, streamAccounts } from '../../source/ui/list-document.js';

/** The sandbox, with describeOrganization answering only when the test says, and the listing's options seen. */
function gatewayWithHeldOrganization() {
	const sandbox = createSandbox({ accountCount: 45 });
	let release: { resolve: (organization: Organization) => void; reject: (error: unknown) => void } | undefined;
	const listings: ListAccountsOptions[] = [];
	const gateway: OrgReader = Object.create(sandbox, {
		describeOrganization: {
			value: () =>
				new Promise<Organization>((resolve, reject) => {
					release = { resolve, reject };
				}),
		},
		listAccounts: {
			value: (options: ListAccountsOptions = {}) => {
				listings.push(options);
				return sandbox.listAccounts(options);
			},
		},
	});
	return {
		gateway,
		listings,
		answerOrganization: async () => release?.resolve(await sandbox.describeOrganization()),
		failOrganization: (error: unknown) => release?.reject(error),
	};
}

async function until(condition: () => boolean): Promise<void> {
	for (let tries = 0; !condition(); tries++) {
		if (tries > 500) throw new Error('the condition never held');
		await new Promise((resolve) => setTimeout(resolve, 2));
	}
}

describe('list --json', () => {
	it('starts the listing before the organization answers, and lists every account', async () => {
		const held = gatewayWithHeldOrganization();
		const document = listDocument(held.gateway, () => undefined);
		await until(() => held.listings.length === 1);
		await held.answerOrganization();
		const listed = await document;
		expect(listed.accounts).toHaveLength(45);
		expect(listed.organization.id).toMatch(/^o-/);
		expect(listed.accounts.every((account) => account.arn.includes(listed.organization.id))).toBe(true);
	});

	it('reports the organization as the failed step, and stops the listing', async () => {
		const held = gatewayWithHeldOrganization();
		const document = listDocument(held.gateway, () => undefined).catch((error: unknown) => error);
		await until(() => held.listings.length === 1);
		const denied = Object.assign(new Error('not in an organization'), { name: 'AWSOrganizationsNotInUseException' });
		held.failOrganization(denied);
		const failure = await document;
		expect(failure).toBeInstanceOf(ListFailure);
		expect((failure as ListFailure).failure).toEqual({ operation: 'describeOrganization', error: denied });
		expect(held.listings[0]?.signal?.aborted).toBe(true);
	});
});

describe('list --jsonl', () => {
	it('holds pages that come before the organization, then writes every account once, with its ARN', async () => {
		const held = gatewayWithHeldOrganization();
		const lines: string[] = [];
		const streaming = streamAccounts(held.gateway, {}, (line) => lines.push(line));
		await until(() => held.listings.length === 1);
		// The sandbox lists in one go: every page has arrived, and none is written without its ARN.
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(lines).toEqual([]);
		await held.answerOrganization();
		await streaming;
		const accounts = lines.map((line) => JSON.parse(line) as { id: string; arn: string });
		expect(new Set(accounts.map((account) => account.id)).size).toBe(45);
		expect(accounts.every((account) => /^arn:aws:organizations::\d{12}:account\/o-/.test(account.arn))).toBe(true);
	});

	it('writes nothing when the organization cannot be read', async () => {
		const held = gatewayWithHeldOrganization();
		const lines: string[] = [];
		const streaming = streamAccounts(held.gateway, {}, (line) => lines.push(line)).catch((error: unknown) => error);
		await until(() => held.listings.length === 1);
		held.failOrganization(new Error('AccessDenied'));
		expect(await streaming).toBeInstanceOf(ListFailure);
		expect(lines).toEqual([]);
		expect(held.listings[0]?.signal?.aborted).toBe(true);
	});
});
