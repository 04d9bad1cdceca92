mock_provider "aws" {}

# Known ARNs at plan time, so the file system policy that embeds them can be asserted on.
override_resource {
  target          = aws_efs_file_system.this
  override_during = plan
  values = {
    id  = "fs-0123456789abcdef0"
    arn = "arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-0123456789abcdef0"
  }
}

override_resource {
  target          = aws_efs_access_point.this
  override_during = plan
  values = {
    id  = "fsap-0123456789abcdef0"
    arn = "arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-0123456789abcdef0"
  }
}

override_data {
  target = data.aws_caller_identity.current
  values = { account_id = "123456789012" }
}

override_data {
  target = data.aws_partition.current
  values = { partition = "aws" }
}

variables {
  name                       = "commerce-test-media"
  vpc_id                     = "vpc-0123456789abcdef0"
  subnet_ids                 = ["subnet-0000000000000000a", "subnet-0000000000000000b", "subnet-0000000000000000c"]
  allowed_security_group_ids = { "media-service" = "sg-0123456789abcdef0" }
}

run "encrypted_with_lifecycle_and_backups" {
  command = plan

  assert {
    condition     = aws_efs_file_system.this.encrypted
    error_message = "The file system must be encrypted."
  }

  assert {
    condition     = toset([for p in aws_efs_file_system.this.lifecycle_policy : coalesce(p.transition_to_ia, p.transition_to_archive, p.transition_to_primary_storage_class)]) == toset(["AFTER_30_DAYS", "AFTER_90_DAYS", "AFTER_1_ACCESS"])
    error_message = "Files move to IA after 30 days, to archive after 90, and back on access."
  }

  assert {
    condition     = aws_efs_backup_policy.this[0].backup_policy[0].status == "ENABLED"
    error_message = "Automatic backups are on."
  }

  assert {
    condition     = length(aws_efs_mount_target.this) == 3
    error_message = "One mount target per subnet (AZ)."
  }
}

run "access_point_identity" {
  command = plan

  assert {
    condition     = aws_efs_access_point.this.posix_user[0].uid == 185 && aws_efs_access_point.this.posix_user[0].gid == 185
    error_message = "The access point pins a non-root POSIX identity."
  }

  assert {
    condition     = aws_efs_access_point.this.root_directory[0].path == "/media" && aws_efs_access_point.this.root_directory[0].creation_info[0].permissions == "0750"
    error_message = "The access point confines clients to /media, created 0750."
  }
}

run "policy_enforces_tls_and_iam" {
  command = plan

  assert {
    condition = anytrue([for s in jsondecode(aws_efs_file_system_policy.this.policy).Statement :
    s.Effect == "Deny" && try(s.Condition.Bool["aws:SecureTransport"], "") == "false"])
    error_message = "The file system policy denies non-TLS clients."
  }

  assert {
    condition = alltrue([for s in jsondecode(aws_efs_file_system_policy.this.policy).Statement :
    !contains(flatten([s.Principal.AWS]), "*") && alltrue([for p in flatten([s.Principal.AWS]) : p == "arn:aws:iam::123456789012:root"]) if s.Effect == "Allow"])
    error_message = "Mounts are allowed only to IAM principals of the account, never anonymously."
  }

  assert {
    condition = anytrue([for s in jsondecode(aws_efs_file_system_policy.this.policy).Statement :
      s.Effect == "Deny" && flatten([s.Principal.AWS]) == ["*"]
      && toset(flatten([s.Action])) == toset(["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite", "elasticfilesystem:ClientRootAccess"])
      && try(s.Condition.StringNotEquals["elasticfilesystem:AccessPointArn"], "") == "arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-0123456789abcdef0"
    ])
    error_message = "Every mount that does not come through the access point must be denied, whatever the caller's own IAM policy allows."
  }

  assert {
    condition     = alltrue([for r in aws_vpc_security_group_ingress_rule.nfs : r.from_port == 2049 && r.to_port == 2049 && r.cidr_ipv4 == null])
    error_message = "Only NFS from the service security groups; no CIDR ingress."
  }
}

run "rejects_max_io_with_elastic_throughput" {
  command = plan

  variables {
    performance_mode = "maxIO"
    throughput_mode  = "elastic"
  }

  expect_failures = [var.performance_mode]
}

run "rejects_root_uid" {
  command = plan

  variables {
    access_point = { uid = 0, gid = 0 }
  }

  expect_failures = [var.access_point]
}

run "rejects_provisioned_without_throughput" {
  command = plan

  variables {
    throughput_mode       = "provisioned"
    transition_to_archive = null
  }

  expect_failures = [var.provisioned_throughput_in_mibps]
}

run "performance_and_throughput_defaults" {
  command = plan

  assert {
    condition     = aws_efs_file_system.this.performance_mode == "generalPurpose" && aws_efs_file_system.this.throughput_mode == "elastic"
    error_message = "Defaults must be generalPurpose performance and elastic throughput."
  }

  assert {
    condition     = length(aws_kms_key.this) == 1 && aws_kms_key.this[0].enable_key_rotation
    error_message = "A dedicated KMS key with rotation must encrypt the file system."
  }

  assert {
    condition     = !anytrue([for s in jsondecode(aws_efs_file_system_policy.this.policy).Statement : contains(flatten([s.Action]), "elasticfilesystem:ClientRootAccess") if s.Effect == "Allow"])
    error_message = "No client may be granted root access."
  }
}

run "rejects_archive_without_elastic_throughput" {
  command = plan

  variables {
    throughput_mode = "bursting"
  }

  expect_failures = [var.transition_to_archive]
}
