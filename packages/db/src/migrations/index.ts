import type { Migration, MigrationProvider } from "kysely";
import * as m0001 from "./0001_reference.js";
import * as m0002 from "./0002_framework_adoption.js";
import * as m0003 from "./0003_audit_returns.js";
import * as m0004 from "./0004_benefits_plans.js";
import * as m0006 from "./0006_national.js";
import * as m0005 from "./0005_registry_admin.js";
import * as m0007 from "./0007_scale.js";
import * as m0008 from "./0008_official_returns.js";
import * as m0009 from "./0009_system_clients.js";
import * as m0011 from "./0011_team.js";
import * as m0015 from "./0015_trust_records.js";
import * as m0014 from "./0014_system_reported.js";
import * as m0012 from "./0012_oversight.js";
import * as m0010 from "./0010_security.js";
import * as m0017 from "./0017_rate_limit.js";
import * as m0018 from "./0018_snapshot_answer.js";
import * as m0019 from "./0019_data_version.js";
import * as m0020 from "./0020_audit_chain_at_commit.js";
import * as m0021 from "./0021_framework_digest.js";
import * as m0022 from "./0022_auth_version.js";
import * as m0023 from "./0023_snapshot_rows_per_statement.js";

/** Every migration, in order; an in-code provider so the built package needs no migration folder at run time. */
export const migrations: Record<string, Migration> = {
  "0001_reference": m0001,
  "0002_framework_adoption": m0002,
  "0003_audit_returns": m0003,
  "0004_benefits_plans": m0004,
  "0006_national": m0006,
  "0005_registry_admin": m0005,
  "0007_scale": m0007,
  "0008_official_returns": m0008,
  "0009_system_clients": m0009,
  "0011_team": m0011,
  "0015_trust_records": m0015,
  "0014_system_reported": m0014,
  "0012_oversight": m0012,
  "0010_security": m0010,
  "0017_rate_limit": m0017,
  "0018_snapshot_answer": m0018,
  "0019_data_version": m0019,
  "0020_audit_chain_at_commit": m0020,
  "0021_framework_digest": m0021,
  "0022_auth_version": m0022,
  "0023_snapshot_rows_per_statement": m0023,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
