"""
moto_server with one route more, /orgdash/seed-organization, for the tests.

POST it a JSON organization ({"ous": ["Workloads/Prod"], "accounts": [{"name",
"email", "ou"}]}) and the server builds it in its own process, with the same
backend calls that CreateOrganization (all features), CreateOrganizationalUnit,
CreateAccount and MoveAccount make, for the account the tests' keys sign as:
an organization of a hundred accounts in milliseconds, where two HTTP requests
per account took seconds of CPU. With "existing": true it adds the OUs and
accounts to the organization already there (an OU path already there is used,
not made again), so an organization can grow step by step. GET it to ask
whether the route is there.

test/support/moto-server.ts starts it with moto_server's own Python and the
same options (-H HOST -p PORT); every other request is moto's. If moto's
insides ever differ from what this expects, the route answers 500 with the
reason rather than a half-built organization being used.

With ORGDASH_MOTO_OWNER_PID set, the server exits once that process is gone:
a server shared by a test run's files outlives each of them, but never the
run, however it ends.
"""

import json
import os
import sys
import threading
import time

from moto.moto_server.werkzeug_app import DomainDispatcherApplication
from moto.server import main

ROUTE = "/orgdash/seed-organization"
# Whom the static keys of the tests ("testing") sign as: moto's default account.
CALLER_ACCOUNT_ID = "123456789012"


def seed(spec):
    from moto.organizations.models import organizations_backends

    backend = organizations_backends[CALLER_ACCOUNT_ID]["aws"]
    if spec.get("existing"):
        described = backend.describe_organization()
    else:
        described = backend.create_organization(region=spec.get("region", "us-east-1"), FeatureSet="ALL")
    organization = described.get("Organization", described)
    root_id = backend.list_roots()["Roots"][0]["Id"]
    ou_ids = {"": root_id}

    def ensure_ou(path):
        if path in ou_ids:
            return ou_ids[path]
        parent_path, _, name = path.rpartition("/")
        parent_id = ensure_ou(parent_path)
        present = [ou.id for ou in backend.ou if ou.parent_id == parent_id and ou.name == name]
        if present:
            ou_ids[path] = present[0]
        else:
            created = backend.create_organizational_unit(ParentId=parent_id, Name=name)
            ou_ids[path] = created["OrganizationalUnit"]["Id"]
        return ou_ids[path]

    for path in spec.get("ous", []):
        ensure_ou(path)
    accounts = []
    for account in spec.get("accounts", []):
        status = backend.create_account(AccountName=account["name"], Email=account["email"])["CreateAccountStatus"]
        if status["State"] != "SUCCEEDED":
            raise RuntimeError(f"CreateAccount {account['name']} ended {status['State']}")
        parent_id = ensure_ou(account.get("ou", ""))
        if parent_id != root_id:
            backend.move_account(AccountId=status["AccountId"], SourceParentId=root_id, DestinationParentId=parent_id)
        accounts.append({"id": status["AccountId"], "parentId": parent_id})
    return {
        "organizationId": organization["Id"],
        "managementAccountId": organization["MasterAccountId"],
        "managementAccountEmail": organization.get("MasterAccountEmail", ""),
        "rootId": root_id,
        "ouIds": ou_ids,
        "accounts": accounts,
    }


def answer(start_response, status, document):
    body = json.dumps(document).encode()
    start_response(status, [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
    return [body]


moto_dispatch = DomainDispatcherApplication.__call__


def dispatch(self, environ, start_response):
    if environ.get("PATH_INFO") != ROUTE:
        return moto_dispatch(self, environ, start_response)
    if environ.get("REQUEST_METHOD") == "GET":
        return answer(start_response, "200 OK", {"seeds": "organization"})
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
        spec = json.loads(environ["wsgi.input"].read(length) or b"{}")
        return answer(start_response, "200 OK", seed(spec))
    except Exception as error:  # noqa: BLE001 - the reason goes back to the test, whatever it is
        return answer(start_response, "500 Internal Server Error", {"message": f"{type(error).__name__}: {error}"})


DomainDispatcherApplication.__call__ = dispatch


def exit_with(owner_pid):
    while True:
        time.sleep(2)
        try:
            os.kill(owner_pid, 0)
        except ProcessLookupError:
            os._exit(0)
        except PermissionError:
            pass


if __name__ == "__main__":
    owner = os.environ.get("ORGDASH_MOTO_OWNER_PID", "")
    if owner.isdigit():
        threading.Thread(target=exit_with, args=(int(owner),), daemon=True).start()
    sys.exit(main())
