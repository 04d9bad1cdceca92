#!/usr/bin/env bash
# Terraform stage of CI (called by .ci/run; also runnable alone: `bash .ci/terraform.sh`).
#
#   1. terraform fmt -check -recursive over terraform/
#   2. init -backend=false + validate for every module, example and environment found by glob
#      (new modules are picked up without editing this file)
#   3. terraform test for every module that has a tests/ directory (mock provider, plan only)
#   4. moto_server on a free loopback port -> apply terraform/environments/emulator -> check with the
#      AWS CLI what was created -> destroy -> stop the emulator (a trap stops it on any exit)
#
# Offline: providers come only from the filesystem mirror named in terraform/.terraformrc.
# The emulator apply runs in the background while steps 1-3 run (apply ~100-150 s, destroy ~130-150 s).
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

# init -backend=false + validate in one directory; output to a per-directory log, printed on failure.
validate_dir() {
  local dir=$1 log
  log=$work/validate-$(echo "${dir#"$tf_root"/}" | tr '/' '_').log
  if (cd "$dir" && terraform init -backend=false -input=false -no-color >"$log" 2>&1 && terraform validate -no-color >>"$log" 2>&1); then
    echo "ok    validate ${dir#"$repo"/}"
  else
    echo "FAIL  validate ${dir#"$repo"/}"; sed 's/^/      /' "$log"; return 1
  fi
}

test_dir() {
  local dir=$1 log
  log=$work/test-$(basename "$dir").log
  if (cd "$dir" && terraform init -backend=false -input=false -no-color >"$log" 2>&1 && terraform test -no-color >>"$log" 2>&1); then
    echo "ok    test     ${dir#"$repo"/}: $(grep -Eo '[0-9]+ passed, [0-9]+ failed' "$log" | tail -1)"
  else
    echo "FAIL  test     ${dir#"$repo"/}"; sed 's/^/      /' "$log"; return 1
  fi
}
export -f validate_dir test_dir
export work tf_root repo

################################################################################
# Emulator: runs in the background from the start (it mostly waits on the provider's polling)
################################################################################

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }

emulator_stage() {
  set -euo pipefail
  local env_dir=$tf_root/environments/emulator
  local state=$work/emulator.tfstate
  local tfvars=(-var "endpoint=$endpoint")
  local aws=(aws --endpoint-url "$endpoint" --region us-east-1 --output text)
  export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=us-east-1 AWS_PAGER=""

  # Own data directory: the validate step inits the same directory at the same time.
  export TF_DATA_DIR=$work/emulator-data
  echo "== init"
  (cd "$env_dir" && terraform init -backend=false -input=false -no-color >/dev/null)
  echo "== apply"
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

  local table bucket cluster fs ap
  table=$(out catalog_service_env CATALOG_TABLE)
  bucket=$(out media_service_env MEDIA_BUCKET)
  cluster=$(out aurora_cluster_id)
  fs=$(out media_efs_file_system_id)
  ap=$(out media_efs_access_point_id)

  # DynamoDB: keys, GSI, TTL, stream, SSE, PITR
  check "dynamodb $table key schema" "PK HASH SK RANGE" \
    "$("${aws[@]}" dynamodb describe-table --table-name "$table" --query 'Table.KeySchema[].[AttributeName,KeyType]' | tr -s '\t\n' '  ' | sed 's/ $//')"
  check "dynamodb $table GSIs" "GSI1" "$("${aws[@]}" dynamodb describe-table --table-name "$table" --query 'Table.GlobalSecondaryIndexes[].IndexName')"
  check "dynamodb $table stream" "True NEW_AND_OLD_IMAGES" \
    "$("${aws[@]}" dynamodb describe-table --table-name "$table" --query 'Table.StreamSpecification.[StreamEnabled,StreamViewType]' | tr '\t' ' ')"
  check "dynamodb $table SSE" "KMS" "$("${aws[@]}" dynamodb describe-table --table-name "$table" --query 'Table.SSEDescription.SSEType')"
  check "dynamodb $table TTL" "ENABLED expiresAt" \
    "$("${aws[@]}" dynamodb describe-time-to-live --table-name "$table" --query 'TimeToLiveDescription.[TimeToLiveStatus,AttributeName]' | tr '\t' ' ')"
  check "dynamodb $table PITR" "ENABLED" \
    "$("${aws[@]}" dynamodb describe-continuous-backups --table-name "$table" --query 'ContinuousBackupsDescription.PointInTimeRecoveryDescription.PointInTimeRecoveryStatus')"

  # S3: versioning, SSE-KMS + bucket key, public access block, lifecycle, TLS-only policy
  check "s3 $bucket versioning" "Enabled" "$("${aws[@]}" s3api get-bucket-versioning --bucket "$bucket" --query Status)"
  check "s3 $bucket encryption" "aws:kms True" \
    "$("${aws[@]}" s3api get-bucket-encryption --bucket "$bucket" --query 'ServerSideEncryptionConfiguration.Rules[0].[ApplyServerSideEncryptionByDefault.SSEAlgorithm,BucketKeyEnabled]' | tr '\t' ' ')"
  check "s3 $bucket public access block" "True True True True" \
    "$("${aws[@]}" s3api get-public-access-block --bucket "$bucket" --query 'PublicAccessBlockConfiguration.[BlockPublicAcls,IgnorePublicAcls,BlockPublicPolicy,RestrictPublicBuckets]' | tr '\t' ' ')"
  check "s3 $bucket lifecycle: Standard-IA after" "30" \
    "$("${aws[@]}" s3api get-bucket-lifecycle-configuration --bucket "$bucket" --query "Rules[?ID=='current-versions-tiering'] | [0].Transitions[?StorageClass=='STANDARD_IA'] | [0].Days")"
  check "s3 $bucket lifecycle: abort multipart after" "7" \
    "$("${aws[@]}" s3api get-bucket-lifecycle-configuration --bucket "$bucket" --query "Rules[?ID=='abort-incomplete-multipart-uploads'].AbortIncompleteMultipartUpload.DaysAfterInitiation | [0]")"
  check "s3 $bucket lifecycle: noncurrent versions expire" "True" \
    "$("${aws[@]}" s3api get-bucket-lifecycle-configuration --bucket "$bucket" --query "Rules[?ID=='noncurrent-versions'].NoncurrentVersionExpiration.NoncurrentDays | [0]" | python3 -c 'import sys; print(int(sys.stdin.read()) > 0)')"
  check "s3 $bucket TLS-only policy" "Deny false" \
    "$("${aws[@]}" s3api get-bucket-policy --bucket "$bucket" --query Policy | python3 -c 'import json,sys; s=[x for x in json.load(sys.stdin)["Statement"] if x["Sid"]=="DenyInsecureTransport"][0]; print(s["Effect"], s["Condition"]["Bool"]["aws:SecureTransport"])')"

  # Aurora: engine, encryption, backups, IAM auth, instances
  check "rds $cluster engine/encrypted/backup retention/iam auth" "aurora-postgresql True 3 True" \
    "$("${aws[@]}" rds describe-db-clusters --db-cluster-identifier "$cluster" --query 'DBClusters[0].[Engine,StorageEncrypted,BackupRetentionPeriod,IAMDatabaseAuthenticationEnabled]' | tr '\t' ' ')"
  check "rds $cluster instances (writer + reader)" "2" \
    "$("${aws[@]}" rds describe-db-instances --filters "Name=db-cluster-id,Values=$cluster" --query 'length(DBInstances)')"

  # EFS: encryption, access point identity and root directory
  check "efs $fs encrypted" "True" "$("${aws[@]}" efs describe-file-systems --file-system-id "$fs" --query 'FileSystems[0].Encrypted')"
  check "efs $fs mount targets" "3" "$("${aws[@]}" efs describe-mount-targets --file-system-id "$fs" --query 'length(MountTargets)')"
  check "efs access point $ap uid/gid/root" "185 185 /media" \
    "$("${aws[@]}" efs describe-access-points --access-point-id "$ap" --query 'AccessPoints[0].[PosixUser.Uid,PosixUser.Gid,RootDirectory.Path]' | tr '\t' ' ')"

  # No data-store security group admits 0.0.0.0/0
  local open
  open=$("${aws[@]}" ec2 describe-security-groups --filters "Name=tag:Stack,Values=commerce-emu" \
    --query "SecurityGroups[?IpPermissions[?IpRanges[?CidrIp=='0.0.0.0/0']]].GroupName")
  check "security groups open to 0.0.0.0/0" "" "$open"

  echo "== destroy"
  t0=$SECONDS
  # The emulator does not implement DeleteFileSystemPolicy (HTTP 500, retried until the timeout);
  # the policy goes away with its file system, so it is only forgotten here.
  (cd "$env_dir" && terraform state rm -no-color -state="$state" 'module.data_tier.module.media_efs[0].aws_efs_file_system_policy.this') >/dev/null
  (cd "$env_dir" && timeout 300 terraform destroy -auto-approve -no-color -state="$state" "${tfvars[@]}" -parallelism=20) >"$work/destroy.log" 2>&1 \
    || { tail -n 60 "$work/destroy.log"; return 1; }
  echo "destroy took $(( SECONDS - t0 ))s"
  [ "$failures" -eq 0 ] || { echo "$failures emulator check(s) failed"; return 1; }
}

if [ "${TF_SKIP_EMULATOR:-0}" != 1 ]; then
  command -v moto_server >/dev/null || die "moto_server is not installed (pip install 'moto[server]'), or set TF_SKIP_EMULATOR=1"
  command -v aws >/dev/null || die "the AWS CLI is not installed (pip install awscli), or set TF_SKIP_EMULATOR=1"
  step "start moto_server and apply the emulator environment (background)"
  port=$(free_port)
  endpoint=http://127.0.0.1:$port
  moto_server -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
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

step "init + validate every module, example and environment"
mapfile -t dirs < <(tf_dirs)
[ "${#dirs[@]}" -gt 0 ] || die "no Terraform directories found under $tf_root"
printf '%s\n' "${dirs[@]}" | xargs -P "$parallelism" -I{} bash -c 'validate_dir "$@"' _ {} || die "validate failed"
echo "${#dirs[@]} directories valid"

step "terraform test (modules with tests/)"
mapfile -t tested < <(for d in "$tf_root"/modules/*/; do d=${d%/}; compgen -G "$d/tests/*.tftest.hcl" >/dev/null && echo "$d"; done; true)
if [ "${#tested[@]}" -gt 0 ]; then
  printf '%s\n' "${tested[@]}" | xargs -P "$parallelism" -I{} bash -c 'test_dir "$@"' _ {} || die "terraform test failed"
fi
echo "${#tested[@]} modules tested"

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
