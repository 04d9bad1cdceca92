# One security group per service. The data-store security groups admit these
# groups (and nothing else); the deployment module (ECS or EKS) attaches them
# to the service's tasks or pods and adds the ingress from its load balancer.

locals {
  # Static keys (service x destination) so for_each never depends on unknown IDs.
  https_cidr_rules = {
    for pair in setproduct(var.services, var.https_egress_cidr_blocks) :
    "${pair[0]}|${pair[1]}" => { service = pair[0], cidr = pair[1] }
  }
  https_prefix_list_rules = {
    for pair in setproduct(var.services, range(length(var.https_egress_prefix_list_ids))) :
    "${pair[0]}|${pair[1]}" => { service = pair[0], prefix_list_id = var.https_egress_prefix_list_ids[pair[1]] }
  }
}

resource "aws_security_group" "service" {
  for_each = var.services

  name        = "${var.name}-${each.key}"
  description = "Attached to ${each.key}; admitted by its data store"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = "${var.name}-${each.key}", Service = each.key })

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_egress_rule" "vpc" {
  for_each = var.services

  security_group_id = aws_security_group.service[each.key].id
  description       = "TCP to data stores, other services and endpoints inside the VPC"
  ip_protocol       = "tcp"
  from_port         = 0
  to_port           = 65535
  cidr_ipv4         = var.vpc_cidr_block

  tags = var.tags
}

resource "aws_vpc_security_group_egress_rule" "https" {
  for_each = local.https_cidr_rules

  security_group_id = aws_security_group.service[each.value.service].id
  description       = "HTTPS to AWS APIs and the identity provider"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = each.value.cidr

  tags = var.tags
}

resource "aws_vpc_security_group_egress_rule" "https_prefix_list" {
  for_each = local.https_prefix_list_rules

  security_group_id = aws_security_group.service[each.value.service].id
  description       = "HTTPS to gateway endpoints (S3, DynamoDB)"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  prefix_list_id    = each.value.prefix_list_id

  tags = var.tags
}
