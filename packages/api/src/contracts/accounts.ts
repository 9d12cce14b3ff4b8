// Inputs of the accounts procedures: zod only, importable by the browser (no server code).
