/**
 * Turns an AWS error into what happened, why, and what to do now, in the
 * product's own words. Every ConstraintViolationException reason that
 * RemoveAccountFromOrganization can give becomes the step that fixes it. An
 * error not known here still gets an honest explanation that names the raw code.
 * Its neighbours explain the rest: explain-load.ts why the organization could
 * not be loaded, explain-fact.ts why a fact about an account is not known.
 */
import { type ErrorInfo, isCredentialProblem } from './error-codes.js';
import { leavesOutcomeUnknown } from './outcome.js';
import { addDays } from './quota.js';

export type ExplainAction = 'close' | 'remove' | 'describe' | 'read';

export interface ExplainContext {
	readonly action?: ExplainAction;
	readonly accountId?: string;
	/** ISO 8601; when the account joined (for the wait period after creation). */
	readonly joinedAt?: string;
}

export interface Explanation {
	/** What happened. */
	readonly what: string;
	/** Why it happened. */
	readonly why: string;
	/** What to do now. */
	readonly next: string;
	/** The raw code (and reason), always shown so nothing is hidden. */
	readonly code: string;
}

/** The days an account created by the organization must wait before it can leave (current docs; older ones say 7). */
export const WAIT_PERIOD_DAYS = 4;
export const WAIT_PERIOD_DAYS_OLDER_DOCS = 7;

type Parts = Omit<Explanation, 'code'>;

function actionVerb(action: ExplainAction | undefined): string {
	switch (action) {
		case 'close':
			return 'close the account';
		case 'remove':
			return 'remove the account from the organization';
		case 'describe':
			return 'read the account';
		default:
			return 'read the organization';
	}
}

function permissionFor(action: ExplainAction | undefined): string {
	switch (action) {
		case 'close':
			return 'organizations:CloseAccount';
		case 'remove':
			return 'organizations:RemoveAccountFromOrganization';
		case 'describe':
			return 'organizations:DescribeAccount';
		default:
			return 'the organizations:List* and Describe* permissions';
	}
}

function accountLabel(context: ExplainContext): string {
	return context.accountId ? `account ${context.accountId}` : 'the account';
}

function day(iso: string): string {
	return iso.slice(0, 10);
}

/** A refusal AWS explains with a reason: the call it refused, and what the reason means and asks for. */
interface RefusalReason {
	readonly refused: 'close' | 'remove';
	/** Ends the "what" line, after "AWS refused to close the account: ". */
	readonly because: string;
	readonly why: string;
	readonly next: string;
}

const REFUSAL_REASONS: Readonly<Record<string, RefusalReason>> = {
	CLOSE_ACCOUNT_QUOTA_EXCEEDED: {
		refused: 'close',
		because: 'the organization has used its closure allowance.',
		why: 'In a rolling 30-day window AWS closes at most the higher of 250 or 20% of the member accounts, up to 1,000. Closures made outside orgdash count too.',
		next: 'Wait until older closures leave the 30-day window and try again, or remove the account from the organization (x) and close it in the console as a standalone account.',
	},
	CLOSE_ACCOUNT_REQUESTS_LIMIT_EXCEEDED: {
		refused: 'close',
		because: 'too many closures are in progress at the same time.',
		why: 'AWS allows only a few closures to be processed at once (believed to be 3). Earlier requests are still pending.',
		next: 'Wait until the accounts now PENDING_CLOSURE show CLOSED (r refreshes the list), then try again.',
	},
	CANNOT_CLOSE_MANAGEMENT_ACCOUNT: {
		refused: 'close',
		because: "it is the organization's management account.",
		why: 'CloseAccount closes member accounts only. The management account is closed by its root user in the Billing console, after every member is closed or removed; closing it deletes the organization.',
		next: 'Use the console closure steps (c on the management account shows them).',
	},
	ACCOUNT_CANNOT_LEAVE_ORGANIZATION: {
		refused: 'remove',
		because: 'it is the management account.',
		why: 'The management account cannot leave its own organization.',
		next: 'To get rid of it, remove or close every member, then close the account in the console, which deletes the organization (c shows the steps).',
	},
	ACCOUNT_CANNOT_LEAVE_WITHOUT_PHONE_VERIFICATION: {
		refused: 'remove',
		because: 'it has no verified phone number.',
		why: 'A standalone account must have a verified phone number; accounts created by the organization usually have none.',
		next: 'Sign in to the account (as root or an administrator), open the Account page and complete the phone verification, then try the removal again.',
	},
	ACCOUNT_CANNOT_LEAVE_WITHOUT_EULA: {
		refused: 'remove',
		because: 'the AWS Customer Agreement has not been accepted for it.',
		why: 'A standalone account must have accepted the AWS Customer Agreement; accounts created by the organization have not.',
		next: 'Sign in to the account, finish the standalone sign-up (it asks you to accept the agreement, add a payment method and choose a support plan), then try again.',
	},
	MEMBER_ACCOUNT_PAYMENT_INSTRUMENT_REQUIRED: {
		refused: 'remove',
		because: 'it has no payment method.',
		why: 'Once removed, the account pays its own bills, so it needs a payment method of its own.',
		next: 'Sign in to the account, add a payment method in the Billing console (Payment preferences), then try again.',
	},
	INVALID_PAYMENT_INSTRUMENT: {
		refused: 'remove',
		because: 'its payment method is not valid.',
		why: 'AWS does not accept the account’s payment method: it may have expired or been declined, or be of a kind AWS does not accept for a standalone account.',
		next: 'Sign in to the account, fix or replace the payment method in the Billing console (Payment preferences), then try again.',
	},
	CANNOT_REMOVE_DELEGATED_ADMINISTRATOR_FROM_ORG: {
		refused: 'remove',
		because: 'it is a delegated administrator for a service.',
		why: 'An account registered as delegated administrator cannot leave the organization.',
		next: 'From the management account, deregister it first (aws organizations list-delegated-services-for-account, then deregister-delegated-administrator for each service), then try again.',
	},
	MASTER_ACCOUNT_PAYMENT_INSTRUMENT_REQUIRED: {
		refused: 'remove',
		because: 'the management account has no payment method.',
		why: 'AWS needs a valid payment method on the management account before a member can leave.',
		next: 'Sign in to the management account, add a payment method in the Billing console (Payment preferences), then try again.',
	},
	MASTER_ACCOUNT_MISSING_CONTACT_INFO: {
		refused: 'remove',
		because: 'the management account lacks contact information.',
		why: 'AWS needs the management account’s contact information (address, phone) complete before a member can leave.',
		next: 'Sign in to the management account, complete its contact information on the Account page of the Billing console, then try again.',
	},
	ORGANIZATION_NOT_IN_ALL_FEATURES_MODE: {
		refused: 'close',
		because: 'the organization has only consolidated billing enabled.',
		why: 'CloseAccount needs all features enabled in the organization.',
		next: 'Enable all features for the organization (AWS Organizations console, Settings), or remove the account (x) and close it in the console.',
	},
};

/** The fix for each reason RemoveAccountFromOrganization (and CloseAccount) can give. */
function constraintViolation(reason: string | undefined, context: ExplainContext): Parts {
	const account = accountLabel(context);
	// Own keys only: a reason such as "constructor" must not find Object's.
	const known = reason && Object.hasOwn(REFUSAL_REASONS, reason) ? REFUSAL_REASONS[reason] : undefined;
	if (known) {
		return { what: `AWS refused to ${known.refused} ${account}: ${known.because}`, why: known.why, next: known.next };
	}
	switch (reason) {
		case 'WAIT_PERIOD_ACTIVE': {
			const when = context.joinedAt
				? ` It was created on ${day(context.joinedAt)}: try after ${day(addDays(context.joinedAt, WAIT_PERIOD_DAYS))} (older documentation says ${day(addDays(context.joinedAt, WAIT_PERIOD_DAYS_OLDER_DOCS))}).`
				: '';
			return {
				what: `AWS refused to remove ${account}: it was created too recently.`,
				why: `An account created by the organization must be at least ${WAIT_PERIOD_DAYS} days old (older documentation says ${WAIT_PERIOD_DAYS_OLDER_DOCS}) before it can leave.${when}`,
				next: 'Wait until the account is old enough, then try the removal again.',
			};
		}
		default:
			return {
				what: `AWS refused to ${actionVerb(context.action)}: a constraint of the organization was violated.`,
				why: reason
					? `AWS gave the reason ${reason}, which orgdash does not explain yet.`
					: 'AWS gave no reason with the refusal.',
				next: 'Look the reason up under ConstraintViolationException in the AWS Organizations API reference, fix it, then try again.',
			};
	}
}

function byCode(error: ErrorInfo, context: ExplainContext): Parts | undefined {
	const account = accountLabel(context);
	const verb = actionVerb(context.action);
	switch (error.code) {
		case 'ConstraintViolationException':
			return constraintViolation(error.reason, context);
		case 'AccountAlreadyClosedException':
			return {
				what: `${capitalize(account)} is already closed or closing.`,
				why: 'AWS has already accepted a closure for it; it is PENDING_CLOSURE or CLOSED.',
				next: 'Nothing more to do. Refresh (r) to see its state; it can be reopened through AWS Support within 90 days of the closure.',
			};
		case 'AccountNotFoundException':
			return {
				what: `${capitalize(account)} was not found in the organization.`,
				why: 'It may have been removed, deleted after its post-closure period, or the id belongs to another organization.',
				next: 'Refresh the list (r) and check the account id.',
			};
		case 'ConflictException':
			return {
				what: `AWS could not ${verb} because of a conflicting request.`,
				why: 'Another request for the same account is in progress (for example a closure already being processed).',
				next: 'Wait a minute, refresh (r) to see the account state, and try again only if it is still needed.',
			};
		case 'ConcurrentModificationException':
			return {
				what: `AWS could not ${verb}: the organization was being changed at the same moment.`,
				why: 'Another change to the organization was being applied at the same time, so AWS rejected this one to keep them apart.',
				next: 'Refresh (r) and try again in a moment.',
			};
		case 'TooManyRequestsException':
			return {
				what: `AWS throttled the request to ${verb}.`,
				why: 'Too many Organizations API calls were made in a short time (by orgdash or anything else using this organization).',
				next: 'Wait a minute and try again; nothing was changed by the refused request.',
			};
		case 'AccessDeniedException':
			return {
				what: `You are not allowed to ${verb}.`,
				why: `The signed-in identity lacks ${permissionFor(context.action)}, or it is not in the management account (only the management account can close or remove members), or a service control policy denies it.`,
				next: `Sign in with a role in the management account that allows ${permissionFor(context.action)}, then try again.`,
			};
		case 'AWSOrganizationsNotInUseException':
			return {
				what: 'This account is not in an organization.',
				why: 'The signed-in account is standalone: AWS Organizations is not enabled for it, so there are no members to close or remove.',
				next: 'A standalone account is closed by its root user in the Billing console (c shows the steps).',
			};
		case 'MasterCannotLeaveOrganizationException':
			return constraintViolation('ACCOUNT_CANNOT_LEAVE_ORGANIZATION', context);
		case 'AccessDeniedForDependencyException':
			return {
				what: `AWS could not ${verb}: a service it depends on refused access.`,
				why: 'The signed-in identity lacks a permission of a dependent service (for example iam:CreateServiceLinkedRole).',
				next: 'Check the permissions of the signed-in role, then try again.',
			};
		case 'InvalidInputException':
			return {
				what: `AWS rejected the request to ${verb} as invalid.`,
				why: 'An input was not accepted (for example an account id that is not 12 digits).',
				next: 'Check the account id and try again; if it persists, the message below says which input.',
			};
		case 'ServiceException':
		case 'InternalFailure':
		case 'ServiceUnavailable':
			return {
				what: `AWS had an internal error and could not ${verb}.`,
				why: 'The failure was on the AWS side.',
				next: 'Refresh (r) to see whether anything changed, then try again in a few minutes.',
			};
		case 'JournalWriteFailed':
			return {
				what: `orgdash did not send the request to ${verb}: it could not write the journal first.`,
				why: `Every request is recorded before it is sent, so that it can be checked later. The write failed${error.message ? ` (${error.message})` : ''}.`,
				next: 'Check that the settings directory is writable and has space (ORGDASH_CONFIG_DIR moves it), then try again.',
			};
		case 'UnsupportedAPIEndpointException':
			return {
				what: `The endpoint does not support the request to ${verb}.`,
				why: 'Organizations calls must go to the organization’s home endpoint (us-east-1 for the commercial partition).',
				next: 'Run orgdash with --region us-east-1 (or the right endpoint) and try again.',
			};
		default:
			if (isCredentialProblem(error.code)) {
				return {
					what: `The credentials were refused, so orgdash could not ${verb}.`,
					why: 'They are missing, expired, or not valid for this endpoint.',
					next: 'Refresh them (for example aws sso login --profile NAME) and start orgdash again; --demo runs without credentials.',
				};
			}
			return undefined;
	}
}

function capitalize(text: string): string {
	return text ? `${text[0]?.toUpperCase()}${text.slice(1)}` : text;
}

/** What happened, why, and what to do now, for any error the gateway reports. */
export function explain(error: ErrorInfo, context: ExplainContext = {}): Explanation {
	const code = error.reason ? `${error.code}: ${error.reason}` : error.code;
	const destructive = context.action === 'close' || context.action === 'remove';
	if (destructive && leavesOutcomeUnknown(error)) {
		const cause = error.network
			? `The connection failed or timed out before AWS's answer arrived (${error.message || error.code}).`
			: `AWS failed without refusing it (${error.code}${error.message ? `: ${error.message}` : ''}).`;
		return {
			what: `No answer came to the request to ${actionVerb(context.action)}: whether it went through is unknown.`,
			why: `${cause} The request may have reached AWS and been carried out.`,
			next: "orgdash reads the account's state to find out, and the journal records the request as unknown until then; if AWS cannot be reached now, orgdash checks it on the next start. Do not send it again before the state is known.",
			code,
		};
	}
	if (error.network) {
		return {
			what: `orgdash could not reach AWS to ${actionVerb(context.action)}.`,
			why: `The network failed (${error.message || error.code}).`,
			next: 'Check the connection and refresh (r).',
			code,
		};
	}
	const parts = byCode(error, context);
	if (parts) return { ...parts, code };
	return {
		what: `AWS answered ${error.code} when orgdash tried to ${actionVerb(context.action)}.`,
		why: error.message
			? `orgdash does not know this error; AWS said: ${error.message}`
			: 'orgdash does not know this error and AWS gave no message.',
		next: 'Refresh (r) to see whether anything changed; look the code up in the AWS documentation before trying again.',
		code,
	};
}
