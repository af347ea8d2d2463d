/**
 * Credentials never leave the process in a message: an AWS error can echo the
 * request's headers (a signature mismatch through a misbehaving proxy does),
 * and the SDK's own errors can quote a profile file. Every error message is
 * passed through here where it enters the product, before it is shown on the
 * screen, printed, or written to the journal.
 */

const REDACTED = '[redacted]';

/** Access key ids: AKIA (long-term), ASIA (temporary), and the other IAM unique-id prefixes. */
const ACCESS_KEY_ID = /\b(?:AKIA|ASIA|AROA|AIDA|AGPA|AIPA|ANPA|ANVA|APKA|ABIA|ACCA)[A-Z0-9]{12,20}\b/g;

/** An Authorization header's whole value (AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...). */
const AUTHORIZATION = /(Authorization)(["']?\s*[:=]\s*["']?)[^\r\n"']+/gi;

/** Names whose value is a credential, followed by `=`, `:` or quotes, in headers, query strings, JSON or config files. */
const NAMED_SECRET =
	/(Credential|Signature|X-Amz-Credential|X-Amz-Security-Token|X-Amz-Signature|SessionToken|Session-Token|SecretAccessKey|SecretKey|AccessKeyId|aws_access_key_id|aws_secret_access_key|aws_session_token|aws_security_token)(["']?\s*[:=]\s*["']?)[^\s,;&"']+/gi;

/** A secret access key is 40 characters of base64; a session token is hundreds. Matched alone, whatever names it. */
// Both mix digits, upper and lower case letters, which keeps plain words and paths of the same length out.
const MIXED = '(?=[A-Za-z0-9/+]*[0-9])(?=[A-Za-z0-9/+]*[A-Z])(?=[A-Za-z0-9/+]*[a-z])';
const SECRET_ACCESS_KEY = new RegExp(`(?<![A-Za-z0-9/+=])${MIXED}[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])`, 'g');
const SESSION_TOKEN = new RegExp(`(?<![A-Za-z0-9/+=])${MIXED}[A-Za-z0-9/+]{100,}={0,2}(?![A-Za-z0-9/+=])`, 'g');

/** The text with anything that looks like a credential replaced by "[redacted]". */
export function redactCredentials(text: string): string {
	return text
		.replace(AUTHORIZATION, `$1$2${REDACTED}`)
		.replace(NAMED_SECRET, `$1$2${REDACTED}`)
		.replace(ACCESS_KEY_ID, REDACTED)
		.replace(SESSION_TOKEN, REDACTED)
		.replace(SECRET_ACCESS_KEY, REDACTED);
}
