/**
 * The AWS adapter reading answers moto does not give: regions being enabled
 * or disabled (ListRegions), the GovCloud account's state
 * (GetGovCloudAccountInformation) and the organization's centralized root
 * access features (iam:ListOrganizationsFeatures). A local endpoint answers
 * each call with the body AWS documents for it, in its protocol (REST JSON
 * for the Account API, XML for IAM), so the SDK and the adapter run for real.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAwsGateway } from '../../source/org/aws/gateway.js';

interface Answer {
	readonly status: number;
	readonly headers: Record<string, string>;
	readonly body: string;
}

const json = (body: unknown, status = 200, errorType?: string): Answer => ({
	status,
	headers: { 'content-type': 'application/json', ...(errorType ? { 'x-amzn-errortype': errorType } : {}) },
	body: JSON.stringify(body),
});
const xml = (body: string, status = 200): Answer => ({ status, headers: { 'content-type': 'text/xml' }, body });

const IAM_FEATURES = (features: readonly string[]) =>
	xml(`<ListOrganizationsFeaturesResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
  <ListOrganizationsFeaturesResult>
    <OrganizationId>o-aa111bb222</OrganizationId>
    <EnabledFeatures>${features.map((feature) => `<member>${feature}</member>`).join('')}</EnabledFeatures>
  </ListOrganizationsFeaturesResult>
  <ResponseMetadata><RequestId>11111111-2222-4333-8444-555555555555</RequestId></ResponseMetadata>
</ListOrganizationsFeaturesResponse>`);

const IAM_ERROR = (code: string, message: string, status: number) =>
	xml(
		`<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>11111111-2222-4333-8444-555555555555</RequestId></ErrorResponse>`,
		status,
	);

/** What each call answers, by its name (the Account API's path, or IAM's Action). */
let answers: Record<string, Answer> = {};
/** Each call's name and request body, in order. */
const asked: Array<{ name: string; body: string }> = [];
let server: Server;
let endpoint: string;

function callName(request: IncomingMessage, body: string): string {
	const action = new URLSearchParams(body).get('Action');
	return action ?? (request.url ?? '').replace(/^\//, '').split('?')[0] ?? '';
}

const saved: Record<string, string | undefined> = {};
const VARIABLES = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE'];

beforeAll(async () => {
	for (const name of VARIABLES) saved[name] = process.env[name];
	delete process.env.AWS_PROFILE;
	delete process.env.AWS_SESSION_TOKEN;
	process.env.AWS_ACCESS_KEY_ID = 'testing';
	process.env.AWS_SECRET_ACCESS_KEY = 'testing';
	server = createServer((request, response) => {
		let body = '';
		request.on('data', (chunk: Buffer) => {
			body += chunk.toString();
		});
		request.on('end', () => {
			const name = callName(request, body);
			asked.push({ name, body });
			const answer = answers[name] ?? json({ message: `no answer for ${name}` }, 404, 'ResourceNotFoundException');
			response.writeHead(answer.status, answer.headers);
			response.end(answer.body);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	for (const name of VARIABLES) {
		if (saved[name] === undefined) delete process.env[name];
		else process.env[name] = saved[name];
	}
	await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
	answers = {};
	asked.length = 0;
});

describe('account facts from the Account API', () => {
	it('lists regions being enabled or disabled with their status, asking for those statuses', async () => {
		answers = {
			listRegions: json({
				Regions: [
					{ RegionName: 'us-east-1', RegionOptStatus: 'ENABLED_BY_DEFAULT' },
					{ RegionName: 'me-central-1', RegionOptStatus: 'DISABLING' },
					{ RegionName: 'eu-south-2', RegionOptStatus: 'ENABLING' },
					{ RegionName: 'ap-east-1', RegionOptStatus: 'ENABLED' },
				],
			}),
			getGovCloudAccountInformation: json({ GovCloudAccountId: '081276345910', AccountState: 'SUSPENDED' }),
			getPrimaryEmail: json({ PrimaryEmail: 'root@example.com' }),
		};
		const facts = await createAwsGateway({ endpointUrl: endpoint }).accountFacts('222222222222', false);
		expect(facts.regions).toEqual({
			known: true,
			value: [
				{ name: 'ap-east-1', status: 'ENABLED' },
				{ name: 'eu-south-2', status: 'ENABLING' },
				{ name: 'me-central-1', status: 'DISABLING' },
				{ name: 'us-east-1', status: 'ENABLED_BY_DEFAULT' },
			],
		});
		expect(facts.govCloud).toEqual({ known: true, value: { accountId: '081276345910', state: 'SUSPENDED' } });
		const listRegions = asked.find((call) => call.name === 'listRegions');
		expect(JSON.parse(listRegions?.body ?? '{}')).toEqual({
			AccountId: '222222222222',
			RegionOptStatusContains: ['ENABLED', 'ENABLED_BY_DEFAULT', 'ENABLING', 'DISABLING'],
		});
	});

	it('keeps a linked GovCloud account without a state, and says none is linked when AWS finds none', async () => {
		answers = { getGovCloudAccountInformation: json({ GovCloudAccountId: '081276345910' }) };
		const gateway = createAwsGateway({ endpointUrl: endpoint });
		expect((await gateway.accountFacts('222222222222', false)).govCloud).toEqual({
			known: true,
			value: { accountId: '081276345910' },
		});
		answers = {};
		expect((await gateway.accountFacts('222222222222', false)).govCloud).toEqual({ known: true, value: null });
	});
});

describe('centralized root access from IAM', () => {
	it('gives the enabled features as IAM lists them', async () => {
		answers = { ListOrganizationsFeatures: IAM_FEATURES(['RootCredentialsManagement', 'RootSessions']) };
		expect(await createAwsGateway({ endpointUrl: endpoint }).rootAccessFeatures()).toEqual({
			known: true,
			value: ['RootCredentialsManagement', 'RootSessions'],
		});
		answers = { ListOrganizationsFeatures: IAM_FEATURES([]) };
		expect(await createAwsGateway({ endpointUrl: endpoint }).rootAccessFeatures()).toEqual({ known: true, value: [] });
	});

	it.each([
		['AccessDenied', 403, /^permission iam:ListOrganizationsFeatures missing$/],
		['ServiceAccessNotEnabledException', 400, /trusted access for IAM/],
		['AccountNotManagementOrDelegatedAdministratorException', 400, /only the management account/],
	])('turns %s into unknown, with the reason', async (code, status, reason) => {
		answers = { ListOrganizationsFeatures: IAM_ERROR(code, 'refused', status) };
		const answer = await createAwsGateway({ endpointUrl: endpoint }).rootAccessFeatures();
		expect(answer.known).toBe(false);
		if (!answer.known) expect(answer.reason).toMatch(reason);
	});
});
