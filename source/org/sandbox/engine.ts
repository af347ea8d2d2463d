/**
 * An in-memory organization that follows AWS's rules: the embedded
 * organization behind `--demo` and the tests. It refuses what AWS
 * refuses, with the same exception names and reasons, closes accounts
 * asynchronously (PENDING_CLOSURE, then CLOSED a short sandbox-time later),
 * and lets AWS delete closed accounts at the end of the post-closure period.
 *
 * Time is `options.now()` plus whatever `advance()` added, so tests can
 * freeze the clock and move it by hand while the demo follows the real one.
 */

import type { CallerIdentity, Organization } from '../../domain/account.js';
import { displayText } from '../../domain/display-text.js';
import { displayFacts } from '../../domain/facts.js';
import { IMPACT_SOURCES, unknownFromError } from '../../domain/impact.js';
import { CLOSURE_WINDOW_DAYS, POST_CLOSURE_DAYS } from '../../domain/quota.js';
import { whyRootAccessUnknown } from '../../domain/root-access.js';
import { OrgError } from '../errors.js';
import type { ListAccountsOptions } from '../gateway.js';
import { accessDenied, factsOf, REMOVAL_MESSAGES, toAccount, unknownFacts } from './answers.js';
import { seedDemo } from './demo.js';
import { DEMO_IMPACT } from './demo-impact.js';
import { generateOrganization } from './generated.js';
import { accountImpactOf, organizationImpactOf, unknownImpact } from './impact.js';
import {
	CONCURRENT_CLOSURE_LIMIT,
	DAY_MS,
	type GatewayOperation,
	LIST_PAGE_SIZE,
	REMOVAL_WAIT_PERIOD_MS,
	SANDBOX_CLOSURE_DELAY_MS,
	type SandboxAccount,
	type SandboxGateway,
	type SandboxOptions,
	type SandboxState,
} from './types.js';

export function createSandbox(options: SandboxOptions = {}): SandboxGateway {
	const clock = options.now ?? (() => new Date());
	let offsetMs = 0;
	const nowMs = (): number => clock().getTime() + offsetMs;
	const latencyMs = Math.max(0, options.latencyMs ?? 0);

	const state =
		options.accountCount === undefined ? seedDemo(nowMs()) : generateOrganization(options.accountCount, nowMs());
	if (options.accountCount === undefined) {
		for (const [id, impact] of Object.entries(DEMO_IMPACT)) {
			const account = state.accounts.get(id);
			if (account) account.impact = impact;
		}
	}
	for (const [id, rename] of Object.entries(options.renamed ?? {})) {
		const account = state.accounts.get(id);
		if (!account) throw new RangeError(`renamed: no account ${id} in the sandbox`);
		Object.assign(account, rename);
	}
	const managementId = state.organization.managementAccountId;
	let callerId = options.callerAccountId ?? managementId;

	const calls: Array<{ operation: string; accountId?: string }> = [];
	const failures = new Map<string, OrgError[]>();
	/** Errors thrown after the call was carried out: the answer lost on its way back. */
	const lostAnswers = new Map<string, OrgError[]>();

	/** After a call has done its work: throws when its answer is to be lost. */
	function answer(operation: string): void {
		const lost = lostAnswers.get(operation)?.shift();
		if (lost) throw lost;
	}

	/** Brings the organization up to the current sandbox time. */
	function settle(): void {
		const now = nowMs();
		const deleteBefore = now - POST_CLOSURE_DAYS * DAY_MS;
		for (const account of state.accounts.values()) {
			if (account.state === 'PENDING_CLOSURE' && account.closesAtMs !== undefined && account.closesAtMs <= now) {
				account.state = 'CLOSED';
				account.closesAtMs = undefined;
			}
			// AWS deletes a closed account for good at the end of the post-closure period; it leaves the organization.
			if (account.state === 'CLOSED' && account.closedAtMs !== undefined && account.closedAtMs <= deleteBefore) {
				state.accounts.delete(account.id);
			}
		}
	}

	async function begin(operation: GatewayOperation, accountId?: string, signal?: AbortSignal): Promise<void> {
		calls.push(accountId === undefined ? { operation } : { operation, accountId });
		if (latencyMs > 0) await sleep(latencyMs, signal);
		signal?.throwIfAborted();
		const queued = failures.get(operation);
		const failure = queued?.shift();
		if (failure) throw failure;
		settle();
	}

	function requireOrganization(): void {
		if (!state.accounts.has(callerId)) {
			throw new OrgError('AWSOrganizationsNotInUseException', 'Your account is not a member of an organization.');
		}
	}

	/** Read calls: the management account and delegated administrators. */
	function requireReader(): void {
		requireOrganization();
		if (callerId === managementId) return;
		if (state.accounts.get(callerId)?.delegatedAdministrator) return;
		throw accessDenied();
	}

	function requireManagement(): void {
		requireOrganization();
		if (callerId !== managementId) throw accessDenied();
	}

	function findAccount(accountId: string): SandboxAccount {
		const account = state.accounts.get(accountId);
		if (!account) {
			throw new OrgError('AccountNotFoundException', "You specified an account that doesn't exist.");
		}
		return account;
	}

	// Parents by id (the root and every OU accounts sit in), service control policies and their attachments.
	const rootId = [...state.accounts.values()].find((account) => account.parentPath === 'Root')?.parentId ?? 'r-sandbox';
	const parents = new Map<string, string>([[rootId, 'Root']]);
	for (const account of state.accounts.values()) parents.set(account.parentId, account.parentPath);
	const policies = new Map<string, { name: string; content: string }>();
	const attachments = new Map<string, Set<string>>();
	let scpEnabled = false;
	let created = 0;
	const newId = (prefix: string) => `${prefix}${(++created).toString(36).padStart(8, '0')}`;

	function requireParent(parentId: string, code: string): string {
		const path = parents.get(parentId);
		if (path === undefined) throw new OrgError(code, `We can't find a root or OU with the ParentId ${parentId}.`);
		return path;
	}

	const gateway: SandboxGateway = {
		kind: 'sandbox',
		sourceKey: state.sourceKey,
		calls,

		failNext(operation, error) {
			const queue = failures.get(operation) ?? [];
			queue.push(error);
			failures.set(operation, queue);
		},

		loseNextAnswer(operation, error) {
			const queue = lostAnswers.get(operation) ?? [];
			queue.push(
				error ??
					new OrgError('NetworkError', `Organizations.${operation}: could not reach AWS (ECONNRESET: socket hang up)`, {
						network: true,
					}),
			);
			lostAnswers.set(operation, queue);
		},

		setCaller(accountId) {
			callerId = accountId;
		},

		advance(ms) {
			if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`advance() takes a duration of 0 ms or more, not ${ms}`);
			offsetMs += ms;
		},

		async describeOrganization() {
			await begin('describeOrganization');
			requireOrganization();
			const { id, managementAccountId, managementAccountEmail, featureSet } = state.organization;
			return {
				id: displayText(id),
				managementAccountId: displayText(managementAccountId),
				...(managementAccountEmail === undefined
					? {}
					: { managementAccountEmail: displayText(managementAccountEmail) }),
				featureSet,
			} satisfies Organization;
		},

		async callerIdentity() {
			await begin('callerIdentity');
			const arn =
				callerId === managementId
					? `arn:aws:iam::${callerId}:user/demo-admin`
					: `arn:aws:sts::${callerId}:assumed-role/OrganizationAccountAccessRole/demo-admin`;
			return { accountId: displayText(callerId), arn: displayText(arn) } satisfies CallerIdentity;
		},

		async listAccounts(listOptions: ListAccountsOptions = {}) {
			const { signal, onAccounts } = listOptions;
			await begin('listAccounts', undefined, signal);
			requireReader();
			// One snapshot, as pages of one paginated listing would show it.
			const all = Array.from(state.accounts.values(), (account) => toAccount(account, state.organization));
			for (let start = 0; start < all.length; start += LIST_PAGE_SIZE) {
				if (start > 0 && latencyMs > 0) await sleep(latencyMs, signal);
				signal?.throwIfAborted();
				onAccounts?.(all.slice(start, start + LIST_PAGE_SIZE));
			}
			return all;
		},

		async describeAccount(accountId) {
			await begin('describeAccount', accountId);
			requireReader();
			return toAccount(findAccount(accountId), state.organization);
		},

		async accountQuota() {
			await begin('accountQuota');
			return { ...state.quota };
		},

		async accountFacts(accountId, isManagement) {
			await begin('accountFacts', accountId);
			// Like the Account API behind the AWS adapter, every failure becomes an unknown fact with its reason.
			if (isManagement && accountId !== callerId) {
				return unknownFacts(
					`ValidationException: without an AccountId the Account Management API reads the caller's own account (${callerId}), not ${accountId}`,
				);
			}
			if (!isManagement && accountId === callerId && callerId === managementId) {
				return unknownFacts(
					'ValidationException: the management account must read its own account information without an AccountId',
				);
			}
			const account = state.accounts.get(accountId);
			if (!account) {
				return unknownFacts(`AccessDeniedException: account ${accountId} is not a member of this organization`);
			}
			if (accountId !== callerId && callerId !== managementId) {
				return unknownFacts(
					'AccessDeniedException: only the management account (or a delegated administrator for account management) can read another account',
				);
			}
			return displayFacts(factsOf(account));
		},

		async rootAccessFeatures() {
			// Like the AWS adapter: never rejects, an answer it cannot give is unknown with the reason.
			try {
				await begin('rootAccessFeatures');
				if (!state.accounts.has(callerId)) {
					throw new OrgError('OrganizationNotFoundException', 'No organization is associated with your account.');
				}
				if (callerId !== managementId) {
					throw new OrgError(
						'AccountNotManagementOrDelegatedAdministratorException',
						'The account making the request is not the management account or delegated administrator.',
					);
				}
				return { known: true, value: [...state.rootAccessFeatures] };
			} catch (error) {
				return { known: false, reason: displayText(whyRootAccessUnknown(error as OrgError)) };
			}
		},

		async organizationImpact() {
			try {
				await begin('organizationImpact');
				requireManagement();
				return organizationImpactOf(state, nowMs());
			} catch (error) {
				return {
					delegatedAdministrators: unknownFromError(IMPACT_SOURCES.delegatedAdministrators, error as OrgError),
					spend: unknownFromError(IMPACT_SOURCES.spend, error as OrgError),
				};
			}
		},

		async accountImpact(accountId) {
			try {
				await begin('accountImpact', accountId);
				requireReader();
				return accountImpactOf(findAccount(accountId), managementId);
			} catch (error) {
				return unknownImpact(error as OrgError);
			}
		},

		async accountTags(accountId) {
			try {
				await begin('accountTags', accountId);
				requireReader();
				return accountImpactOf(findAccount(accountId), managementId).tags;
			} catch (error) {
				return unknownImpact(error as OrgError).tags;
			}
		},

		async closeAccount(accountId) {
			await begin('closeAccount', accountId);
			requireManagement();
			const account = findAccount(accountId);
			if (accountId === managementId) {
				throw new OrgError(
					'ConstraintViolationException',
					"You can't close the management account with the CloseAccount API. Close it as its root user in the Billing and Cost Management console.",
					{ reason: 'CANNOT_CLOSE_MANAGEMENT_ACCOUNT' },
				);
			}
			if (account.state === 'CLOSED' || account.state === 'PENDING_CLOSURE' || account.state === 'SUSPENDED') {
				throw new OrgError(
					'AccountAlreadyClosedException',
					`You attempted to close an account that is already closed (account ${accountId} is ${account.state}).`,
				);
			}
			const now = nowMs();
			const windowStart = now - CLOSURE_WINDOW_DAYS * DAY_MS;
			const closuresInWindow = state.closures.filter((at) => at > windowStart).length;
			if (closuresInWindow >= closureAllowanceFor(memberCount(state))) {
				throw new OrgError(
					'ConstraintViolationException',
					'You have exceeded the number of accounts you can close in a rolling 30-day period (the higher of 250 or 20% of member accounts, at most 1,000).',
					{ reason: 'CLOSE_ACCOUNT_QUOTA_EXCEEDED' },
				);
			}
			let pending = 0;
			for (const other of state.accounts.values()) if (other.state === 'PENDING_CLOSURE') pending++;
			if (pending >= CONCURRENT_CLOSURE_LIMIT) {
				throw new OrgError(
					'ConstraintViolationException',
					'You have exceeded the number of concurrent close account requests. Wait for the pending closures to finish, then try again.',
					{ reason: 'CLOSE_ACCOUNT_REQUESTS_LIMIT_EXCEEDED' },
				);
			}
			account.state = 'PENDING_CLOSURE';
			account.closedAtMs = now;
			account.closesAtMs = now + SANDBOX_CLOSURE_DELAY_MS;
			state.closures.push(now);
			answer('closeAccount');
		},

		async quarantineSetup(ouName, policyName) {
			await begin('quarantineSetup');
			requireReader();
			const path = `Root/${ouName}`;
			const ouId = [...parents].find(([, known]) => known === path)?.[0];
			const policyId = scpEnabled ? [...policies].find(([, policy]) => policy.name === policyName)?.[0] : undefined;
			return {
				rootId,
				scpEnabled,
				ou: ouId ? { id: ouId, path } : undefined,
				policy: policyId
					? { id: policyId, attached: ouId !== undefined && (attachments.get(ouId)?.has(policyId) ?? false) }
					: undefined,
			};
		},

		async enableServiceControlPolicies(root) {
			await begin('enableServiceControlPolicies');
			requireManagement();
			if (root !== rootId) throw new OrgError('RootNotFoundException', `We can't find a root with the RootId ${root}.`);
			if (scpEnabled) {
				throw new OrgError('PolicyTypeAlreadyEnabledException', 'The specified policy type is already enabled.');
			}
			scpEnabled = true;
		},

		async createOrganizationalUnit(parentId, name) {
			await begin('createOrganizationalUnit');
			requireManagement();
			const parentPath = requireParent(parentId, 'ParentNotFoundException');
			const path = `${parentPath}/${name}`;
			if ([...parents.values()].includes(path)) {
				throw new OrgError('DuplicateOrganizationalUnitException', 'An OU with the same name already exists.');
			}
			const id = `ou-${rootId.slice(2, 6).padEnd(4, '0')}-${newId('')}`;
			parents.set(id, path);
			return { id, path };
		},

		async createServiceControlPolicy(name, _description, content) {
			await begin('createServiceControlPolicy');
			requireManagement();
			if ([...policies.values()].some((policy) => policy.name === name)) {
				throw new OrgError('DuplicatePolicyException', 'A policy with the same name already exists.');
			}
			const id = `p-${newId('')}`;
			policies.set(id, { name, content });
			return id;
		},

		async attachPolicy(policyId, targetId) {
			await begin('attachPolicy');
			requireManagement();
			if (!policies.has(policyId))
				throw new OrgError('PolicyNotFoundException', `We can't find a policy with the PolicyId ${policyId}.`);
			requireParent(targetId, 'TargetNotFoundException');
			if (!scpEnabled) {
				throw new OrgError(
					'PolicyTypeNotEnabledException',
					"The specified policy type isn't currently enabled in this root.",
				);
			}
			const attached = attachments.get(targetId) ?? new Set<string>();
			if (attached.has(policyId))
				throw new OrgError('DuplicatePolicyAttachmentException', 'The policy is already attached.');
			attached.add(policyId);
			attachments.set(targetId, attached);
		},

		async moveAccount(accountId, fromParentId, toParentId) {
			await begin('moveAccount', accountId);
			requireManagement();
			const account = findAccount(accountId);
			requireParent(fromParentId, 'SourceParentNotFoundException');
			const toPath = requireParent(toParentId, 'DestinationParentNotFoundException');
			if (account.parentId === toParentId) {
				throw new OrgError(
					'DuplicateAccountException',
					'That account is already present in the specified destination.',
				);
			}
			if (account.parentId !== fromParentId) {
				throw new OrgError('SourceParentNotFoundException', `Account ${accountId} is not in ${fromParentId}.`);
			}
			account.parentId = toParentId;
			account.parentPath = toPath;
		},

		async removeAccount(accountId) {
			await begin('removeAccount', accountId);
			requireManagement();
			const account = findAccount(accountId);
			if (accountId === managementId) {
				throw new OrgError(
					'ConstraintViolationException',
					"The management account can't leave the organization. Delete the organization instead, after every member has been removed or closed.",
					{ reason: 'ACCOUNT_CANNOT_LEAVE_ORGANIZATION' },
				);
			}
			if (account.state === 'CLOSED' || account.state === 'PENDING_CLOSURE') {
				// AWS keeps a closed member until it is finally closed (up to 90 days) and will not remove it meanwhile.
				throw new OrgError(
					'ConstraintViolationException',
					`Account ${accountId} is ${account.state} and can't be removed from the organization until it is finally closed.`,
				);
			}
			if (account.impact?.delegatedServices?.length) {
				throw new OrgError(
					'ConstraintViolationException',
					REMOVAL_MESSAGES.CANNOT_REMOVE_DELEGATED_ADMINISTRATOR_FROM_ORG ?? '',
					{ reason: 'CANNOT_REMOVE_DELEGATED_ADMINISTRATOR_FROM_ORG' },
				);
			}
			if (account.removalBlock) {
				throw new OrgError(
					'ConstraintViolationException',
					REMOVAL_MESSAGES[account.removalBlock] ?? account.removalBlock,
					{
						reason: account.removalBlock,
					},
				);
			}
			if (account.joinedMethod === 'CREATED' && nowMs() - account.joinedAtMs < REMOVAL_WAIT_PERIOD_MS) {
				throw new OrgError('ConstraintViolationException', REMOVAL_MESSAGES.WAIT_PERIOD_ACTIVE ?? '', {
					reason: 'WAIT_PERIOD_ACTIVE',
				});
			}
			state.accounts.delete(accountId);
			answer('removeAccount');
		},
	};
	return gateway;
}

function memberCount(state: SandboxState): number {
	return state.accounts.size - (state.accounts.has(state.organization.managementAccountId) ? 1 : 0);
}

/** AWS's rule as the CloseAccount reference states it, kept apart from the product's estimate so tests compare the two. */
function closureAllowanceFor(members: number): number {
	return Math.min(1000, Math.max(250, Math.floor(members * 0.2)));
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
	return new Promise((resolve, reject) => {
		if (signal?.aborted) {
			reject(signal.reason);
			return;
		}
		const onAbort = () => {
			clearTimeout(timer);
			reject(signal?.reason);
		};
		const timer = setTimeout(() => {
			signal?.removeEventListener('abort', onAbort);
			resolve();
		}, ms);
		signal?.addEventListener('abort', onAbort, { once: true });
	});
}
