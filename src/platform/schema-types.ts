import { Type } from "typebox";

/** A schema that also accepts null: `Nullable(Type.String())`. */
export const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

/** An ISO 8601 date-time, as every timestamp in a response is written. */
export const Timestamp = Type.String({ format: "date-time" });
