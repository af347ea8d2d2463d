#!/usr/bin/env bash
# Makes sure the project's virtualenv holds moto (the AWS-protocol server the
# integration tests start on 127.0.0.1) and the AWS CLI (the benchmark's
# yardstick). Runs before `npm test`; quick when they are already there.
# Without Python or PyPI it says so and the moto suites are skipped, except
# where ORGDASH_REQUIRE_MOTO or CI is set: there they fail.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

if [ -x .venv/bin/moto_server ] && [ -x .venv/bin/aws ]; then
	exit 0
fi
if ! command -v python3 >/dev/null 2>&1; then
	echo "orgdash tests: python3 not found, so the moto suites cannot run (install Python 3, then run npm test again)." >&2
	exit 0
fi
echo "orgdash tests: installing moto[server] and awscli into .venv (once)..." >&2
if [ ! -x .venv/bin/python ]; then
	python3 -m venv .venv || { echo "orgdash tests: could not create .venv (on Debian: apt-get install python3-venv)." >&2; exit 0; }
fi
if ! .venv/bin/python -m pip install --quiet --disable-pip-version-check 'moto[server]>=5.1.21' awscli; then
	echo "orgdash tests: pip could not install moto; the moto suites will be skipped (or fail where required)." >&2
fi
exit 0
