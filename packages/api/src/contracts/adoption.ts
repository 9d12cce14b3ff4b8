// Inputs of the adoption procedures: zod only, importable by the browser (no server code).
