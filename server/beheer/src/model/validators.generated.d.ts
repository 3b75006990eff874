// Types of the validators that build.mjs compiles from schemas/ (the .js file is generated, not committed).
export interface SchemaError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  schemaPath: string;
  message?: string;
}

export interface Validator {
  (data: unknown): boolean;
  errors?: SchemaError[] | null;
}

export const peiling: Validator;
export const meedenksessie: Validator;
export const ervaring: Validator;
export const netwerkkaart: Validator;
