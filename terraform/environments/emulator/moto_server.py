"""moto_server whose IAM authorization can prove least privilege.

Run it like moto_server (same arguments) with INITIAL_NO_AUTH_ACTION_COUNT set:
after that many calls every request must be signed by a known principal and is
allowed only by its IAM policies. Stock moto evaluates policies against the
resource "*" for most services, so a statement naming a table or a secret never
matches and least-privilege policies deny everything; and it denies (or fails
on) AssumeRole when a trust policy has a statement for another principal, such
as the ECS tasks service. Two adjustments make it behave like AWS there:

- DynamoDB, DynamoDB Streams and Secrets Manager requests are authorized
  against the ARN they act on (table, index, stream, secret). Batch and
  transaction calls are checked against their first table.
- A trust-policy statement for other principals does not apply to the caller
  (it neither allows nor denies), as in AWS.

- moto evaluates bucket policies on object requests but only the StringEquals
  condition operator, and applies a statement whose other conditions it cannot
  evaluate as if they held. The media bucket's guards (Deny without TLS, Deny
  another encryption) would then refuse every object request, though the
  services send none that AWS would refuse (except that the emulator speaks
  plain HTTP). A Deny statement with such conditions does not apply here.
- moto computes a different SigV4 signature than the SDKs for EFS's REST
  requests, so their signature is not compared (the access key must still be
  known and its policies must still allow the action).

Conditions are still not evaluated by moto (kms:ViaService, aws:SourceAccount,
s3:prefix): the plan tests assert them.
"""
import sys

import moto
from moto.dynamodb.responses import DynamoHandler
from moto.dynamodbstreams.responses import DynamoDBStreamsHandler
from moto.iam.access_control import IAMPolicyStatement, IAMRequestBase, PermissionResult
from moto.secretsmanager.models import secretsmanager_backends
from moto.secretsmanager.responses import SecretsManagerResponse
from moto.server import main

PATCHED_FOR = "5.2."


def _table_name(body):
    if body.get("TableName"):
        return body["TableName"]
    for table in (body.get("RequestItems") or {}):
        return table
    for item in body.get("TransactItems") or []:
        for operation in item.values():
            if isinstance(operation, dict) and operation.get("TableName"):
                return operation["TableName"]
    return None


def _dynamodb_resource(self):
    body = self.body if isinstance(self.body, dict) else {}
    table = _table_name(body)
    if not table:
        return "*"
    arn = table if table.startswith("arn:") else f"arn:aws:dynamodb:{self.region}:{self.current_account}:table/{table}"
    return f"{arn}/index/{body['IndexName']}" if body.get("IndexName") else arn


def _stream_resource(self):
    arn = self._get_param("StreamArn") or self._get_param("ShardIterator") or ""
    return arn.split("|", 1)[0] or "*"


def _secret_resource(self):
    secret_id = self._get_param("SecretId")
    if not secret_id:
        return "*"
    if secret_id.startswith("arn:"):
        return secret_id
    secret = secretsmanager_backends[self.current_account][self.region].secrets.get(secret_id)
    return secret.arn if secret is not None else "*"


def _names_principal(principal_element, principal):
    if principal_element == "*":
        return True
    if not isinstance(principal_element, dict):
        return False
    aws = principal_element.get("AWS")
    aws = aws if isinstance(aws, list) else [aws]
    return "*" in aws or principal in aws


_statement_permits = IAMPolicyStatement.is_action_permitted


def _unevaluable_deny(statement):
    return statement.get("Effect") == "Deny" and any(op != "StringEquals" for op in (statement.get("Condition") or {}))


def _is_action_permitted(self, action, resource="*", principal=None, incoming_condition_values=None):
    if _unevaluable_deny(self._statement):
        return PermissionResult.NEUTRAL
    if principal and "Principal" in self._statement and not _names_principal(self._statement["Principal"], principal):
        return PermissionResult.NEUTRAL
    return _statement_permits(self, action, resource, principal, incoming_condition_values)


_check_signature = IAMRequestBase.check_signature


def _check_signature_except_efs(self):
    if self._service != "elasticfilesystem":
        _check_signature(self)


def patch():
    if not moto.__version__.startswith(PATCHED_FOR):
        sys.exit(f"moto_server.py adjusts moto {PATCHED_FOR}x internals; found moto {moto.__version__}")
    DynamoHandler._determine_resource = _dynamodb_resource
    DynamoDBStreamsHandler._determine_resource = _stream_resource
    SecretsManagerResponse._determine_resource = _secret_resource
    IAMPolicyStatement.is_action_permitted = _is_action_permitted
    IAMRequestBase.check_signature = _check_signature_except_efs


if __name__ == "__main__":
    patch()
    main(sys.argv[1:])
