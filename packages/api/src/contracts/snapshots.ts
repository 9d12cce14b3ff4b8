// Inputs of the snapshots procedures: zod only, importable by the browser (no server code).
