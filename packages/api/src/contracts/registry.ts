// Inputs of the registry procedures: zod only, importable by the browser (no server code).
