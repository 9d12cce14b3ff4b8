// Inputs of the returns procedures: zod only, importable by the browser (no server code).
