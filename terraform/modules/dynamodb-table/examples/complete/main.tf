# The catalog single table: PK/SK, one GSI, TTL, stream, PITR, KMS.
provider "aws" {
  region = "eu-west-1"
}

module "catalog_table" {
  source = "../.."

  name = "example-catalog"
  attributes = [
    { name = "PK", type = "S" },
    { name = "SK", type = "S" },
    { name = "GSI1PK", type = "S" },
    { name = "GSI1SK", type = "S" },
  ]
  global_secondary_indexes = [{ name = "GSI1", hash_key = "GSI1PK", range_key = "GSI1SK" }]
  ttl_attribute            = "expiresAt"
  stream_view_type         = "NEW_AND_OLD_IMAGES"
}

output "table_name" {
  description = "CATALOG_TABLE."
  value       = module.catalog_table.table_name
}
