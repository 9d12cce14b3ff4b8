// Inputs of the national procedures: zod only, importable by the browser (no server code).
