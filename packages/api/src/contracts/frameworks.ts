// Inputs of the frameworks procedures: zod only, importable by the browser (no server code).
