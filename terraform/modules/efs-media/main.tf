data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

locals {
  create_kms_key    = var.kms_key_arn == null
  kms_key_arn       = local.create_kms_key ? aws_kms_key.this[0].arn : var.kms_key_arn
  account_root      = "arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:root"
  client_principals = length(var.client_role_arns) > 0 ? var.client_role_arns : [local.account_root]
}

################################################################################
# Encryption key
################################################################################

resource "aws_kms_key" "this" {
  count = local.create_kms_key ? 1 : 0

  description             = "EFS file system ${var.name}"
  enable_key_rotation     = true
  deletion_window_in_days = var.kms_key_deletion_window_in_days

  tags = var.tags
}

resource "aws_kms_alias" "this" {
  count = local.create_kms_key ? 1 : 0

  name          = "alias/efs/${var.name}"
  target_key_id = aws_kms_key.this[0].key_id
}

################################################################################
# File system
################################################################################

resource "aws_efs_file_system" "this" {
  creation_token                  = var.name
  encrypted                       = true
  kms_key_id                      = local.kms_key_arn
  performance_mode                = var.performance_mode
  throughput_mode                 = var.throughput_mode
  provisioned_throughput_in_mibps = var.throughput_mode == "provisioned" ? var.provisioned_throughput_in_mibps : null

  dynamic "lifecycle_policy" {
    for_each = var.transition_to_ia == null ? [] : [var.transition_to_ia]
    content {
      transition_to_ia = lifecycle_policy.value
    }
  }

  dynamic "lifecycle_policy" {
    for_each = var.transition_to_archive == null ? [] : [var.transition_to_archive]
    content {
      transition_to_archive = lifecycle_policy.value
    }
  }

  dynamic "lifecycle_policy" {
    for_each = var.transition_to_primary_storage_class == null ? [] : [var.transition_to_primary_storage_class]
    content {
      transition_to_primary_storage_class = lifecycle_policy.value
    }
  }

  tags = merge(var.tags, { Name = var.name })
}

# Daily AWS Backup in the default backup vault. Without the resource the
# file system keeps the API default (no automatic backups).
resource "aws_efs_backup_policy" "this" {
  count = var.backup_enabled ? 1 : 0

  file_system_id = aws_efs_file_system.this.id

  backup_policy {
    status = "ENABLED"
  }
}

################################################################################
# Network access: NFS only from the given service security groups
################################################################################

resource "aws_security_group" "this" {
  name        = "${var.name}-efs"
  description = "NFS (2049) to ${var.name} from the service security groups only"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = "${var.name}-efs" })

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_ingress_rule" "nfs" {
  for_each = var.allowed_security_group_ids

  security_group_id            = aws_security_group.this.id
  description                  = "NFS from ${each.key}"
  ip_protocol                  = "tcp"
  from_port                    = 2049
  to_port                      = 2049
  referenced_security_group_id = each.value

  tags = var.tags
}

resource "aws_efs_mount_target" "this" {
  count = length(var.subnet_ids)

  file_system_id  = aws_efs_file_system.this.id
  subnet_id       = var.subnet_ids[count.index]
  security_groups = [aws_security_group.this.id]
}

################################################################################
# Access point: fixed POSIX identity, confined root directory
################################################################################

resource "aws_efs_access_point" "this" {
  file_system_id = aws_efs_file_system.this.id

  posix_user {
    uid            = var.access_point.uid
    gid            = var.access_point.gid
    secondary_gids = length(var.access_point.secondary_gids) > 0 ? var.access_point.secondary_gids : null
  }

  root_directory {
    path = var.access_point.root_directory

    creation_info {
      owner_uid   = var.access_point.uid
      owner_gid   = var.access_point.gid
      permissions = var.access_point.permissions
    }
  }

  tags = merge(var.tags, { Name = "${var.name}-media" })
}

################################################################################
# File system policy: TLS always, IAM authorization, only through the access point
################################################################################

resource "aws_efs_file_system_policy" "this" {
  file_system_id = aws_efs_file_system.this.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = { AWS = "*" }
        Action    = ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite", "elasticfilesystem:ClientRootAccess"]
        Resource  = aws_efs_file_system.this.arn
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
      {
        # An Allow alone does not stop a principal whose own IAM policy grants
        # mounts: every mount that does not come through the access point (and
        # so would skip its POSIX identity and root directory) is refused.
        Sid       = "DenyMountOutsideAccessPoint"
        Effect    = "Deny"
        Principal = { AWS = "*" }
        Action    = ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite", "elasticfilesystem:ClientRootAccess"]
        Resource  = aws_efs_file_system.this.arn
        Condition = { StringNotEquals = { "elasticfilesystem:AccessPointArn" = aws_efs_access_point.this.arn } }
      },
      {
        # No anonymous access: a client must present IAM credentials (mount option `iam`)
        # and come through the access point, which pins its POSIX identity.
        Sid       = "AllowMountThroughAccessPoint"
        Effect    = "Allow"
        Principal = { AWS = local.client_principals }
        Action    = ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"]
        Resource  = aws_efs_file_system.this.arn
        Condition = {
          Bool         = { "elasticfilesystem:AccessedViaMountTarget" = "true" }
          StringEquals = { "elasticfilesystem:AccessPointArn" = aws_efs_access_point.this.arn }
        }
      },
    ]
  })
}
