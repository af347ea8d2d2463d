/** Generated organizations of N accounts (`--demo-accounts N`, the benchmark): deterministic for a given N. */
import { DEMO_MANAGEMENT_ACCOUNT_ID } from './demo.js';
import {
	CONCURRENT_CLOSURE_LIMIT,
	DAY_MS,
	MINUTE_MS,
	type OrgUnit,
	SANDBOX_CLOSURE_DELAY_MS,
	type SandboxAccount,
	type SandboxState,
} from './types.js';

/** Beyond this the generated ids would no longer be unique; far above any real organization. */
export const MAX_GENERATED_ACCOUNTS = 1_000_000;

/** Small, fast, deterministic PRNG (mulberry32). */
function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const BUSINESS_UNITS = [
	'payments',
	'storefront',
	'data-platform',
	'mobile',
	'analytics',
	'logistics',
	'identity',
	'media',
];
const ENVIRONMENTS = ['prod', 'staging', 'dev'];
const REGIONS_BY_ENV: Record<string, readonly string[]> = { prod: ['us', 'eu', 'apac'] };
const PEOPLE = [
	'alice.nguyen',
	'bob.okafor',
	'carmen.diaz',
	'deepak.rao',
	'erin.walsh',
	'farah.haddad',
	'gustavo.lima',
	'hana.sato',
	'ivan.petrov',
	'julia.schmidt',
	'kwame.mensah',
	'lena.novak',
];

interface GeneratedOu extends OrgUnit {
	/** Name stem for the accounts placed in it. */
	readonly stem: string;
	/** Relative share of accounts. */
	readonly weight: number;
	readonly personal?: boolean;
}

function generatedOus(): GeneratedOu[] {
	const ous: GeneratedOu[] = [];
	let serial = 0;
	const add = (path: string, stem: string, weight: number, personal = false): void => {
		serial++;
		ous.push({ id: `ou-gen0-${serial.toString(36).padStart(8, '0')}`, path, stem, weight, personal });
	};
	add('Root/Security', 'security', 1);
	add('Root/Security/Log Archive', 'log-archive', 0.5);
	add('Root/Infrastructure/Network', 'network', 1);
	add('Root/Infrastructure/Shared Services', 'shared-services', 1);
	add('Root/Infrastructure/Identity', 'identity-infra', 0.3);
	for (const unit of BUSINESS_UNITS) {
		for (const env of ENVIRONMENTS) {
			const regions = REGIONS_BY_ENV[env];
			if (regions) {
				for (const region of regions)
					add(`Root/Workloads/${title(unit)}/${title(env)}/${region.toUpperCase()}`, `${unit}-${env}-${region}`, 3);
			} else {
				add(`Root/Workloads/${title(unit)}/${title(env)}`, `${unit}-${env}`, env === 'dev' ? 4 : 2);
			}
		}
	}
	add('Root/Sandbox', 'sandbox', 6, true);
	add('Root/Suspended', 'retired', 1);
	add('Root/Policy Staging', 'policy-test', 0.3);
	return ous;
}

function title(stem: string): string {
	return stem
		.split('-')
		.map((word) => word.charAt(0).toUpperCase() + word.slice(1))
		.join(' ');
}

/** Distinct 12-digit ids: a multiplier coprime to 9e11 walks every residue once. */
function generatedId(index: number): string {
	return String(100_000_000_000 + ((index * 7_368_787_397) % 900_000_000_000));
}

export function generateOrganization(count: number, startMs: number): SandboxState {
	if (!Number.isInteger(count) || count < 1 || count > MAX_GENERATED_ACCOUNTS) {
		throw new RangeError(
			`The sandbox makes organizations of 1 to ${MAX_GENERATED_ACCOUNTS} accounts; ${count} is not one of those. Pass a whole number such as 1000.`,
		);
	}
	const random = prng(0x5eed ^ count);
	const managementId = DEMO_MANAGEMENT_ACCOUNT_ID;
	const accounts = new Map<string, SandboxAccount>();
	const closures: number[] = [];
	accounts.set(managementId, {
		id: managementId,
		name: 'Acme Corp Management',
		email: 'aws-management@acme-corp.example',
		state: 'ACTIVE',
		joinedMethod: 'INVITED',
		joinedAtMs: startMs - 2190 * DAY_MS,
		parentId: 'r-gen0',
		parentPath: 'Root',
	});

	const ous = generatedOus();
	const cumulative: number[] = [];
	let total = 0;
	for (const ou of ous) {
		total += ou.weight;
		cumulative.push(total);
	}
	const pickOu = (): GeneratedOu => {
		const target = random() * total;
		let index = 0;
		while ((cumulative[index] ?? total) < target) index++;
		return ous[index] ?? (ous[0] as GeneratedOu);
	};

	// At most CONCURRENT_CLOSURE_LIMIT - 1 closures pending, so one more can still be requested.
	let pendingClosures = 0;
	let index = 1;
	for (let made = 1; made < count; made++) {
		let id = generatedId(index++);
		if (id === managementId) id = generatedId(index++);
		const ou = pickOu();
		const serial = String(made).padStart(5, '0');
		const name = ou.personal ? `sandbox-${PEOPLE[made % PEOPLE.length]}-${serial}` : `${ou.stem}-${serial}`;
		const roll = random();
		const joinedAgoMs = Math.floor(random() * 2000 * DAY_MS);
		const account: SandboxAccount = {
			id,
			name,
			email: `aws+${name}@acme-corp.example`,
			state: 'ACTIVE',
			joinedMethod: roll < 0.85 ? 'CREATED' : 'INVITED',
			joinedAtMs: startMs - joinedAgoMs,
			parentId: ou.id,
			parentPath: ou.path,
		};
		const stateRoll = random();
		if (stateRoll < 0.05) {
			account.state = 'CLOSED';
			// Closed at some point in the last 89 days, never before it joined.
			account.closedAtMs = startMs - Math.floor(random() * Math.min(89 * DAY_MS, joinedAgoMs));
			closures.push(account.closedAtMs);
		} else if (stateRoll < 0.055) {
			account.state = 'SUSPENDED';
		} else if (stateRoll < 0.065) {
			account.state = 'PENDING_ACTIVATION';
			account.joinedMethod = 'CREATED';
			account.joinedAtMs = startMs - Math.floor(random() * 30 * MINUTE_MS);
		} else if (stateRoll < 0.068 && pendingClosures < CONCURRENT_CLOSURE_LIMIT - 1) {
			pendingClosures++;
			account.state = 'PENDING_CLOSURE';
			account.closedAtMs = startMs - Math.floor(random() * 3 * MINUTE_MS);
			account.closesAtMs = account.closedAtMs + SANDBOX_CLOSURE_DELAY_MS + 5 * MINUTE_MS;
			closures.push(account.closedAtMs);
		}
		accounts.set(id, account);
	}

	// A raised quota comfortably above the count, as a large organization would have asked for.
	const applied = Math.max(10, Math.ceil((count * 1.2) / 100) * 100);
	return {
		organization: {
			id: `o-gen${String(count).padStart(8, '0')}`,
			managementAccountId: managementId,
			managementAccountEmail: 'aws-management@acme-corp.example',
			featureSet: 'ALL',
		},
		sourceKey: `sandbox:generated:${count}`,
		quota: { applied, awsDefault: 10, quotaCode: 'L-29A0C5DF', invitations: { known: true, count: 0 } },
		accounts,
		closures,
		rootAccessFeatures: [],
	};
}
