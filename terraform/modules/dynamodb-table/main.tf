data "aws_region" "current" {}

locals {
  table = one(concat(aws_dynamodb_table.this, aws_dynamodb_table.autoscaled))

  create_kms_key = var.kms_key_arn == null
  kms_key_arn    = local.create_kms_key ? aws_kms_key.this[0].arn : var.kms_key_arn

  provisioned = var.billing_mode == "PROVISIONED"
  autoscale   = local.provisioned && var.autoscaling.enabled

  # Scalable targets: the table plus every index, for read and write.
  scaling_targets = merge(
    {
      "table-read"  = { resource_id = "table/${var.name}", dimension = "dynamodb:table:ReadCapacityUnits", metric = "DynamoDBReadCapacityUtilization", min = var.autoscaling.read_min_capacity, max = var.autoscaling.read_max_capacity }
      "table-write" = { resource_id = "table/${var.name}", dimension = "dynamodb:table:WriteCapacityUnits", metric = "DynamoDBWriteCapacityUtilization", min = var.autoscaling.write_min_capacity, max = var.autoscaling.write_max_capacity }
    },
    merge([for g in var.global_secondary_indexes : {
      "${g.name}-read"  = { resource_id = "table/${var.name}/index/${g.name}", dimension = "dynamodb:index:ReadCapacityUnits", metric = "DynamoDBReadCapacityUtilization", min = var.autoscaling.read_min_capacity, max = var.autoscaling.read_max_capacity }
      "${g.name}-write" = { resource_id = "table/${var.name}/index/${g.name}", dimension = "dynamodb:index:WriteCapacityUnits", metric = "DynamoDBWriteCapacityUtilization", min = var.autoscaling.write_min_capacity, max = var.autoscaling.write_max_capacity }
    }]...),
  )

  # Throttle alarms: read and write for the table and for each index.
  throttle_alarms = merge(
    {
      "table-read"  = { metric = "ReadThrottleEvents", dimensions = { TableName = var.name } }
      "table-write" = { metric = "WriteThrottleEvents", dimensions = { TableName = var.name } }
    },
    merge([for g in var.global_secondary_indexes : {
      "${g.name}-read"  = { metric = "ReadThrottleEvents", dimensions = { TableName = var.name, GlobalSecondaryIndexName = g.name } }
      "${g.name}-write" = { metric = "WriteThrottleEvents", dimensions = { TableName = var.name, GlobalSecondaryIndexName = g.name } }
    }]...),
  )
}

################################################################################
# Encryption key
################################################################################

resource "aws_kms_key" "this" {
  count = local.create_kms_key ? 1 : 0

  description             = "DynamoDB table ${var.name}"
  enable_key_rotation     = true
  deletion_window_in_days = var.kms_key_deletion_window_in_days

  tags = var.tags
}

resource "aws_kms_alias" "this" {
  count = local.create_kms_key ? 1 : 0

  name          = "alias/dynamodb/${var.name}"
  target_key_id = aws_kms_key.this[0].key_id
}

################################################################################
# Table
################################################################################

resource "aws_dynamodb_table" "this" {
  count = local.autoscale ? 0 : 1

  name                        = var.name
  billing_mode                = var.billing_mode
  hash_key                    = var.hash_key
  range_key                   = var.range_key
  read_capacity               = local.provisioned ? var.read_capacity : null
  write_capacity              = local.provisioned ? var.write_capacity : null
  table_class                 = var.table_class
  deletion_protection_enabled = var.deletion_protection_enabled
  stream_enabled              = var.stream_view_type != null
  stream_view_type            = var.stream_view_type

  dynamic "attribute" {
    for_each = var.attributes

    content {
      name = attribute.value.name
      type = attribute.value.type
    }
  }

  dynamic "global_secondary_index" {
    for_each = var.global_secondary_indexes

    content {
      name               = global_secondary_index.value.name
      hash_key           = global_secondary_index.value.hash_key
      range_key          = global_secondary_index.value.range_key
      projection_type    = global_secondary_index.value.projection_type
      non_key_attributes = global_secondary_index.value.projection_type == "INCLUDE" ? global_secondary_index.value.non_key_attributes : null
      read_capacity      = local.provisioned ? global_secondary_index.value.read_capacity : null
      write_capacity     = local.provisioned ? global_secondary_index.value.write_capacity : null
    }
  }

  dynamic "ttl" {
    for_each = var.ttl_attribute == null ? [] : [var.ttl_attribute]

    content {
      enabled        = true
      attribute_name = ttl.value
    }
  }

  point_in_time_recovery {
    enabled = var.point_in_time_recovery_enabled
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = local.kms_key_arn
  }

  dynamic "replica" {
    for_each = var.replicas

    content {
      region_name            = replica.value.region_name
      kms_key_arn            = replica.value.kms_key_arn
      point_in_time_recovery = replica.value.point_in_time_recovery
      propagate_tags         = replica.value.propagate_tags
    }
  }

  tags = merge(var.tags, { Name = var.name })

}

# Before the auto-scaled variant existed the table had no count.
moved {
  from = aws_dynamodb_table.this
  to   = aws_dynamodb_table.this[0]
}

# The same table when auto scaling owns the capacities: Terraform must not set
# them back, neither the table's nor the indexes' (the index capacities live in
# the global_secondary_index blocks, so those are ignored after creation: add or
# change an index of an auto-scaled table with `terraform apply -replace` or by
# turning auto scaling off for that apply).
resource "aws_dynamodb_table" "autoscaled" {
  count = local.autoscale ? 1 : 0

  name                        = var.name
  billing_mode                = var.billing_mode
  hash_key                    = var.hash_key
  range_key                   = var.range_key
  read_capacity               = local.provisioned ? var.read_capacity : null
  write_capacity              = local.provisioned ? var.write_capacity : null
  table_class                 = var.table_class
  deletion_protection_enabled = var.deletion_protection_enabled
  stream_enabled              = var.stream_view_type != null
  stream_view_type            = var.stream_view_type

  dynamic "attribute" {
    for_each = var.attributes

    content {
      name = attribute.value.name
      type = attribute.value.type
    }
  }

  dynamic "global_secondary_index" {
    for_each = var.global_secondary_indexes

    content {
      name               = global_secondary_index.value.name
      hash_key           = global_secondary_index.value.hash_key
      range_key          = global_secondary_index.value.range_key
      projection_type    = global_secondary_index.value.projection_type
      non_key_attributes = global_secondary_index.value.projection_type == "INCLUDE" ? global_secondary_index.value.non_key_attributes : null
      read_capacity      = local.provisioned ? global_secondary_index.value.read_capacity : null
      write_capacity     = local.provisioned ? global_secondary_index.value.write_capacity : null
    }
  }

  dynamic "ttl" {
    for_each = var.ttl_attribute == null ? [] : [var.ttl_attribute]

    content {
      enabled        = true
      attribute_name = ttl.value
    }
  }

  point_in_time_recovery {
    enabled = var.point_in_time_recovery_enabled
  }

  server_side_encryption {
    enabled     = true
    kms_key_arn = local.kms_key_arn
  }

  dynamic "replica" {
    for_each = var.replicas

    content {
      region_name            = replica.value.region_name
      kms_key_arn            = replica.value.kms_key_arn
      point_in_time_recovery = replica.value.point_in_time_recovery
      propagate_tags         = replica.value.propagate_tags
    }
  }

  tags = merge(var.tags, { Name = var.name })

  lifecycle {
    ignore_changes = [read_capacity, write_capacity, global_secondary_index]
  }
}

################################################################################
# Auto scaling (PROVISIONED only)
################################################################################

resource "aws_appautoscaling_target" "this" {
  for_each = local.autoscale ? local.scaling_targets : {}

  service_namespace  = "dynamodb"
  resource_id        = each.value.resource_id
  scalable_dimension = each.value.dimension
  min_capacity       = each.value.min
  max_capacity       = each.value.max

  tags = var.tags

  depends_on = [aws_dynamodb_table.this, aws_dynamodb_table.autoscaled]
}

resource "aws_appautoscaling_policy" "this" {
  for_each = aws_appautoscaling_target.this

  name               = "${var.name}-${each.key}"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = each.value.service_namespace
  resource_id        = each.value.resource_id
  scalable_dimension = each.value.scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value       = var.autoscaling.target_utilization
    scale_in_cooldown  = var.autoscaling.scale_in_cooldown
    scale_out_cooldown = var.autoscaling.scale_out_cooldown

    predefined_metric_specification {
      predefined_metric_type = local.scaling_targets[each.key].metric
    }
  }
}

################################################################################
# Alarms
################################################################################

resource "aws_cloudwatch_metric_alarm" "throttles" {
  for_each = var.create_alarms ? local.throttle_alarms : {}

  alarm_name          = "${var.name}-${each.key}-throttles"
  alarm_description   = "Requests to ${var.name} (${each.key}) are being throttled: raise capacity or fix a hot partition."
  namespace           = "AWS/DynamoDB"
  metric_name         = each.value.metric
  dimensions          = each.value.dimensions
  statistic           = "Sum"
  period              = var.alarm_period_seconds
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.throttle_alarm_threshold
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions

  tags = var.tags
}
