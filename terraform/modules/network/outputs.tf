output "vpc_id" {
  description = "ID of the VPC."
  value       = aws_vpc.this.id
}

output "vpc_arn" {
  description = "ARN of the VPC."
  value       = aws_vpc.this.arn
}

output "vpc_cidr_block" {
  description = "IPv4 CIDR block of the VPC."
  value       = aws_vpc.this.cidr_block
}

output "azs" {
  description = "Availability zones the subnets are spread over, in subnet order."
  value       = var.azs
}

output "private_subnet_ids" {
  description = "IDs of the private application subnets, in `azs` order (where services run)."
  value       = aws_subnet.private[*].id
}

output "database_subnet_ids" {
  description = "IDs of the isolated data subnets, in `azs` order (for Aurora, ElastiCache and EFS)."
  value       = aws_subnet.database[*].id
}

output "public_subnet_ids" {
  description = "IDs of the public subnets, in `azs` order (empty when none were requested)."
  value       = aws_subnet.public[*].id
}

output "private_route_table_ids" {
  description = "IDs of the private route tables, one per AZ."
  value       = aws_route_table.private[*].id
}

output "database_route_table_id" {
  description = "ID of the route table shared by the data subnets."
  value       = aws_route_table.database.id
}

output "nat_gateway_ids" {
  description = "IDs of the NAT gateways (empty when NAT is off)."
  value       = aws_nat_gateway.this[*].id
}

output "nat_public_ips" {
  description = "Public IPs the private subnets egress from (for allow-lists elsewhere)."
  value       = aws_eip.nat[*].public_ip
}

output "s3_gateway_endpoint_id" {
  description = "ID of the S3 gateway endpoint, or null."
  value       = try(aws_vpc_endpoint.gateway["s3"].id, null)
}

output "s3_prefix_list_id" {
  description = "Prefix list of the S3 gateway endpoint, for security group egress rules (null without the endpoint)."
  value       = try(aws_vpc_endpoint.gateway["s3"].prefix_list_id, null)
}

output "dynamodb_gateway_endpoint_id" {
  description = "ID of the DynamoDB gateway endpoint, or null."
  value       = try(aws_vpc_endpoint.gateway["dynamodb"].id, null)
}

output "dynamodb_prefix_list_id" {
  description = "Prefix list of the DynamoDB gateway endpoint, for security group egress rules (null without the endpoint)."
  value       = try(aws_vpc_endpoint.gateway["dynamodb"].prefix_list_id, null)
}

output "interface_endpoint_ids" {
  description = "Map of service short name to interface endpoint ID."
  value       = { for k, e in aws_vpc_endpoint.interface : k => e.id }
}

output "interface_endpoints_security_group_id" {
  description = "Security group of the interface endpoints, or null."
  value       = try(aws_security_group.interface_endpoints[0].id, null)
}

output "flow_log_id" {
  description = "ID of the VPC flow log, or null."
  value       = try(aws_flow_log.this[0].id, null)
}

output "flow_log_group_name" {
  description = "CloudWatch log group receiving the flow logs, or null."
  value       = try(aws_cloudwatch_log_group.flow_logs[0].name, null)
}
