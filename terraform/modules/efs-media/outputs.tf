output "file_system_id" {
  description = "ID of the file system (for the service's volume definition)."
  value       = aws_efs_file_system.this.id
}

output "file_system_arn" {
  description = "ARN of the file system."
  value       = aws_efs_file_system.this.arn
}

output "dns_name" {
  description = "DNS name of the file system."
  value       = aws_efs_file_system.this.dns_name
}

output "access_point_id" {
  description = "ID of the service's access point (the volume mounts through it; the service's `MEDIA_EFS_ROOT` is the mount path)."
  value       = aws_efs_access_point.this.id
}

output "access_point_arn" {
  description = "ARN of the service's access point (for IAM policy conditions)."
  value       = aws_efs_access_point.this.arn
}

output "mount_target_ids" {
  description = "IDs of the mount targets, in subnet order."
  value       = aws_efs_mount_target.this[*].id
}

output "security_group_id" {
  description = "Security group of the mount targets."
  value       = aws_security_group.this.id
}

output "kms_key_arn" {
  description = "ARN of the KMS key encrypting the file system."
  value       = local.kms_key_arn
}

output "root_directory" {
  description = "Directory the access point exposes as `/` to the service."
  value       = var.access_point.root_directory
}

output "file_system_policy" {
  description = "The file system policy in force (TLS required, IAM authorization, access point only)."
  value       = aws_efs_file_system_policy.this.policy
}

output "backup_enabled" {
  description = "Whether automatic daily backups are on."
  value       = var.backup_enabled
}

output "encrypted" {
  description = "Whether the file system is encrypted at rest (always true)."
  value       = aws_efs_file_system.this.encrypted
}
