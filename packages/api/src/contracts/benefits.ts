// Inputs of the benefits procedures: zod only, importable by the browser (no server code).
