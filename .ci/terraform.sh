#!/usr/bin/env bash
# Terraform stage of CI (called by .ci/run; also runnable alone: `bash .ci/terraform.sh`).
#
#   1. terraform fmt -check -recursive over terraform/
#   2. init -backend=false in every module, example and environment found by glob (new modules are
#      picked up without editing this file), then terraform test where there is a tests/ directory
#      (mock provider, plan only; it validates as well) and terraform validate elsewhere
#   4. moto_server (terraform/environments/emulator/moto_server.py: IAM authorization enforced, policies
#      evaluated against the resources they name) on a free loopback port -> an administrator user created
#      with the first unauthenticated calls -> apply terraform/environments/emulator as that user -> check
#      with the AWS CLI what was created, and with each service's assumed task role what it may and may
#      not do -> destroy -> stop the emulator (a trap stops it on any exit)
#
# There is no static analyser (tflint, checkov, trivy) here: none installs from the registries this
# machine reaches (see terraform/README.md); the plan tests assert the security invariants instead.
#
# Offline: providers come only from the filesystem mirror named in terraform/.terraformrc.
# The emulator runs in the background while steps 1-2 run (apply ~110-215 s, destroy ~190-210 s).
# Environment knobs: TF_SKIP_EMULATOR=1 skips step 4; TF_TEST_PARALLELISM (default 2) sets how many
# directories are validated/tested at once.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
tf_root=$repo/terraform

started=$(date +%s)
step() { printf '\n---- terraform: %s (at %ds)\n' "$1" $(( $(date +%s) - started )); }
die() { echo "terraform.sh: $*" >&2; exit 1; }

command -v terraform >/dev/null || die "terraform is not installed (see shared/design/environment.md)"
export TF_CLI_CONFIG_FILE=$tf_root/.terraformrc
export TF_IN_AUTOMATION=1 TF_INPUT=0 CHECKPOINT_DISABLE=1
unset TF_WORKSPACE TF_DATA_DIR
parallelism=${TF_TEST_PARALLELISM:-2}

work=$(mktemp -d "${TMPDIR:-/tmp}/tf-ci.XXXXXX")
moto_pid=""
emu_pid=""
cleanup() {
  local rc=$?
  # Stop the background emulator job first (it would otherwise keep applying), then the emulator itself.
  if [ -n "$emu_pid" ] && kill -0 "$emu_pid" 2>/dev/null; then kill "$emu_pid" 2>/dev/null || true; wait "$emu_pid" 2>/dev/null || true; fi
  if [ -n "$moto_pid" ] && kill -0 "$moto_pid" 2>/dev/null; then kill "$moto_pid" 2>/dev/null || true; wait "$moto_pid" 2>/dev/null || true; fi
  rm -rf "$work"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Every directory with .tf files under modules/*, modules/*/examples/*, environments/*.
tf_dirs() {
  local d
  for d in "$tf_root"/modules/*/ "$tf_root"/modules/*/examples/*/ "$tf_root"/environments/*/; do
    d=${d%/}
    compgen -G "$d/*.tf" >/dev/null && echo "$d"
  done
  return 0
}

# init -backend=false, then `terraform test` where the directory has tests/ (a plan test validates the
# configuration too) and `terraform validate` elsewhere; output to a per-directory log, printed on failure.
check_dir() {
  local dir=$1 log name=${1#"$tf_root"/}
  log=$work/check-$(echo "$name" | tr '/' '_').log
  if ! (cd "$dir" && terraform init -backend=false -input=false -no-color >"$log" 2>&1); then
    echo "FAIL  init     terraform/$name"; sed 's/^/      /' "$log"; return 1
  fi
  if compgen -G "$dir/tests/*.tftest.hcl" >/dev/null; then
    if (cd "$dir" && terraform test -no-color >>"$log" 2>&1); then
      echo "ok    test     terraform/$name: $(grep -Eo '[0-9]+ passed, [0-9]+ failed' "$log" | tail -1)"
    else
      echo "FAIL  test     terraform/$name"; sed 's/^/      /' "$log"; return 1
    fi
  elif (cd "$dir" && terraform validate -no-color >>"$log" 2>&1); then
    echo "ok    validate terraform/$name"
  else
    echo "FAIL  validate terraform/$name"; sed 's/^/      /' "$log"; return 1
  fi
}
export -f check_dir
export work tf_root repo

################################################################################
# Emulator: runs in the background from the start (it mostly waits on the provider's polling)
################################################################################

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

emulator_stage() {
  set -euo pipefail
  local env_dir=$tf_root/environments/emulator
  local state=$work/emulator.tfstate
  local contracts=$tf_root/contracts
  local account=123456789012 # the emulator's account
  local admin=ci-admin
  local aws=(aws --endpoint-url "$endpoint" --region us-east-1 --output text)
  export AWS_DEFAULT_REGION=us-east-1 AWS_PAGER=""

  echo "== administrator (the emulator's only unauthenticated calls)"
  local keys
  keys=$(AWS_ACCESS_KEY_ID=bootstrap AWS_SECRET_ACCESS_KEY=bootstrap bash -c '
    set -euo pipefail
    "$@" iam create-user --user-name '"$admin"' >/dev/null
    "$@" iam put-user-policy --user-name '"$admin"' --policy-name administrator \
      --policy-document "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}"
    "$@" iam create-access-key --user-name '"$admin"' --query "AccessKey.[AccessKeyId,SecretAccessKey]"' _ "${aws[@]}")
  export AWS_ACCESS_KEY_ID=${keys%%[[:space:]]*} AWS_SECRET_ACCESS_KEY=${keys##*[[:space:]]}
  local tfvars=(-var "endpoint=$endpoint" -var "access_key=$AWS_ACCESS_KEY_ID" -var "secret_key=$AWS_SECRET_ACCESS_KEY"
    -var "test_principal_arns=[\"arn:aws:iam::$account:user/$admin\"]")

  # Own data directory: the validate step inits the same directory at the same time.
  export TF_DATA_DIR=$work/emulator-data
  echo "== init"
  (cd "$env_dir" && terraform init -backend=false -input=false -no-color >/dev/null)
  echo "== apply (as $admin, IAM authorization enforced)"
  local t0=$SECONDS
  (cd "$env_dir" && timeout 300 terraform apply -auto-approve -no-color -state="$state" "${tfvars[@]}" -parallelism=20) >"$work/apply.log" 2>&1 \
    || { tail -n 60 "$work/apply.log"; return 1; }
  echo "apply took $(( SECONDS - t0 ))s"
  (cd "$env_dir" && terraform output -no-color -state="$state" -json) >"$work/outputs.json"

  echo "== verify with the AWS CLI"
  local failures=0
  check() { # check <description> <expected> <actual>
    if [ "$2" = "$3" ]; then echo "ok    $1 = $3"; else echo "FAIL  $1: expected '$2', got '$3'"; failures=$((failures + 1)); fi
  }
  out() { python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); v=d[sys.argv[2]]["value"]
for k in sys.argv[3:]: v=v[k]
print(v)' "$work/outputs.json" "$@"; }

  local table bucket cluster fs ap pool
  table=$(out catalog_service_env CATALOG_TABLE)
  bucket=$(out media_service_env MEDIA_BUCKET)
  cluster=$(out aurora_cluster_id)
  fs=$(out media_efs_file_system_id)
  ap=$(out media_efs_access_point_id)
  pool=$(out identity user_pool_id)

  # DynamoDB: exactly the shape of contracts/catalog-table.json (keys, GSI1 and GSI2 with their
  # projections, stream, TTL), plus SSE and PITR
  "${aws[@]}" --output json dynamodb describe-table --table-name "$table" >"$work/table.json"
  "${aws[@]}" --output json dynamodb describe-time-to-live --table-name "$table" >"$work/ttl.json"
  check "dynamodb $table shape = contracts/catalog-table.json" "same" "$(python3 - "$contracts/catalog-table.json" "$work/table.json" "$work/ttl.json" <<'PY'
import json, sys
contract = json.load(open(sys.argv[1]))
table = json.load(open(sys.argv[2]))["Table"]
ttl = json.load(open(sys.argv[3]))["TimeToLiveDescription"]
def indexes(gsis):
    return sorted((g["IndexName"], json.dumps(g["KeySchema"]), g["Projection"]["ProjectionType"],
                   sorted(g["Projection"].get("NonKeyAttributes", []))) for g in gsis)
diffs = []
for name, want, got in [
    ("attributes", sorted(map(json.dumps, contract["AttributeDefinitions"])), sorted(map(json.dumps, table["AttributeDefinitions"]))),
    ("keys", contract["KeySchema"], table["KeySchema"]),
    ("indexes", indexes(contract["GlobalSecondaryIndexes"]), indexes(table.get("GlobalSecondaryIndexes", []))),
    ("stream", contract["StreamSpecification"], table.get("StreamSpecification")),
    ("ttl", [contract["TimeToLiveSpecification"]["AttributeName"], "ENABLED"], [ttl.get("AttributeName"), ttl.get("TimeToLiveStatus")]),
]:
    if want != got:
        diffs.append(f"{name}: want {want}, got {got}")
print("; ".join(diffs) or "same")
PY
)"
  check "dynamodb $table SSE" "KMS" "$("${aws[@]}" dynamodb describe-table --table-name "$table" --query 'Table.SSEDescription.SSEType')"
  check "dynamodb $table PITR" "ENABLED" \
    "$("${aws[@]}" dynamodb describe-continuous-backups --table-name "$table" --query 'ContinuousBackupsDescription.PointInTimeRecoveryDescription.PointInTimeRecoveryStatus')"

  # S3: the features media-service relies on (contracts/services.json), public access block, lifecycle,
  # TLS-only policy, access logs
  local versioning sse
  versioning=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["media_bucket"]["versioning"])' "$contracts/services.json")
  sse=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["media_bucket"]["sse_algorithm"])' "$contracts/services.json")
  check "s3 $bucket versioning" "$versioning" "$("${aws[@]}" s3api get-bucket-versioning --bucket "$bucket" --query Status)"
  check "s3 $bucket encryption" "$sse True" \
    "$("${aws[@]}" s3api get-bucket-encryption --bucket "$bucket" --query 'ServerSideEncryptionConfiguration.Rules[0].[ApplyServerSideEncryptionByDefault.SSEAlgorithm,BucketKeyEnabled]' | tr '\t' ' ')"
  check "s3 $bucket public access block" "True True True True" \
    "$("${aws[@]}" s3api get-public-access-block --bucket "$bucket" --query 'PublicAccessBlockConfiguration.[BlockPublicAcls,IgnorePublicAcls,BlockPublicPolicy,RestrictPublicBuckets]' | tr '\t' ' ')"
  check "s3 $bucket lifecycle: Standard-IA after" "30" \
    "$("${aws[@]}" s3api get-bucket-lifecycle-configuration --bucket "$bucket" --query "Rules[?ID=='current-versions-tiering'] | [0].Transitions[?StorageClass=='STANDARD_IA'] | [0].Days")"
  check "s3 $bucket lifecycle: abort multipart after" "7" \
    "$("${aws[@]}" s3api get-bucket-lifecycle-configuration --bucket "$bucket" --query "Rules[?ID=='abort-incomplete-multipart-uploads'].AbortIncompleteMultipartUpload.DaysAfterInitiation | [0]")"
  check "s3 $bucket TLS-only and no other encryption" "Deny false aws:kms" \
    "$("${aws[@]}" s3api get-bucket-policy --bucket "$bucket" --query Policy | python3 -c 'import json,sys; s={x["Sid"]: x for x in json.load(sys.stdin)["Statement"]}
print(s["DenyInsecureTransport"]["Effect"], s["DenyInsecureTransport"]["Condition"]["Bool"]["aws:SecureTransport"], s["DenyOtherEncryption"]["Condition"]["StringNotEqualsIfExists"]["s3:x-amz-server-side-encryption"])')"
  check "s3 $bucket access logs" "$bucket-logs $bucket/" \
    "$("${aws[@]}" s3api get-bucket-logging --bucket "$bucket" --query 'LoggingEnabled.[TargetBucket,TargetPrefix]' | tr '\t' ' ')"

  # Aurora: engine, encryption, backups, IAM auth, instances; order_app's own login secret
  check "rds $cluster engine/encrypted/backup retention/iam auth" "aurora-postgresql True 3 True" \
    "$("${aws[@]}" rds describe-db-clusters --db-cluster-identifier "$cluster" --query 'DBClusters[0].[Engine,StorageEncrypted,BackupRetentionPeriod,IAMDatabaseAuthenticationEnabled]' | tr '\t' ' ')"
  check "rds $cluster instances (writer + reader)" "2" \
    "$("${aws[@]}" rds describe-db-instances --filters "Name=db-cluster-id,Values=$cluster" --query 'length(DBInstances)')"
  check "order_app login secret" "order_app" \
    "$("${aws[@]}" secretsmanager get-secret-value --secret-id "$(out order_db_app_secret_arn)" --query SecretString | python3 -c 'import json,sys; print(json.load(sys.stdin)["username"])')"

  # EFS: encryption, access point identity and root directory
  check "efs $fs encrypted" "True" "$("${aws[@]}" efs describe-file-systems --file-system-id "$fs" --query 'FileSystems[0].Encrypted')"
  check "efs $fs mount targets" "3" "$("${aws[@]}" efs describe-mount-targets --file-system-id "$fs" --query 'length(MountTargets)')"
  check "efs access point $ap uid/gid/root" "185 185 /media" \
    "$("${aws[@]}" efs describe-access-points --access-point-id "$ap" --query 'AccessPoints[0].[PosixUser.Uid,PosixUser.Gid,RootDirectory.Path]' | tr '\t' ' ')"

  # No data-store security group admits 0.0.0.0/0
  check "security groups open to 0.0.0.0/0" "" "$("${aws[@]}" ec2 describe-security-groups --filters "Name=tag:Stack,Values=commerce-emu" \
    --query "SecurityGroups[?IpPermissions[?IpRanges[?CidrIp=='0.0.0.0/0']]].GroupName")"

  # Cognito: groups, resource server scopes, one client-credentials client per caller with its scopes
  check "cognito $pool groups" "admin customer" "$("${aws[@]}" cognito-idp list-groups --user-pool-id "$pool" --query 'sort(Groups[].GroupName)' | tr '\t' ' ')"
  local service client scopes
  for service in order-service catalog-service session-service; do
    client=$(out identity client_ids "$service")
    scopes=$(python3 -c 'import json,sys; c=json.load(open(sys.argv[1]))["identity"]; print(" ".join(sorted(c["resource_server"]+"/"+s for s in c["clients"][sys.argv[2]])))' "$contracts/services.json" "$service")
    check "cognito client of $service: flows, scopes, secret" "client_credentials $scopes True" \
      "$("${aws[@]}" --output json cognito-idp describe-user-pool-client --user-pool-id "$pool" --client-id "$client" \
        | python3 -c 'import json,sys; c=json.load(sys.stdin)["UserPoolClient"]; print(" ".join(c["AllowedOAuthFlows"] + sorted(c["AllowedOAuthScopes"])), "ClientSecret" in c)')"
  done

  # ECS task definitions read back: their variables are exactly those of contracts/services.json
  for service in catalog-service order-service session-service media-service; do
    "${aws[@]}" --output json ecs describe-task-definition --task-definition "$(out task_definitions "$service" family)" >"$work/td-$service.json"
    check "task definition of $service carries the contract's variables" "yes" "$(python3 - "$contracts/services.json" "$work/td-$service.json" "$service" <<'PY'
import json, sys
variables = json.load(open(sys.argv[1]))["services"][sys.argv[3]]["variables"]
container = json.load(open(sys.argv[2]))["taskDefinition"]["containerDefinitions"][0]
plain = {e["name"] for e in container.get("environment", [])}
secret = {e["name"] for e in container.get("secrets", [])}
wrong = sorted((plain | secret) - set(variables)) + sorted(k for k, v in variables.items() if "when" not in v and k not in plain | secret)
wrong += sorted(k for k in plain if "secret" in variables.get(k, {}))
print("no: " + " ".join(wrong) if wrong else "yes")
PY
)"
  done

  # IAM is enforced: a service's task role may do what it needs and nothing else
  as_role() { # as_role <role arn> <aws args...>: the command's output with the role's credentials, or AccessDenied
    local creds key secret token output
    creds=$("${aws[@]}" sts assume-role --role-arn "$1" --role-session-name ci --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]')
    shift
    read -r key secret token <<<"$creds"
    output=$(AWS_ACCESS_KEY_ID=$key AWS_SECRET_ACCESS_KEY=$secret AWS_SESSION_TOKEN=$token "${aws[@]}" "$@" 2>&1 || true)
    if grep -q 'AccessDenied' <<<"$output"; then echo AccessDenied; else echo "$output"; fi
  }
  local catalog_role order_role media_role catalog_exec
  catalog_role=$(out task_definitions catalog-service task_role_arn)
  order_role=$(out task_definitions order-service task_role_arn)
  media_role=$(out task_definitions media-service task_role_arn)
  catalog_exec=$(out task_definitions catalog-service execution_role_arn)
  check "catalog-service task role: DescribeTable $table" "$table" "$(as_role "$catalog_role" dynamodb describe-table --table-name "$table" --query Table.TableName)"
  check "catalog-service task role: DeleteTable $table" "AccessDenied" "$(as_role "$catalog_role" dynamodb delete-table --table-name "$table" --query Table.TableName)"
  check "catalog-service task role: list the media bucket" "AccessDenied" "$(as_role "$catalog_role" s3api list-objects-v2 --bucket "$bucket" --query KeyCount)"
  check "order-service task role: read order_app's secret" "$(out order_db_app_secret_arn)" \
    "$(as_role "$order_role" secretsmanager get-secret-value --secret-id "$(out order_db_app_secret_arn)" --query ARN)"
  check "order-service task role: read the master secret" "AccessDenied" \
    "$(as_role "$order_role" secretsmanager get-secret-value --secret-id "$(out order_db_master_secret_arn)" --query Name)"
  echo "media item" >"$work/object.txt"
  check "media-service task role: put under media/ (bucket default encryption)" "aws:kms" \
    "$(as_role "$media_role" s3api put-object --bucket "$bucket" --key media/ci-check --body "$work/object.txt" --query ServerSideEncryption)"
  check "media-service task role: put outside its prefixes" "AccessDenied" "$(as_role "$media_role" s3api put-object --bucket "$bucket" --key elsewhere/ci-check --body "$work/object.txt")"
  check "catalog-service execution role: its own client secret" "commerce-emu/oauth-clients/catalog-service" \
    "$(as_role "$catalog_exec" secretsmanager get-secret-value --secret-id "$(out identity client_secret_arns catalog-service)" --query Name)"
  check "catalog-service execution role: order-service's client secret" "AccessDenied" \
    "$(as_role "$catalog_exec" secretsmanager get-secret-value --secret-id "$(out identity client_secret_arns order-service)" --query Name)"

  echo "== destroy"
  t0=$SECONDS
  # The emulator implements neither DeleteFileSystemPolicy nor DeleteResourceServer (retried until the
  # timeout); both go away with their file system / user pool, so they are only forgotten here.
  (cd "$env_dir" && terraform state rm -no-color -state="$state" 'module.data_tier.module.media_efs[0].aws_efs_file_system_policy.this' \
    'module.identity.aws_cognito_resource_server.this') >/dev/null
  (cd "$env_dir" && timeout 300 terraform destroy -auto-approve -no-color -state="$state" "${tfvars[@]}" -parallelism=20) >"$work/destroy.log" 2>&1 \
    || { tail -n 60 "$work/destroy.log"; return 1; }
  echo "destroy took $(( SECONDS - t0 ))s"
  [ "$failures" -eq 0 ] || { echo "$failures emulator check(s) failed"; return 1; }
}

if [ "${TF_SKIP_EMULATOR:-0}" != 1 ]; then
  python3 -c 'import moto.server' 2>/dev/null || die "moto is not installed for python3 (pip install 'moto[server]'), or set TF_SKIP_EMULATOR=1"
  command -v aws >/dev/null || die "the AWS CLI is not installed (pip install awscli), or set TF_SKIP_EMULATOR=1"
  step "start moto_server and apply the emulator environment (background)"
  port=$(free_port)
  endpoint=http://127.0.0.1:$port
  # IAM authorization is enforced after the first three calls (which create the administrator).
  INITIAL_NO_AUTH_ACTION_COUNT=3 python3 "$tf_root/environments/emulator/moto_server.py" -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
  moto_pid=$!
  for _ in $(seq 1 100); do
    curl -fsS -o /dev/null "$endpoint/moto-api/" 2>/dev/null && break
    kill -0 "$moto_pid" 2>/dev/null || { cat "$work/moto.log"; die "moto_server exited"; }
    sleep 0.2
  done
  curl -fsS -o /dev/null "$endpoint/moto-api/" || die "moto_server did not answer on $endpoint"
  echo "moto_server on $endpoint (pid $moto_pid)"
  export endpoint
  emulator_stage >"$work/emulator.log" 2>&1 &
  emu_pid=$!
fi

################################################################################
# Static checks and plan-level tests
################################################################################

step "fmt -check -recursive"
terraform fmt -check -recursive -diff "$tf_root" || die "run: terraform fmt -recursive terraform"
echo "ok"

step "init, then test (modules and environments with tests/) or validate (the rest)"
mapfile -t dirs < <(tf_dirs)
[ "${#dirs[@]}" -gt 0 ] || die "no Terraform directories found under $tf_root"
tested=$(for d in "${dirs[@]}"; do compgen -G "$d/tests/*.tftest.hcl" >/dev/null && echo "$d"; done | wc -l)
[ "$tested" -gt 0 ] || die "no tests/*.tftest.hcl found under $tf_root"
printf '%s\n' "${dirs[@]}" | xargs -P "$parallelism" -I{} bash -c 'check_dir "$@"' _ {} || die "validate or test failed"
echo "${#dirs[@]} directories: $tested tested, $(( ${#dirs[@]} - tested )) validated"

if [ -n "$emu_pid" ]; then
  step "emulator: waiting for apply / verify / destroy"
  if wait "$emu_pid"; then emu_rc=0; else emu_rc=$?; fi
  emu_pid=""
  cat "$work/emulator.log"
  [ "$emu_rc" -eq 0 ] || { echo "---- moto_server log (tail)"; tail -n 30 "$work/moto.log"; die "emulator stage failed"; }
  kill "$moto_pid" 2>/dev/null || true
  wait "$moto_pid" 2>/dev/null || true
  moto_pid=""
fi

step "done in $(( $(date +%s) - started ))s"
