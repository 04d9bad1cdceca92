mock_provider "aws" {}

variables {
  name = "commerce-test-catalog"
  attributes = [
    { name = "PK", type = "S" },
    { name = "SK", type = "S" },
    { name = "GSI1PK", type = "S" },
    { name = "GSI1SK", type = "S" },
  ]
  global_secondary_indexes = [{ name = "GSI1", hash_key = "GSI1PK", range_key = "GSI1SK" }]
}

run "secure_defaults" {
  command = plan

  assert {
    condition     = aws_dynamodb_table.this[0].hash_key == "PK" && aws_dynamodb_table.this[0].range_key == "SK"
    error_message = "The table is keyed by PK/SK."
  }

  assert {
    condition     = aws_dynamodb_table.this[0].point_in_time_recovery[0].enabled
    error_message = "Point-in-time recovery must be on."
  }

  assert {
    condition     = aws_dynamodb_table.this[0].server_side_encryption[0].enabled
    error_message = "Server-side encryption with a KMS key must be on."
  }

  assert {
    condition     = length(aws_kms_key.this) == 1 && aws_kms_key.this[0].enable_key_rotation
    error_message = "A dedicated KMS key with rotation is created when none is given."
  }

  assert {
    condition     = aws_dynamodb_table.this[0].deletion_protection_enabled
    error_message = "Deletion protection is on by default."
  }

  assert {
    condition     = aws_dynamodb_table.this[0].billing_mode == "PAY_PER_REQUEST" && length(aws_appautoscaling_target.this) == 0
    error_message = "On-demand by default, without auto scaling."
  }

  assert {
    condition     = one(aws_dynamodb_table.this[0].ttl).attribute_name == "expiresAt" && one(aws_dynamodb_table.this[0].ttl).enabled
    error_message = "TTL is on the expiresAt attribute."
  }

  assert {
    condition     = aws_dynamodb_table.this[0].stream_enabled && aws_dynamodb_table.this[0].stream_view_type == "NEW_AND_OLD_IMAGES"
    error_message = "The stream carries new and old images."
  }

  assert {
    condition     = [for g in aws_dynamodb_table.this[0].global_secondary_index : g.name] == ["GSI1"]
    error_message = "The GSI given as input is created."
  }
}

run "throttle_alarms_not_user_errors" {
  command = plan

  assert {
    condition     = length(aws_cloudwatch_metric_alarm.throttles) == 4
    error_message = "Read and write throttle alarms for the table and for each index."
  }

  assert {
    condition     = alltrue([for a in aws_cloudwatch_metric_alarm.throttles : contains(["ReadThrottleEvents", "WriteThrottleEvents"], a.metric_name)])
    error_message = "Alarms watch throttle events, never UserErrors."
  }
}

run "provisioned_with_autoscaling" {
  command = plan

  variables {
    billing_mode = "PROVISIONED"
    autoscaling  = { enabled = true }
  }

  assert {
    condition     = length(aws_appautoscaling_target.this) == 4 && length(aws_appautoscaling_policy.this) == 4
    error_message = "Read and write scaling for the table and its index."
  }

  # Auto scaling owns table and index capacities: the table that ignores them
  # after creation is planned, not the one Terraform would keep resetting.
  assert {
    condition     = length(aws_dynamodb_table.autoscaled) == 1 && length(aws_dynamodb_table.this) == 0
    error_message = "An auto-scaled table must be the variant that leaves table and index capacities to auto scaling."
  }

  assert {
    condition     = output.table_name == "commerce-test-catalog" && output.protection.point_in_time_recovery_enabled
    error_message = "Outputs must follow the auto-scaled table."
  }
}

run "provisioned_without_autoscaling_keeps_capacities_managed" {
  command = plan

  variables {
    billing_mode = "PROVISIONED"
    autoscaling  = { enabled = false }
  }

  assert {
    condition     = length(aws_dynamodb_table.this) == 1 && length(aws_dynamodb_table.autoscaled) == 0 && aws_dynamodb_table.this[0].read_capacity == 5 && one(aws_dynamodb_table.this[0].global_secondary_index).read_capacity == 5
    error_message = "Without auto scaling Terraform manages the table and index capacities."
  }
}

run "rejects_unknown_billing_mode" {
  command = plan

  variables {
    billing_mode = "ON_DEMAND"
  }

  expect_failures = [var.billing_mode]
}

run "rejects_undeclared_key_attribute" {
  command = plan

  variables {
    hash_key   = "id"
    attributes = [{ name = "PK", type = "S" }, { name = "SK", type = "S" }]

    global_secondary_indexes = []
  }

  expect_failures = [var.attributes]
}

run "global_table_replicas" {
  command = plan

  variables {
    replicas = [{ region_name = "eu-central-1", kms_key_arn = "arn:aws:kms:eu-central-1:123456789012:key/44444444-4444-4444-4444-444444444444" }]
  }

  assert {
    condition     = length(aws_dynamodb_table.this[0].replica) == 1 && alltrue([for r in aws_dynamodb_table.this[0].replica : r.point_in_time_recovery])
    error_message = "Replicas must keep point-in-time recovery."
  }
}

run "rejects_replicas_without_full_stream" {
  command = plan

  variables {
    stream_view_type = "KEYS_ONLY"
    replicas         = [{ region_name = "eu-central-1", kms_key_arn = "arn:aws:kms:eu-central-1:123456789012:key/44444444-4444-4444-4444-444444444444" }]
  }

  expect_failures = [var.replicas]
}

run "rejects_invalid_kms_key" {
  command = plan

  variables {
    kms_key_arn = "alias/aws/dynamodb"
  }

  expect_failures = [var.kms_key_arn]
}
