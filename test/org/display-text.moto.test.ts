/**
 * Names AWS allows (an OU name is any text) come out of the AWS adapter
 * display-safe, with the originals kept for `list --json`, and survive the
 * cache the same way.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { originalText } from '../../source/domain/account.js';
import { createAwsGateway } from '../../source/org/aws/gateway.js';
import { readAccountCache, writeAccountCache } from '../../source/store/cache.js';
import { listDocument } from '../../source/ui/list-document.js';
import { describeWithMoto, MOTO_REGION, seedOrganization } from '../support/moto.js';
import { UNSAFE_TEXT } from '../support/unsafe-text.js';

const OU_NAME = 'Sec\u001b]0;pwned\u0007\u202eops';
const ACCOUNT_NAME = 'pay\u001b]52;c;cm0gLXJmIH4=\u0007\u009b2J\u200bprod';

describeWithMoto('hostile names through the AWS adapter (moto)', (moto) => {
	let folder: string;

	beforeEach(async () => {
		await moto.server.reset();
		folder = mkdtempSync(join(tmpdir(), 'orgdash-hostile-moto-'));
	});

	afterEach(() => {
		rmSync(folder, { recursive: true, force: true });
	});

	it('lists an OU and an account with escape sequences display-safe, keeping the originals', async () => {
		const seeded = await seedOrganization(moto.server.endpoint, {
			ous: [OU_NAME],
			accounts: [{ name: ACCOUNT_NAME, ou: OU_NAME }],
		});
		const id = seeded.accounts[0]?.id as string;
		const gateway = createAwsGateway({ endpointUrl: moto.server.endpoint, region: MOTO_REGION });

		const accounts = await gateway.listAccounts();
		const account = accounts.find((item) => item.id === id);
		expect(account?.name).toBe('pay\\x1b]52;c;cm0gLXJmIH4=\\x07\\x9b2J\\u200bprod');
		expect(account?.parentPath).toBe('Root/Sec\\x1b]0;pwned\\x07\\u202eops');
		expect(account && originalText(account)).toMatchObject({ name: ACCOUNT_NAME, parentPath: `Root/${OU_NAME}` });
		for (const item of accounts) {
			expect(`${item.name}${item.email}${item.parentPath}`).not.toMatch(UNSAFE_TEXT);
		}

		// DescribeAccount finds the path with ListParents and DescribeOrganizationalUnit: the same display-safe text.
		const fresh = createAwsGateway({ endpointUrl: moto.server.endpoint, region: MOTO_REGION });
		const described = await fresh.describeAccount(id);
		expect(described.name).toBe(account?.name);
		expect(described.parentPath).toBe(account?.parentPath);
		// After a listing the path comes from the listing: escaped once, not twice.
		expect((await gateway.describeAccount(id)).parentPath).toBe(account?.parentPath);

		// list --json: the originals.
		const document = await listDocument(gateway, () => undefined);
		const listed = document.accounts.find((item) => item.id === id);
		expect(listed).toMatchObject({ name: ACCOUNT_NAME, parentPath: `Root/${OU_NAME}` });

		// The cache keeps the originals and reads back display-safe.
		const key = {
			sourceKey: gateway.sourceKey,
			organizationId: seeded.organizationId,
			callerAccountId: '123456789012',
		};
		await writeAccountCache(key, accounts, { directory: folder });
		const cached = await readAccountCache(key, folder);
		expect(cached.status).toBe('hit');
		const back = cached.status === 'hit' ? cached.accounts.find((item) => item.id === id) : undefined;
		// The cache keeps the display-safe account and its originals, not AWS's raw record.
		if (!account) throw new Error('the seeded account was not listed');
		const { raw, ...kept } = account;
		expect(raw?.Name).toBe(ACCOUNT_NAME);
		expect(back).toEqual(kept);
	});
});
