/**
 * An AWS error whose message echoes the request's credentials (a signature
 * mismatch through a misbehaving proxy) never shows them: not in the error
 * the adapter gives, not on the dashboard's screen, not on stderr of
 * `list --json`, not in the journal.
 */

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayText } from '../../source/domain/display-text.js';
import type { FlowEvent } from '../../source/domain/flow/types.js';
import { redactCredentials } from '../../source/domain/redact.js';
import { createAwsGateway } from '../../source/org/aws/gateway.js';
import { OrgError } from '../../source/org/errors.js';
import { Journal } from '../../source/store/journal/journal.js';
import { Settings } from '../../source/store/settings.js';
import { App } from '../../source/ui/app.js';
import { createFlowEffects } from '../../source/ui/flow-effects.js';
import { createTheme } from '../../source/ui/theme.js';
import { assertBuiltCommand, runBuiltCommand } from '../support/built-command.js';
import { type EchoCredentialsServer, startEchoCredentialsServer } from '../support/echo-credentials.js';

let server: EchoCredentialsServer;
let directory: string;
const saved: Record<string, string | undefined> = {};
const VARIABLES = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_REGION'];

beforeAll(async () => {
	server = await startEchoCredentialsServer();
	directory = mkdtempSync(join(tmpdir(), 'orgdash-credentials-'));
	for (const name of VARIABLES) saved[name] = process.env[name];
	delete process.env.AWS_PROFILE;
	process.env.AWS_ACCESS_KEY_ID = server.credentials.accessKeyId;
	process.env.AWS_SECRET_ACCESS_KEY = server.credentials.secretAccessKey;
	process.env.AWS_SESSION_TOKEN = server.credentials.sessionToken;
	process.env.AWS_REGION = 'us-east-1';
});

afterAll(async () => {
	for (const name of VARIABLES) {
		if (saved[name] === undefined) delete process.env[name];
		else process.env[name] = saved[name];
	}
	await server.close();
	rmSync(directory, { recursive: true, force: true });
});

function expectNoSecret(text: string, where: string): void {
	const secrets = server.secrets();
	expect(secrets.length).toBeGreaterThanOrEqual(4);
	for (const secret of secrets) {
		expect(text.includes(secret), `${where} holds ${secret.slice(0, 8)}...`).toBe(false);
	}
}

describe('redaction', () => {
	it('removes key ids, secrets, tokens, Authorization, credential and signature values, and keeps the rest', () => {
		const text = [
			'Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20260510/us-east-1/organizations/aws4_request, SignedHeaders=host, Signature=0123abcd',
			'X-Amz-Security-Token: FwoGZXIvYXdzEJr//+token',
			'https://x/?X-Amz-Credential=ASIAY34FZKBOKMUTVV7A%2F2026&X-Amz-Signature=fe12&X-Amz-Security-Token=abc',
			'secret wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY here',
			'"SecretAccessKey": "abc", aws_session_token = xyz',
			'Account 318274650192 is ACTIVE; the request signature we calculated does not match.',
		].join('\n');
		const redacted = redactCredentials(text);
		for (const secret of [
			'AKIAIOSFODNN7EXAMPLE',
			'0123abcd',
			'FwoGZXIvYXdzEJr',
			'ASIAY34FZKBOKMUTVV7A',
			'fe12',
			'abc',
			'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
			'xyz',
		]) {
			expect(redacted).not.toContain(secret);
		}
		expect(redacted).toContain('Authorization: [redacted]');
		expect(redacted).toContain('secret [redacted] here');
		expect(redacted).toContain('Account 318274650192 is ACTIVE; the request signature we calculated does not match.');
		// Made display-safe too: the message's newlines show as visible escapes.
		expect(new OrgError('X', text).message).toBe(displayText(redacted));
	});
});

describe('an error that echoes the request credentials', () => {
	it('is redacted in the error the AWS adapter gives', async () => {
		const gateway = createAwsGateway({ endpointUrl: server.endpoint });
		const error = (await gateway.describeOrganization().catch((caught: unknown) => caught)) as OrgError;
		expect(error).toBeInstanceOf(OrgError);
		expect(error.code).toBe('InvalidSignatureException');
		expect(error.message).toContain('the signature you provided');
		expect(error.message).toContain('[redacted]');
		expectNoSecret(error.message, 'the error');
		// A refusal: the request was answered, not lost.
		expect(error.outcomeUnknown).toBe(false);
	});

	it('is not shown on the dashboard', async () => {
		const gateway = createAwsGateway({ endpointUrl: server.endpoint });
		const settings = new Settings(directory);
		const app = render(<App gateway={gateway} settings={settings} theme={createTheme(false)} />);
		try {
			const deadline = Date.now() + 15_000;
			while (!(app.lastFrame() ?? '').includes('InvalidSignatureException') && Date.now() < deadline) {
				await new Promise((done) => setTimeout(done, 20));
			}
			const frames = app.frames.join('\n');
			expect(frames).toContain('InvalidSignatureException');
			expectNoSecret(frames, 'the screen');
		} finally {
			app.unmount();
		}
	});

	it('is not written to the journal when a close request gets it', async () => {
		const gateway = createAwsGateway({ endpointUrl: server.endpoint });
		const journal = new Journal(directory, 'o-credentials');
		const caller = { accountId: '111111111111', arn: 'arn:aws:iam::111111111111:user/admin' };
		const effects = createFlowEffects(
			{
				gateway,
				journal,
				organization: { id: 'o-credentials', managementAccountId: '111111111111', featureSet: 'ALL' },
				caller,
			},
			() => {},
		);
		const events: FlowEvent[] = [];
		effects.run({ type: 'submit', action: 'close', accountId: '318274650192', confirmation: 1 }, (event) =>
			events.push(event),
		);
		const deadline = Date.now() + 15_000;
		while (events.length === 0 && Date.now() < deadline) await new Promise((done) => setTimeout(done, 20));
		effects.dispose();
		expect(events[0]).toMatchObject({ type: 'submitFailed', error: { code: 'InvalidSignatureException' } });
		expectNoSecret(JSON.stringify(events), 'the flow');
		const text = readFileSync(journal.path, 'utf8');
		expect(text).toContain('InvalidSignatureException');
		expectNoSecret(text, 'the journal');
	});

	it('is not printed on stderr by list --json', async () => {
		assertBuiltCommand();
		const env: NodeJS.ProcessEnv = {};
		for (const [key, value] of Object.entries(process.env)) if (!key.startsWith('AWS_')) env[key] = value;
		const result = await runBuiltCommand(['list', '--json', '--endpoint-url', server.endpoint], {
			...env,
			ORGDASH_CONFIG_DIR: directory,
			AWS_CONFIG_FILE: join(directory, 'no-aws-config'),
			AWS_SHARED_CREDENTIALS_FILE: join(directory, 'no-aws-credentials'),
			AWS_EC2_METADATA_DISABLED: 'true',
			AWS_REGION: 'us-east-1',
			AWS_ACCESS_KEY_ID: server.credentials.accessKeyId,
			AWS_SECRET_ACCESS_KEY: server.credentials.secretAccessKey,
			AWS_SESSION_TOKEN: server.credentials.sessionToken,
		});
		expect(result.code).toBe(1);
		expect(result.stderr).toContain('The AWS credentials were refused');
		expect(result.stderr).toContain('[redacted]');
		expectNoSecret(result.stderr + result.stdout, 'list --json');
	}, 30_000);
});
