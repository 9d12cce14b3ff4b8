// Inputs of the plans procedures: zod only, importable by the browser (no server code).
